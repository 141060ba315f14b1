import { closest as closestMatch, distance } from 'fastest-levenshtein';

/** "Did you mean" by edit distance, for ids and field values: the sentence, or '' when nothing is close. */
export function suggest(value: string, candidates: Iterable<string>): string {
  const best = closest(value, candidates);
  return best ? `Did you mean "${best}"?` : '';
}

/** The candidate nearest to `value` by edit distance, if it is close enough to be a likely typo. */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  if (list.length === 0) return undefined;
  const best = closestMatch(value, list);
  const limit = Math.max(2, Math.floor(value.length / 3));
  return distance(value.toLowerCase(), best.toLowerCase()) <= limit ? best : undefined;
}
