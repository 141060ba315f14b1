import { diffWords } from 'diff';
import { blocksText } from '../content.js';
import type { Clause } from '../types.js';

/** One run of a word-level diff: text kept, added or removed. */
export interface WordChange {
  readonly kind: 'same' | 'added' | 'removed';
  readonly text: string;
}

/** A word-level diff of two clause versions' wording (title included as the first line). */
export function diffClauseWording(from: Clause, to: Clause): WordChange[] {
  return diffText(`${from.title}\n${blocksText(from.body)}`, `${to.title}\n${blocksText(to.body)}`);
}

/** The word-level changes between two texts: kept, added and removed runs, in order. */
export function diffText(before: string, after: string): WordChange[] {
  return diffWords(before, after).map((part) => ({
    kind: part.added ? 'added' : part.removed ? 'removed' : 'same',
    text: part.value,
  }));
}

/** Renders a diff as plain text with [-removed-] and {+added+} markers. */
export function formatWordDiff(changes: readonly WordChange[]): string {
  return changes
    .map((change) =>
      change.kind === 'added'
        ? `{+${change.text}+}`
        : change.kind === 'removed'
          ? `[-${change.text}-]`
          : change.text,
    )
    .join('');
}
