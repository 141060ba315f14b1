import type { ClauseCatalog } from '@loti/clauses';
import { expandInputs } from '../io/inputs.js';
import { buildSpec, type ReportedIssue } from './build-spec.js';

export interface ValidateFileResult {
  readonly file: string;
  readonly valid: boolean;
  readonly errors: readonly ReportedIssue[];
  readonly warnings: readonly ReportedIssue[];
}

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
