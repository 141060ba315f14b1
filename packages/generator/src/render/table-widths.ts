import type { DocTable } from '../model/types.js';
import { sanitiseText } from '../text/sanitise.js';
import { columnPercentages, columnTwips, fitMinimums } from './columns.js';
import { CELL_MARGIN, SIZE } from './docx/layout.js';
import { textWidth } from './docx/text-metrics.js';

/** A little room past the measured word, for font differences between Word, LibreOffice and browsers. */
const SLACK = 60;
/** A cell's unbreakable word (a hash, a date, a code) may claim at most this share of the table. */
const CELL_WORD_SHARE = 0.22;

/** Width in twips of the longest word, at the table text size, with the cell's margins. */
function longestWord(text: string, bold: boolean, breaks: RegExp): number {
  const words = sanitiseText(text).split(breaks);
  const longest = Math.max(0, ...words.map((word) => textWidth([{ text: word, bold }])));
  // textWidth is in thousandths of an em; SIZE is in half-points; a point is 20 twips.
  return Math.ceil((longest * SIZE.small * 10) / 1000) + CELL_MARGIN.left + CELL_MARGIN.right + SLACK;
}

/** The width (twips) a header cell needs so its longest word fits on one line: bold, at the table text size. */
export function headerMinimum(header: string): number {
  return longestWord(header, true, /\s+/);
}

/**
 * Column widths in twips for a table `total` twips wide: the model's percentages, widened where a header's longest
 * word would otherwise break mid-word ("Clau se"), and where it fits, where a cell's unbreakable word (a hash) would.
 */
export function tableColumnTwips(
  columns: DocTable['columns'],
  total: number,
  rows: DocTable['rows'] = [],
): number[] {
  const base = columnTwips(
    columns.map((c) => c.width),
    total,
  );
  const headers = columns.map((c) => headerMinimum(c.header));
  // Word processors break lines at spaces, hyphens and slashes, so only the pieces between them must fit.
  const cells = columns.map((_, i) =>
    Math.min(
      Math.floor(total * CELL_WORD_SHARE),
      Math.max(
        0,
        ...rows.map((row) =>
          longestWord((row[i] ?? []).map((inline) => inline.text).join(''), false, /[\s/-]+/),
        ),
      ),
    ),
  );
  const both = headers.map((h, i) => Math.max(h, cells[i] ?? 0));
  const fitted = fitMinimums(base, both, total);
  return fitted.every((w, i) => w === base[i]) ? fitMinimums(base, headers, total) : fitted;
}

/** The same as percentages, for HTML: the model's own percentages when no column needed widening. */
export function tableColumnPercentages(
  columns: DocTable['columns'],
  total: number,
  rows: DocTable['rows'] = [],
): number[] {
  const base = columnTwips(
    columns.map((c) => c.width),
    total,
  );
  const fitted = tableColumnTwips(columns, total, rows);
  return fitted.every((w, i) => w === base[i])
    ? columnPercentages(columns.map((c) => c.width))
    : fitted.map((w) => (w / total) * 100);
}
