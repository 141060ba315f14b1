import type { Rule, RuleContext } from './context.js';
import { procedureDetailsRule } from './procedure.js';
import { thresholdRule } from './threshold.js';
import { timetableRule } from './timetable.js';

export type { Rule, RuleContext } from './context.js';
export { checkThreshold } from './threshold.js';

/** The procurement rules, run on a valid spec before assembly. Order sets the order of messages. */
export const PROCUREMENT_RULES: readonly Rule[] = [procedureDetailsRule, thresholdRule, timetableRule];

export function runRules(context: RuleContext, rules: readonly Rule[] = PROCUREMENT_RULES) {
  return rules.flatMap((rule) => rule(context));
}
