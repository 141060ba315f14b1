/**
 * The clause lint (Node only): everything the build checks, plus the release rules that
 * need git history. A change to a clause since the base (by default the newest
 * `@loti/clauses@*` release tag) must bump its version, add a changelog entry and come
 * with a changeset, and a published major must never disappear.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import semver from 'semver';
import { parse as parseYaml } from 'yaml';
import { compileLibrary } from '../compile/compile-library.js';
import type { ClauseIssue } from '../source/errors.js';
import { readLibraryFiles } from './files.js';

export { readLibraryFiles } from './files.js';

export interface LintOptions {
  /** The clauses package folder. */
  readonly root: string;
  /** A git ref to compare against; defaults to the newest release tag, else HEAD. */
  readonly base?: string;
}

export interface LintResult {
  readonly errors: ClauseIssue[];
  readonly warnings: ClauseIssue[];
  /** The git ref compared against, when git was available. */
  readonly base?: string;
  readonly changedFiles: string[];
}

const CLAUSE_FILE = /^[a-z0-9-]+\/[a-z0-9-]+(\.v\d+)?\.md$/;

export async function lintClauseLibrary(options: LintOptions): Promise<LintResult> {
  const files = readLibraryFiles(options.root);
  const packageVersion = readPackageVersion(readFileSync(join(options.root, 'package.json'), 'utf8'));
  const compiled = compileLibrary({
    files,
    packageVersion,
    sha256: (text) => createHash('sha256').update(text).digest('hex'),
  });
  const errors = [...compiled.errors];
  const warnings = [...compiled.warnings];

  const git = gitContext(options.root);
  if (!git) return { errors, warnings, changedFiles: [] };
  const base = options.base ?? latestReleaseTag(git.top) ?? 'HEAD';
  const show = (path: string) => runGit(git.top, ['show', `${base}:${git.prefix}${path}`]);
  const baseList = runGit(git.top, ['ls-tree', '-r', '--name-only', base, '--', git.prefix || '.']);
  if (baseList === undefined) {
    warnings.push({
      code: 'VERSION_NOT_BUMPED',
      severity: 'warning',
      message: `Cannot read git ref "${base}"; version checks were skipped.`,
    });
    return { errors, warnings, changedFiles: [] };
  }
  const baseFiles = baseList
    .split('\n')
    .map((path) => path.slice(git.prefix.length))
    .filter((path) => CLAUSE_FILE.test(path));

  const changedFiles: string[] = [];
  const currentMajors = new Set<string>();
  for (const [path, text] of Object.entries(files)) {
    const fm = frontMatter(text);
    if (CLAUSE_FILE.test(path) && fm?.id && semver.valid(fm.version))
      currentMajors.add(`${fm.id}@${semver.major(fm.version as string)}`);
  }
  for (const path of Object.keys(files).filter((p) => CLAUSE_FILE.test(p))) {
    const now = files[path] as string;
    const before = baseFiles.includes(path) ? show(path) : undefined;
    if (before === undefined) {
      changedFiles.push(path);
      continue;
    }
    if (normalise(before) === normalise(now)) continue;
    changedFiles.push(path);
    const oldFm = frontMatter(before);
    const newFm = frontMatter(now);
    const position = { file: path, line: 1, column: 1 };
    if (!oldFm?.version || !newFm?.version || !semver.valid(newFm.version) || !semver.valid(oldFm.version))
      continue;
    if (semver.eq(oldFm.version, newFm.version)) {
      errors.push({
        code: 'VERSION_NOT_BUMPED',
        severity: 'error',
        message: `${path} changed since ${base} but its version is still ${newFm.version}. Bump it (patch: typo, minor: same meaning, major: changed obligation) and add a changelog entry.`,
        position,
      });
    } else if (semver.lt(newFm.version, oldFm.version)) {
      errors.push({
        code: 'VERSION_DECREASED',
        severity: 'error',
        message: `${path} went from ${oldFm.version} down to ${newFm.version}.`,
        position,
      });
    } else if (!(newFm.changelog ?? []).some((entry) => entry?.version === newFm.version)) {
      errors.push({
        code: 'VERSION_WITHOUT_CHANGELOG',
        severity: 'error',
        message: `${path} went from ${oldFm.version} to ${newFm.version} without a changelog entry for ${newFm.version}.`,
        position,
      });
    }
  }
  for (const path of baseFiles) {
    if (path in files) continue;
    const fm = frontMatter(show(path) ?? '');
    if (!fm?.id || !semver.valid(fm.version)) continue;
    const key = `${fm.id}@${semver.major(fm.version as string)}`;
    if (!currentMajors.has(key)) {
      errors.push({
        code: 'MAJOR_REMOVED',
        severity: 'error',
        message: `${key} (${path}) was published but is gone. Keep it as ${fm.id.split('/')[1]}.v${semver.major(fm.version as string)}.md; set status: withdrawn to stop its use.`,
        position: { file: path, line: 1, column: 1 },
      });
    } else changedFiles.push(path);
  }
  if (changedFiles.length > 0 && !hasClausesChangeset(git.top, base, options.root)) {
    errors.push({
      code: 'CHANGESET_MISSING',
      severity: 'error',
      message: `Clause wording changed (${changedFiles.slice(0, 3).join(', ')}${changedFiles.length > 3 ? ', …' : ''}) but no changeset names @loti/clauses. Run \`npx changeset\` and describe each clause change.`,
    });
  }
  return { errors, warnings, base, changedFiles };
}

function gitContext(root: string): { top: string; prefix: string } | undefined {
  const top = runGit(root, ['rev-parse', '--show-toplevel'])?.trim();
  if (!top) return undefined;
  const prefix = relative(top, root).split('\\').join('/');
  return { top, prefix: prefix ? `${prefix}/` : '' };
}

function latestReleaseTag(top: string): string | undefined {
  const tags = runGit(top, ['tag', '--list', '@loti/clauses@*', '--sort=-v:refname'])?.trim();
  return tags ? tags.split('\n')[0] : undefined;
}

/** A changeset file that names @loti/clauses, or a package version already bumped by `changeset version`. */
function hasClausesChangeset(top: string, base: string, root: string): boolean {
  const dir = join(top, '.changeset');
  if (existsSync(dir)) {
    for (const name of readdirSync(dir)) {
      if (!name.endsWith('.md') || name === 'README.md') continue;
      const text = readFileSync(join(dir, name), 'utf8');
      if (/^---[\s\S]*?["']@loti\/clauses["']\s*:/m.test(text)) return true;
    }
  }
  const rel = relative(top, join(root, 'package.json')).split('\\').join('/');
  const before = runGit(top, ['show', `${base}:${rel}`]);
  const now = readFileSync(join(root, 'package.json'), 'utf8');
  return before !== undefined && readPackageVersion(before) !== readPackageVersion(now);
}

function runGit(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch {
    return undefined;
  }
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

function normalise(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
}

function readPackageVersion(json: string): string {
  try {
    return String(JSON.parse(json).version);
  } catch {
    return '0.0.0';
  }
}
