import type { DocBlock, DocInline, DocTable, TenderDocument } from '../model/types.js';
import {
  DRAFT_MARK,
  DRAFTING_NOTE_LABEL,
  definitionParts,
  documentTypeOf,
  formatIsoDate,
  isDraft,
} from '../render/text.js';
import { sanitiseText } from '../text/sanitise.js';

/**
 * The paragraphs of a document in reading order, as the DOCX renderer writes them: the common ground of a spec's
 * document model and a .docx file, so a spec and the .docx built from it flatten to the same list.
 */
export const PARAGRAPH_ROLES = {
  heading1: 'heading1',
  heading2: 'heading2',
  caption: 'caption',
  bullet: 'bullet',
  noteLabel: 'note-label',
  text: 'text',
} as const;
export type ParagraphRole = (typeof PARAGRAPH_ROLES)[keyof typeof PARAGRAPH_ROLES];

/** Where a paragraph sits in a table: tables are counted in the order they open, rows from 0 (the header row). */
export interface CellPosition {
  readonly table: number;
  readonly row: number;
  readonly col: number;
}

export interface FlatParagraph {
  readonly role: ParagraphRole;
  /** The text a reader sees; a tab separates a number from the wording ("5.7.2\tThe Supplier must…"). */
  readonly text: string;
  readonly cell?: CellPosition;
}

const inlineText = (content: readonly DocInline[]): string =>
  content.map((inline) => sanitiseText(inline.text)).join('');

/** Walks the model exactly as render-docx lays it out (see cover.ts, blocks.ts, render-docx.ts). */
export function modelParagraphs(doc: TenderDocument): FlatParagraph[] {
  const out: FlatParagraph[] = [];
  let tables = 0;
  const cells: CellPosition[] = [];
  const push = (role: ParagraphRole, text: string) => {
    if (text.trim() === '') return; // Empty paragraphs (spacing, empty cells) carry nothing a reader reads.
    const cell = cells[cells.length - 1];
    out.push(cell ? { role, text, cell } : { role, text });
  };
  const inTable = (table: number, row: number, col: number, body: () => void) => {
    cells.push({ table, row, col });
    body();
    cells.pop();
  };
  const table = (model: DocTable) => {
    const caption = sanitiseText(model.caption).trim();
    if (caption) push('caption', caption);
    const id = tables++;
    const columns = model.columns.length > 0 ? model.columns : [{ header: '', width: 100 }];
    columns.forEach((column, col) => {
      inTable(id, 0, col, () => push('text', sanitiseText(column.header)));
    });
    model.rows.forEach((row, r) => {
      columns.forEach((_, col) => {
        inTable(id, r + 1, col, () => push('text', inlineText(row[col] ?? [])));
      });
    });
  };
  const note = (title: string, blocks: readonly DocBlock[]) => {
    const id = tables++;
    inTable(id, 0, 0, () => {
      push('note-label', DRAFTING_NOTE_LABEL);
      push('text', sanitiseText(title).trim());
      walk(blocks);
    });
  };
  const walk = (blocks: readonly DocBlock[]) => {
    for (const block of blocks) {
      switch (block.type) {
        case 'paragraph':
          push('text', inlineText(block.content));
          break;
        case 'numbered':
          push('text', `${sanitiseText(block.number)}\t${inlineText(block.content)}`);
          walk(block.children);
          break;
        case 'bullets':
          for (const item of block.items) {
            if (item.length === 0) continue;
            const [first, ...rest] = item;
            if (first?.type === 'paragraph') {
              push('bullet', inlineText(first.content));
              walk(rest);
            } else walk(item);
          }
          break;
        case 'table':
          table(block.table);
          break;
        case 'note':
          note(block.title, block.blocks);
          break;
        case 'definition': {
          const { joiner, content } = definitionParts(block.content);
          push('text', `${sanitiseText(block.term)}${joiner}${inlineText(content)}`);
          break;
        }
      }
    }
  };
  const heading = (role: ParagraphRole, number: string, title: string) =>
    push(role, number ? `${sanitiseText(number)}\t${sanitiseText(title)}` : sanitiseText(title));

  const { cover } = doc;
  if (isDraft(doc)) push('text', DRAFT_MARK);
  push('text', sanitiseText(cover.authority));
  const documentType = documentTypeOf(doc);
  if (documentType) push('text', documentType);
  push('text', sanitiseText(cover.title));
  if (cover.reference.trim()) push('text', `Reference: ${sanitiseText(cover.reference)}`);
  if (cover.procedure.trim()) push('text', `Procedure: ${sanitiseText(cover.procedure)}`);
  if (doc.meta.issueDate.trim()) push('text', `Issue date: ${formatIsoDate(doc.meta.issueDate)}`);
  if (cover.facts.length > 0) {
    const id = tables++;
    cover.facts.forEach((fact, row) => {
      inTable(id, row, 0, () => push('text', sanitiseText(fact.label)));
      inTable(id, row, 1, () => push('text', sanitiseText(fact.value)));
    });
  }
  walk(cover.blocks);
  for (const section of doc.sections) {
    heading('heading1', section.number, section.title);
    walk(section.blocks);
    for (const clause of section.clauses) {
      heading('heading2', clause.number, clause.title);
      if (clause.guidance && clause.guidance.length > 0)
        note(`Guidance: ${clause.clauseId} (version ${clause.version})`, clause.guidance);
      walk(clause.blocks);
    }
  }
  return out;
}
