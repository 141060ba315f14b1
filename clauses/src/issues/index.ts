/** The issue model and result shape every package of the kit uses. */
export type { FormatIssueOptions, IssuePart } from './format.js';
export { codeFrame, formatIssue } from './format.js';
export type { Issue, IssuePosition, Result, Severity } from './issue.js';
export { fail, isError, issuesOf, ok, SEVERITIES } from './issue.js';
