import type { DocBlock, DocInline, DocTable } from '../../model/types.js';
import { sanitiseText } from '../../text/sanitise.js';
import { tableColumnTwips } from '../table-widths.js';
import { DRAFTING_NOTE_LABEL, definitionParts, leadsIn, safeUrl } from '../text.js';
import type { BlockContext } from './blocks.js';
import {
  BULLET_HANG,
  CELL_MARGIN,
  NOTE_INSET,
  NOTE_MARGIN,
  NUMBER_GUTTER,
  SPACING,
  SUB_ITEM_HANG,
} from './layout.js';
import { STYLE } from './styles.js';
import {
  escapeXml,
  internalLinkXml,
  paragraphXml as paragraph,
  runXml as run,
  textXml as t,
} from './wordml.js';

/**
 * The body's blocks (paragraphs, runs, bullet lists, tables, drafting notes, links) written as WordprocessingML
 * straight from the model, as strings. It writes exactly the XML docx writes for the objects blocks.ts builds
 * (body-xml.test.ts compares the two, byte for byte, on every example and on synthetic blocks): building docx's
 * object tree and serialising it took most of a render (see packages/generator/README.md, "How renderDocx writes
 * the body"). The headings and the contents between the blocks are written by headings-xml.ts and contents-xml.ts;
 * docx still writes the package, styles, numbering, the cover and the page furniture, and the XML comes in through a
 * placeholder (see body-splice.ts).
 */

/** What the body writer needs beyond BlockContext: where external links and bullet numbering go. */
export interface BodyXmlSink {
  /** Relationship id for an external link's target (the URL without its fragment); body-splice.ts writes them. */
  link(target: string): string;
  /** The numId docx gives the bullet list numbering (resolved when the parts are compiled; see body-splice.ts). */
  readonly bulletNumId: string;
}

/** A run of literal number, tab, then nothing: the lead of a numbered sub-clause. */
function numberRun(number: string): string {
  return `<w:r>${t(sanitiseText(number))}<w:tab/></w:r>`;
}

// docx 9.15 keeps a URL's fragment (up to 255 characters) as the link's w:anchor and relates the rest.
const MAX_FRAGMENT = 255;

function externalLinkStart(url: string, sink: BodyXmlSink): string {
  const hash = url.indexOf('#');
  const fragment = hash > 0 ? url.slice(hash + 1) : '';
  if (fragment.length > 0 && fragment.length <= MAX_FRAGMENT) {
    return `<w:hyperlink w:history="1" w:anchor="${escapeXml(fragment)}" r:id="${sink.link(url.slice(0, hash))}">`;
  }
  return `<w:hyperlink w:history="1" r:id="${sink.link(url)}">`;
}

export function runsXml(
  content: readonly DocInline[],
  ctx: Pick<BlockContext, 'bookmarks'>,
  sink: BodyXmlSink,
): string {
  let out = '';
  for (const inline of content) {
    const text = sanitiseText(inline.text);
    if (text === '') continue;
    switch (inline.type) {
      case 'text':
        out += run(text, { bold: inline.bold, italics: inline.italic });
        break;
      case 'link': {
        const url = safeUrl(inline.url);
        out += url
          ? `${externalLinkStart(url, sink)}${run(text, { style: STYLE.hyperlink })}</w:hyperlink>`
          : run(text);
        break;
      }
      case 'ref': {
        const bookmark = ctx.bookmarks.get(inline.anchor);
        out += bookmark ? internalLinkXml(bookmark, run(text, { style: STYLE.hyperlink })) : run(text);
        break;
      }
      default:
        break;
    }
  }
  return out;
}

export function blocksXml(blocks: readonly DocBlock[], ctx: BlockContext, sink: BodyXmlSink): string {
  let out = '';
  for (let index = 0; index < blocks.length; index += 1) {
    const block = blocks[index] as DocBlock;
    out += blockXml(block, ctx, sink, leadsIn(block, blocks[index + 1]));
  }
  return out;
}

function blockXml(block: DocBlock, ctx: BlockContext, sink: BodyXmlSink, keepNext: boolean): string {
  switch (block.type) {
    case 'paragraph':
      return paragraph(
        { style: ctx.textStyle, keepNext, indent: { left: ctx.indent } },
        runsXml(block.content, ctx, sink),
      );
    case 'numbered':
      return numberedXml(block, ctx, sink, keepNext);
    case 'bullets':
      return bulletsXml(block.items, ctx, sink);
    case 'table':
      return tableXml(block.table, ctx, sink);
    case 'note':
      return draftingNoteXml(block.title, block.blocks, ctx, sink);
    case 'definition': {
      const { joiner, content } = definitionParts(block.content);
      return paragraph(
        {
          style: ctx.textStyle === STYLE.noteText ? STYLE.noteText : STYLE.definition,
          indent: { left: ctx.indent },
        },
        run(sanitiseText(block.term), { bold: true }) + run(joiner) + runsXml(content, ctx, sink),
      );
    }
    default:
      return '';
  }
}

/** As blocks.ts `numbered`: literal number, tab, wording, hanging indent. */
function numberedXml(
  block: Extract<DocBlock, { type: 'numbered' }>,
  ctx: BlockContext,
  sink: BodyXmlSink,
  keepNext: boolean,
): string {
  const numberAt = block.level === 2 && ctx.indent >= NUMBER_GUTTER ? ctx.indent - NUMBER_GUTTER : ctx.indent;
  const textAt = numberAt + (block.level === 2 ? NUMBER_GUTTER : SUB_ITEM_HANG);
  return (
    paragraph(
      {
        style: ctx.textStyle,
        keepNext,
        tab: { type: 'left', position: textAt },
        indent: { left: textAt, hanging: textAt - numberAt },
      },
      numberRun(block.number) + runsXml(block.content, ctx, sink),
    ) + blocksXml(block.children, { ...ctx, indent: textAt }, sink)
  );
}

/** As blocks.ts `bullets`: each item's first paragraph carries the bullet. */
function bulletsXml(items: readonly (readonly DocBlock[])[], ctx: BlockContext, sink: BodyXmlSink): string {
  const level = Math.min(ctx.bulletLevel, 8);
  const textAt = ctx.indent + BULLET_HANG;
  const inner: BlockContext = { ...ctx, indent: textAt, bulletLevel: level + 1 };
  const last = items.findLastIndex((item) => item.length > 0);
  let out = '';
  items.forEach((item, index) => {
    if (item.length === 0) return;
    const [first, ...rest] = item;
    const lead = first?.type === 'paragraph' ? runsXml(first.content, ctx, sink) : undefined;
    const following = lead === undefined ? item : rest;
    out += paragraph(
      {
        style: ctx.textStyle,
        keepNext: lead !== undefined && first !== undefined && leadsIn(first, rest[0]),
        numId: sink.bulletNumId,
        numLevel: level,
        spacing: {
          after: index === last && following.length === 0 ? SPACING.body.after : SPACING.bulletItem.after,
        },
        indent: { left: textAt, hanging: BULLET_HANG },
      },
      lead ?? '',
    );
    out += blocksXml(following, inner, sink);
  });
  return out;
}

const GRID_BORDER = '<w:val="single" w:color="B1B4B6" w:sz="4"/>';
const gridBorders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
  .map((side) => GRID_BORDER.replace('<', `<w:${side} `))
  .join('');
const cellMargins = (m: { top: number; left: number; bottom: number; right: number }, tag: string): string =>
  `<${tag}><w:top w:type="dxa" w:w="${m.top}"/><w:left w:type="dxa" w:w="${m.left}"/><w:bottom w:type="dxa" w:w="${m.bottom}"/><w:right w:type="dxa" w:w="${m.right}"/></${tag}>`;
const CELL_MARGINS = cellMargins(CELL_MARGIN, 'w:tblCellMar');
const AFTER_TABLE = paragraph({ style: STYLE.tableText, spacing: SPACING.afterTable }, '');

/** As blocks.ts `table`: caption, fixed-layout grid table with a repeated header row, a spacer paragraph. */
function tableXml(model: DocTable, ctx: BlockContext, sink: BodyXmlSink): string {
  const width = ctx.width - ctx.indent;
  const columns = model.columns.length > 0 ? model.columns : [{ header: '', width: 100 }];
  const widths = tableColumnTwips(columns, width, model.rows);
  const cell = (children: string, index: number, header: boolean): string =>
    `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${widths[index] ?? 0}"/>${
      header ? `<w:shd w:fill="${escapeXml(ctx.palette.headerFill)}" w:color="auto" w:val="clear"/>` : ''
    }<w:vAlign w:val="top"/></w:tcPr>${paragraph({ style: header ? STYLE.tableHeading : STYLE.tableText }, children)}</w:tc>`;
  let rows = `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${columns
    .map((column, i) => cell(run(sanitiseText(column.header)), i, true))
    .join('')}</w:tr>`;
  for (const row of model.rows) {
    rows += `<w:tr><w:trPr><w:cantSplit/></w:trPr>${columns
      .map((_, i) => cell(runsXml(row[i] ?? [], ctx, sink), i, false))
      .join('')}</w:tr>`;
  }
  const caption = sanitiseText(model.caption).trim();
  return (
    (caption ? paragraph({ style: STYLE.caption, indent: { left: ctx.indent } }, run(caption)) : '') +
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${width}"/><w:tblInd w:type="dxa" w:w="${ctx.indent}"/><w:tblBorders>${gridBorders}</w:tblBorders><w:tblLayout w:type="fixed"/>${CELL_MARGINS}</w:tblPr><w:tblGrid>${widths
      .map((w) => `<w:gridCol w:w="${w}"/>`)
      .join('')}</w:tblGrid>${rows}</w:tbl>` +
    AFTER_TABLE
  );
}

/** As blocks.ts `draftingNote`: one shaded, bordered single-cell table, then a spacer paragraph. */
export function draftingNoteXml(
  title: string,
  blocks: readonly DocBlock[],
  ctx: BlockContext,
  sink: BodyXmlSink,
): string {
  const width = ctx.width - ctx.indent;
  const noteCtx: BlockContext = {
    ...ctx,
    width: width - NOTE_INSET,
    indent: 0,
    textStyle: STYLE.noteText,
    bulletLevel: 0,
  };
  const heading = sanitiseText(title).trim();
  const children =
    paragraph({ style: STYLE.noteLabel }, run(DRAFTING_NOTE_LABEL)) +
    (heading ? paragraph({ style: STYLE.noteText, keepNext: true }, run(heading, { bold: true })) : '') +
    blocksXml(blocks, noteCtx, sink);
  const accent = escapeXml(ctx.palette.accent);
  const side = (name: string, size: number) =>
    `<w:${name} w:val="single" w:color="${accent}" w:sz="${size}"/>`;
  return (
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${width}"/><w:jc w:val="left"/><w:tblInd w:type="dxa" w:w="${ctx.indent}"/><w:tblBorders>${side('top', 4)}${side('left', 24)}${side('bottom', 4)}${side('right', 4)}<w:insideH w:val="none" w:color="auto" w:sz="0"/><w:insideV w:val="none" w:color="auto" w:sz="0"/></w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid><w:gridCol w:w="${width}"/></w:tblGrid>` +
    `<w:tr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/><w:shd w:fill="${escapeXml(ctx.palette.noteFill)}" w:color="auto" w:val="clear"/>${cellMargins(NOTE_MARGIN, 'w:tcMar')}</w:tcPr>${children}</w:tc></w:tr></w:tbl>` +
    AFTER_TABLE
  );
}
