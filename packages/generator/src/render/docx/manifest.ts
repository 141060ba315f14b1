import { strFromU8, unzipSync } from 'fflate';
import { z } from 'zod';
import type { DocumentManifest } from '../../model/types.js';

/**
 * The clause manifest travels inside the .docx as a custom XML part (customXml/item1.xml), which Word keeps when it
 * re-saves a file and which any zip+XML tool can read. The part holds the manifest as JSON text, all non-ASCII
 * escaped, so it round-trips exactly whatever characters it contains.
 */
export const MANIFEST_NAMESPACE = 'urn:loti:tender-kit:manifest:1';
/** Fixed data-store id: the part is the same kind of thing in every document, and ids must not be random. */
export const MANIFEST_ITEM_ID = '{6C0A3B9E-4F1D-4B8A-9E27-3D5C1A7F0B42}';

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

const ROOT =
  /<(?:[A-Za-z_][\w.-]*:)?tenderManifest\b[^>]*>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?tenderManifest>/;

/**
 * Reads the clause manifest back from a .docx made by renderDocx (or re-saved by Word, which may renumber the
 * custom XML items, so every item is looked at) or an .odt made by renderOdt. Undefined when the file has none or it
 * is not a valid manifest.
 */
export function readManifest(bytes: Uint8Array): DocumentManifest | undefined {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => file.name === ODT_MANIFEST_PATH || /^customXml\/item\d*\.xml$/.test(file.name),
    });
  } catch {
    return undefined;
  }
  for (const name of Object.keys(files).sort()) {
    const data = files[name];
    if (!data) continue;
    const xml = strFromU8(data);
    if (!xml.includes(MANIFEST_NAMESPACE)) continue;
    const body = ROOT.exec(xml)?.[1];
    if (body === undefined) continue;
    try {
      const parsed = manifestSchema.safeParse(JSON.parse(unescapeXml(body.trim())));
      if (parsed.success) return parsed.data;
    } catch {
      // Not JSON: fall through to the next item.
    }
  }
  return undefined;
}
