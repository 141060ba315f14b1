/**
 * The programmatic API of @loti/tender-cli: what the `tender` command does, for Node scripts and other tools.
 * Internals (commands, printing, the worker protocol) are not exported.
 */

/** The kit's one issue formatter, from `@loti/clauses`: print a reported issue with `formatIssue(asIssue(issue))`. */
export { formatIssue } from '@loti/clauses';
export type { BuildFileResult, BuildFilesOptions } from './build/build-files.js';
export { buildFiles, outputPathFor } from './build/build-files.js';
export type { Format } from './build/formats.js';
export { FORMATS } from './build/formats.js';
export type { ValidateFileResult } from './build/validate-files.js';
export { validateFiles } from './build/validate-files.js';
export type {
  CheckReport,
  ClauseUpdate,
  OutdatedReference,
  RetiredClause,
  UpdateKind,
} from './compare/check.js';
export { checkManifest } from './compare/check.js';
export { CliError, EXIT } from './errors.js';
export { writeFileAtomic } from './io/atomic-write.js';
export { readDocxManifest } from './io/read-docx.js';
export type { ReportedIssue, ReportedIssueCode } from './issues.js';
export { asIssue } from './issues.js';
