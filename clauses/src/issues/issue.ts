import type { SourcePosition } from '../source/position.js';

/** How bad an issue is: an error stops the work, a warning is reported beside the result. */
export const SEVERITIES = { error: 'error', warning: 'warning' } as const;

/** `'error'` or `'warning'`. */
export type Severity = keyof typeof SEVERITIES;

/** Where an issue is: a file and a 1-based line and column, optionally the end of the range. */
export type IssuePosition = SourcePosition;

/**
 * A problem found in some input: a value with a stable code, never an exception. Every package of the kit
 * reports its problems in this one shape; each package narrows `Code` to its own union of codes.
 */
export interface Issue<Code extends string = string> {
  /** A stable code scripts and tests can rely on, e.g. `FIELD_REQUIRED`. */
  readonly code: Code;
  readonly severity: Severity;
  /** What is wrong and what to do about it, in plain English. */
  readonly message: string;
  /** Where the problem is, when it is in a file. */
  readonly position?: IssuePosition;
  /** The field the problem is in, as a dotted path (`evaluation.criteria[0].weight`). */
  readonly field?: string;
  /** A further suggestion, shown after the message. */
  readonly hint?: string;
}

/**
 * The outcome of loading, validating, assembling or compiling: either a value with any warnings, or the
 * issues (errors and warnings) that stopped it. Narrow on `ok`.
 */
export type Result<T, Code extends string = string, I extends Issue<Code> = Issue<Code>> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly I[] }
  | { readonly ok: false; readonly issues: readonly I[] };

/** A successful Result. */
export function ok<T, I extends Issue<string> = Issue<string>>(
  value: T,
  warnings: readonly I[] = [],
): { readonly ok: true; readonly value: T; readonly warnings: readonly I[] } {
  return { ok: true, value, warnings };
}

/** A failed Result, carrying every issue found (errors and warnings). */
export function fail<I extends Issue<string>>(
  issues: readonly I[],
): { readonly ok: false; readonly issues: readonly I[] } {
  return { ok: false, issues };
}

/** Every issue a Result carries: its warnings when it succeeded, all its issues when it failed. */
export function issuesOf<I extends Issue<string>>(
  result:
    | { readonly ok: true; readonly warnings: readonly I[] }
    | { readonly ok: false; readonly issues: readonly I[] },
): readonly I[] {
  return result.ok ? result.warnings : result.issues;
}

/** True when an issue is an error (the work cannot go on), false for a warning. */
export function isError(issue: Pick<Issue<string>, 'severity'>): boolean {
  return issue.severity === 'error';
}
