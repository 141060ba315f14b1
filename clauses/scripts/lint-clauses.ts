/** `npm run lint:clauses`: the clause lint, against the release ledger in published/; exits 1 on errors. */
import { join } from 'node:path';
import { formatIssue } from '../src/issues/format.js';
import { lintClauseLibrary } from '../src/lint/index.js';

const result = await lintClauseLibrary({ root: join(import.meta.dirname, '..') });
for (const warning of result.warnings) console.warn(formatIssue(warning));
for (const error of result.errors) console.error(formatIssue(error));
console.log(
  `clause lint: ${result.errors.length} error(s), ${result.warnings.length} warning(s) against ${result.publishedVersions} published version(s); ${result.changedFiles.length} clause file(s) not released yet.`,
);
process.exit(result.errors.length > 0 ? 1 : 0);
