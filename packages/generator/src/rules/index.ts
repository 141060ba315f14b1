import type { ClauseCatalog } from '@loti/clauses';
import type { Selection } from '../assemble/select.js';
import type { SpecIssue } from '../spec/issues.js';
import type { LoadedSpec } from '../spec/load.js';
import type { TenderSpec } from '../spec/schema.js';
import { lotRules } from './lots.js';
import { placeholderRules } from './placeholders.js';
import type { Rule } from './types.js';
import { variableRules } from './variables.js';

export type { Rule } from './types.js';

/** Every rule, in the order their issues are listed. */
export const RULES: readonly Rule[] = [variableRules, lotRules, placeholderRules];

/** Runs the rules over a valid spec and its clause selection. */
export function runRules(
  spec: TenderSpec,
  loaded: LoadedSpec,
  catalog: ClauseCatalog,
  selection: Selection,
  rules: readonly Rule[] = RULES,
): SpecIssue[] {
  // In source order, so an officer can work down the file.
  return rules
    .flatMap((rule) => rule(spec, loaded, catalog, selection))
    .sort(
      (a, b) =>
        (a.position?.file ?? '').localeCompare(b.position?.file ?? '') ||
        (a.position?.line ?? 0) - (b.position?.line ?? 0) ||
        (a.position?.column ?? 0) - (b.position?.column ?? 0),
    );
}
