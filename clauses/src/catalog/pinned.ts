import { fail, ok } from '../issues/issue.js';
import type { Clause } from '../types.js';
import { appliesTo, type ClauseCatalog } from './catalog.js';
import { searchClauses } from './search.js';

/** A clause version a document recorded: id, version and the hash of its text. */
export interface ClausePin {
  readonly id: string;
  readonly version: string;
  /** When given, the pinned version's text must hash to it (`sha256:…`, as in a manifest). */
  readonly hash?: string;
}

/** A pinned version the catalog cannot supply, and why (not published, or its text hashes differently). */
export interface UnresolvedPin extends ClausePin {
  /** `not-published`: the catalog has no such version; `different-text`: it has, with other wording. */
  readonly reason: 'not-published' | 'different-text';
}

/**
 * A view of a catalog that holds exactly the pinned clause versions, for rebuilding a document
 * from its manifest: every pinned id resolves to its pinned version whatever range asks for it,
 * and clauses the document did not contain are never brought in by key facts, profiles or
 * cross-references (they may be newer than the document). `excluded` ids (those the document
 * left out on purpose) stay available at their newest version, so the spec's exclusions act as
 * they did; their wording never reaches the document. `missing` lists pins the catalog cannot
 * resolve (not in its ledger).
 */
export function pinCatalog(
  base: ClauseCatalog,
  pins: readonly ClausePin[],
  excluded: readonly string[] = [],
): { catalog: ClauseCatalog; missing: UnresolvedPin[] } {
  const pinned = new Map<string, Clause>();
  const missing: UnresolvedPin[] = [];
  for (const pin of pins) {
    const clause = base.get(pin.id, pin.version);
    if (clause?.version !== pin.version) missing.push({ ...pin, reason: 'not-published' });
    else if (pin.hash !== undefined && pin.hash !== clause.hash)
      missing.push({ ...pin, reason: 'different-text' });
    else pinned.set(pin.id, clause);
  }
  for (const id of excluded) {
    const clause = base.get(id);
    if (clause && !pinned.has(id)) pinned.set(id, clause);
  }
  const catalog: ClauseCatalog = {
    ...base,
    get: (id) => pinned.get(id),
    resolve(reference) {
      const id = reference.split('@')[0]?.trim() ?? '';
      const clause = pinned.get(id);
      if (clause) return ok(clause);
      if (!base.has(id)) return base.resolve(reference);
      return fail([
        {
          code: 'CLAUSE_VERSION_NO_MATCH',
          severity: 'error',
          message: `${id} is not in the document the clauses are pinned to, so it cannot be added.`,
        },
      ]);
    },
    search: (query) =>
      searchClauses(
        base.ids().flatMap((id) => pinned.get(id) ?? []),
        query,
      ),
    // Keep the library's order (topic, position) so the rebuild selects clauses in the same order.
    applicable: (facts, options) =>
      base
        .ids()
        .flatMap((id) => pinned.get(id) ?? [])
        .filter((clause) => appliesTo(clause, facts, options)),
  };
  return { catalog, missing };
}
