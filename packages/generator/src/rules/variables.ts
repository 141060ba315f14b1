import { closest, formatPath, type PathSegment, type VariableDefinition } from '@loti/clauses';
import type { SelectedClause } from '../assemble/select.js';
import type { SpecIssue } from '../spec/issues.js';
import type { TenderSpec } from '../spec/schema.js';
import type { SelectionRule } from './types.js';

const NUMBER = /^-?\d+(\.\d+)?$/;

/** A value from the spec, where it was written, and the clause whose declaration it must meet. */
interface GivenValue {
  readonly name: string;
  readonly value: string | number;
  readonly path: readonly PathSegment[];
  readonly clauseId: string;
  readonly declared: VariableDefinition;
}

/**
 * Checks every clause variable value the spec gives (top-level `variables:` and per-include `variables:`) against
 * what the declaring clause says it means: its type, whole numbers, limits, allowed values and, for scores, the
 * evaluation scale. Messages give the limit, the unit and the reason.
 */
export const variableRules: SelectionRule = (spec, loaded, _catalog, selection) => {
  const issues: SpecIssue[] = [];
  const reported = new Set<string>();
  for (const given of givenValues(spec, selection.clauses)) {
    const issue = checkValue(given, spec);
    if (!issue) continue;
    // A top-level value shared by several clauses is reported once per problem.
    const key = `${given.path.join('.')}|${issue.code}|${issue.message}`;
    if (reported.has(key)) continue;
    reported.add(key);
    issues.push({ ...issue, position: loaded.locate(given.path), field: formatPath(given.path) });
  }
  return issues;
};

function givenValues(spec: TenderSpec, clauses: readonly SelectedClause[]): GivenValue[] {
  const values: GivenValue[] = [];
  for (const { clause, variables, includeIndex } of clauses) {
    for (const [name, declared] of Object.entries(clause.variables)) {
      const fromInclude = variables[name];
      if (fromInclude !== undefined && includeIndex !== undefined) {
        values.push({
          name,
          value: fromInclude,
          path: ['clauses', 'include', includeIndex, 'variables', name],
          clauseId: clause.id,
          declared,
        });
        continue;
      }
      const fromSpec = spec.variables[name];
      if (fromSpec !== undefined)
        values.push({ name, value: fromSpec, path: ['variables', name], clauseId: clause.id, declared });
    }
  }
  return values;
}

type Finding = Pick<SpecIssue, 'code' | 'severity' | 'message'>;

function checkValue(given: GivenValue, spec: TenderSpec): Finding | undefined {
  const { name, value, declared, clauseId } = given;
  const why = declared.reason ? ` ${sentence(declared.reason)}` : '';
  if (declared.allowed) {
    const allowed = declared.allowed.map(String);
    if (!allowed.includes(String(value).trim())) {
      const guess = closest(String(value), allowed);
      return {
        code: 'VARIABLE_NOT_ALLOWED',
        severity: 'error',
        message: `"${name}" for clause ${clauseId} is ${JSON.stringify(value)} but must be one of: ${allowed.join(', ')}.${guess ? ` Did you mean "${guess}"?` : ''}${why}`,
      };
    }
  }
  if (declared.type !== 'number') return undefined;
  const text = String(value).trim();
  if (typeof value !== 'number' && !NUMBER.test(text)) {
    return {
      code: 'VARIABLE_TYPE',
      severity: 'error',
      message: `"${name}" for clause ${clauseId} must be a number, not ${JSON.stringify(value)}.`,
    };
  }
  const number = typeof value === 'number' ? value : Number(text);
  const unit = declared.unit ? ` ${declared.unit}` : '';
  if (declared.integer && !Number.isInteger(number)) {
    return {
      code: 'VARIABLE_NOT_INTEGER',
      severity: 'error',
      message: `"${name}" for clause ${clauseId} is ${number} but must be a whole number${unit ? ` of${unit}` : ''}.${why}`,
    };
  }
  const { min, max, because } = limits(declared, spec);
  const explicitMin = min !== undefined;
  const low = number < (min ?? 0);
  if (low || (max !== undefined && number > max)) {
    const range =
      explicitMin && max !== undefined
        ? `between ${min} and ${max}${unit}`
        : low
          ? `at least ${min ?? 0}${unit}`
          : `at most ${max}${unit}`;
    // A negative count breaks no law or policy: say why it cannot be negative instead of the declared reason.
    const explanation =
      !explicitMin && low ? ' It counts something, so it cannot be negative.' : `${because}${why}`;
    return {
      code: 'VARIABLE_OUT_OF_RANGE',
      severity: 'error',
      message: `"${name}" for clause ${clauseId} is ${number} but must be ${range}.${explanation}`,
    };
  }
  return undefined;
}

/** The limits a number must meet: the declared ones, narrowed to the evaluation scale for scores. */
function limits(
  declared: VariableDefinition,
  spec: TenderSpec,
): { min?: number; max?: number; because: string } {
  if (!declared.scale)
    return {
      ...(declared.min !== undefined ? { min: declared.min } : {}),
      ...(declared.max !== undefined ? { max: declared.max } : {}),
      because: '',
    };
  const scale = scaleRange(spec);
  return {
    min: declared.min === undefined ? scale.min : Math.max(declared.min, scale.min),
    max: declared.max === undefined ? scale.max : Math.min(declared.max, scale.max),
    because: ` It is a score on the evaluation scale, which runs from ${scale.min} to ${scale.max} (evaluation.scale).`,
  };
}

/** The lowest and highest score of the spec's scale; 0 to 5 (the evaluation-methodology clause's scale) by default. */
function scaleRange(spec: TenderSpec): { min: number; max: number } {
  const scores = (spec.evaluation?.scale ?? []).map((level) => level.score);
  return scores.length > 0 ? { min: Math.min(...scores), max: Math.max(...scores) } : { min: 0, max: 5 };
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
