import { strToU8, type Zippable, zipSync } from 'fflate';
import { fixedDay } from '../docx/normalise.js';
import { attrs } from './xml.js';

const ODT_MEDIA_TYPE = 'application/vnd.oasis.opendocument.text';

export interface OdtPart {
  readonly path: string;
  readonly mediaType: string;
  readonly data: string | Uint8Array;
}

function manifestXml(parts: readonly OdtPart[]): string {
  const entries = parts
    .map(
      (part) =>
        `<manifest:file-entry${attrs({ 'manifest:full-path': part.path, 'manifest:media-type': part.mediaType })}/>`,
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">' +
    `<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="${ODT_MEDIA_TYPE}"/>` +
    `${entries}</manifest:manifest>`
  );
}

/**
 * Zips an OpenDocument package: the mimetype entry first and stored (so tools can sniff the type at a fixed offset),
 * then the manifest and the parts in the order given, every entry dated at noon on the issue date (a local-time string,
 * so the bytes are the same in every time zone; see docx/normalise.ts). Same parts and date → same bytes.
 */
export function zipOdt(parts: readonly OdtPart[], issueDate: string): Uint8Array {
  const mtime = `${fixedDay(issueDate)}T12:00:00`;
  const zippable: Zippable = {};
  zippable.mimetype = [strToU8(ODT_MEDIA_TYPE), { mtime, level: 0 }];
  zippable['META-INF/manifest.xml'] = [strToU8(manifestXml(parts)), { mtime, level: 6 }];
  for (const part of parts) {
    const data = typeof part.data === 'string' ? strToU8(part.data) : part.data;
    zippable[part.path] = [data, { mtime, level: /\.(png|jpe?g)$/i.test(part.path) ? 0 : 6 }];
  }
  return zipSync(zippable);
}
