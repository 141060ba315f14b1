/** `npm run lint:clauses [-- --base <ref>]`: the clause lint; exits 1 on errors. */
import { join } from 'node:path';
import { lintClauseLibrary } from '../src/lint/index.js';
import { formatClauseIssue } from '../src/source/errors.js';

const baseIndex = process.argv.indexOf('--base');
const base = baseIndex > 0 ? process.argv[baseIndex + 1] : undefined;
const result = await lintClauseLibrary({ root: join(import.meta.dirname, '..'), ...(base ? { base } : {}) });
for (const warning of result.warnings) console.warn(formatClauseIssue(warning));
for (const error of result.errors) console.error(formatClauseIssue(error));
console.log(
  `clause lint: ${result.errors.length} error(s), ${result.warnings.length} warning(s)${result.base ? ` against ${result.base}` : ''}; ${result.changedFiles.length} clause file(s) changed.`,
);
process.exit(result.errors.length > 0 ? 1 : 0);
