import type { Clause, ClauseCatalog } from '@loti/clauses';
import semver from 'semver';
import { CliError } from '../../errors.js';
import type { Colours } from '../../output/colour.js';

/** Resolves `id` or `id@range`, turning a miss into a one-line error with a suggestion. */
export function resolveClause(catalog: ClauseCatalog, reference: string): Clause {
  const resolved = catalog.resolve(reference);
  if (!resolved.ok) throw new CliError(resolved.issues.map((issue) => issue.message).join(' '));
  return resolved.value;
}

/** An exact version of a clause, or a CliError listing the versions there are. */
export function exactVersion(catalog: ClauseCatalog, id: string, version: string): Clause {
  const clause = resolveClause(catalog, id);
  // An exact version is a range that matches only itself; published versions resolve from the ledger.
  const found = semver.valid(version) ? catalog.get(clause.id, version) : undefined;
  if (found?.version !== version)
    throw new CliError(`${id} has no version ${version}. Versions: ${catalog.versions(id).join(', ')}.`);
  return found;
}

export function statusLabel(status: Clause['status'], c: Colours): string {
  switch (status) {
    case 'stable':
      return c.green(status);
    case 'draft':
      return c.cyan(status);
    case 'deprecated':
      return c.yellow(status);
    case 'withdrawn':
      return c.red(status);
  }
}
