import { type Block, blocksText } from '../content.js';
import type { Reference } from '../schema.js';
import type { ClauseIssue } from '../source/errors.js';

/** GOV.UK plain English guidance: sentences of 25 words are good; over 35 is too long. */
export const MAX_SENTENCE_WORDS = 35;

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

/** Splits text into sentences at full stops, question marks and line ends. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?;:])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
