import type { ClauseCatalog } from '@loti/clauses';
import { expandInputs } from '../io/inputs.js';
import type { ReportedIssue } from '../issues.js';
import { buildSpec } from './build-spec.js';

/** What validating one spec gave: whether it is valid, and its errors and warnings. */
export interface ValidateFileResult {
  readonly file: string;
  readonly valid: boolean;
  readonly errors: readonly ReportedIssue[];
  readonly warnings: readonly ReportedIssue[];
}

/** Codes for problems with an argument itself, beside the generator's spec issue codes. */
export const INPUT_ISSUE_CODES = {
  INPUT_NOT_FOUND: 'The argument names no file, folder or matching spec.',
  BUILD_FAILED: 'The spec could not be checked because of an unexpected error.',
} as const;
/** One of the {@link INPUT_ISSUE_CODES}. */
export type InputIssueCode = keyof typeof INPUT_ISSUE_CODES;

/** Validates specs (parse, schema, clause selection and assembly) without rendering anything. */
export async function validateFiles(
  inputs: readonly string[],
  options: { catalog?: ClauseCatalog; final?: boolean } = {},
): Promise<ValidateFileResult[]> {
  const results: ValidateFileResult[] = [];
  for (const entry of await expandInputs(inputs)) {
    if (entry.kind === 'problem') {
      const issue: ReportedIssue = {
        code: 'INPUT_NOT_FOUND',
        severity: 'error',
        message: entry.message,
        file: entry.input,
      };
      results.push({ file: entry.input, valid: false, errors: [issue], warnings: [] });
      continue;
    }
    try {
      const result = await buildSpec(entry.path, {
        ...(options.catalog ? { catalog: options.catalog } : {}),
        ...(options.final ? { final: true } : {}),
      });
      results.push({
        file: entry.path,
        valid: result.errors.length === 0 && result.ok,
        errors: result.errors,
        warnings: result.warnings,
      });
    } catch (error) {
      const message = `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
      results.push({
        file: entry.path,
        valid: false,
        errors: [{ code: 'BUILD_FAILED', severity: 'error', message, file: entry.path }],
        warnings: [],
      });
    }
  }
  return results;
}
