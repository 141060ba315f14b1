import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  ExternalHyperlink,
  InternalHyperlink,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { DocBlock, DocInline, DocTable } from '../../model/types.js';
import { sanitiseText } from '../../text/sanitise.js';
import type { Palette } from '../colour.js';
import { tableColumnTwips } from '../table-widths.js';
import { DRAFTING_NOTE_LABEL, definitionParts, leadsIn, safeUrl } from '../text.js';
import {
  BULLET_HANG,
  CELL_MARGIN,
  NOTE_INSET,
  NOTE_MARGIN,
  NUMBER_GUTTER,
  SPACING,
  SUB_ITEM_HANG,
} from './layout.js';
import { BULLET_REFERENCE, STYLE } from './styles.js';

export type BodyElement = Paragraph | Table;

/** What block rendering needs to know about where it is. */
export interface BlockContext {
  /** Model anchor → Word bookmark name, for every anchor a ref may target. */
  readonly bookmarks: ReadonlyMap<string, string>;
  readonly palette: Palette;
  /** Width of the container (page text width, or a table cell's inner width), in twips. */
  readonly width: number;
  /** Left indent of running text within the container. */
  readonly indent: number;
  /** Paragraph style of running text here. */
  readonly textStyle: string;
  /** Bullet nesting depth (0 outside lists). */
  readonly bulletLevel: number;
}

export function runsFor(
  content: readonly DocInline[],
  ctx: Pick<BlockContext, 'bookmarks'>,
): ParagraphChild[] {
  return content.flatMap((inline): ParagraphChild[] => {
    const text = sanitiseText(inline.text);
    if (text === '') return [];
    switch (inline.type) {
      case 'text':
        return [new TextRun({ text, bold: inline.bold, italics: inline.italic })];
      case 'link': {
        const url = safeUrl(inline.url);
        if (!url) return [new TextRun({ text })];
        return [
          new ExternalHyperlink({ link: url, children: [new TextRun({ text, style: STYLE.hyperlink })] }),
        ];
      }
      case 'ref': {
        const bookmark = ctx.bookmarks.get(inline.anchor);
        if (!bookmark) return [new TextRun({ text })];
        return [
          new InternalHyperlink({
            anchor: bookmark,
            children: [new TextRun({ text, style: STYLE.hyperlink })],
          }),
        ];
      }
      default:
        return [];
    }
  });
}

/** A heading whose whole text is inside the bookmark refs link to; number and title separated by a tab. */
export function headingParagraph(
  heading: 'Heading1' | 'Heading2',
  number: string,
  title: string,
  bookmark: string | undefined,
  pageBreakBefore = false,
): Paragraph {
  const text = new TextRun({
    children: number ? [sanitiseText(number), new Tab(), sanitiseText(title)] : [sanitiseText(title)],
  });
  return new Paragraph({
    style: heading,
    pageBreakBefore,
    tabStops: [{ type: 'left', position: NUMBER_GUTTER }],
    children: bookmark ? [new Bookmark({ id: bookmark, children: [text] })] : [text],
  });
}

export function renderBlocks(blocks: readonly DocBlock[], ctx: BlockContext): BodyElement[] {
  return blocks.flatMap((block, index) => renderBlock(block, ctx, leadsIn(block, blocks[index + 1])));
}

function renderBlock(block: DocBlock, ctx: BlockContext, keepNext = false): BodyElement[] {
  switch (block.type) {
    case 'paragraph':
      return [textParagraph(runsFor(block.content, ctx), ctx, keepNext)];
    case 'numbered':
      return numbered(block, ctx, keepNext);
    case 'bullets':
      return bullets(block.items, ctx);
    case 'table':
      return table(block.table, ctx);
    case 'note':
      return draftingNote(block.title, block.blocks, ctx);
    case 'definition': {
      const { joiner, content } = definitionParts(block.content);
      return [
        new Paragraph({
          style: ctx.textStyle === STYLE.noteText ? STYLE.noteText : STYLE.definition,
          indent: { left: ctx.indent },
          children: [
            new TextRun({ text: sanitiseText(block.term), bold: true }),
            new TextRun({ text: joiner }),
            ...runsFor(content, ctx),
          ],
        }),
      ];
    }
    default:
      return [];
  }
}

function textParagraph(children: ParagraphChild[], ctx: BlockContext, keepNext = false): Paragraph {
  return new Paragraph({
    style: ctx.textStyle,
    indent: { left: ctx.indent },
    ...(keepNext ? { keepNext: true } : {}),
    children,
  });
}

/**
 * Numbered sub-clauses carry the model's number as literal text, a tab, then the wording, with a hanging indent:
 * the numbers are exactly the model's (restarting per clause as assembly decided) and survive copy/paste. A level-2
 * number hangs in the gutter left of the running text; a level-3 "(a)" starts at the running text.
 */
function numbered(
  block: Extract<DocBlock, { type: 'numbered' }>,
  ctx: BlockContext,
  keepNext = false,
): BodyElement[] {
  const numberAt = block.level === 2 && ctx.indent >= NUMBER_GUTTER ? ctx.indent - NUMBER_GUTTER : ctx.indent;
  const textAt = numberAt + (block.level === 2 ? NUMBER_GUTTER : SUB_ITEM_HANG);
  const paragraph = new Paragraph({
    style: ctx.textStyle,
    indent: { left: textAt, hanging: textAt - numberAt },
    tabStops: [{ type: 'left', position: textAt }],
    ...(keepNext ? { keepNext: true } : {}),
    children: [
      new TextRun({ children: [sanitiseText(block.number), new Tab()] }),
      ...runsFor(block.content, ctx),
    ],
  });
  return [paragraph, ...renderBlocks(block.children, { ...ctx, indent: textAt })];
}

/** Each item's first paragraph carries the bullet; later blocks of the item line up with its text. */
function bullets(items: readonly (readonly DocBlock[])[], ctx: BlockContext): BodyElement[] {
  const level = Math.min(ctx.bulletLevel, 8);
  const textAt = ctx.indent + BULLET_HANG;
  const inner: BlockContext = { ...ctx, indent: textAt, bulletLevel: level + 1 };
  const last = items.findLastIndex((item) => item.length > 0);
  return items.flatMap((item, index) => {
    if (item.length === 0) return [];
    const [first, ...rest] = item;
    const lead = first?.type === 'paragraph' ? runsFor(first.content, ctx) : undefined;
    const bulletParagraph = new Paragraph({
      style: ctx.textStyle,
      numbering: { reference: BULLET_REFERENCE, level },
      indent: { left: textAt, hanging: BULLET_HANG },
      ...(lead !== undefined && first && leadsIn(first, rest[0]) ? { keepNext: true } : {}),
      // Items sit close together; the last one gets the usual space after it.
      spacing: {
        after:
          index === last && (lead === undefined ? item : rest).length === 0
            ? SPACING.body.after
            : SPACING.bulletItem.after,
      },
      children: lead ?? [],
    });
    const following = lead === undefined ? item : rest;
    return [bulletParagraph, ...renderBlocks(following, inner)];
  });
}

const GRID_BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'B1B4B6' } as const;

function table(model: DocTable, ctx: BlockContext): BodyElement[] {
  const width = ctx.width - ctx.indent;
  const columns = model.columns.length > 0 ? model.columns : [{ header: '', width: 100 }];
  const widths = tableColumnTwips(columns, width, model.rows);
  const cellOf = (children: ParagraphChild[], index: number, header: boolean): TableCell =>
    new TableCell({
      width: { size: widths[index] ?? 0, type: WidthType.DXA },
      shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: ctx.palette.headerFill } : undefined,
      verticalAlign: VerticalAlignTable.TOP,
      children: [new Paragraph({ style: header ? STYLE.tableHeading : STYLE.tableText, children })],
    });
  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((column, i) =>
      cellOf([new TextRun({ text: sanitiseText(column.header) })], i, true),
    ),
  });
  const bodyRows = model.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: columns.map((_, i) => cellOf(runsFor(row[i] ?? [], ctx), i, false)),
      }),
  );
  const elements: BodyElement[] = [];
  const caption = sanitiseText(model.caption).trim();
  if (caption) {
    elements.push(
      new Paragraph({ style: STYLE.caption, indent: { left: ctx.indent }, children: [new TextRun(caption)] }),
    );
  }
  elements.push(
    new Table({
      rows: [headerRow, ...bodyRows],
      width: { size: width, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      indent: { size: ctx.indent, type: WidthType.DXA },
      margins: { ...CELL_MARGIN },
      borders: {
        top: GRID_BORDER,
        bottom: GRID_BORDER,
        left: GRID_BORDER,
        right: GRID_BORDER,
        insideHorizontal: GRID_BORDER,
        insideVertical: GRID_BORDER,
      },
    }),
  );
  // A little air after the table, which Word otherwise glues to the next paragraph.
  elements.push(new Paragraph({ style: STYLE.tableText, spacing: { ...SPACING.afterTable }, children: [] }));
  return elements;
}

/**
 * A drafting note is one shaded, bordered single-cell table, so an officer can delete it in one go (select the
 * table, delete rows) and it reads as a note without colour: it is labelled in bold and has a heavy left rule.
 */
export function draftingNote(title: string, blocks: readonly DocBlock[], ctx: BlockContext): BodyElement[] {
  const width = ctx.width - ctx.indent;
  const inner = width - NOTE_INSET;
  const noteCtx: BlockContext = {
    ...ctx,
    width: inner,
    indent: 0,
    textStyle: STYLE.noteText,
    bulletLevel: 0,
  };
  const heading = sanitiseText(title).trim();
  const children: BodyElement[] = [
    new Paragraph({ style: STYLE.noteLabel, children: [new TextRun({ text: DRAFTING_NOTE_LABEL })] }),
    ...(heading
      ? [
          new Paragraph({
            style: STYLE.noteText,
            keepNext: true,
            children: [new TextRun({ text: heading, bold: true })],
          }),
        ]
      : []),
    ...renderBlocks(blocks, noteCtx),
  ];
  const accent = { style: BorderStyle.SINGLE, size: 4, color: ctx.palette.accent } as const;
  const box = new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [width],
    layout: TableLayoutType.FIXED,
    indent: { size: ctx.indent, type: WidthType.DXA },
    alignment: AlignmentType.LEFT,
    borders: {
      top: accent,
      bottom: accent,
      right: accent,
      left: { style: BorderStyle.SINGLE, size: 24, color: ctx.palette.accent },
      insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'auto' },
      insideVertical: { style: BorderStyle.NONE, size: 0, color: 'auto' },
    },
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: width, type: WidthType.DXA },
            shading: { type: ShadingType.CLEAR, color: 'auto', fill: ctx.palette.noteFill },
            margins: { ...NOTE_MARGIN },
            children: children.length > 0 ? children : [new Paragraph({})],
          }),
        ],
      }),
    ],
  });
  // Two tables in a row would merge into one in Word, so a small empty paragraph always follows the box.
  return [box, new Paragraph({ style: STYLE.tableText, spacing: { ...SPACING.afterTable }, children: [] })];
}
