import { strFromU8, strToU8, unzipSync, type Zippable, zipSync } from 'fflate';
import type { DocumentManifest } from '../../model/types.js';
import { MANIFEST_PARTS, manifestParts } from './manifest.js';

/**
 * Everything that makes docx's output vary between runs is fixed here, in one place, after packing:
 *  - docProps/core.xml created/modified come from the clock → the issue date at midnight UTC;
 *  - hyperlink relationship ids are random → every part's relationships renumbered rId1… in order;
 *  - bookmark ids, "_Toc" bookmark names and drawing ids count on across documents in one process → renumbered in
 *    order of appearance;
 *  - zip entries carry the current time and docx's order → re-zipped with fflate, fixed dates, sorted entries
 *    ([Content_Types].xml first).
 * The clause manifest's custom XML part is added here too, as docx has no API for one. The pack's .xlsx files go
 * through the same steps (exceljs's zip also carries the current time).
 */

export interface NormaliseOptions {
  /** ISO date (YYYY-MM-DD…) used for the core dates and the zip entry dates. */
  readonly issueDate: string;
  readonly manifest?: DocumentManifest;
}

const REL_TYPE_CUSTOM_XML = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml';
const CT_CUSTOM_XML_PROPS = 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml';

/** YYYY-MM-DD from the issue date, when it is a real date DOS zip times can hold; else 1980-01-01. */
export function fixedDay(issueDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(issueDate);
  if (!match) return '1980-01-01';
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const valid = y >= 1980 && y <= 2099 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
  return valid ? `${match[1]}-${match[2]}-${match[3]}` : '1980-01-01';
}

function fixCoreDates(xml: string, day: string): string {
  const stamp = `${day}T00:00:00Z`;
  return xml
    .replace(/(<dcterms:created\b[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
    .replace(/(<dcterms:modified\b[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`);
}

/** "word/_rels/document.xml.rels" → "word/document.xml". */
function partOfRels(relsPath: string): string {
  return relsPath.replace(/(^|\/)_rels\/([^/]*)\.rels$/, '$1$2');
}

/** Renumbers one part's relationships rId1… in file order and rewrites every r:* reference in the part. */
function renumberRelationships(rels: string, part: string | undefined): { rels: string; part?: string } {
  const map = new Map<string, string>();
  const newRels = rels.replace(
    /(<Relationship\b[^>]*?\bId=")([^"]*)(")/g,
    (_, open: string, id: string, close: string) => {
      const next = `rId${map.size + 1}`;
      if (!map.has(id)) map.set(id, next);
      return `${open}${map.get(id)}${close}`;
    },
  );
  const newPart = part?.replace(
    /(\br:[A-Za-z]+=")([^"]*)(")/g,
    (whole, open: string, id: string, close: string) => {
      const mapped = map.get(id);
      return mapped ? `${open}${mapped}${close}` : whole;
    },
  );
  return { rels: newRels, part: newPart };
}

/**
 * Bookmark ids, "_Toc…" names and drawing ids, renumbered in order of first appearance. One pass over the part with
 * one alternation: this runs over the whole document body, the largest string in the package.
 */
const COUNTERS =
  /<w:bookmark(?:Start|End)\b[^>]*>|(\bw:(?:name|anchor)=")_Toc(\d+)(")|(<w:instrText\b[^>]*>[^<]*?)_Toc(\d+)|(<(?:wp:docPr|pic:cNvPr)\b[^>]*?\bid=")\d+(")/g;
const BOOKMARK_ATTRIBUTES = /(\bw:id=")(\d+)(")|(\bw:name=")_Toc(\d+)(")/g;

function renumberCounters(xml: string, counters: { drawing: number }): string {
  const bookmarkIds = new Map<string, string>();
  const bookmarkId = (id: string) => {
    let next = bookmarkIds.get(id);
    if (next === undefined) {
      next = String(bookmarkIds.size + 1);
      bookmarkIds.set(id, next);
    }
    return next;
  };
  const tocNames = new Map<string, string>();
  const tocName = (n: string) => {
    let name = tocNames.get(n);
    if (name === undefined) {
      name = `_Toc${tocNames.size + 1}`;
      tocNames.set(n, name);
    }
    return name;
  };
  const bookmarkTag = (tag: string) =>
    tag.replace(
      BOOKMARK_ATTRIBUTES,
      (
        _,
        idOpen?: string,
        id?: string,
        idClose?: string,
        nameOpen?: string,
        toc?: string,
        nameClose?: string,
      ) =>
        id !== undefined
          ? `${idOpen}${bookmarkId(id)}${idClose}`
          : `${nameOpen}${tocName(toc as string)}${nameClose}`,
    );
  return xml.replace(
    COUNTERS,
    (
      whole: string,
      tocOpen?: string,
      tocNumber?: string,
      tocClose?: string,
      instrText?: string,
      instrNumber?: string,
      drawingOpen?: string,
      drawingClose?: string,
    ) => {
      if (tocNumber !== undefined) return `${tocOpen}${tocName(tocNumber)}${tocClose}`;
      if (instrNumber !== undefined) return `${instrText}${tocName(instrNumber)}`;
      if (drawingOpen !== undefined) {
        // Drawing ids must be unique across the package, so one counter runs through all parts.
        counters.drawing += drawingOpen.startsWith('<wp:docPr') ? 1 : 0;
        return `${drawingOpen}${counters.drawing}${drawingClose}`;
      }
      return bookmarkTag(whole);
    },
  );
}

function addManifest(files: Record<string, string>, manifest: DocumentManifest): void {
  Object.assign(files, manifestParts(manifest));
  // The manifest hangs off the main part: the document in a .docx, the workbook in an .xlsx.
  const relsPath =
    files['xl/_rels/workbook.xml.rels'] !== undefined
      ? 'xl/_rels/workbook.xml.rels'
      : 'word/_rels/document.xml.rels';
  const rels = files[relsPath];
  if (rels !== undefined && !rels.includes(REL_TYPE_CUSTOM_XML)) {
    files[relsPath] = rels.replace(
      '</Relationships>',
      `<Relationship Id="rIdManifest" Type="${REL_TYPE_CUSTOM_XML}" Target="../${MANIFEST_PARTS.item}"/></Relationships>`,
    );
  }
  const types = files['[Content_Types].xml'];
  if (types !== undefined) {
    let next = types;
    if (!/<Default\b[^>]*Extension="xml"/.test(next)) {
      next = next.replace('</Types>', '<Default Extension="xml" ContentType="application/xml"/></Types>');
    }
    if (!next.includes(`/${MANIFEST_PARTS.props}`)) {
      next = next.replace(
        '</Types>',
        `<Override PartName="/${MANIFEST_PARTS.props}" ContentType="${CT_CUSTOM_XML_PROPS}"/></Types>`,
      );
    }
    files['[Content_Types].xml'] = next;
  }
}

const isXml = (path: string) => /\.(xml|rels)$/.test(path);

/** [Content_Types].xml first (some readers insist), then the package relationships, then by path. */
function entryOrder(a: string, b: string): number {
  const rank = (p: string) => (p === '[Content_Types].xml' ? 0 : p === '_rels/.rels' ? 1 : 2);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** A package's parts by path: XML as strings, media as bytes (what docx's compiler produces). */
export type PackageParts = ReadonlyMap<string, string | Uint8Array>;

/** Fixes every varying detail of the parts (see above) and zips them: the only compression pass of a render. */
export function normaliseParts(parts: PackageParts, options: NormaliseOptions): Uint8Array {
  const day = fixedDay(options.issueDate);
  const text: Record<string, string> = {};
  const binary: Record<string, Uint8Array> = {};
  for (const [path, data] of parts) {
    if (path.endsWith('/')) continue;
    if (isXml(path)) text[path] = typeof data === 'string' ? data : strFromU8(data);
    else binary[path] = typeof data === 'string' ? strToU8(data) : data;
  }

  const core = text['docProps/core.xml'];
  if (core !== undefined) text['docProps/core.xml'] = fixCoreDates(core, day);
  if (options.manifest) addManifest(text, options.manifest);

  for (const relsPath of Object.keys(text).filter((p) => p.endsWith('.rels'))) {
    const partPath = partOfRels(relsPath);
    const target = partPath === relsPath ? undefined : text[partPath];
    const { rels, part } = renumberRelationships(text[relsPath] as string, target);
    text[relsPath] = rels;
    if (part !== undefined) text[partPath] = part;
  }

  const counters = { drawing: 0 };
  for (const path of Object.keys(text).sort(entryOrder)) {
    if (path.startsWith('word/') && !path.includes('/_rels/')) {
      text[path] = renumberCounters(text[path] as string, counters);
    }
  }

  // Noon local time: fflate writes the zip's local-time fields from the Date's local getters, so a local-time
  // string gives the same bytes in every time zone.
  const mtime = `${day}T12:00:00`;
  const zippable: Zippable = {};
  const paths = [...Object.keys(text), ...Object.keys(binary)].sort(entryOrder);
  for (const path of paths) {
    const data = text[path] !== undefined ? strToU8(text[path] as string) : (binary[path] as Uint8Array);
    zippable[path] = [data, { mtime, level: /\.(png|jpe?g)$/i.test(path) ? 0 : 6 }];
  }
  return zipSync(zippable);
}

/** normaliseParts for a package that is already zipped (docx's public Packer output). */
export function normalisePackage(bytes: Uint8Array, options: NormaliseOptions): Uint8Array {
  return normaliseParts(new Map(Object.entries(unzipSync(bytes))), options);
}
