import { sanitiseText } from '../text/sanitise.js';
import { type ParagraphOp, wordParts } from './diff-documents.js';
import { type DocxParagraph, decodeXmlText, type RowSpan, type TableSpan } from './docx-paragraphs.js';
import type { FlatParagraph, ParagraphRole } from './paragraphs.js';

/**
 * Turns the new document's body into a redline: Word tracked changes (w:ins / w:del) against the old document,
 * written into the new document's own XML so every style, number, table and cover fact stays as built. Changed
 * paragraphs get word-level changes inside their runs (each piece keeps its run's formatting); added paragraphs and
 * table rows are marked inserted; removed ones are written back as deleted paragraphs and rows where they stood.
 * Accepting every change gives exactly the new document's paragraphs.
 */

export interface RevisionOptions {
  readonly author: string;
  /** ISO date-time of every revision (never the clock: the same inputs give the same bytes). */
  readonly date: string;
}

const TAG = /<(\/?)([A-Za-z][\w.-]*:[A-Za-z][\w.-]*|[A-Za-z][\w.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;

/** Paragraph style for a deleted paragraph the new document has no XML for (old side from a spec). */
const STYLE_OF_ROLE: Readonly<Record<ParagraphRole, string>> = {
  heading1: 'Heading1',
  heading2: 'Heading2',
  caption: 'Caption',
  bullet: 'ClauseText',
  'note-label': 'DraftingNoteLabel',
  text: 'ClauseText',
};

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Run content for text that may hold tabs: every piece through the XML sanitiser, tabs as w:tab. */
function runContent(text: string, element: 'w:t' | 'w:delText'): string {
  return text
    .split('\t')
    .map((piece) => {
      const clean = sanitiseText(piece);
      return clean ? `<${element} xml:space="preserve">${escapeXml(clean)}</${element}>` : '';
    })
    .join('<w:tab/>');
}

type Segment = { readonly raw: string } | { readonly rPr: string; readonly text: string };

interface ParsedParagraph {
  readonly open: string;
  readonly pPr: string;
  readonly segments: readonly Segment[];
  /** False when a run holds something besides text and tabs (a field, a drawing, a break): no word-level edit. */
  readonly plain: boolean;
}

function parseParagraph(xml: string): ParsedParagraph {
  const openEnd = xml.indexOf('>') + 1;
  const open = xml.slice(0, openEnd);
  const body = xml.slice(openEnd, xml.lastIndexOf('</w:p>'));
  let pPr = '';
  let rest = body;
  if (body.startsWith('<w:pPr>') || body.startsWith('<w:pPr ')) {
    const end = body.indexOf('</w:pPr>') + '</w:pPr>'.length;
    pPr = body.slice(0, end);
    rest = body.slice(end);
  } else if (body.startsWith('<w:pPr/>')) rest = body.slice('<w:pPr/>'.length);
  const segments: Segment[] = [];
  let plain = true;
  let cursor = 0;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(rest); match; match = TAG.exec(rest)) {
    const [whole, closing, name, , selfClosing] = match;
    if (closing || name !== 'w:r' || selfClosing) continue;
    const end = rest.indexOf('</w:r>', match.index);
    if (end < 0) break;
    if (match.index > cursor) segments.push({ raw: rest.slice(cursor, match.index) });
    const run = rest.slice(match.index + whole.length, end);
    const parsed = parseRun(run);
    if (parsed) segments.push(parsed);
    else {
      plain = false;
      segments.push({ raw: rest.slice(match.index, end + '</w:r>'.length) });
    }
    cursor = end + '</w:r>'.length;
    TAG.lastIndex = cursor;
  }
  if (cursor < rest.length) segments.push({ raw: rest.slice(cursor) });
  return { open, pPr, segments, plain };
}

/** A run of text and tabs as its properties and text; undefined for anything else. */
function parseRun(inner: string): { rPr: string; text: string } | undefined {
  let rPr = '';
  let content = inner;
  if (inner.startsWith('<w:rPr>') || inner.startsWith('<w:rPr ')) {
    const end = inner.indexOf('</w:rPr>') + '</w:rPr>'.length;
    rPr = inner.slice(0, end);
    content = inner.slice(end);
  }
  let text = '';
  const pieces = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:t\s*\/>|<w:tab\s*\/>/y;
  let at = 0;
  while (at < content.length) {
    pieces.lastIndex = at;
    const match = pieces.exec(content);
    if (!match) return undefined;
    text += match[0].startsWith('<w:tab') ? '\t' : decodeXmlText(match[1] ?? '');
    at = pieces.lastIndex;
  }
  return { rPr, text };
}

/** Adds a paragraph-mark revision (w:ins or w:del inside w:pPr/w:rPr). */
function markParagraph(pPr: string, mark: string): string {
  if (!pPr) return `<w:pPr><w:rPr>${mark}</w:rPr></w:pPr>`;
  const rPr = /<w:rPr(?:\s[^>]*)?>/.exec(pPr);
  if (rPr) return pPr.slice(0, rPr.index + rPr[0].length) + mark + pPr.slice(rPr.index + rPr[0].length);
  const before = /<w:sectPr\b|<w:pPrChange\b|<\/w:pPr>/.exec(pPr);
  const at = before ? before.index : pPr.length;
  return `${pPr.slice(0, at)}<w:rPr>${mark}</w:rPr>${pPr.slice(at)}`;
}

interface Edit {
  readonly at: number;
  /** Replaced up to here; equal to `at` for an insertion. */
  readonly to: number;
  readonly xml: string;
  readonly order: number;
}

/**
 * The redline of a new document body. `paragraphs` are the new body's paragraphs (docxParagraphs of `xml`),
 * `oldParagraphs` the old document's, `ops` their alignment (DocumentDiff.paragraphs).
 */
export function redlineDocumentXml(
  xml: string,
  paragraphs: readonly DocxParagraph[],
  oldParagraphs: readonly (FlatParagraph & { readonly style?: string })[],
  ops: readonly ParagraphOp[],
  options: RevisionOptions,
): string {
  // Revision ids after the bookmark ids (1…n once normalised), so no two annotations share an id.
  let revision = xml.split('<w:bookmarkStart ').length - 1;
  const attributes = () =>
    `w:id="${++revision}" w:author="${escapeXml(sanitiseText(options.author))}" w:date="${options.date}"`;
  const edits: Edit[] = [];
  const edit = (at: number, to: number, replacement: string) =>
    edits.push({ at, to, xml: replacement, order: edits.length });

  const insertedRun = (rPr: string, text: string) =>
    `<w:ins ${attributes()}><w:r>${rPr}${runContent(text, 'w:t')}</w:r></w:ins>`;
  const deletedRun = (rPr: string, text: string) =>
    `<w:del ${attributes()}><w:r>${rPr}${runContent(text, 'w:delText')}</w:r></w:del>`;
  const plainRun = (rPr: string, text: string) => `<w:r>${rPr}${runContent(text, 'w:t')}</w:r>`;

  const rewriteChanged = (paragraph: DocxParagraph, before: string) => {
    const parsed = parseParagraph(xml.slice(paragraph.start, paragraph.end));
    const runs = parsed.segments.filter((s): s is { rPr: string; text: string } => 'rPr' in s);
    const text = runs.map((run) => run.text).join('');
    const firstRPr = runs[0]?.rPr ?? '';
    let body: string;
    if (!parsed.plain || text !== paragraph.text) {
      // Something besides plain runs: the old wording deleted as a whole, the runs marked inserted as they are.
      body =
        deletedRun(firstRPr, before) +
        parsed.segments.map((s) => ('rPr' in s ? insertedRun(s.rPr, s.text) : s.raw)).join('');
    } else body = wordLevel(parsed.segments, wordParts(before, text));
    edit(paragraph.start, paragraph.end, `${parsed.open}${parsed.pPr}${body}</w:p>`);
  };

  /** Lays the word diff over the runs: each piece keeps the formatting of the run it falls in. */
  const wordLevel = (segments: readonly Segment[], parts: ReturnType<typeof wordParts>): string => {
    let partIndex = 0;
    let partOffset = 0;
    let out = '';
    let lastRPr = '';
    const flushDeletions = (rPr: string) => {
      while (parts[partIndex]?.kind === 'removed') {
        out += deletedRun(rPr, (parts[partIndex] as { text: string }).text);
        partIndex += 1;
        partOffset = 0;
      }
    };
    for (const segment of segments) {
      if (!('rPr' in segment)) {
        out += segment.raw;
        continue;
      }
      lastRPr = segment.rPr;
      let remaining = segment.text;
      while (remaining.length > 0) {
        flushDeletions(segment.rPr);
        const part = parts[partIndex];
        if (!part) {
          out += plainRun(segment.rPr, remaining); // Not reached when the texts agree; kept safe.
          break;
        }
        const take = Math.min(remaining.length, part.text.length - partOffset);
        const piece = remaining.slice(0, take);
        out += part.kind === 'added' ? insertedRun(segment.rPr, piece) : plainRun(segment.rPr, piece);
        remaining = remaining.slice(take);
        partOffset += take;
        if (partOffset >= part.text.length) {
          partIndex += 1;
          partOffset = 0;
        }
      }
    }
    flushDeletions(lastRPr);
    return out;
  };

  const rewriteAdded = (paragraph: DocxParagraph) => {
    const parsed = parseParagraph(xml.slice(paragraph.start, paragraph.end));
    const body = parsed.segments
      .map((s) => ('rPr' in s ? insertedRun(s.rPr, s.text) : insertedRaw(s.raw)))
      .join('');
    edit(
      paragraph.start,
      paragraph.end,
      `${parsed.open}${markParagraph(parsed.pPr, `<w:ins ${attributes()}/>`)}${body}</w:p>`,
    );
  };
  /** A run that is not plain text (a drawing, a field) inside an added paragraph is inserted too. */
  const insertedRaw = (raw: string) =>
    raw.startsWith('<w:r>') || raw.startsWith('<w:r ') ? `<w:ins ${attributes()}>${raw}</w:ins>` : raw;

  const deletedParagraph = (old: FlatParagraph & { style?: string }) => {
    const style = old.style ?? (old.cell && old.role === 'text' ? 'TableText' : STYLE_OF_ROLE[old.role]);
    return `<w:p><w:pPr><w:pStyle w:val="${escapeXml(style)}"/><w:rPr><w:del ${attributes()}/></w:rPr></w:pPr>${deletedRun('', old.text)}</w:p>`;
  };
  const deletedRow = (cells: readonly (FlatParagraph & { style?: string })[], columns: number) => {
    const byColumn = new Map<number, (FlatParagraph & { style?: string })[]>();
    for (const cell of cells) {
      const col = Math.min(cell.cell?.col ?? 0, Math.max(columns - 1, 0));
      byColumn.set(col, [...(byColumn.get(col) ?? []), cell]);
    }
    let row = `<w:tr><w:trPr><w:del ${attributes()}/></w:trPr>`;
    for (let col = 0; col < Math.max(columns, 1); col += 1) {
      const content = (byColumn.get(col) ?? []).map(deletedParagraph).join('');
      row += `<w:tc>${content || `<w:p><w:pPr><w:rPr><w:del ${attributes()}/></w:rPr></w:pPr></w:p>`}</w:tc>`;
    }
    return `${row}</w:tr>`;
  };

  // Rows whose every paragraph is added are inserted rows.
  const rowParagraphs = new Map<RowSpan, number>();
  for (const paragraph of paragraphs)
    if (paragraph.row) rowParagraphs.set(paragraph.row, (rowParagraphs.get(paragraph.row) ?? 0) + 1);
  const rowAdded = new Map<RowSpan, number>();

  let anchor: DocxParagraph | undefined;
  let pending: (FlatParagraph & { style?: string })[] = [];
  const flushRemoved = () => {
    if (pending.length === 0) return;
    const removed = pending;
    pending = [];
    const at = anchor;
    // Consecutive cells of one old row after a paragraph in a table row: a deleted row after that row.
    let k = 0;
    while (k < removed.length) {
      const first = removed[k] as FlatParagraph;
      if (first.cell && at?.row && at.table) {
        let end = k + 1;
        while (
          end < removed.length &&
          removed[end]?.cell?.table === first.cell.table &&
          removed[end]?.cell?.row === first.cell.row
        )
          end += 1;
        edit(at.row.end, at.row.end, deletedRow(removed.slice(k, end), (at.table as TableSpan).gridColumns));
        k = end;
        continue;
      }
      const position = at ? (at.outerTable && !first.cell ? at.outerTable.end : at.end) : bodyStart(xml);
      edit(position, position, deletedParagraph(first));
      k += 1;
    }
  };

  for (const op of ops) {
    if (op.new === undefined) {
      const old = op.old === undefined ? undefined : oldParagraphs[op.old];
      if (old) pending.push(old);
      continue;
    }
    flushRemoved();
    const paragraph = paragraphs[op.new];
    if (!paragraph) continue;
    anchor = paragraph;
    const old = op.old === undefined ? undefined : oldParagraphs[op.old];
    if (!old) {
      rewriteAdded(paragraph);
      if (paragraph.row) rowAdded.set(paragraph.row, (rowAdded.get(paragraph.row) ?? 0) + 1);
    } else if (old.text !== paragraph.text) rewriteChanged(paragraph, old.text);
  }
  flushRemoved();
  for (const [row, added] of rowAdded) {
    if (added !== rowParagraphs.get(row)) continue;
    const mark = `<w:ins ${attributes()}/>`;
    edit(row.propertiesAt, row.propertiesAt, row.hasProperties ? mark : `<w:trPr>${mark}</w:trPr>`);
  }
  return applyEdits(xml, edits);
}

function bodyStart(xml: string): number {
  const match = /<w:body(?:\s[^>]*)?>/.exec(xml);
  return match ? match.index + match[0].length : 0;
}

function applyEdits(xml: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.at - b.at || a.order - b.order);
  const out: string[] = [];
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.at < cursor) continue; // Overlaps an edit already made: never produced, but never corrupting.
    out.push(xml.slice(cursor, edit.at), edit.xml);
    cursor = edit.to;
  }
  out.push(xml.slice(cursor));
  return out.join('');
}
