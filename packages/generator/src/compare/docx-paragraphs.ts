import type { CellPosition, FlatParagraph, ParagraphRole } from './paragraphs.js';

/**
 * Reads the paragraphs of a WordprocessingML body (word/document.xml) in reading order, with their places in the XML
 * so the redline can rewrite them. One linear pass over the tags; only what a reader sees counts: text, tabs,
 * inserted text (tracked deletions are skipped), table cells. The contents field (a w:sdt of the "Table of Contents"
 * gallery) and the "Contents" heading are left out, as the model has neither.
 */

/** A table row as the redline needs it: where it ends and where its row properties close. */
export interface RowSpan {
  start: number;
  /** Offset just after the row's end tag; -1 while it is open. */
  end: number;
  /** Offset of "</w:trPr>" in the row, or of the end of the "<w:tr>" tag when it has none. */
  propertiesAt: number;
  hasProperties: boolean;
}

export interface TableSpan {
  start: number;
  end: number;
  gridColumns: number;
}

export interface DocxParagraph extends FlatParagraph {
  /** Offsets of "<w:p…" and just after "</w:p>". */
  readonly start: number;
  readonly end: number;
  readonly style?: string;
  /** The innermost table row, and the outermost table (a paragraph after it goes after that). */
  readonly row?: RowSpan;
  readonly table?: TableSpan;
  readonly outerTable?: TableSpan;
}

const TAG = /<(\/?)([A-Za-z][\w.-]*:[A-Za-z][\w.-]*|[A-Za-z][\w.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
const STYLE_ATTRIBUTE = /\bw:val="([^"]*)"/;

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, name: string) => {
    if (!name.startsWith('#')) return ENTITIES[name] ?? whole;
    const code = name.startsWith('#x')
      ? Number.parseInt(name.slice(2), 16)
      : Number.parseInt(name.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

function roleOf(style: string | undefined, numbered: boolean): ParagraphRole {
  if (style === 'Heading1') return 'heading1';
  if (style === 'Heading2') return 'heading2';
  if (style === 'Caption') return 'caption';
  if (style === 'DraftingNoteLabel') return 'note-label';
  return numbered ? 'bullet' : 'text';
}

interface OpenTable extends TableSpan {
  readonly id: number;
  rows: number;
  cols: number;
  row?: RowSpan;
}

interface OpenParagraph {
  start: number;
  style?: string;
  numbered: boolean;
  text: string;
}

export function docxParagraphs(xml: string): DocxParagraph[] {
  const out: DocxParagraph[] = [];
  const tables: OpenTable[] = [];
  let tableCount = 0;
  let paragraph: OpenParagraph | undefined;
  let paragraphDepth = 0;
  let runDepth = 0;
  let deletedDepth = 0;
  let skipDepth = 0; // inside a contents field
  let sdtDepth = 0;
  const skipAt: number[] = [];
  TAG.lastIndex = 0;
  for (let match = TAG.exec(xml); match; match = TAG.exec(xml)) {
    const [whole, closing, name, attributes = '', selfClosing] = match;
    const at = match.index;
    if (closing) {
      switch (name) {
        case 'w:p':
          paragraphDepth -= 1;
          if (paragraphDepth === 0 && paragraph) {
            if (skipDepth === 0 && paragraph.style !== 'ContentsHeading' && paragraph.text.trim() !== '') {
              const inner = tables[tables.length - 1];
              const outer = tables[0];
              const cell: CellPosition | undefined = inner
                ? { table: inner.id, row: inner.rows - 1, col: inner.cols - 1 }
                : undefined;
              out.push({
                role: roleOf(paragraph.style, paragraph.numbered),
                text: paragraph.text,
                start: paragraph.start,
                end: at + whole.length,
                ...(paragraph.style ? { style: paragraph.style } : {}),
                ...(cell ? { cell } : {}),
                ...(inner?.row ? { row: inner.row } : {}),
                ...(inner ? { table: inner } : {}),
                ...(outer ? { outerTable: outer } : {}),
              });
            }
            paragraph = undefined;
          }
          break;
        case 'w:r':
          runDepth -= 1;
          break;
        case 'w:del':
        case 'w:moveFrom':
          deletedDepth -= 1;
          break;
        case 'w:tr': {
          const table = tables[tables.length - 1];
          if (table?.row) table.row.end = at + whole.length;
          break;
        }
        case 'w:trPr': {
          const row = tables[tables.length - 1]?.row;
          if (row) {
            row.propertiesAt = at;
            row.hasProperties = true;
          }
          break;
        }
        case 'w:tbl': {
          const table = tables.pop();
          if (table) table.end = at + whole.length;
          break;
        }
        case 'w:sdt':
          sdtDepth -= 1;
          if (skipAt[skipAt.length - 1] === sdtDepth + 1) {
            skipAt.pop();
            skipDepth -= 1;
          }
          break;
      }
      continue;
    }
    switch (name) {
      case 'w:p':
        if (selfClosing) break;
        paragraphDepth += 1;
        if (paragraphDepth === 1) paragraph = { start: at, numbered: false, text: '' };
        break;
      case 'w:pStyle':
        if (paragraph && runDepth === 0 && paragraph.style === undefined)
          paragraph.style = STYLE_ATTRIBUTE.exec(attributes)?.[1];
        break;
      case 'w:numPr':
        if (paragraph && runDepth === 0) paragraph.numbered = true;
        break;
      case 'w:r':
        if (!selfClosing) runDepth += 1;
        break;
      case 'w:del':
      case 'w:moveFrom':
        // A paragraph mark's w:del (inside w:rPr) is empty; a run-level w:del wraps deleted runs.
        if (!selfClosing && runDepth === 0) deletedDepth += 1;
        break;
      case 'w:t':
        if (selfClosing) break;
        {
          const close = xml.indexOf('</w:t>', TAG.lastIndex);
          if (close < 0) break;
          if (paragraph && runDepth > 0 && deletedDepth === 0 && paragraphDepth === 1)
            paragraph.text += decodeXmlText(xml.slice(TAG.lastIndex, close));
          TAG.lastIndex = close + '</w:t>'.length;
        }
        break;
      case 'w:tab':
        if (paragraph && runDepth > 0 && deletedDepth === 0 && paragraphDepth === 1) paragraph.text += '\t';
        break;
      case 'w:br':
      case 'w:cr':
        if (paragraph && runDepth > 0 && deletedDepth === 0 && paragraphDepth === 1) paragraph.text += ' ';
        break;
      case 'w:noBreakHyphen':
        if (paragraph && runDepth > 0 && deletedDepth === 0 && paragraphDepth === 1) paragraph.text += '-';
        break;
      case 'w:tbl':
        tables.push({ id: tableCount++, start: at, end: -1, gridColumns: 0, rows: 0, cols: 0 });
        break;
      case 'w:gridCol': {
        const table = tables[tables.length - 1];
        if (table && table.rows === 0) table.gridColumns += 1;
        break;
      }
      case 'w:tr': {
        const table = tables[tables.length - 1];
        if (!table) break;
        table.rows += 1;
        table.cols = 0;
        table.row = { start: at, end: -1, propertiesAt: at + whole.length, hasProperties: false };
        break;
      }
      case 'w:tc': {
        const table = tables[tables.length - 1];
        if (table) table.cols += 1;
        break;
      }
      case 'w:sdt':
        if (selfClosing) break;
        sdtDepth += 1;
        if (/<w:docPartGallery\b[^>]*w:val="Table of Contents"/.test(xml.slice(at, at + 600))) {
          skipAt.push(sdtDepth);
          skipDepth += 1;
        }
        break;
    }
  }
  return out;
}
