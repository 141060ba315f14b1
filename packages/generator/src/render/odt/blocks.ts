import type { DocBlock, DocInline, DocTable } from '../../model/types.js';
import { sanitiseText } from '../../text/sanitise.js';
import type { Palette } from '../colour.js';
import {
  BULLET_HANG,
  CELL_MARGIN,
  NOTE_INSET,
  NOTE_MARGIN,
  NUMBER_GUTTER,
  SPACING,
  SUB_ITEM_HANG,
} from '../docx/layout.js';
import { tableColumnTwips } from '../table-widths.js';
import { DRAFTING_NOTE_LABEL, definitionParts, leadsIn, safeUrl } from '../text.js';
import type { AutomaticStyles } from './automatic-styles.js';
import { ODT_STYLE } from './styles.js';
import { attrs, escapeXml, odfText, pt } from './xml.js';

/** What block rendering needs to know about where it is; mirrors the .docx renderer's context. */
export interface OdtContext {
  readonly styles: AutomaticStyles;
  /** Model anchor → bookmark name, for every anchor a ref may target. */
  readonly bookmarks: ReadonlyMap<string, string>;
  readonly palette: Palette;
  /** Width of the container in twips, and the left indent of running text within it. */
  readonly width: number;
  readonly indent: number;
  readonly textStyle: string;
  readonly bulletLevel: number;
}

const BULLET_GLYPHS = ['•', '–', '◦'] as const;
const GRID_BORDER = '0.5pt solid #B1B4B6';

export function spans(content: readonly DocInline[], ctx: Pick<OdtContext, 'bookmarks' | 'styles'>): string {
  let atStart = true;
  return content
    .map((inline) => {
      const text = sanitiseText(inline.text);
      if (text === '') return '';
      const body = odfText(text, atStart);
      atStart = false;
      switch (inline.type) {
        case 'text': {
          const style = inline.bold
            ? inline.italic
              ? ctx.styles.text({ 'fo:font-weight': 'bold', 'fo:font-style': 'italic' })
              : ODT_STYLE.strong
            : inline.italic
              ? ODT_STYLE.emphasis
              : undefined;
          return style ? `<text:span text:style-name="${style}">${body}</text:span>` : body;
        }
        case 'link': {
          const url = safeUrl(inline.url);
          return url ? link(url, body) : body;
        }
        case 'ref': {
          const bookmark = ctx.bookmarks.get(inline.anchor);
          return bookmark ? link(`#${bookmark}`, body) : body;
        }
        default:
          return '';
      }
    })
    .join('');
}

function link(href: string, body: string): string {
  return `<text:a${attrs({ 'xlink:type': 'simple', 'xlink:href': href, 'text:style-name': ODT_STYLE.link, 'text:visited-style-name': ODT_STYLE.link })}>${body}</text:a>`;
}

function paragraph(style: string, body: string): string {
  return body
    ? `<text:p text:style-name="${style}">${body}</text:p>`
    : `<text:p text:style-name="${style}"/>`;
}

/** A paragraph of the context's running text at its indent. */
function textParagraph(body: string, ctx: OdtContext, keepNext = false): string {
  return paragraph(
    ctx.styles.paragraph(ctx.textStyle, {
      'fo:margin-left': pt(ctx.indent),
      ...(keepNext ? { 'fo:keep-with-next': 'always' } : {}),
    }),
    body,
  );
}

export function renderBlocks(blocks: readonly DocBlock[], ctx: OdtContext): string {
  // A lead-in ("Each Tender must:") stays on the page of the list it introduces, as in the .docx.
  return blocks.map((block, index) => renderBlock(block, ctx, leadsIn(block, blocks[index + 1]))).join('');
}

function renderBlock(block: DocBlock, ctx: OdtContext, keepNext = false): string {
  switch (block.type) {
    case 'paragraph':
      return textParagraph(spans(block.content, ctx), ctx, keepNext);
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
      const parent = ctx.textStyle === ODT_STYLE.noteText ? ODT_STYLE.noteText : ODT_STYLE.definition;
      const body = `<text:span text:style-name="${ODT_STYLE.strong}">${odfText(block.term, true)}</text:span>${odfText(joiner)}${spans(content, ctx).replace(/^<text:s(?: text:c="\d+")?\/>/, '')}`;
      return paragraph(ctx.styles.paragraph(parent, { 'fo:margin-left': pt(ctx.indent) }), body);
    }
    default:
      return '';
  }
}

/** Numbered sub-clauses: the model's number as text, a tab, then the wording, with a hanging indent (as the .docx). */
function numbered(block: Extract<DocBlock, { type: 'numbered' }>, ctx: OdtContext, keepNext = false): string {
  const numberAt = block.level === 2 && ctx.indent >= NUMBER_GUTTER ? ctx.indent - NUMBER_GUTTER : ctx.indent;
  const textAt = numberAt + (block.level === 2 ? NUMBER_GUTTER : SUB_ITEM_HANG);
  const style = ctx.styles.paragraph(ctx.textStyle, {
    'fo:margin-left': pt(textAt),
    'fo:text-indent': pt(numberAt - textAt),
    ...(keepNext ? { 'fo:keep-with-next': 'always' } : {}),
  });
  const body = `${odfText(block.number, true)}<text:tab/>${spans(block.content, { ...ctx }).replace(/^<text:s(?: text:c="\d+")?\/>/, '')}`;
  return paragraph(style, body) + renderBlocks(block.children, { ...ctx, indent: textAt });
}

/** A one-level bullet list style with its label at `indent` and text at `indent` + the hang. */
function listStyle(ctx: OdtContext, level: number): string {
  const textAt = ctx.indent + BULLET_HANG;
  const glyph = BULLET_GLYPHS[level % BULLET_GLYPHS.length] ?? '•';
  return ctx.styles.custom(
    'L',
    `${textAt}:${glyph}`,
    (name) =>
      `<text:list-style style:name="${name}"><text:list-level-style-bullet${attrs({ 'text:level': 1, 'text:bullet-char': glyph })}>` +
      '<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">' +
      `<style:list-level-label-alignment${attrs({ 'text:label-followed-by': 'listtab', 'text:list-tab-stop-position': pt(textAt), 'fo:text-indent': pt(-BULLET_HANG), 'fo:margin-left': pt(textAt) })}/>` +
      '</style:list-level-properties></text:list-level-style-bullet></text:list-style>',
  );
}

/**
 * Bullets are real ODF lists. Each item's first paragraph carries the bullet; its later blocks follow as paragraphs
 * lined up with its text, and a nested list gets a list style of its own one step in (as the .docx lays them out).
 */
function bullets(items: readonly (readonly DocBlock[])[], ctx: OdtContext): string {
  const level = Math.min(ctx.bulletLevel, 8);
  const textAt = ctx.indent + BULLET_HANG;
  const inner: OdtContext = { ...ctx, indent: textAt, bulletLevel: level + 1 };
  const list = listStyle(ctx, level);
  const last = items.findLastIndex((item) => item.length > 0);
  let out = '';
  let open = false;
  items.forEach((item, index) => {
    if (item.length === 0) return;
    const [first, ...rest] = item;
    const lead = first?.type === 'paragraph' ? spans(first.content, ctx) : undefined;
    const following = lead === undefined ? item : rest;
    const after = index === last && following.length === 0 ? SPACING.body.after : SPACING.bulletItem.after;
    const style = ctx.styles.paragraph(ctx.textStyle, {
      'fo:margin-left': pt(textAt),
      'fo:text-indent': pt(-BULLET_HANG),
      'fo:margin-bottom': pt(after),
    });
    if (!open) out += `<text:list text:style-name="${list}">`;
    out += `<text:list-item>${paragraph(style, lead ?? '')}</text:list-item>`;
    open = true;
    if (following.length > 0) {
      out += '</text:list>';
      open = false;
      out += renderBlocks(following, inner);
    }
  });
  return open ? `${out}</text:list>` : out;
}

function tableStyle(ctx: OdtContext, width: number, indent: number): string {
  return ctx.styles.custom(
    'Tbl',
    `${width}:${indent}`,
    (name) =>
      `<style:style style:name="${name}" style:family="table"><style:table-properties${attrs({ 'style:width': pt(width), 'fo:margin-left': pt(indent), 'fo:margin-top': '0pt', 'fo:margin-bottom': '0pt', 'table:align': 'left', 'style:may-break-between-rows': 'true' })}/></style:style>`,
  );
}

function columnStyle(ctx: OdtContext, width: number): string {
  return ctx.styles.custom(
    'Col',
    String(width),
    (name) =>
      `<style:style style:name="${name}" style:family="table-column"><style:table-column-properties style:column-width="${pt(width)}"/></style:style>`,
  );
}

/** Rows are never split across pages, as in the .docx. */
function rowStyle(ctx: OdtContext): string {
  return ctx.styles.custom(
    'Row',
    'keep',
    (name) =>
      `<style:style style:name="${name}" style:family="table-row"><style:table-row-properties fo:keep-together="always"/></style:style>`,
  );
}

function cellStyle(ctx: OdtContext, properties: Readonly<Record<string, string>>): string {
  return ctx.styles.custom(
    'Cell',
    JSON.stringify(properties),
    (name) =>
      `<style:style style:name="${name}" style:family="table-cell"><style:table-cell-properties${attrs(properties)}/></style:style>`,
  );
}

const cellPadding = (margin: { top: number; bottom: number; left: number; right: number }) => ({
  'fo:padding-top': pt(margin.top),
  'fo:padding-bottom': pt(margin.bottom),
  'fo:padding-left': pt(margin.left),
  'fo:padding-right': pt(margin.right),
});

/** A grid table with a header row that repeats at the top of every page the table runs onto. */
export function gridTable(
  ctx: OdtContext,
  widths: readonly number[],
  header: readonly string[] | undefined,
  rows: readonly (readonly string[])[],
  headerFill: string | undefined,
  firstColumnFill?: string,
): string {
  const width = widths.reduce((a, b) => a + b, 0);
  const row = rowStyle(ctx);
  // Each rule is drawn once, as in a Word table: a cell draws its top rule only in the first row and its right rule
  // only in the last column. Doubled rules would make every row half a point taller than in the .docx.
  const cell = (body: string, fill: string | undefined, row: number, column: number) => {
    const style = cellStyle(ctx, {
      ...(fill ? { 'fo:background-color': `#${fill}` } : {}),
      ...cellPadding(CELL_MARGIN),
      'fo:border-top': row === 0 ? GRID_BORDER : 'none',
      'fo:border-bottom': GRID_BORDER,
      'fo:border-left': GRID_BORDER,
      'fo:border-right': column === widths.length - 1 ? GRID_BORDER : 'none',
      'style:vertical-align': 'top',
    });
    return `<table:table-cell table:style-name="${style}" office:value-type="string">${body}</table:table-cell>`;
  };
  const columns = widths
    .map((w) => `<table:table-column table:style-name="${columnStyle(ctx, w)}"/>`)
    .join('');
  const headerRows = header
    ? `<table:table-header-rows><table:table-row table:style-name="${row}">${header.map((h, i) => cell(paragraph(ODT_STYLE.tableHeading, odfText(h, true)), headerFill, 0, i)).join('')}</table:table-row></table:table-header-rows>`
    : '';
  const first = header ? 1 : 0;
  const body = rows
    .map(
      (cells, r) =>
        `<table:table-row table:style-name="${row}">${cells.map((c, i) => cell(paragraph(ODT_STYLE.tableText, c), i === 0 ? firstColumnFill : undefined, r + first, i)).join('')}</table:table-row>`,
    )
    .join('');
  return `<table:table table:name="${ctx.styles.tableName()}" table:style-name="${tableStyle(ctx, width, ctx.indent)}">${columns}${headerRows}${body}</table:table>`;
}

function afterTable(ctx: OdtContext): string {
  return paragraph(
    ctx.styles.paragraph(ODT_STYLE.tableText, {
      'fo:margin-top': pt(SPACING.afterTable.before),
      'fo:margin-bottom': pt(SPACING.afterTable.after),
    }),
    '',
  );
}

function table(model: DocTable, ctx: OdtContext): string {
  const width = ctx.width - ctx.indent;
  const columns = model.columns.length > 0 ? model.columns : [{ header: '', width: 100 }];
  const widths = tableColumnTwips(columns, width, model.rows);
  const caption = sanitiseText(model.caption).trim();
  const captionXml = caption
    ? paragraph(
        ctx.styles.paragraph(ODT_STYLE.caption, { 'fo:margin-left': pt(ctx.indent) }),
        odfText(caption, true),
      )
    : '';
  const rows = model.rows.map((row) => columns.map((_, i) => spans(row[i] ?? [], ctx)));
  return (
    captionXml +
    gridTable(
      ctx,
      widths,
      columns.map((c) => sanitiseText(c.header)),
      rows,
      ctx.palette.headerFill,
    ) +
    afterTable(ctx)
  );
}

/**
 * A drafting note is a shaded, bordered one-cell table (one row, never split), labelled in bold with a heavy left
 * rule, so it reads as a note without colour and an officer can delete it in one go.
 */
export function draftingNote(title: string, blocks: readonly DocBlock[], ctx: OdtContext): string {
  const width = ctx.width - ctx.indent;
  const noteCtx: OdtContext = {
    ...ctx,
    width: width - NOTE_INSET,
    indent: 0,
    textStyle: ODT_STYLE.noteText,
    bulletLevel: 0,
  };
  const heading = sanitiseText(title).trim();
  const content =
    paragraph(ODT_STYLE.noteLabel, escapeXml(DRAFTING_NOTE_LABEL)) +
    (heading
      ? paragraph(
          ctx.styles.paragraph(ODT_STYLE.noteText, { 'fo:keep-with-next': 'always' }),
          `<text:span text:style-name="${ODT_STYLE.strong}">${odfText(heading, true)}</text:span>`,
        )
      : '') +
    renderBlocks(blocks, noteCtx);
  const accent = `0.5pt solid #${ctx.palette.accent}`;
  const cell = cellStyle(ctx, {
    'fo:background-color': `#${ctx.palette.noteFill}`,
    ...cellPadding(NOTE_MARGIN),
    'fo:border-top': accent,
    'fo:border-bottom': accent,
    'fo:border-right': accent,
    'fo:border-left': `3pt solid #${ctx.palette.accent}`,
  });
  return (
    `<table:table table:name="${ctx.styles.tableName()}" table:style-name="${tableStyle(ctx, width, ctx.indent)}">` +
    `<table:table-column table:style-name="${columnStyle(ctx, width)}"/>` +
    `<table:table-row table:style-name="${rowStyle(ctx)}"><table:table-cell table:style-name="${cell}" office:value-type="string">${content}</table:table-cell></table:table-row>` +
    '</table:table>' +
    afterTable(ctx)
  );
}
