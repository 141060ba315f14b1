import type { TenderDocument } from '../../model/types.js';

/**
 * Whether to pre-fill the contents' page numbers with docx/layout's estimatePageNumbers. The estimate lays out every
 * page in JavaScript, two or three times, and is slow: measured on the development machine, the 55-page housing
 * example (layout cost 208k) takes 11-16 s against 0.9 s without it; 100 synthetic clauses of 240 words take 7 s,
 * 1,000 take 52 s (0.3 s and 1.9 s without). Words longer than a line are far worse (one 5,000-character word: 9 s).
 *
 * - 'estimate': always estimate;
 * - 'word': never; the contents list every heading and Word fills in the numbers when it opens the file (the field
 *   is marked dirty), but LibreOffice and previews show no numbers;
 * - 'auto' (default): estimate up to LAYOUT_BUDGET, which covers a long real tender, and leave bigger or
 *   pathological documents (benchmarks, batch runs, hostile text) to Word, so rendering time stays bounded.
 */
export type PageNumberMode = 'auto' | 'estimate' | 'word';

/** Roughly 15 s of layout on the development machine: a 60-70 page tender. */
export const LAYOUT_BUDGET = 250_000;

/**
 * Words longer than a line are broken a character at a time, each try re-measured: a 120-character word costs what
 * 1,000 characters of prose do, a 5,000-character one what 180,000 do. URLs shorter than this are ordinary text.
 */
const LONG_WORD = 100;
const LONG_WORD_WEIGHT = 35;

/** Characters the layout will measure, with long words weighted by how much slower they are. */
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

export function shouldEstimatePages(doc: TenderDocument, mode: PageNumberMode): boolean {
  if (mode === 'estimate') return true;
  if (mode === 'word') return false;
  return layoutCost(doc) <= LAYOUT_BUDGET;
}
