import type { TenderDocument } from '../../model/types.js';

/**
 * Where the contents' page numbers come from.
 *
 * - 'auto' (default): page-layout/ lays the document out from its model with the renderer's own geometry and
 *   Arial's metrics, as LibreOffice lays it out. It takes milliseconds for any size of document (a 1,000-clause one in
 *   well under 100 ms) and matched LibreOffice's page of every heading of the examples.
 * - 'estimate': docx/layout's estimatePageNumbers lays out the written XML page by page. It handles any XML, not just
 *   what this renderer writes, but is slow: measured on the development machine, the 55-page housing example takes
 *   6-10 s against 0.2 s without it; 1,000 synthetic clauses 52 s; one 5,000-character word 9 s. On the examples its
 *   pages matched LibreOffice's for 77-100% of headings, all within a page.
 * - 'word': none; the contents list every heading and Word fills in the numbers when it opens the file (the field is
 *   marked dirty), but LibreOffice and previews show no numbers.
 */
export type PageNumberMode = 'auto' | 'estimate' | 'word';

export type PageNumberSource = 'model' | 'layout' | 'none';

export function pageNumberSource(mode: PageNumberMode): PageNumberSource {
  if (mode === 'estimate') return 'layout';
  if (mode === 'word') return 'none';
  return 'model';
}

/** Whether docx/layout's slow layout pass runs in this mode: only when asked for by name ('estimate'). */
export function shouldEstimatePages(_doc: TenderDocument, mode: PageNumberMode): boolean {
  return pageNumberSource(mode) === 'layout';
}

/**
 * Words longer than a line are broken a character at a time, each try re-measured: a 120-character word costs what
 * 1,000 characters of prose do, a 5,000-character one what 180,000 do. URLs shorter than this are ordinary text.
 */
const LONG_WORD = 100;
const LONG_WORD_WEIGHT = 35;

/**
 * Characters docx/layout's pass ('estimate') will measure, with long words weighted by how much slower they are: about
 * 15 s per 250,000 on the development machine. The model estimate ('auto') has no such cost.
 */
export function layoutCost(doc: TenderDocument): number {
  let cost = 0;
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      cost += value.length;
      for (const word of value.split(/\s+/))
        if (word.length > LONG_WORD) cost += word.length * LONG_WORD_WEIGHT;
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item);
    } else if (value !== null && typeof value === 'object') {
      for (const item of Object.values(value)) visit(item);
    }
  };
  const { branding: _branding, ...meta } = doc.meta;
  visit(meta);
  visit(doc.cover);
  visit(doc.sections);
  return cost;
}
