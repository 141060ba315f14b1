import {
  BorderStyle,
  Document,
  HeightRule,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { DocBlock, TenderDocument } from '../../model/types.js';
import { sanitiseText } from '../../text/sanitise.js';
import { type Palette, paletteFor } from '../colour.js';
import { columnTwips } from '../columns.js';
import { type BlockContext, type BodyElement, headingParagraph, renderBlocks } from '../docx/blocks.js';
import { CELL_MARGIN, NUMBER_GUTTER, PAGE, SPACING, TEXT_WIDTH } from '../docx/layout.js';
import { packDocument } from '../docx/package-parts.js';
import { pageFurniture } from '../docx/page-furniture.js';
import { numberingOptions, STYLE, stylesFor } from '../docx/styles.js';
import { languageTag, safeFontName } from '../text.js';

/**
 * The building blocks of the pack's Word forms. Forms reuse the invitation's styles, page furniture and
 * normalisation, so they look like one set and are as deterministic; what they add is places to write: bordered
 * table cells with a minimum height, which Word and LibreOffice both let you type into and grow as you write.
 */
export type FormBlock =
  | { readonly type: 'heading'; readonly number: string; readonly text: string; readonly level: 1 | 2 }
  | { readonly type: 'blocks'; readonly blocks: readonly DocBlock[] }
  /** Label | blank cell rows, e.g. the Bidder's details. */
  | { readonly type: 'fields'; readonly caption: string; readonly labels: readonly string[] }
  /** A table whose last `blankColumns` columns are left empty for the Bidder. */
  | {
      readonly type: 'grid';
      readonly caption: string;
      readonly columns: readonly { readonly header: string; readonly width: number }[];
      readonly rows: readonly (readonly string[])[];
    }
  /** One bordered box to write an answer in; `lines` sets its minimum height. */
  | { readonly type: 'answer'; readonly label: string; readonly lines: number };

export interface Form {
  /** The form's name, e.g. "Supplier response form". */
  readonly title: string;
  readonly blocks: readonly FormBlock[];
}

const LINE = 276;
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '6F777B' } as const;
const BORDERS = {
  top: BORDER,
  bottom: BORDER,
  left: BORDER,
  right: BORDER,
  insideHorizontal: BORDER,
  insideVertical: BORDER,
} as const;

function cell(text: string, width: number, options: { fill?: string; bold?: boolean } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.TOP,
    ...(options.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: options.fill } } : {}),
    children: [
      new Paragraph({
        style: options.bold ? STYLE.tableHeading : STYLE.tableText,
        children: text ? [new TextRun({ text: sanitiseText(text) })] : [],
      }),
    ],
  });
}

function gridTable(
  widths: number[],
  rows: { cells: TableCell[]; header?: boolean; minHeight?: number }[],
  indent: number,
): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    indent: { size: indent, type: WidthType.DXA },
    margins: { ...CELL_MARGIN },
    borders: BORDERS,
    rows: rows.map(
      (row) =>
        new TableRow({
          cantSplit: !row.minHeight || row.minHeight < 10 * LINE,
          ...(row.header ? { tableHeader: true } : {}),
          ...(row.minHeight ? { height: { value: row.minHeight, rule: HeightRule.ATLEAST } } : {}),
          children: row.cells,
        }),
    ),
  });
}

function caption(text: string, indent: number): Paragraph {
  return new Paragraph({
    style: STYLE.caption,
    indent: { left: indent },
    children: [new TextRun(sanitiseText(text))],
  });
}

const after = () =>
  new Paragraph({ style: STYLE.tableText, spacing: { ...SPACING.afterTable }, children: [] });

function formElements(block: FormBlock, ctx: BlockContext, palette: Palette): BodyElement[] {
  const width = TEXT_WIDTH - NUMBER_GUTTER;
  switch (block.type) {
    case 'heading':
      return [
        headingParagraph(block.level === 1 ? 'Heading1' : 'Heading2', block.number, block.text, undefined),
      ];
    case 'blocks':
      return renderBlocks(block.blocks, ctx);
    case 'fields': {
      const widths = columnTwips([38, 62], width);
      return [
        caption(block.caption, NUMBER_GUTTER),
        gridTable(
          widths,
          block.labels.map((label) => ({
            cells: [
              cell(label, widths[0] ?? 0, { fill: palette.headerFill, bold: true }),
              cell('', widths[1] ?? 0),
            ],
            minHeight: 2 * LINE,
          })),
          NUMBER_GUTTER,
        ),
        after(),
      ];
    }
    case 'grid': {
      const widths = columnTwips(
        block.columns.map((c) => c.width),
        width,
      );
      return [
        caption(block.caption, NUMBER_GUTTER),
        gridTable(
          widths,
          [
            {
              header: true,
              cells: block.columns.map((c, i) =>
                cell(c.header, widths[i] ?? 0, { fill: palette.headerFill, bold: true }),
              ),
            },
            ...block.rows.map((row) => ({
              cells: block.columns.map((_, i) => cell(row[i] ?? '', widths[i] ?? 0)),
              minHeight: 2 * LINE,
            })),
          ],
          NUMBER_GUTTER,
        ),
        after(),
      ];
    }
    case 'answer':
      return [
        gridTable(
          [width],
          [
            { header: true, cells: [cell(block.label, width, { fill: palette.headerFill, bold: true })] },
            { cells: [cell('', width)], minHeight: Math.max(2, block.lines) * LINE },
          ],
          NUMBER_GUTTER,
        ),
        after(),
      ];
  }
}

/** The form as a deterministic .docx: the tender's styles and running headers, the form's title, then its blocks. */
export async function renderFormDocx(doc: TenderDocument, form: Form): Promise<Uint8Array> {
  const palette = paletteFor(doc.meta.branding.accentColour);
  const font = safeFontName(doc.meta.branding.font);
  const ctx: BlockContext = {
    bookmarks: new Map(),
    palette,
    width: TEXT_WIDTH,
    indent: NUMBER_GUTTER,
    textStyle: STYLE.clauseText,
    bulletLevel: 0,
  };
  const furniture = pageFurniture(doc, palette);
  const title = `${form.title}: ${doc.meta.title}`;
  const document = new Document({
    title: sanitiseText(title),
    subject: sanitiseText(form.title),
    creator: sanitiseText(doc.meta.creator),
    lastModifiedBy: sanitiseText(doc.meta.creator),
    keywords: ['tender', 'tender pack', doc.meta.reference].map(sanitiseText).join(', '),
    description: sanitiseText(`${form.title} for ${doc.meta.creator} tender ${doc.meta.reference}.`),
    revision: 1,
    customProperties: [
      { name: 'TenderReference', value: sanitiseText(doc.meta.reference) },
      { name: 'Generator', value: doc.manifest.generator },
    ],
    styles: stylesFor(font, languageTag(doc.meta.language), palette),
    numbering: numberingOptions(),
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.margin,
              bottom: PAGE.margin,
              left: PAGE.margin,
              right: PAGE.margin,
              header: PAGE.header,
              footer: PAGE.footer,
            },
          },
        },
        headers: { default: furniture.headers.default },
        footers: { default: furniture.footers.default },
        children: [
          new Paragraph({
            style: STYLE.coverAuthority,
            children: [new TextRun(sanitiseText(doc.cover.authority))],
          }),
          new Paragraph({ style: STYLE.coverTitle, children: [new TextRun(sanitiseText(form.title))] }),
          new Paragraph({
            style: STYLE.coverMeta,
            children: [new TextRun({ text: sanitiseText(`${doc.meta.title} · ${doc.meta.reference}`) })],
          }),
          ...form.blocks.flatMap((block) => formElements(block, ctx, palette)),
        ],
      },
    ],
  });
  return packDocument(document, { issueDate: doc.meta.issueDate, manifest: doc.manifest });
}

/** A paragraph block from plain text. */
export const para = (text: string, bold = false): DocBlock => ({
  type: 'paragraph',
  content: [{ type: 'text', text, ...(bold ? { bold: true } : {}) }],
});

/** Plain text inlines. */
export const bullets = (items: readonly string[]): DocBlock => ({
  type: 'bullets',
  items: items.map((item) => [para(item)]),
});
