import type { DocTable } from '../model/types.js';
import { sanitiseText } from '../text/sanitise.js';
import { columnPercentages, columnTwips, fitMinimums } from './columns.js';
import { CELL_MARGIN, SIZE } from './docx/layout.js';
import { textWidth } from './docx/text-metrics.js';

/** A little room past the measured word, for font differences between Word, LibreOffice and browsers. */
const SLACK = 60;

/** The width (twips) a header cell needs so its longest word fits on one line: bold, at the table text size. */
export function headerMinimum(header: string): number {
  const words = sanitiseText(header).split(/\s+/);
  const longest = Math.max(0, ...words.map((word) => textWidth([{ text: word, bold: true }])));
  // textWidth is in thousandths of an em; SIZE is in half-points; a point is 20 twips.
  return Math.ceil((longest * SIZE.small * 10) / 1000) + CELL_MARGIN.left + CELL_MARGIN.right + SLACK;
}

/**
 * Column widths in twips for a table `total` twips wide: the model's percentages, widened where a header's longest
 * word would otherwise break mid-word ("Clau se").
 */
export function tableColumnTwips(columns: DocTable['columns'], total: number): number[] {
  const base = columnTwips(
    columns.map((c) => c.width),
    total,
  );
  return fitMinimums(
    base,
    columns.map((c) => headerMinimum(c.header)),
    total,
  );
}

/** The same as percentages, for HTML: the model's own percentages when no header needed widening. */
export function tableColumnPercentages(columns: DocTable['columns'], total: number): number[] {
  const base = columnTwips(
    columns.map((c) => c.width),
    total,
  );
  const fitted = tableColumnTwips(columns, total);
  return fitted.every((w, i) => w === base[i])
    ? columnPercentages(columns.map((c) => c.width))
    : fitted.map((w) => (w / total) * 100);
}
