import { blocksText } from '../content.js';
import type { Clause } from '../types.js';

/** A clause that matches a search, with its score. */
export interface SearchHit {
  readonly clause: Clause;
  /** Higher is better: matches in the id and title count most, the wording least. */
  readonly score: number;
}

/** Where a word matched, and what a match there is worth. */
const FIELDS = [
  { weight: 12, text: (c: Clause) => c.id.replace(/[/-]/g, ' ') },
  { weight: 8, text: (c: Clause) => c.title },
  { weight: 5, text: (c: Clause) => c.tags.join(' ').replace(/-/g, ' ') },
  { weight: 3, text: (c: Clause) => c.summary },
  { weight: 1, text: (c: Clause) => blocksText(c.body) },
] as const;

/**
 * Ranks clauses for a search: every word must appear somewhere; a whole-word match beats a
 * match inside a word, and a match in the id or title beats one in the wording. Ties keep
 * library order.
 */
export function searchClauses(clauses: readonly Clause[], query: string): SearchHit[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const hits: SearchHit[] = [];
  clauses.forEach((clause) => {
    const fields = FIELDS.map((field) => ({ weight: field.weight, text: field.text(clause).toLowerCase() }));
    let score = 0;
    for (const word of words) {
      const whole = new RegExp(
        `(^|[^a-z0-9])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^a-z0-9]|s\\b|$)`,
      );
      let best = 0;
      for (const field of fields) {
        if (!field.text.includes(word)) continue;
        best = Math.max(best, whole.test(field.text) ? field.weight * 2 : field.weight);
      }
      if (best === 0) return;
      score += best;
    }
    hits.push({ clause, score });
  });
  return hits
    .map((hit, order) => ({ hit, order }))
    .sort((a, b) => b.hit.score - a.hit.score || a.order - b.order)
    .map(({ hit }) => hit);
}
