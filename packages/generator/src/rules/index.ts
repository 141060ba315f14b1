import type { ClauseCatalog } from '@loti/clauses';
import type { Selection } from '../assemble/select.js';
import type { SpecIssue } from '../spec/issues.js';
import type { LoadedSpec } from '../spec/load.js';
import type { TenderSpec } from '../spec/schema.js';
import type { Rule, RuleContext } from './context.js';
import { lotRules } from './lots.js';
import { placeholderRules } from './placeholders.js';
import { procedureDetailsRule } from './procedure.js';
import { thresholdRule } from './threshold.js';
import { timetableRule } from './timetable.js';
import type { SelectionRule } from './types.js';
import { variableRules } from './variables.js';

export type { Rule, RuleContext } from './context.js';
export { checkThreshold } from './threshold.js';
export type { SelectionRule } from './types.js';

/**
 * The procurement rules, run on a valid spec before clauses are chosen (the value against
 * the threshold decides which wording applies). Order sets the order of messages.
 */
const PROCUREMENT_RULES: readonly Rule[] = [procedureDetailsRule, thresholdRule, timetableRule];

export function runProcurementRules(
  context: RuleContext,
  rules: readonly Rule[] = PROCUREMENT_RULES,
): SpecIssue[] {
  return rules.flatMap((rule) => rule(context));
}

/** The rules that need the chosen clauses: variable values, lots, unfinished text. */
const SELECTION_RULES: readonly SelectionRule[] = [variableRules, lotRules, placeholderRules];

/** Runs the selection rules over a valid spec and its clause selection. */
export function runSelectionRules(
  spec: TenderSpec,
  loaded: LoadedSpec,
  catalog: ClauseCatalog,
  selection: Selection,
  rules: readonly SelectionRule[] = SELECTION_RULES,
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
