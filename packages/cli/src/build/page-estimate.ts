import type { DocBlock, DocInline, TenderDocument } from '@loti/tender-generator';

const WORDS_PER_PAGE = 450;
const TABLE_ROWS_PER_PAGE = 25;

function inlineWords(content: readonly DocInline[]): number {
  let words = 0;
  for (const inline of content) words += inline.text.split(/\s+/).filter(Boolean).length;
  return words;
}

/** Words in text and table rows, counted separately because tables fill a page with far fewer words. */
function measure(blocks: readonly DocBlock[], totals: { words: number; rows: number; tables: number }): void {
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
        totals.words += inlineWords(block.content);
        break;
      case 'numbered':
        totals.words += inlineWords(block.content);
        measure(block.children, totals);
        break;
      case 'bullets':
        for (const item of block.items) measure(item, totals);
        break;
      case 'table':
        totals.tables++;
        totals.rows += block.table.rows.length + 1;
        break;
      case 'note':
        measure(block.blocks, totals);
        break;
      case 'definition':
        totals.words += 1 + inlineWords(block.content);
        break;
    }
  }
}

/**
 * A rough page count from the model's size (cover and contents, words/450, table rows/25, a heading's space per
 * clause); good enough to tell a 12-page tender from a 60-page one, not a layout.
 */
export function estimatePages(doc: TenderDocument): number {
  const totals = { words: 0, rows: 0, tables: 0 };
  let clauses = 0;
  for (const section of doc.sections) {
    measure(section.blocks, totals);
    for (const clause of section.clauses) {
      clauses++;
      measure(clause.blocks, totals);
      if (clause.guidance) measure(clause.guidance, totals);
    }
  }
  const body =
    totals.words / WORDS_PER_PAGE +
    totals.rows / TABLE_ROWS_PER_PAGE +
    totals.tables * 0.1 +
    clauses * 0.05 +
    doc.sections.length * 0.3;
  return 2 + Math.max(1, Math.round(body));
}
