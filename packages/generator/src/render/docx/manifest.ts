import { fail, ok, type Result } from '@loti/clauses';
import { z } from 'zod';
import type { DocumentManifest } from '../../model/types.js';
import { readZipEntries, ZIP_ERROR_CODES, ZIP_LIMITS, type ZipLimits } from './bounded-zip.js';

/**
 * The clause manifest travels inside the .docx as a custom XML part (customXml/item1.xml), which Word keeps when it
 * re-saves a file and which any zip+XML tool can read. The part holds the manifest as JSON text, all non-ASCII
 * escaped, so it round-trips exactly whatever characters it contains.
 */
export const MANIFEST_NAMESPACE = 'urn:loti:tender-kit:manifest:1';
/** Fixed data-store id: the part is the same kind of thing in every document, and ids must not be random. */
const MANIFEST_ITEM_ID = '{6C0A3B9E-4F1D-4B8A-9E27-3D5C1A7F0B42}';

export const MANIFEST_PARTS = {
  item: 'customXml/item1.xml',
  props: 'customXml/itemProps1.xml',
  rels: 'customXml/_rels/item1.xml.rels',
} as const;

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
    switch (entity) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return String.fromCodePoint(
          entity.startsWith('#x')
            ? Number.parseInt(entity.slice(2), 16)
            : Number.parseInt(entity.slice(1), 10),
        );
    }
  });
}

/** JSON with every character outside printable ASCII as \uXXXX: valid XML text whatever the manifest holds. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[^\x20-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * In an .odt the same XML travels as a part of its own, listed in META-INF/manifest.xml (ODF packages may hold any
 * file); LibreOffice and other readers ignore it.
 */
export const ODT_MANIFEST_PATH = 'TenderKit/manifest.xml';

/** The manifest as one XML document: the root element holds it as ASCII-only JSON text. */
export function manifestXml(manifest: DocumentManifest): string {
  const declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  return `${declaration}<tenderManifest xmlns="${MANIFEST_NAMESPACE}" encoding="json">${escapeXml(asciiJson(manifest))}</tenderManifest>`;
}

export function manifestParts(manifest: DocumentManifest): Record<string, string> {
  const declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  return {
    [MANIFEST_PARTS.item]: manifestXml(manifest),
    [MANIFEST_PARTS.props]: `${declaration}<ds:datastoreItem ds:itemID="${MANIFEST_ITEM_ID}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${MANIFEST_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`,
    [MANIFEST_PARTS.rels]: `${declaration}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/></Relationships>`,
  };
}

const reasonSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('explicit') }),
  z.object({ kind: z.literal('profile'), profile: z.string() }),
  z.object({ kind: z.literal('fact'), facts: z.array(z.string()), implied: z.array(z.string()).optional() }),
  z.object({ kind: z.literal('procedure'), procedure: z.string() }),
  z.object({ kind: z.literal('always') }),
  z.object({ kind: z.literal('dependency'), from: z.string() }),
]);

const manifestSchema = z.object({
  generator: z.string(),
  clausesPackageVersion: z.string(),
  specReference: z.string(),
  specHash: z.string().optional(),
  clauses: z.array(
    z.object({
      id: z.string(),
      version: z.string(),
      hash: z.string(),
      number: z.string(),
      reasons: z.array(reasonSchema),
    }),
  ),
  excluded: z.array(z.object({ id: z.string(), reason: z.string() })),
  references: z.array(z.string()),
});

/** Why a document's manifest could not be read: a zip problem, a budget exceeded, or no valid manifest. */
export const MANIFEST_READ_CODES = {
  ...ZIP_ERROR_CODES,
  MANIFEST_MISSING: 'The document has no LOTI Tender Kit manifest.',
  MANIFEST_INVALID: 'The document has a manifest part, but it is not a valid manifest.',
} as const;
/** One of the {@link MANIFEST_READ_CODES}. */
export type ManifestReadCode = keyof typeof MANIFEST_READ_CODES;

export type ManifestReadResult =
  | { readonly ok: true; readonly manifest: DocumentManifest }
  | { readonly ok: false; readonly code: ManifestReadCode; readonly message: string };

/** At most this many custom XML items are looked at (Word keeps a handful). */
const MAX_CUSTOM_XML_ITEMS = 64;
const CUSTOM_XML_ITEM = /^customXml\/item\d{0,9}\.xml$/;

/**
 * Reads the clause manifest back from a .docx made by renderDocx (or re-saved by Word, which may renumber the
 * custom XML items, so every item is looked at) or an .odt made by renderOdt, within the zip budgets of bounded-zip.ts. Never throws.
 */
export function readManifestChecked(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ManifestReadResult {
  if (!(bytes instanceof Uint8Array))
    return { ok: false, code: 'ZIP_INVALID', message: 'no document bytes were given' };
  let items = 0;
  const zip = readZipEntries(
    bytes,
    (name) => (name === ODT_MANIFEST_PATH || CUSTOM_XML_ITEM.test(name)) && ++items <= MAX_CUSTOM_XML_ITEMS,
    limits,
  );
  if (!zip.ok) return zip;
  let sawManifest = false;
  for (const name of Object.keys(zip.files).sort()) {
    const data = zip.files[name] as Uint8Array;
    const xml = new TextDecoder('utf-8', { fatal: false }).decode(data);
    if (!xml.includes(MANIFEST_NAMESPACE)) continue;
    const body = manifestBody(xml);
    if (body === undefined) continue;
    sawManifest = true;
    const json = unescapeXml(body.trim());
    // A manifest nests six levels; deep nesting is hostile (JSON.parse took 12 s on 5 million open brackets).
    if (!nestsWithin(json, MAX_MANIFEST_DEPTH))
      return {
        ok: false,
        code: 'MANIFEST_INVALID',
        message: `its manifest nests deeper than ${MAX_MANIFEST_DEPTH} levels, which no LOTI Tender Kit manifest does`,
      };
    try {
      const parsed = manifestSchema.safeParse(JSON.parse(json));
      if (parsed.success) return { ok: true, manifest: parsed.data };
    } catch {
      // Not JSON: try the next item.
    }
  }
  return sawManifest
    ? {
        ok: false,
        code: 'MANIFEST_INVALID',
        message: 'its manifest part is not a valid LOTI Tender Kit manifest',
      }
    : { ok: false, code: 'MANIFEST_MISSING', message: 'it has no LOTI Tender Kit manifest' };
}

/** Options for {@link readManifest}. */
export interface ReadManifestOptions {
  /** The document's name, for messages; default "The document". */
  readonly file?: string;
  /** Zip budgets (entries, inflated sizes); default the generous ones a real tender fits in. */
  readonly limits?: ZipLimits;
}

/**
 * Reads the clause manifest back from a .docx, .odt or pack workbook made by the kit. Never throws: a file that is
 * not a zip, breaks the zip budgets or carries no valid manifest gives a failed Result with the reason.
 */
export function readManifest(
  bytes: Uint8Array,
  options: ReadManifestOptions = {},
): Result<DocumentManifest, ManifestReadCode> {
  const result = readManifestChecked(bytes, options.limits ?? ZIP_LIMITS);
  if (result.ok) return ok(result.manifest);
  const file = options.file ?? 'The document';
  const message =
    result.code === 'MANIFEST_MISSING'
      ? `${file} has no LOTI Tender Kit manifest: only documents the kit made can be read.`
      : `${file} cannot be read: ${result.message}.`;
  return fail([{ code: result.code, severity: 'error', message }]);
}

/** The manifest, or undefined when there is none or it cannot be read: for comparing documents from elsewhere. */
export function manifestOrUndefined(bytes: Uint8Array): DocumentManifest | undefined {
  const result = readManifestChecked(bytes);
  return result.ok ? result.manifest : undefined;
}

const MAX_MANIFEST_DEPTH = 16;

/** Whether JSON text nests at most `max` arrays and objects deep: one linear pass that skips strings. */
function nestsWithin(json: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return false;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return true;
}

const NAME_CHAR = /[\w.-]/;

/**
 * The text inside the first <tenderManifest> element (any namespace prefix), found with indexOf rather than a
 * regular expression: `<tenderManifest` repeated 43,000 times made the old lazy pattern run for minutes. Only the
 * first opening tag is tried, so the work is linear in the item's size.
 */
function manifestBody(xml: string): string | undefined {
  const tag = 'tenderManifest';
  for (let at = xml.indexOf(tag); at >= 0; at = xml.indexOf(tag, at + tag.length)) {
    // Walk back over an optional prefix ("ns:") to the "<"; a prefix is short, so this is bounded.
    let start = at - 1;
    if (xml[start] === ':') {
      start--;
      const limit = Math.max(0, start - 64);
      while (start > limit && NAME_CHAR.test(xml[start] as string)) start--;
    }
    if (xml[start] !== '<') continue;
    const after = xml[at + tag.length];
    if (after !== '>' && after !== ' ' && after !== '\t' && after !== '\n' && after !== '\r') continue;
    const prefix = xml.slice(start + 1, at);
    const open = xml.indexOf('>', at);
    if (open < 0) return undefined;
    const close = xml.indexOf(`</${prefix}${tag}>`, open + 1);
    return close < 0 ? undefined : xml.slice(open + 1, close);
  }
  return undefined;
}
