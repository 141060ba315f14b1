import type { Block, Inline } from '@loti/clauses';
import type { DocBlock, DocInline } from '../model/types.js';
import { letterNumber } from '../text/format.js';
import { sanitiseText } from '../text/sanitise.js';
import { parseSpecMarkdown } from './spec-markdown.js';

export interface InlineContext {
  /** Placeholder values; a missing value renders the placeholder literally (already reported). */
  readonly values: ReadonlyMap<string, string>;
  /** Anchor and number of each clause in this document. */
  readonly targets: ReadonlyMap<string, { anchor: string; number: string }>;
  /** Called for a cross-reference whose target is not in the document. */
  readonly onMissingTarget?: (id: string) => void;
}

const PLURAL_UNIT = /^( ?)(minute|hour|day|Working Day|week|month|year|lot)s(['’]?)(?![\p{L}])/u;

/**
 * Wording is written for the usual plural ("within {{days}} days"); when the value is 1, the unit after it becomes
 * singular: "within 1 day", "1 month's notice", "1 month’s notice".
 */
export function singularUnit(following: string): string {
  return following.replace(
    PLURAL_UNIT,
    (_, space: string, unit: string, apostrophe: string) =>
      `${space}${unit}${apostrophe ? `${apostrophe}s` : ''}`,
  );
}

/** Whether the last placeholder written was the value 1, carried across emphasis: "**{{n}}** days". */
interface UnitState {
  afterOne: boolean;
}

/** Converts clause inlines to document inlines: placeholders become plain text, refs get numbers. */
export function toDocInlines(
  inlines: readonly Inline[],
  context: InlineContext,
  style: { bold?: boolean; italic?: boolean } = {},
  units: UnitState = { afterOne: false },
): DocInline[] {
  const out: DocInline[] = [];
  const text = (value: string) => {
    const clean = sanitiseText(value);
    if (!clean) return;
    const previous = out[out.length - 1];
    if (previous?.type === 'text' && previous.bold === style.bold && previous.italic === style.italic) {
      out[out.length - 1] = { ...previous, text: previous.text + clean };
    } else {
      out.push({
        type: 'text',
        text: clean,
        ...(style.bold ? { bold: true } : {}),
        ...(style.italic ? { italic: true } : {}),
      });
    }
  };
  for (const node of inlines) {
    switch (node.type) {
      case 'text':
        text(units.afterOne ? singularUnit(node.value) : node.value);
        // The space before an emphasised unit ("{{n}} *days*") is a text of its own: the unit still follows.
        if (node.value.trim() !== '') units.afterOne = false;
        break;
      case 'placeholder': {
        const value = context.values.get(node.name);
        text(value ?? `{{${node.name}}}`);
        units.afterOne = value?.trim() === '1';
        break;
      }
      case 'emphasis':
        out.push(...toDocInlines(node.children, context, { ...style, italic: true }, units));
        break;
      case 'strong':
        out.push(...toDocInlines(node.children, context, { ...style, bold: true }, units));
        break;
      case 'link': {
        units.afterOne = false;
        const label =
          toDocInlines(node.children, context)
            .map((inline) => inline.text)
            .join('') || node.url;
        out.push({ type: 'link', url: node.url, text: label });
        break;
      }
      case 'clauseRef': {
        units.afterOne = false;
        const target = context.targets.get(node.id);
        if (target) {
          // A reference that starts a sentence starts with a capital, as any word would.
          const before = out.at(-1);
          const startsSentence = before?.type === 'text' && /[.!?]["'’”)]?\s+$/.test(before.text);
          out.push({
            type: 'ref',
            anchor: target.anchor,
            text: `${startsSentence ? 'Clause' : 'clause'} ${target.number}`,
          });
        } else {
          context.onMissingTarget?.(node.id);
          text(`[${node.id}]`);
        }
        break;
      }
    }
  }
  return out;
}

/**
 * Converts a clause body to document blocks. Top-level ordered lists become numbered
 * sub-clauses (7.3.1, 7.3.2 …) that continue across lists within one clause; ordered
 * lists inside them become (a), (b) …; unordered lists stay bullets.
 */
export function toDocBlocks(
  blocks: readonly Block[],
  context: InlineContext,
  clauseNumber: string,
): DocBlock[] {
  let subClause = 0;
  const convert = (items: readonly Block[], depth: number): DocBlock[] => {
    const out: DocBlock[] = [];
    for (const block of items) {
      if (block.type === 'paragraph') {
        out.push({ type: 'paragraph', content: toDocInlines(block.children, context) });
      } else if (!block.ordered) {
        out.push({ type: 'bullets', items: block.items.map((item) => convert(item, depth + 1)) });
      } else {
        block.items.forEach((item, index) => {
          const [first, ...rest] = item;
          const level = depth === 0 ? 2 : 3;
          const number = level === 2 ? `${clauseNumber}.${++subClause}` : `(${letterNumber(index)})`;
          out.push({
            type: 'numbered',
            number,
            level,
            content: first?.type === 'paragraph' ? toDocInlines(first.children, context) : [],
            children: convert(first?.type === 'paragraph' ? rest : item, depth + 1),
          });
        });
      }
    }
    return out;
  };
  return convert(blocks, 0);
}

/**
 * Officer-written Markdown (the background) in the same limited form as clause wording, read by a linear-time
 * parser (spec text comes from outside; the clause library's parser is super-linear on hostile text).
 * Placeholder-like text prints literally: officers' values are never templates.
 */
export function markdownToDocBlocks(markdown: string): SpecMarkdownBlocks {
  // Assembly asks twice for the same text (once for warnings, once for the section): parse it once.
  if (lastMarkdown?.text === markdown) return lastMarkdown.result;
  const { blocks, problems } = parseSpecMarkdown(markdown);
  const context: InlineContext = { values: new Map(), targets: new Map() };
  const convert = (items: readonly Block[]): DocBlock[] =>
    items.map((block) =>
      block.type === 'paragraph'
        ? { type: 'paragraph', content: toDocInlines(block.children, context) }
        : { type: 'bullets', items: block.items.map(convert) },
    );
  const result = {
    blocks: convert(blocks),
    problems: problems.map((p) => ({ message: p.message, line: p.line, keptAsText: p.keptAsText === true })),
  };
  lastMarkdown = { text: markdown, result };
  return result;
}

export interface SpecMarkdownBlocks {
  readonly blocks: DocBlock[];
  readonly problems: { message: string; line: number; keptAsText: boolean }[];
}

/** The last text converted and its result (a pure function's cache: same text, same blocks). */
let lastMarkdown: { text: string; result: SpecMarkdownBlocks } | undefined;

export function plain(text: string): DocInline[] {
  const clean = sanitiseText(text);
  return clean ? [{ type: 'text', text: clean }] : [];
}
