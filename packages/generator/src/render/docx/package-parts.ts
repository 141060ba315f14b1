import { type Document, Packer } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import type { BodyWriter } from './body-splice.js';
import { type NormaliseOptions, normaliseParts, type PackageParts } from './normalise.js';

/**
 * docx's Packer compiles the document to its parts, then zips them; normalisation then has to unzip them again to
 * make them deterministic and zip them a second time. Three passes over the largest strings of a render, two of
 * them compression. docx 9.15's packer holds its compiler as a private static field whose `compile` returns the
 * parts unzipped; using it leaves one zip pass. It is not public API, so it is checked at run time, and the public
 * `Packer.pack` path stays as the fallback (package-parts.test.ts fails if the fast path ever stops being taken).
 */
interface PartsCompiler {
  compile(
    file: Document,
    prettify?: undefined,
    overrides?: readonly unknown[],
  ): Map<string, string | Uint8Array>;
}

function docxCompiler(): PartsCompiler | undefined {
  const compiler = (Packer as unknown as { compiler?: Partial<PartsCompiler> }).compiler;
  return typeof compiler?.compile === 'function' ? (compiler as PartsCompiler) : undefined;
}

/** The document's parts from docx's compiler, or undefined when the compiler is missing or returns something else. */
export function compiledParts(document: Document): PackageParts | undefined {
  const parts = docxCompiler()?.compile(document);
  if (!(parts instanceof Map)) return undefined;
  for (const value of parts.values()) {
    if (typeof value !== 'string' && !(value instanceof Uint8Array)) return undefined;
  }
  return parts;
}

/**
 * The document as a normalised, deterministic .docx: one compile, one zip. `body` is the body XML written
 * straight from the model, spliced in where its placeholders are (body-splice.ts).
 */
export async function packDocument(
  document: Document,
  options: NormaliseOptions,
  body?: BodyWriter,
): Promise<Uint8Array> {
  let parts = compiledParts(document);
  if (!parts) {
    const files = unzipSync(await Packer.pack(document, 'uint8array'));
    parts = new Map(
      Object.entries(files).map(([path, data]) => [
        path,
        /\.(xml|rels)$/.test(path) ? strFromU8(data) : data,
      ]),
    );
  }
  return normaliseParts(body ? body.splice(parts) : parts, options);
}
