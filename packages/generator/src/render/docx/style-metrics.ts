import { COVER_META_SIZE, RULE, SIZE, SPACING } from './layout.js';

/**
 * What each paragraph style does to the layout: its size, spacing, boldness, keeps and bottom rule. styles.ts writes
 * these into the .docx and the page estimate (page-layout/) lays pages out with them, so the two cannot drift apart.
 * Free of the docx library, so the estimate loads without it.
 */
export interface StyleMetrics {
  /** Font size in half-points. */
  readonly size: number;
  /** Line spacing in 240ths of a line ("auto" rule). */
  readonly line: number;
  /** Space before and after, in twips. */
  readonly before: number;
  readonly after: number;
  /** The style's text is bold. */
  readonly bold?: boolean;
  readonly keepNext?: boolean;
  readonly keepLines?: boolean;
  /** A bottom border: width in eighths of a point, distance from the text in points. */
  readonly rule?: { readonly size: number; readonly space: number };
}

const DEFAULTS = SPACING.document;

export const STYLE_METRICS = {
  /** Document defaults: every paragraph that sets nothing else. */
  normal: { size: SIZE.body, line: DEFAULTS.line, before: DEFAULTS.before, after: DEFAULTS.after },
  body: { size: SIZE.body, line: DEFAULTS.line, before: DEFAULTS.before, after: SPACING.body.after },
  clauseText: { size: SIZE.body, line: DEFAULTS.line, before: DEFAULTS.before, after: SPACING.body.after },
  definition: {
    size: SIZE.body,
    line: DEFAULTS.line,
    before: DEFAULTS.before,
    after: SPACING.definition.after,
  },
  noteText: { size: SIZE.small, line: DEFAULTS.line, before: DEFAULTS.before, after: SPACING.noteText.after },
  noteLabel: {
    size: SIZE.small,
    line: DEFAULTS.line,
    before: 0,
    after: SPACING.noteLabel.after,
    bold: true,
    keepNext: true,
  },
  caption: { size: SIZE.small, line: DEFAULTS.line, ...SPACING.caption, bold: true, keepNext: true },
  tableText: { size: SIZE.small, ...SPACING.tableText },
  /** The empty paragraph after a table or drafting note. */
  afterTable: { size: SIZE.small, line: SPACING.tableText.line, ...SPACING.afterTable },
  heading1: {
    size: SIZE.heading1,
    ...SPACING.heading1,
    bold: true,
    keepNext: true,
    keepLines: true,
    rule: RULE.heading1,
  },
  heading2: { size: SIZE.heading2, ...SPACING.heading2, bold: true, keepNext: true, keepLines: true },
  contentsHeading: {
    size: SIZE.heading1,
    line: DEFAULTS.line,
    ...SPACING.contentsHeading,
    bold: true,
    keepNext: true,
  },
  toc1: { size: SIZE.body, line: DEFAULTS.line, ...SPACING.toc1, bold: true },
  toc2: { size: SIZE.body, line: DEFAULTS.line, before: DEFAULTS.before, after: SPACING.toc2.after },
  coverAuthority: { size: SIZE.authority, line: DEFAULTS.line, ...SPACING.coverAuthority, bold: true },
  coverTitle: { size: SIZE.title, ...SPACING.coverTitle, bold: true, rule: RULE.coverTitle },
  coverMeta: {
    size: COVER_META_SIZE,
    line: DEFAULTS.line,
    before: DEFAULTS.before,
    after: SPACING.coverMeta.after,
  },
  /** The empty paragraphs that space out the cover. */
  coverGap: { size: SIZE.body, line: DEFAULTS.line, before: DEFAULTS.before, after: SPACING.coverGap.after },
} as const satisfies Record<string, StyleMetrics>;
