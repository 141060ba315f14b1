import { type Block, blocksText, inlineText } from '../content.js';
import type { Reference } from '../schema.js';
import type { ClauseIssue } from '../source/errors.js';

/** GOV.UK plain English guidance: sentences of 25 words are good; over 35 is too long. */
export const MAX_SENTENCE_WORDS = 35;
/** A list item is read as one unit, so it gets the same limit as a sentence, whatever its punctuation. */
export const MAX_LIST_ITEM_WORDS = 35;

/**
 * Warnings about wording style and currency: long sentences, "shall", and references to
 * policies that have been superseded (naming the successor, so the fix is obvious).
 */
export function styleIssues(
  file: string,
  bodySource: string,
  body: readonly Block[],
  referenceIds: readonly string[],
  register: readonly Reference[],
  bodyLineOffset = 0,
): ClauseIssue[] {
  const issues: ClauseIssue[] = [];
  const lines = bodySource.split('\n');
  const lineOf = (needle: string) => {
    const index = lines.findIndex((line) => line.includes(needle));
    return index < 0 ? 1 : index + 1;
  };
  for (const sentence of sentences(blocksText(body))) {
    const words = sentence.split(/\s+/).filter(Boolean);
    if (words.length > MAX_SENTENCE_WORDS) {
      const start = words.slice(0, 6).join(' ');
      issues.push({
        code: 'SENTENCE_TOO_LONG',
        severity: 'warning',
        message: `A sentence has ${words.length} words (over ${MAX_SENTENCE_WORDS}): "${start} …". Split it or use a list.`,
        position: { file, line: bodyLineOffset + lineOf(words[0] ?? ''), column: 1 },
      });
    }
  }
  for (const item of listItems(body)) {
    const words = item.split(/\s+/).filter(Boolean);
    if (words.length > MAX_LIST_ITEM_WORDS) {
      const start = words.slice(0, 6).join(' ');
      issues.push({
        code: 'LIST_ITEM_TOO_LONG',
        severity: 'warning',
        message: `A list item has ${words.length} words (over ${MAX_LIST_ITEM_WORDS}): "${start} …". Split it into two items or move the detail into a sentence after the list.`,
        position: { file, line: bodyLineOffset + lineOf(words.slice(0, 6).join(' ')), column: 1 },
      });
    }
  }
  lines.forEach((line, index) => {
    const column = line.search(/\bshall\b/i);
    if (column >= 0) {
      issues.push({
        code: 'SHALL_USED',
        severity: 'warning',
        message: 'Use "must" for obligations instead of "shall".',
        position: { file, line: bodyLineOffset + index + 1, column: column + 1 },
      });
    }
  });
  const byId = new Map(register.map((ref) => [ref.id, ref]));
  for (const id of referenceIds) {
    const ref = byId.get(id);
    if (ref && ref.status !== 'current') {
      const successor = ref.supersededBy ? byId.get(ref.supersededBy) : undefined;
      issues.push({
        code: 'REFERENCE_SUPERSEDED',
        severity: 'warning',
        message: `${ref.title} was ${ref.status === 'renamed' ? 'renamed' : 'superseded'}${ref.since ? ` on ${ref.since}` : ''}${
          successor ? `: cite ${successor.title} (${successor.id}) instead` : ''
        }.`,
        position: { file, line: 1, column: 1 },
        field: 'references',
      });
    }
  }
  return issues;
}

/** The own text of every list item (its paragraphs, not its nested lists), at any depth. */
export function listItems(body: readonly Block[]): string[] {
  const out: string[] = [];
  const walk = (blocks: readonly Block[]) => {
    for (const block of blocks) {
      if (block.type !== 'list') continue;
      for (const item of block.items) {
        const own = item.flatMap((b) => (b.type === 'paragraph' ? [inlineText(b.children)] : []));
        out.push(own.join(' '));
        walk(item);
      }
    }
  };
  walk(body);
  return out;
}

/** Splits text into sentences at full stops, question marks and line ends. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?;:])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
