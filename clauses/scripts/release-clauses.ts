/**
 * `npm run release:clauses [-- --date YYYY-MM-DD] [--add file.md ...]`: records every clause
 * version the library holds that the release ledger does not have yet, dated `--date` (or
 * CLAUSES_RELEASE_DATE, else today in UTC) and attributed to this package's version. Runs after
 * `changeset version` (the root `version` script). The only thing that writes published/.
 *
 * `--add` records a version from a file outside the library, e.g. one recovered from git history
 * (`git show <commit>:clauses/<id>.md > old.md`); it must compile like any clause file.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { compileLibrary } from '../src/compile/compile-library.js';
import { parseClauseFile } from '../src/compile/parse-clause-file.js';
import { formatIssue } from '../src/issues/format.js';
import { isError } from '../src/issues/issue.js';
import {
  canonicalClauseText,
  isIsoDate,
  LEDGER_FILE,
  type Ledger,
  parseLedger,
  planRelease,
  type ReleaseCandidate,
  serialiseLedger,
} from '../src/ledger/ledger.js';
import { readLibraryFiles } from '../src/lint/files.js';

const ROOT = process.env.CLAUSES_ROOT ?? join(import.meta.dirname, '..');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const fail = (message: string): never => {
  console.error(`release:clauses: ${message}`);
  process.exit(1);
};

const { values } = parseArgs({
  options: { date: { type: 'string' }, add: { type: 'string', multiple: true } },
});
const date =
  values.date ?? (process.env.CLAUSES_RELEASE_DATE || undefined) ?? new Date().toISOString().slice(0, 10);
if (!isIsoDate(date)) fail(`"${date}" is not a date such as 2026-11-29.`);
const release = String(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);

const files = readLibraryFiles(ROOT);
const ledgerJson = files[LEDGER_FILE];
const ledger: Ledger =
  ledgerJson === undefined
    ? { versions: [] }
    : (parseLedger(ledgerJson).ledger ?? fail(`${LEDGER_FILE} is damaged; restore it from version control.`));

// The library must compile, texts and ledger consistent, before anything is recorded.
const compiled = compileLibrary({ files, packageVersion: release, sha256 });
if (!compiled.ok) {
  const errors = compiled.issues.filter(isError);
  for (const issue of errors) console.error(formatIssue(issue));
  fail(`the clause library has ${errors.length} error(s); nothing was recorded.`);
}
const candidates: ReleaseCandidate[] = [];
for (const path of values.add ?? []) {
  const text = canonicalClauseText(readFileSync(path, 'utf8'));
  const parsed = parseClauseFile(text, path);
  const fm = parsed.clause?.frontMatter ?? fail(`${path} is not a clause file.`);
  candidates.push({ id: fm.id, version: fm.version, hash: `sha256:${sha256(text)}`, text });
}
for (const clause of compiled.ok ? compiled.value.catalog.clauses : []) {
  if (clause.status === 'draft') continue; // a draft's wording may still change
  const text = canonicalClauseText(files[clause.source] as string);
  candidates.push({ id: clause.id, version: clause.version, hash: clause.hash, text });
}
const plan = planRelease(ledger, candidates, date, release);
if (plan.added.length === 0) {
  console.log(`release:clauses: nothing new to record; the ledger has ${ledger.versions.length} versions.`);
  process.exit(0);
}

// Check the result compiles (an --add text must fit the registers), then write texts before the index.
const after = compileLibrary({
  files: {
    ...files,
    ...plan.texts,
    [LEDGER_FILE]: serialiseLedger(plan.ledger),
  },
  packageVersion: release,
  sha256,
});
if (!after.ok) {
  for (const issue of after.issues.filter(isError)) console.error(formatIssue(issue));
  fail('the new versions do not compile against the library; nothing was recorded.');
}
const write = (path: string, text: string) => {
  const target = join(ROOT, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(`${target}.tmp`, text);
  renameSync(`${target}.tmp`, target);
};
for (const [path, text] of Object.entries(plan.texts)) if (!existsSync(join(ROOT, path))) write(path, text);
write(LEDGER_FILE, serialiseLedger(plan.ledger));
console.log(
  `release:clauses: recorded ${plan.added.length} version(s) in @loti/clauses ${release} (${date}):\n${plan.added
    .map((entry) => `  ${entry.id} ${entry.version}`)
    .join('\n')}`,
);
