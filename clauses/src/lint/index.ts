/**
 * The clause lint (Node only): everything the build checks, plus the release rules, all
 * against the release ledger in `published/` (so it works the same in a clone, a copy with
 * no git history or an installed package). The build already fails when a published
 * id@version's text changed or the ledger is damaged; the lint adds that a version not
 * released yet must be newer than the published ones of its major, have a changelog entry
 * and, in a repository that uses changesets, come with a changeset for @loti/clauses.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import semver from 'semver';
import { parse as parseYaml } from 'yaml';
import { compileLibrary } from '../compile/compile-library.js';
import { isError } from '../issues/issue.js';
import { LEDGER_FILE, type LedgerEntry, ledgerKey, parseLedger } from '../ledger/ledger.js';
import type { ClauseIssue } from '../source/errors.js';
import { readLibraryFiles } from './files.js';

export { readLibraryFiles } from './files.js';

/** Options for {@link lintClauseLibrary}. */
export interface LintOptions {
  /** The clauses package folder. */
  readonly root: string;
  /** The folder holding changesets; default: the nearest `.changeset` folder at or above `root` (none: no changeset rule). */
  readonly changesetDir?: string;
}

/** The outcome of the clause lint: errors, warnings, and which clause files hold unreleased versions. */
export interface LintResult {
  readonly errors: ClauseIssue[];
  readonly warnings: ClauseIssue[];
  /** Clause files holding a version the ledger does not have yet. */
  readonly changedFiles: string[];
  /** How many versions the ledger holds. */
  readonly publishedVersions: number;
}

const CLAUSE_FILE = /^[a-z0-9-]+\/[a-z0-9-]+(\.v\d+)?\.md$/;

/** The clause lint (Node only): compiles the library at `root` and checks the release rules against the ledger in `published/`. */
export async function lintClauseLibrary(options: LintOptions): Promise<LintResult> {
  const files = readLibraryFiles(options.root);
  const packageVersion = readPackageVersion(readFileSync(join(options.root, 'package.json'), 'utf8'));
  const compiled = compileLibrary({
    files,
    packageVersion,
    sha256: (text) => createHash('sha256').update(text).digest('hex'),
  });
  const errors = compiled.ok ? [] : compiled.issues.filter(isError);
  const warnings = compiled.ok ? [...compiled.warnings] : compiled.issues.filter((issue) => !isError(issue));
  const ledgerJson = files[LEDGER_FILE];
  const published = (ledgerJson === undefined ? undefined : parseLedger(ledgerJson).ledger?.versions) ?? [];
  const publishedKeys = new Set(published.map((entry) => ledgerKey(entry.id, entry.version)));

  const changedFiles: string[] = [];
  for (const path of Object.keys(files).filter((p) => CLAUSE_FILE.test(p))) {
    const fm = frontMatter(files[path] as string);
    if (!fm?.id || !fm.version || !semver.valid(fm.version)) continue; // the compiler reports it
    if (publishedKeys.has(ledgerKey(fm.id, fm.version))) continue; // the compiler compares the text
    changedFiles.push(path);
    const position = { file: path, line: 1, column: 1 };
    const newest = newestPublishedInMajor(published, fm.id, fm.version);
    if (newest && semver.lte(fm.version, newest.version)) {
      errors.push({
        code: 'VERSION_DECREASED',
        severity: 'error',
        message: `${path} is ${fm.version}, but ${fm.id}@${newest.version} was already published on ${newest.date}. A new version must be higher: bump it (patch: typo, minor: same meaning, major: changed obligation).`,
        position,
      });
    } else if (!(fm.changelog ?? []).some((entry) => entry?.version === fm.version)) {
      errors.push({
        code: 'VERSION_WITHOUT_CHANGELOG',
        severity: 'error',
        message: `${path} is a new version (${fm.version}) without a changelog entry for ${fm.version}.`,
        position,
      });
    }
  }
  const changesetDir = options.changesetDir ?? findChangesetDir(options.root);
  // The changeset rule is the release workflow's: a library outside a changesets repository has none to ask for.
  if (changedFiles.length > 0 && changesetDir && !hasClausesChangeset(changesetDir)) {
    errors.push({
      code: 'CHANGESET_MISSING',
      severity: 'error',
      message: `Clause versions not released yet (${changedFiles.slice(0, 3).join(', ')}${changedFiles.length > 3 ? ', …' : ''}) but no changeset names @loti/clauses. Run \`npx changeset\` and describe each clause change; if \`changeset version\` has already run, run \`npm run release:clauses\` to record the release.`,
    });
  }
  return { errors, warnings, changedFiles, publishedVersions: published.length };
}

function newestPublishedInMajor(
  published: readonly LedgerEntry[],
  id: string,
  version: string,
): LedgerEntry | undefined {
  const major = semver.major(version);
  return published
    .filter((entry) => entry.id === id && semver.major(entry.version) === major)
    .sort((a, b) => semver.rcompare(a.version, b.version))[0];
}

function findChangesetDir(root: string): string | undefined {
  for (let dir = root; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.changeset'))) return join(dir, '.changeset');
    if (dirname(dir) === dir) return undefined;
  }
}

/** A pending changeset file that names @loti/clauses. */
function hasClausesChangeset(dir: string): boolean {
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.md') || name === 'README.md') continue;
    const text = readFileSync(join(dir, name), 'utf8');
    if (/^---[\s\S]*?["']@loti\/clauses["']\s*:/m.test(text)) return true;
  }
  return false;
}

interface LooseFrontMatter {
  id?: string;
  version?: string;
  changelog?: { version?: string }[];
}

function frontMatter(text: string): LooseFrontMatter | undefined {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!match) return undefined;
  try {
    const value = parseYaml(match[1] as string);
    return typeof value === 'object' && value !== null ? (value as LooseFrontMatter) : undefined;
  } catch {
    return undefined;
  }
}

function readPackageVersion(json: string): string {
  try {
    return String(JSON.parse(json).version);
  } catch {
    return '0.0.0';
  }
}
