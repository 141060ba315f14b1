import type { TenderDocument } from '../../../model/types.js';
import { bodyItems, contentsEntries, contentsItems, coverItems, headingsOf } from './document-items.js';
import { paginate } from './paginate.js';

/**
 * A fast page estimate from the document model, for the contents' page numbers.
 *
 * docx/layout's estimatePageNumbers lays out the written XML, and takes seconds per tender. This lays the model out
 * the way LibreOffice Writer lays out what the renderer writes, with the renderer's own constants (layout.ts, and
 * style-metrics.ts, the paragraph styles styles.ts writes): each paragraph is wrapped greedily with Arial's character
 * widths (text-metrics.ts) at its style's size, indents and hanging numbers; lines are as tall as Writer makes them;
 * and the lines are filled into pages with the styles' spacing, keep-with-next and keep-lines, page breaks before,
 * unsplittable table rows and repeated header rows, after the cover and the contents (whose length depends on its
 * entries and on how wide their page numbers are).
 *
 * What Writer does, measured on its PDFs of the examples (positions agree to 0.1 pt) and calibrated against them:
 * - a single line is Arial's ascent + descent + line gap (1.15 em), each rounded to twips; "auto" line spacing
 *   multiplies it, rounded down (11 pt at 1.1 lines: 278 twips);
 * - the space between two paragraphs is the larger of the first's space after and the second's space before;
 * - space before is dropped at the top of a page the text flowed onto, and kept after a page break before;
 * - widow and orphan control is on (Writer's default; the styles don't turn it off): two lines at least each side;
 * - a page's last line may hang its line spacing's extra (25 twips at 11 pt) below the bottom margin;
 * - a drafting note (a one-row table) is not split: it moves to the next page whole with the line after it, and a
 *   heading kept with it moves too; an empty paragraph ending a cell after a nested table takes no room;
 * - a table row is as tall as its tallest cell plus cell margins and a border, and never split.
 *
 * It is an estimate: content or fonts unlike the examples' may put a heading a page out, and Word lays pages out a
 * little differently. Pure, deterministic (plain arithmetic on the model: no locale, clock or platform API) and quick:
 * linear in the text, about 30 ms for 1,000 clauses of 240 words once warm.
 */

export interface ModelPageEstimate {
  /** Pages in the document, cover and contents included. */
  readonly pageCount: number;
  /** The page each section and clause heading starts on, by its model anchor (the first, if anchors repeat). */
  readonly anchorPages: ReadonlyMap<string, number>;
  /** The page of each heading, sections and their clauses in document order. */
  readonly headingPages: readonly number[];
  /** Where on its page each heading's first line starts, in twips below the top margin. */
  readonly headingOffsets: readonly number[];
}

// The CLI reports the page count and renderDocx fills the contents from the same estimate: lay a document out once.
// The model is read-only, so an estimate stays true for the object it was made from.
const estimates = new WeakMap<TenderDocument, ModelPageEstimate>();

/** Lays the document out from its model; see the top of this file. */
export function estimateModelPages(document: TenderDocument): ModelPageEstimate {
  const known = estimates.get(document);
  if (known) return known;
  const estimate = layOutModel(document);
  estimates.set(document, estimate);
  return estimate;
}

function layOutModel(document: TenderDocument): ModelPageEstimate {
  const headings = headingsOf(document);
  const cover = coverItems(document);
  const body = bodyItems(document);
  // The contents' length depends on its page numbers' widths, and the pages on its length: settle it in a few rounds.
  const entries = contentsEntries(headings);
  const layOut = (pages: readonly number[] | undefined) =>
    paginate([...cover, ...contentsItems(entries, pages), ...body], headings.length);
  let result = layOut(undefined);
  for (let round = 0; round < 3; round += 1) {
    const again = layOut(result.headingPages);
    const settled =
      again.pages === result.pages && again.headingPages.every((page, i) => page === result.headingPages[i]);
    result = again;
    if (settled) break;
  }
  const anchorPages = new Map<string, number>();
  headings.forEach((heading, i) => {
    if (!anchorPages.has(heading.anchor)) anchorPages.set(heading.anchor, result.headingPages[i] ?? 1);
  });
  return {
    pageCount: result.pages,
    anchorPages,
    headingPages: result.headingPages,
    headingOffsets: result.headingOffsets,
  };
}

/**
 * How many pages the document has, cover and contents included: the figure the contents' page numbers come from,
 * and the one the CLI reports ("about N pages"). One estimate for every output.
 */
export function estimatePageCount(document: TenderDocument): number {
  return estimateModelPages(document).pageCount;
}
