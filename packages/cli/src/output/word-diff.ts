import { formatWordDiff, type WordChange } from '@loti/clauses';
import type { Colours } from './colour.js';

/**
 * A word diff for a terminal: removed words red and struck through, added words green and underlined. Without
 * colour it falls back to the [-removed-]{+added+} markers, which survive copying into an email or a ticket.
 */
export function renderWordDiff(changes: readonly WordChange[], c: Colours): string {
  if (!c.isColorSupported) return formatWordDiff(changes);
  return changes
    .map((change) => {
      if (change.kind === 'same') return change.text;
      const style =
        change.kind === 'added'
          ? (s: string) => c.green(c.underline(s))
          : (s: string) => c.red(c.strikethrough(s));
      // Style each line separately so a change spanning lines does not bleed colour into the margin.
      return change.text
        .split('\n')
        .map((part) => (part ? style(part) : part))
        .join('\n');
    })
    .join('');
}

export function hasChanges(changes: readonly WordChange[]): boolean {
  return changes.some((change) => change.kind !== 'same');
}
