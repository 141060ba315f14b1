import type { IContext, IXmlableObject, PageNumberEstimator } from 'docx';
import type { DocBlock, DocInline, DocTable, TenderDocument } from '../../model/types.js';
import { sanitiseText } from '../../text/sanitise.js';
import { coverLogo, factsWidths } from '../cover-data.js';
import { tableColumnTwips } from '../table-widths.js';
import {
  DRAFT_MARK,
  DRAFTING_NOTE_LABEL,
  definitionParts,
  documentTypeOf,
  formatIsoDate,
  hasBlocks,
  isDraft,
  leadsIn,
} from '../text.js';
import {
  BULLET_HANG,
  CELL_MARGIN,
  COVER_META_SIZE,
  NOTE_INSET,
  NOTE_MARGIN,
  NUMBER_GUTTER,
  PAGE,
  RULE,
  SIZE,
  SPACING,
  SUB_ITEM_HANG,
  TEXT_WIDTH,
  TOC2_INDENT,
} from './layout.js';
import { charWidth, type Run, textWidth, wrap } from './text-metrics.js';

/**
 * A fast page estimate from the document model, for the contents' page numbers.
 *
 * docx/layout's estimatePageNumbers lays out the written XML, and takes seconds per tender. This lays the model out
 * the way LibreOffice Writer lays out what the renderer writes, with the renderer's own constants (layout.ts): each
 * paragraph is wrapped greedily with Arial's character widths (text-metrics.ts) at its style's size, indents and
 * hanging numbers; lines are as tall as Writer makes them; and the lines are filled into pages with the styles'
 * spacing, keep-with-next and keep-lines, page breaks before, unsplittable table rows and repeated header rows, after
 * the cover and the contents (whose length depends on its entries and on how wide their page numbers are).
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

/**
 * Arial's (and Liberation Sans's) ascent, descent and line gap, in font units of 2048 to the em. LibreOffice's single
 * line is the three added up, each rounded to twips at the font's size: 1.15 em.
 */
const FONT = { unitsPerEm: 2048, ascent: 1854, descent: 434, lineGap: 67 } as const;

/** Widow and orphan control: LibreOffice's default, two lines, which the styles leave on. */
const ORPHANS = 2;

/** Width of a table border (sz 4, half a point), in twips: it adds to every row. */
const TABLE_BORDER = 10;

/** The body's height on a page, in twips. */
const BODY_HEIGHT = PAGE.height - 2 * PAGE.margin;

/** A paragraph's look: size in half-points, spacing in twips, line spacing in 240ths, bold text by default. */
interface ParagraphStyle {
  readonly size: number;
  readonly line: number;
  readonly before: number;
  readonly after: number;
  readonly bold?: boolean;
  readonly keepNext?: boolean;
  readonly keepLines?: boolean;
  /** Below the last line: a bottom border and its distance. */
  readonly rule?: number;
}

const DEFAULTS = SPACING.document;
const STYLES = {
  normal: { size: SIZE.body, line: DEFAULTS.line, before: DEFAULTS.before, after: DEFAULTS.after },
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
  afterTable: { size: SIZE.small, line: SPACING.tableText.line, ...SPACING.afterTable },
  heading1: {
    size: SIZE.heading1,
    ...SPACING.heading1,
    bold: true,
    keepNext: true,
    keepLines: true,
    rule: RULE.heading1.space * 20 + (RULE.heading1.size * 20) / 8,
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
  coverTitle: {
    size: SIZE.title,
    ...SPACING.coverTitle,
    bold: true,
    rule: RULE.coverTitle.space * 20 + (RULE.coverTitle.size * 20) / 8,
  },
  coverMeta: {
    size: COVER_META_SIZE,
    line: DEFAULTS.line,
    before: DEFAULTS.before,
    after: SPACING.coverMeta.after,
  },
  coverGap: { size: SIZE.body, line: DEFAULTS.line, before: DEFAULTS.before, after: SPACING.coverGap.after },
} as const satisfies Record<string, ParagraphStyle>;

/** Height of one line of a style at single spacing, in twips. */
function singleLine(style: ParagraphStyle): number {
  const size = style.size * 10;
  const metric = (units: number) => Math.round((size * units) / FONT.unitsPerEm);
  return metric(FONT.ascent) + metric(FONT.descent) + metric(FONT.lineGap);
}

/** Height of one line of a style, in twips: the single line times the line spacing, rounded down as Writer does. */
function lineHeight(style: ParagraphStyle): number {
  return Math.floor((singleLine(style) * style.line) / 240);
}

/** Thousandths of an em at a size (half-points) → twips. */
const toTwips = (units: number, size: number): number => (units * size) / 100;
const toUnits = (twips: number, size: number): number => (twips * 100) / size;

/** What the paginator fills pages with. Heights are in twips. */
type Item = ParagraphItem | TableItem | BoxItem;

interface ParagraphItem {
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
interface TableItem {
  readonly kind: 'table';
  readonly header: number;
  readonly rows: readonly number[];
}

/**
 * A one-cell table: a drafting note. LibreOffice moves it to the next page whole rather than split it, unless it is
 * taller than a page. `slices` are its content's lines, each with the spacing above it.
 */
interface BoxItem {
  readonly kind: 'box';
  readonly top: number;
  readonly bottom: number;
  readonly slices: readonly number[];
}

interface Context {
  /** Width of the container and the indent of running text in it, in twips, as blocks.ts has them. */
  readonly width: number;
  readonly indent: number;
  readonly note: boolean;
}

/** Paragraph text as runs: bold text bold, links and cross-references regular. */
function runsOf(content: readonly DocInline[]): Run[] {
  const runs: Run[] = [];
  for (const inline of content) {
    const text = sanitiseText(inline.text);
    if (text !== '') runs.push({ text, bold: inline.type === 'text' && inline.bold === true });
  }
  return runs;
}

function paragraph(
  style: ParagraphStyle,
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
    rule: style.rule ?? 0,
    ...(options.heading === undefined ? {} : { heading: options.heading }),
  };
}

/**
 * The width left on the first line of a paragraph whose number (or bullet) hangs in `hang` twips and is followed by
 * a tab: the whole line, unless the number is wider than the hang and pushes the text to a later default tab stop.
 */
function firstLine(width: number, number: string, hang: number, size: number, bold = false): number {
  const numberWidth = toTwips(textWidth([{ text: number, bold }]), size);
  if (numberWidth < hang) return width;
  const DEFAULT_TAB = 720;
  return width - Math.ceil((numberWidth - hang + 1) / DEFAULT_TAB) * DEFAULT_TAB;
}

function textStyle(ctx: Context): ParagraphStyle {
  return ctx.note ? STYLES.noteText : STYLES.clauseText;
}

function blockItems(blocks: readonly DocBlock[], ctx: Context, out: Item[]): void {
  for (const [index, block] of blocks.entries()) {
    // As the renderer does: a lead-in keeps with the list it introduces.
    const keepNext = leadsIn(block, blocks[index + 1]);
    switch (block.type) {
      case 'paragraph':
        out.push(
          paragraph(
            textStyle(ctx),
            runsOf(block.content),
            ctx.width - ctx.indent,
            keepNext ? { keepNext } : {},
          ),
        );
        break;
      case 'numbered': {
        const numberAt =
          block.level === 2 && ctx.indent >= NUMBER_GUTTER ? ctx.indent - NUMBER_GUTTER : ctx.indent;
        const textAt = numberAt + (block.level === 2 ? NUMBER_GUTTER : SUB_ITEM_HANG);
        const style = textStyle(ctx);
        const width = ctx.width - textAt;
        out.push(
          paragraph(style, runsOf(block.content), width, {
            first: firstLine(width, sanitiseText(block.number), textAt - numberAt, style.size),
            ...(keepNext ? { keepNext } : {}),
          }),
        );
        blockItems(block.children, { ...ctx, indent: textAt }, out);
        break;
      }
      case 'bullets': {
        const textAt = ctx.indent + BULLET_HANG;
        const inner: Context = { ...ctx, indent: textAt };
        const last = block.items.findLastIndex((item) => item.length > 0);
        block.items.forEach((item, index) => {
          const [lead, ...rest] = item;
          if (lead === undefined) return;
          const following = lead.type === 'paragraph' ? rest : item;
          const after =
            index === last && following.length === 0 ? SPACING.body.after : SPACING.bulletItem.after;
          const runs = lead.type === 'paragraph' ? runsOf(lead.content) : [];
          const keep = lead.type === 'paragraph' && leadsIn(lead, rest[0]);
          out.push(
            paragraph(textStyle(ctx), runs, ctx.width - textAt, {
              after,
              ...(keep ? { keepNext: true } : {}),
            }),
          );
          blockItems(following, inner, out);
        });
        break;
      }
      case 'table':
        tableItems(block.table, ctx, out);
        break;
      case 'note':
        noteItems(block.title, block.blocks, ctx, out);
        break;
      case 'definition': {
        const { joiner, content } = definitionParts(block.content);
        const runs = [
          { text: sanitiseText(block.term), bold: true },
          { text: joiner, bold: false },
          ...runsOf(content),
        ];
        out.push(paragraph(ctx.note ? STYLES.noteText : STYLES.definition, runs, ctx.width - ctx.indent));
        break;
      }
      default:
        break;
    }
  }
}

/** Height of a table row: its tallest cell's paragraph, the cell margins and a border. */
function rowHeight(cells: readonly (readonly Run[])[], widths: readonly number[], bold: boolean): number {
  const style = STYLES.tableText;
  let lines = 1;
  cells.forEach((runs, i) => {
    const width = (widths[i] ?? 0) - CELL_MARGIN.left - CELL_MARGIN.right;
    const cellRuns = bold ? runs.map((run) => ({ text: run.text, bold: true })) : runs;
    lines = Math.max(lines, wrap(cellRuns, toUnits(Math.max(width, 1), style.size)).lines);
  });
  return (
    CELL_MARGIN.top +
    CELL_MARGIN.bottom +
    style.before +
    style.after +
    lines * lineHeight(style) +
    TABLE_BORDER
  );
}

function tableItems(model: DocTable, ctx: Context, out: Item[]): void {
  const width = ctx.width - ctx.indent;
  const columns = model.columns.length > 0 ? model.columns : [{ header: '', width: 100 }];
  const widths = tableColumnTwips(columns, width, model.rows);
  const caption = sanitiseText(model.caption).trim();
  if (caption) out.push(paragraph(STYLES.caption, [{ text: caption, bold: true }], width));
  out.push({
    kind: 'table',
    header: rowHeight(
      columns.map((column) => [{ text: sanitiseText(column.header), bold: true }]),
      widths,
      true,
    ),
    rows: model.rows.map((row) =>
      rowHeight(
        columns.map((_, i) => runsOf(row[i] ?? [])),
        widths,
        false,
      ),
    ),
  });
  out.push(paragraph(STYLES.afterTable, [], width));
}

function noteItems(title: string, blocks: readonly DocBlock[], ctx: Context, out: Item[]): void {
  const width = ctx.width - ctx.indent;
  const inner: Context = { width: width - NOTE_INSET, indent: 0, note: true };
  const content: Item[] = [
    paragraph(STYLES.noteLabel, [{ text: DRAFTING_NOTE_LABEL, bold: true }], inner.width),
  ];
  const heading = sanitiseText(title).trim();
  if (heading) content.push(paragraph(STYLES.noteText, [{ text: heading, bold: true }], inner.width));
  blockItems(blocks, inner, content);
  // Writer drops the empty paragraph that ends a cell after a nested table.
  if (content.at(-2)?.kind === 'table') content.pop();
  out.push({
    kind: 'box',
    top: TABLE_BORDER + NOTE_MARGIN.top,
    bottom: NOTE_MARGIN.bottom + TABLE_BORDER,
    slices: slicesOf(content),
  });
  out.push(paragraph(STYLES.afterTable, [], width));
}

/** The lines of a cell's content, each with the spacing above it, and the last paragraph's space after. */
function slicesOf(items: readonly Item[]): number[] {
  const slices: number[] = [];
  let after = -1;
  for (const item of items) {
    if (item.kind === 'paragraph') {
      for (let line = 0; line < item.lines; line += 1) {
        const gap = line > 0 ? 0 : after < 0 ? item.before : Math.max(after, item.before);
        slices.push(gap + item.lineHeight + (line === item.lines - 1 ? item.rule : 0));
      }
      after = item.after;
    } else if (item.kind === 'table') {
      const gap = Math.max(after, 0) + TABLE_BORDER;
      [item.header, ...item.rows].forEach((row, i) => {
        slices.push((i === 0 ? gap : 0) + row);
      });
      after = 0;
    } else {
      slices.push(Math.max(after, 0) + item.top, ...item.slices, item.bottom);
      after = 0;
    }
  }
  if (slices.length > 0 && after > 0) slices[slices.length - 1] = (slices[slices.length - 1] ?? 0) + after;
  return slices;
}

/** The heading's text as the contents shows it: number, a space, title. */
function headingText(number: string, title: string): string {
  return number ? `${sanitiseText(number)} ${sanitiseText(title)}` : sanitiseText(title);
}

interface Heading {
  readonly anchor: string;
  readonly level: 1 | 2;
  readonly text: string;
}

function headingsOf(document: TenderDocument): Heading[] {
  const headings: Heading[] = [];
  for (const section of document.sections) {
    headings.push({ anchor: section.anchor, level: 1, text: headingText(section.number, section.title) });
    for (const clause of section.clauses) {
      headings.push({ anchor: clause.anchor, level: 2, text: headingText(clause.number, clause.title) });
    }
  }
  return headings;
}

function headingItem(
  level: 1 | 2,
  number: string,
  title: string,
  index: number,
  pageBreakBefore: boolean,
): Item {
  const style = level === 1 ? STYLES.heading1 : STYLES.heading2;
  const width = TEXT_WIDTH - NUMBER_GUTTER;
  const runs = [{ text: sanitiseText(title), bold: true }];
  // The number hangs in the gutter and a tab takes the title to the indent; without a number the title starts at
  // the margin, on a first line as wide as the text.
  const first = number ? firstLine(width, sanitiseText(number), NUMBER_GUTTER, style.size, true) : TEXT_WIDTH;
  return paragraph(style, runs, width, { first, pageBreakBefore, heading: index });
}

function bodyItems(document: TenderDocument): Item[] {
  const items: Item[] = [];
  const ctx: Context = { width: TEXT_WIDTH, indent: NUMBER_GUTTER, note: false };
  let heading = 0;
  document.sections.forEach((section, index) => {
    const newPage = index === 0 || section.kind === 'appendix';
    items.push(headingItem(1, section.number, section.title, heading, newPage));
    heading += 1;
    blockItems(section.blocks, ctx, items);
    for (const clause of section.clauses) {
      items.push(headingItem(2, clause.number, clause.title, heading, false));
      heading += 1;
      if (hasBlocks(clause.guidance)) {
        noteItems(`Guidance: ${clause.clauseId} (version ${clause.version})`, clause.guidance, ctx, items);
      }
      blockItems(clause.blocks, ctx, items);
    }
  });
  return items;
}

function coverItems(document: TenderDocument): Item[] {
  const { cover } = document;
  const items: Item[] = [];
  if (isDraft(document))
    items.push(paragraph(STYLES.coverMeta, [{ text: DRAFT_MARK, bold: true }], TEXT_WIDTH));
  const logo = coverLogo(document);
  if (logo) {
    // An inline picture sets its line's height: 15 twips a pixel.
    items.push(
      paragraph(STYLES.normal, [], TEXT_WIDTH, { after: SPACING.logo.after, minHeight: logo.height * 15 }),
    );
  }
  items.push(
    paragraph(STYLES.coverAuthority, [{ text: sanitiseText(cover.authority), bold: true }], TEXT_WIDTH),
  );
  const documentType = documentTypeOf(document);
  if (documentType) items.push(paragraph(STYLES.coverMeta, [{ text: documentType, bold: true }], TEXT_WIDTH));
  items.push(paragraph(STYLES.coverTitle, [{ text: sanitiseText(cover.title), bold: true }], TEXT_WIDTH));
  const labelled = (label: string, value: string) =>
    paragraph(
      STYLES.coverMeta,
      [
        { text: `${label}: `, bold: true },
        { text: sanitiseText(value), bold: false },
      ],
      TEXT_WIDTH,
    );
  if (cover.reference.trim()) items.push(labelled('Reference', cover.reference));
  if (cover.procedure.trim()) items.push(labelled('Procedure', cover.procedure));
  if (document.meta.issueDate.trim())
    items.push(labelled('Issue date', formatIsoDate(document.meta.issueDate)));
  items.push(paragraph(STYLES.coverGap, [], TEXT_WIDTH));
  if (cover.facts.length > 0) {
    const widths = factsWidths(TEXT_WIDTH);
    items.push({
      kind: 'table',
      header: 0,
      rows: cover.facts.map((fact) =>
        rowHeight(
          [
            [{ text: sanitiseText(fact.label), bold: true }],
            [{ text: sanitiseText(fact.value), bold: false }],
          ],
          widths,
          false,
        ),
      ),
    });
    items.push(paragraph(STYLES.coverGap, [], TEXT_WIDTH));
  }
  blockItems(cover.blocks, { width: TEXT_WIDTH, indent: 0, note: false }, items);
  return items;
}

/** A contents entry laid out without its page number, and the room its last line leaves for one. */
interface ContentsEntry {
  readonly item: ParagraphItem;
  readonly heading: number;
  readonly bold: boolean;
  /** Room after the title's last line, in thousandths of an em. */
  readonly room: number;
}

function contentsEntries(headings: readonly Heading[]): ContentsEntry[] {
  return headings.flatMap((heading, index): ContentsEntry[] => {
    // docx lists a heading only if it has text.
    if (heading.text.trim() === '') return [];
    const style = heading.level === 1 ? STYLES.toc1 : STYLES.toc2;
    const width = toUnits(heading.level === 1 ? TEXT_WIDTH : TEXT_WIDTH - TOC2_INDENT, style.size);
    const bold = heading.level === 1;
    const { lines, last } = wrap([{ text: heading.text, bold }], width);
    return [{ item: { ...paragraph(style, [], 1), lines }, heading: index, bold, room: width - last }];
  });
}

/**
 * The contents: its heading, the entries, and the field's last paragraph. An entry's page number sits at the right
 * margin after a dot leader; when the title's last line leaves no room for it, it takes a line of its own.
 */
function contentsItems(entries: readonly ContentsEntry[], pages: readonly number[] | undefined): Item[] {
  const items: Item[] = [
    paragraph(STYLES.contentsHeading, [{ text: 'Contents', bold: true }], TEXT_WIDTH, {
      pageBreakBefore: true,
    }),
  ];
  for (const { item, heading, bold, room } of entries) {
    const number = String(pages?.[heading] ?? 10);
    let needed = 2 * charWidth(0x2e, bold);
    for (let i = 0; i < number.length; i += 1) needed += charWidth(number.charCodeAt(i), bold);
    items.push(needed > room ? { ...item, lines: item.lines + 1 } : item);
  }
  items.push(paragraph(STYLES.normal, [], TEXT_WIDTH));
  return items;
}

function boxHeight(box: BoxItem): number {
  return box.top + box.slices.reduce((a, b) => a + b, 0) + box.bottom;
}

/** Fills pages with items; returns the page count and the page each heading starts on. */
function paginate(
  items: readonly Item[],
  headingCount: number,
): { pages: number; headingPages: number[]; headingOffsets: number[] } {
  const headingPages = new Array<number>(headingCount).fill(1);
  const headingOffsets = new Array<number>(headingCount).fill(0);
  let page = 1;
  let y = 0;
  let after = 0;
  // Nothing on the page yet; `hardTop` when a page break before put us here (space before is then kept).
  let empty = true;
  let hardTop = true;
  const newPage = (hard: boolean) => {
    page += 1;
    y = 0;
    after = 0;
    empty = true;
    hardTop = hard;
  };
  const gapBefore = (before: number): number => (empty ? (hardTop ? before : 0) : Math.max(after, before));

  /**
   * Height the start of an item needs on the page: what keep-with-next, orphan control and unsplittable rows hold
   * together, less the line spacing its last line may hang below the margin.
   */
  const startHeight = (index: number, gap: number, depth: number): number => {
    const item = items[index];
    if (!item) return 0;
    if (item.kind === 'table') {
      const rows = [item.header, item.rows[0] ?? 0].filter((row) => row > 0);
      return gap + TABLE_BORDER + rows.reduce((a, b) => a + b, 0);
    }
    if (item.kind === 'box') {
      // Writer keeps a drafting note with the line after it.
      const next = items[index + 1];
      const own = gap + boxHeight(item);
      return next?.kind === 'paragraph' && depth <= 20
        ? own + startHeight(index + 1, next.before, depth + 1)
        : own;
    }
    const whole = item.lines * item.lineHeight + item.rule;
    // Orphan control: a paragraph starts a page's last lines with at least two of them, or moves on whole.
    const own =
      gap + (item.keepLines || item.keepNext || item.lines < 2 * ORPHANS ? whole : ORPHANS * item.lineHeight);
    if (!item.keepNext || depth > 20) return own - item.slack;
    const next = items[index + 1];
    const nextGap = next?.kind === 'paragraph' ? Math.max(item.after, next.before) : item.after;
    return own + startHeight(index + 1, nextGap, depth + 1);
  };

  items.forEach((item, index) => {
    if (item.kind === 'paragraph') {
      if (item.pageBreakBefore && !(empty && hardTop)) newPage(true);
      let gap = gapBefore(item.before);
      if (!empty && y + startHeight(index, gap, 0) > BODY_HEIGHT) {
        newPage(false);
        gap = 0;
      }
      if (item.heading !== undefined) {
        headingPages[item.heading] = page;
        headingOffsets[item.heading] = y + gap;
      }
      let remaining = item.lines;
      let first = true;
      while (remaining > 0) {
        const fit = Math.max(0, Math.floor((BODY_HEIGHT + item.slack - y - gap) / item.lineHeight));
        let placed = remaining;
        if (fit < remaining) {
          // Widow control leaves at least two lines for the next page, orphan control at least two on this one.
          placed = Math.max(0, Math.min(fit, remaining - ORPHANS));
          if (first && placed < ORPHANS) placed = 0;
        }
        // A page takes at least one line, however tall.
        if (empty) placed = Math.max(placed, 1);
        if (placed > 0) {
          y += gap + placed * item.lineHeight;
          remaining -= placed;
          empty = false;
        }
        if (remaining > 0) newPage(false);
        gap = 0;
        first = false;
      }
      empty = false;
      y += item.rule;
      after = item.after;
      return;
    }
    const gap = empty ? 0 : after;
    if (!empty && y + startHeight(index, gap, 0) > BODY_HEIGHT) newPage(false);
    else y += gap;
    if (item.kind === 'table') {
      y += TABLE_BORDER;
      const place = (height: number, repeat: number) => {
        if (!empty && y + height > BODY_HEIGHT) {
          newPage(false);
          y = TABLE_BORDER + repeat;
        }
        // A row taller than a page is split after all.
        let rest = height;
        while (y + rest > BODY_HEIGHT && rest > BODY_HEIGHT / 2) {
          rest -= Math.max(BODY_HEIGHT - y, BODY_HEIGHT / 2);
          newPage(false);
          y = TABLE_BORDER + repeat;
        }
        y += rest;
        empty = false;
      };
      // The header row is repeated on each page the table continues on, unless it would fill much of the page.
      const repeat = item.header <= BODY_HEIGHT / 4 ? item.header : 0;
      if (item.header > 0) place(item.header, 0);
      for (const row of item.rows) place(row, repeat);
    } else if (boxHeight(item) <= BODY_HEIGHT) {
      y += boxHeight(item);
      empty = false;
    } else {
      y += item.top;
      empty = false;
      for (const slice of item.slices) {
        if (y + slice > BODY_HEIGHT) {
          newPage(false);
          y = item.top;
        }
        y += slice;
        empty = false;
      }
      y += item.bottom;
    }
    after = 0;
  });
  return { pages: page, headingPages, headingOffsets };
}

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

/** Lays the document out from its model; see the top of this file. */
export function estimateModelPages(document: TenderDocument): ModelPageEstimate {
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

/** The children of a formatted element, such as `{ 'w:p': [...] }`. */
function childrenOf(element: unknown): readonly unknown[] {
  if (typeof element !== 'object' || element === null) return [];
  const [name] = Object.keys(element);
  const content = name === undefined ? undefined : (element as Record<string, unknown>)[name];
  return Array.isArray(content) ? content : [];
}

function nameOf(element: unknown): string | undefined {
  return typeof element === 'object' && element !== null ? Object.keys(element)[0] : undefined;
}

function attributeOf(element: unknown, attribute: string): unknown {
  const name = nameOf(element);
  const content = name === undefined ? undefined : (element as Record<string, unknown>)[name];
  const holder = Array.isArray(content)
    ? content.find((child) => typeof child === 'object' && child !== null && '_attr' in child)
    : content;
  const attributes = (holder as { _attr?: Record<string, unknown> } | undefined)?._attr;
  return attributes?.[attribute];
}

const HEADING_STYLES = new Set(['Heading1', 'Heading2']);

/**
 * A docx PageNumberEstimator that answers from the model's estimate: each heading paragraph of the written body, in
 * order, is the model's next heading, and every bookmark on it (the renderer's, from bookmarks.ts, and the "_Toc" one
 * docx adds for the contents' entry) gets that heading's page. It reads only the body's top-level paragraphs' styles
 * and bookmark names; the pages come from `estimateModelPages`, worked out when it is called.
 */
export function modelPageNumbers(
  document: TenderDocument,
  bookmarks: ReadonlyMap<string, string>,
): PageNumberEstimator {
  return (body: IXmlableObject, _context: IContext) => {
    const estimate = estimateModelPages(document);
    const byName = new Map<string, number>();
    for (const [anchor, page] of estimate.anchorPages) {
      const name = bookmarks.get(anchor);
      if (name !== undefined && !byName.has(name)) byName.set(name, page);
    }
    const paragraphs = childrenOf(body).filter((element) => nameOf(element) === 'w:p');
    const headingParagraphs = paragraphs.filter((p) => {
      const properties = childrenOf(p).find((child) => nameOf(child) === 'w:pPr');
      const style = childrenOf(properties).find((child) => nameOf(child) === 'w:pStyle');
      return HEADING_STYLES.has(String(attributeOf(style, 'w:val')));
    });
    // Heading paragraphs and model headings match one to one; if they ever don't, go by the renderer's bookmarks.
    const inOrder = headingParagraphs.length === estimate.headingPages.length;
    const result = new Map<string, string>();
    const numbers = new Map<string, number>();
    headingParagraphs.forEach((p, index) => {
      const names = childrenOf(p)
        .filter((child) => nameOf(child) === 'w:bookmarkStart')
        .map((child) => String(attributeOf(child, 'w:name')));
      const page = inOrder
        ? estimate.headingPages[index]
        : names.map((name) => byName.get(name)).find((found) => found !== undefined);
      if (page === undefined) return;
      for (const name of names) {
        result.set(name, String(page));
        numbers.set(name, page);
      }
    });
    for (const [name, page] of byName) {
      if (!result.has(name)) {
        result.set(name, String(page));
        numbers.set(name, page);
      }
    }
    return { bookmarks: result, bookmarkPageNumbers: numbers, pageCount: estimate.pageCount };
  };
}
