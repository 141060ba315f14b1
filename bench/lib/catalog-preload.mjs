/**
 * Fallback for whole-process runs when `tender build` does not honour TENDER_CATALOG (see results.md):
 *   node --import bench/lib/catalog-preload.mjs packages/cli/dist/bin.js build …   with BENCH_CATALOG=catalog.json
 * swaps the installed catalog's contents for the synthetic one before the CLI starts. The CLI, the generator and
 * this file share one instance of @loti/clauses (one ESM module), so the CLI then builds with the synthetic clauses.
 * Costs the same JSON.parse + createCatalog the CLI does for TENDER_CATALOG.
 */
import { readFileSync } from 'node:fs';
import { catalog, createCatalog } from '@loti/clauses';

// biome-ignore lint/suspicious/noUndeclaredEnvVars: a benchmark-only variable, never seen by turbo tasks.
const file = process.env.BENCH_CATALOG;
if (file) Object.assign(catalog, createCatalog(JSON.parse(readFileSync(file, 'utf8'))));
