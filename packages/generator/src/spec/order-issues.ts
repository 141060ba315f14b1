import type { SpecIssue, SpecIssueCode } from './issues.js';

/** Issues that explain others: they come first, and the issues they cause are dropped. */
const ROOT_CAUSES: readonly SpecIssueCode[] = [
  'CLAUSE_UNKNOWN',
  'PROFILE_UNKNOWN',
  'CLAUSE_VERSION_NO_MATCH',
  'CLAUSE_RANGE_INVALID',
  'PROCEDURE_DETAIL_MISSING',
  'VARIABLE_MISSPELT',
];

/** Built-ins whose only source is a procedure detail: missing them follows from PROCEDURE_DETAIL_MISSING. */
const PROCEDURE_BUILTINS = /^tender\.(framework|stageCount|stageNames)$/;

/**
 * Orders issues by cause, so the first message is the one to fix: a misspelt variable hides
 * "missing" reports of the name it was meant to be, a missing procedure detail hides the
 * built-ins it would have filled. The order is otherwise kept.
 */
export function orderByCause(issues: readonly SpecIssue[]): SpecIssue[] {
  const misspeltFor = new Set(
    issues.filter((i) => i.code === 'VARIABLE_MISSPELT' && i.subject).map((i) => i.subject as string),
  );
  const procedureDetailMissing = issues.some((i) => i.code === 'PROCEDURE_DETAIL_MISSING');
  const kept = issues.filter((issue) => {
    if (issue.code !== 'VARIABLE_MISSING' || !issue.subject) return true;
    if (misspeltFor.has(issue.subject)) return false;
    return !(procedureDetailMissing && PROCEDURE_BUILTINS.test(issue.subject));
  });
  const rank = (issue: SpecIssue) => {
    const index = ROOT_CAUSES.indexOf(issue.code);
    return index < 0 ? ROOT_CAUSES.length : index;
  };
  return kept
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => rank(a.issue) - rank(b.issue) || a.index - b.index)
    .map(({ issue }) => issue);
}
