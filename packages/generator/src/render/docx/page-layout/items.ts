import type { DocInline } from '../../../model/types.js';
import { sanitiseText } from '../../../text/sanitise.js';
import { PAGE } from '../layout.js';
import type { StyleMetrics } from '../style-metrics.js';
import { type Run, textWidth, wrap } from '../text-metrics.js';

/**
 * The page estimate's building blocks: what Writer's lines measure, and the items the paginator fills pages with,
 * made from a paragraph style (style-metrics.ts, the table styles.ts writes) and runs of text.
 */

/**
 * Arial's (and Liberation Sans's) ascent, descent and line gap, in font units of 2048 to the em. LibreOffice's single
 * line is the three added up, each rounded to twips at the font's size: 1.15 em.
 */
const FONT = { unitsPerEm: 2048, ascent: 1854, descent: 434, lineGap: 67 } as const;

/** Widow and orphan control: LibreOffice's default, two lines, which the styles leave on. */
export const ORPHANS = 2;

/** Width of a table border (sz 4, half a point), in twips: it adds to every row. */
export const TABLE_BORDER = 10;

/** The body's height on a page, in twips. */
export const BODY_HEIGHT = PAGE.height - 2 * PAGE.margin;

/** Height of one line of a style at single spacing, in twips. */
function singleLine(style: StyleMetrics): number {
  const size = style.size * 10;
  const metric = (units: number) => Math.round((size * units) / FONT.unitsPerEm);
  return metric(FONT.ascent) + metric(FONT.descent) + metric(FONT.lineGap);
}

/** Height of one line of a style, in twips: the single line times the line spacing, rounded down as Writer does. */
export function lineHeight(style: StyleMetrics): number {
  return Math.floor((singleLine(style) * style.line) / 240);
}

/** Thousandths of an em at a size (half-points) → twips. */
const toTwips = (units: number, size: number): number => (units * size) / 100;
export const toUnits = (twips: number, size: number): number => (twips * 100) / size;

/** Height of a bottom border and its distance from the text, in twips. */
function ruleHeight(rule: NonNullable<StyleMetrics['rule']>): number {
  return rule.space * 20 + (rule.size * 20) / 8;
}

/** What the paginator fills pages with. Heights are in twips. */
export type Item = ParagraphItem | TableItem | BoxItem;

export interface ParagraphItem {
  readonly kind: 'paragraph';
  readonly lineHeight: number;
  /**
   * What the line spacing adds to each line (1.1 lines: 25 twips at 11 pt). Writer lets it hang below the bottom
   * margin on a page's last line, so a line fits when its text does.
   */
  readonly slack: number;
  readonly lines: number;
  readonly before: number;
  readonly after: number;
  readonly keepNext: boolean;
  readonly keepLines: boolean;
  readonly pageBreakBefore: boolean;
  /** Height below the last line (a bottom border). */
  readonly rule: number;
  /** Index of the heading it is, in document order. */
  readonly heading?: number;
}

/** A table of unsplittable rows, its header row repeated on each page it continues on. */
export interface TableItem {
  readonly kind: 'table';
  readonly header: number;
  readonly rows: readonly number[];
}

/**
 * A one-cell table: a drafting note. LibreOffice moves it to the next page whole rather than split it, unless it is
 * taller than a page. `slices` are its content's lines, each with the spacing above it.
 */
export interface BoxItem {
  readonly kind: 'box';
  readonly top: number;
  readonly bottom: number;
  readonly slices: readonly number[];
}

/** Paragraph text as runs: bold text bold, links and cross-references regular. */
export function runsOf(content: readonly DocInline[]): Run[] {
  const runs: Run[] = [];
  for (const inline of content) {
    const text = sanitiseText(inline.text);
    if (text !== '') runs.push({ text, bold: inline.type === 'text' && inline.bold === true });
  }
  return runs;
}

export function paragraph(
  style: StyleMetrics,
  runs: readonly Run[],
  width: number,
  options: {
    readonly first?: number;
    readonly after?: number;
    readonly keepNext?: boolean;
    readonly pageBreakBefore?: boolean;
    readonly heading?: number;
    readonly minHeight?: number;
  } = {},
): ParagraphItem {
  const { lines } = wrap(
    style.bold ? runs.map((run) => ({ text: run.text, bold: true })) : runs,
    toUnits(Math.max(width, 1), style.size),
    toUnits(Math.max(options.first ?? width, 1), style.size),
  );
  return {
    kind: 'paragraph',
    lineHeight: Math.max(lineHeight(style), options.minHeight ?? 0),
    slack: options.minHeight ? 0 : lineHeight(style) - singleLine(style),
    lines,
    before: style.before,
    after: options.after ?? style.after,
    keepNext: options.keepNext ?? style.keepNext ?? false,
    keepLines: style.keepLines ?? false,
    pageBreakBefore: options.pageBreakBefore ?? false,
    rule: style.rule ? ruleHeight(style.rule) : 0,
    ...(options.heading === undefined ? {} : { heading: options.heading }),
  };
}

/**
 * The width left on the first line of a paragraph whose number (or bullet) hangs in `hang` twips and is followed by
 * a tab: the whole line, unless the number is wider than the hang and pushes the text to a later default tab stop.
 */
export function firstLine(width: number, number: string, hang: number, size: number, bold = false): number {
  const numberWidth = toTwips(textWidth([{ text: number, bold }]), size);
  if (numberWidth < hang) return width;
  const DEFAULT_TAB = 720;
  return width - Math.ceil((numberWidth - hang + 1) / DEFAULT_TAB) * DEFAULT_TAB;
}
