import { strFromU8 } from 'fflate';
import type { TenderDocument } from '../model/types.js';
import { readZipEntries } from '../render/docx/bounded-zip.js';
import { manifestOrUndefined } from '../render/docx/manifest.js';
import { normaliseParts } from '../render/docx/normalise.js';
import { type DocumentDiff, diffDocuments } from './diff-documents.js';
import { docxParagraphs } from './docx-paragraphs.js';
import { modelParagraphs } from './paragraphs.js';
import { type RevisionOptions, redlineDocumentXml } from './redline.js';
import { type FlatDocument, flattenParagraphs } from './units.js';

export type {
  ChangeKind,
  DocumentChange,
  DocumentDiff,
  ManifestChanges,
  ParagraphOp,
  WordPart,
} from './diff-documents.js';
export { CHANGE_KINDS, diffDocuments, diffManifests, wordParts } from './diff-documents.js';
export type { DocxParagraph } from './docx-paragraphs.js';
export { docxParagraphs } from './docx-paragraphs.js';
export type { CellPosition, FlatParagraph, ParagraphRole } from './paragraphs.js';
export { modelParagraphs, PARAGRAPH_ROLES } from './paragraphs.js';
export type { RevisionOptions } from './redline.js';
export { redlineDocumentXml } from './redline.js';
export type { FlatDocument, ScopeKind, TextUnit, UnitKind, UnitScope } from './units.js';
export { flattenParagraphs, SCOPE_KINDS, UNIT_KINDS } from './units.js';

/** Author of tracked changes unless the caller names one. */
export const DEFAULT_REDLINE_AUTHOR = 'LOTI Tender Kit';

/** A document model as a reader sees it: the same units as the .docx it renders to (see flattenDocx). */
export function flattenModel(doc: TenderDocument): FlatDocument {
  return flattenParagraphs(modelParagraphs(doc), doc.manifest);
}

/** The body part of a .docx, read within the zip budgets (a document from outside may be a zip bomb). */
function documentXml(bytes: Uint8Array): string | undefined {
  const zip = readZipEntries(bytes, (name) => name === 'word/document.xml');
  const part = zip.ok ? zip.files['word/document.xml'] : undefined;
  return part ? strFromU8(part) : undefined;
}

/** A .docx as a reader sees it; undefined when the bytes are not a Word document. */
export function flattenDocx(bytes: Uint8Array): FlatDocument | undefined {
  const xml = documentXml(bytes);
  if (xml === undefined) return undefined;
  return flattenParagraphs(docxParagraphs(xml), manifestOrUndefined(bytes));
}

/** The tracked-changes date for a document: its issue date at midnight UTC, so the same inputs give the same bytes. */
export function revisionDate(issueDate: string): string {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(issueDate)?.[0];
  return day ? `${day}T00:00:00Z` : '2000-01-01T00:00:00Z';
}

/**
 * The whole new document (its .docx bytes, e.g. from renderDocx) with Word tracked changes against `before`,
 * zipped deterministically. Also returns the comparison it is drawn from.
 */
export function redlineDocx(
  newDocx: Uint8Array,
  before: FlatDocument,
  options: Partial<RevisionOptions> & {
    /** The new document's issue date; read from the .docx's core properties when not given. */
    readonly issueDate?: string;
  } = {},
): { bytes: Uint8Array; diff: DocumentDiff } | undefined {
  // The new document may come from outside (tender diff a.docx b.docx --redline): every part is read within the
  // zip budgets, since the redline re-packs them all.
  const read = readZipEntries(newDocx, () => true);
  if (!read.ok) return undefined;
  const files = read.files;
  const part = files['word/document.xml'];
  if (!part) return undefined;
  const xml = strFromU8(part);
  const core = files['docProps/core.xml'];
  const created = core ? /<dcterms:created\b[^>]*>(\d{4}-\d{2}-\d{2})/.exec(strFromU8(core))?.[1] : undefined;
  const issueDate = options.issueDate ?? created ?? '2000-01-01';
  const paragraphs = docxParagraphs(xml);
  const after = flattenParagraphs(paragraphs, manifestOrUndefined(newDocx));
  const diff = diffDocuments(before, after);
  const revised = redlineDocumentXml(xml, paragraphs, before.paragraphs, diff.paragraphs, {
    author: options.author ?? DEFAULT_REDLINE_AUTHOR,
    date: options.date ?? revisionDate(issueDate),
  });
  const parts = new Map<string, string | Uint8Array>(Object.entries(files));
  parts.set('word/document.xml', revised);
  return { bytes: normaliseParts(parts, { issueDate }), diff };
}
export type { ClauseUpdateDocumentOptions, ClauseUpdateText } from './clause-updates.js';
export { clauseUpdateDocuments, PLACEHOLDER_NOTE, updatesDate } from './clause-updates.js';
