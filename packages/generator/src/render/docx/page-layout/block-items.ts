import type { DocBlock, DocTable } from '../../../model/types.js';
import { sanitiseText } from '../../../text/sanitise.js';
import { tableColumnTwips } from '../../table-widths.js';
import { DRAFTING_NOTE_LABEL, definitionParts, leadsIn } from '../../text.js';
import {
  BULLET_HANG,
  CELL_MARGIN,
  NOTE_INSET,
  NOTE_MARGIN,
  NUMBER_GUTTER,
  SPACING,
  SUB_ITEM_HANG,
} from '../layout.js';
import { STYLE_METRICS as STYLES, type StyleMetrics } from '../style-metrics.js';
import { type Run, wrap } from '../text-metrics.js';
import { firstLine, type Item, lineHeight, paragraph, runsOf, TABLE_BORDER, toUnits } from './items.js';

/**
 * Model blocks → layout items, as blocks.ts writes them: paragraphs at their style, indents and hanging numbers;
 * tables as unsplittable rows under a repeated header; drafting notes as boxes.
 */

export interface Context {
  /** Width of the container and the indent of running text in it, in twips, as blocks.ts has them. */
  readonly width: number;
  readonly indent: number;
  readonly note: boolean;
}

function textStyle(ctx: Context): StyleMetrics {
  return ctx.note ? STYLES.noteText : STYLES.clauseText;
}

export function blockItems(blocks: readonly DocBlock[], ctx: Context, out: Item[]): void {
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
export function rowHeight(
  cells: readonly (readonly Run[])[],
  widths: readonly number[],
  bold: boolean,
): number {
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

export function noteItems(title: string, blocks: readonly DocBlock[], ctx: Context, out: Item[]): void {
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
