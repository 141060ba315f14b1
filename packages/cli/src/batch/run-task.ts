import { performance } from 'node:perf_hooks';
import type { ClauseCatalog } from '@loti/clauses';
import { type BuildSpecResult, buildSpec } from '../build/build-spec.js';
import type { Format } from '../build/formats.js';

/** Builds one spec and turns any unexpected exception into a failed result, so one spec never stops a batch. */
export async function runBuildTask(
  spec: string,
  format: Format,
  catalog?: ClauseCatalog,
  final = false,
): Promise<BuildSpecResult> {
  const started = performance.now();
  try {
    return await buildSpec(spec, { format, ...(catalog ? { catalog } : {}), ...(final ? { final } : {}) });
  } catch (error) {
    return {
      spec,
      ok: false,
      errors: [],
      warnings: [],
      files: [],
      ms: performance.now() - started,
      crash: `Unexpected error: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
