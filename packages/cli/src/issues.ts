import type { ClauseIssueCode, Issue } from '@loti/clauses';
import type { SpecIssueCode } from '@loti/tender-generator';
import type { RebuildIssueCode } from './build/from-manifest.js';
import type { InputIssueCode } from './build/validate-files.js';

/** Every code the CLI can report: the spec's, the clause library's, and its own for inputs and rebuilds. */
export type ReportedIssueCode = SpecIssueCode | ClauseIssueCode | InputIssueCode | RebuildIssueCode;

/**
 * An issue as the CLI reports it in JSON and text: flat (file, line, column) for scripts, with its code frame
 * already cut from the source, because the source stays behind in a worker thread.
 */
export interface ReportedIssue {
  readonly code: ReportedIssueCode;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly field?: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly frame?: string;
}

/** The kit's issue model form of a reported issue (its place as `position`), for `formatIssue` and other tools. */
export function asIssue(issue: ReportedIssue): Issue<ReportedIssueCode> {
  return {
    code: issue.code,
    severity: issue.severity,
    message: issue.message,
    ...(issue.field ? { field: issue.field } : {}),
    ...(issue.file && issue.line
      ? { position: { file: issue.file, line: issue.line, column: issue.column ?? 1 } }
      : {}),
  };
}
