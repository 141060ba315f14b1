import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCatalog } from '../src/catalog/catalog.js';
import { compileLibrary } from '../src/compile/compile-library.js';
import { LEDGER_FILE, ledgerTextPath, parseLedger } from '../src/ledger/ledger.js';
import { lintClauseLibrary, readLibraryFiles } from '../src/lint/index.js';
import {
  BASE_FILES,
  clauseFile,
  DEFINITIONS_YAML,
  flatten,
  LIBRARY_YAML,
  REFERENCES_YAML,
  sha256,
} from './fixtures.js';

const CLAUSES = join(import.meta.dirname, '..');
const RELEASE_SCRIPT = join(CLAUSES, 'scripts', 'release-clauses.ts');
const TSX = join(CLAUSES, '..', 'node_modules', '.bin', 'tsx');

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clause-lint-'));
  dirs.push(dir);
  return dir;
}

/** Runs the real release step on a library folder; returns its output. */
function release(root: string, ...args: string[]): string {
  return execFileSync(TSX, [RELEASE_SCRIPT, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CLAUSES_ROOT: root, CLAUSES_RELEASE_DATE: '' },
  });
}

/** A clause library (no git anywhere) whose clauses were released as 1.0.0 on 2026-11-26. */
function releasedLibrary(): { top: string; root: string; write: (path: string, text: string) => void } {
  const top = tempDir();
  const root = join(top, 'clauses');
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('package.json', JSON.stringify({ name: '@loti/clauses', version: '1.0.0' }));
  write('library.yaml', LIBRARY_YAML);
  write('references.yaml', REFERENCES_YAML);
  write('definitions.yaml', DEFINITIONS_YAML);
  for (const [path, text] of Object.entries(BASE_FILES)) write(path, text);
  mkdirSync(join(top, '.changeset'));
  writeFileSync(join(top, '.changeset', 'README.md'), 'Changesets live here.\n');
  release(root, '--date', '2026-11-26');
  return { top, root, write };
}

const codes = (issues: readonly { code: string }[]) => issues.map((i) => i.code).sort();
const addChangeset = (top: string) =>
  writeFileSync(
    join(top, '.changeset', 'tidy-data.md'),
    '---\n"@loti/clauses": minor\n---\n\ndata-access/export 1.0.0 → 1.1.0: clearer wording.\n',
  );
const ledgerOf = (root: string) =>
  parseLedger(readFileSync(join(root, LEDGER_FILE), 'utf8')).ledger?.versions;

describe('the release step', () => {
  it('records every clause version with the given date, the package version and the text hash', () => {
    const { root } = releasedLibrary();
    expect(ledgerOf(root)).toEqual([
      {
        id: 'data-access/export',
        version: '1.0.0',
        date: '2026-11-26',
        release: '1.0.0',
        hash: `sha256:${sha256(BASE_FILES['data-access/export.md'])}`,
      },
      {
        id: 'security/patching',
        version: '1.2.0',
        date: '2026-11-26',
        release: '1.0.0',
        hash: `sha256:${sha256(BASE_FILES['security/patching.md'])}`,
      },
    ]);
    const hash = ledgerOf(root)?.[0]?.hash as string;
    expect(readFileSync(join(root, ledgerTextPath(hash)), 'utf8')).toBe(BASE_FILES['data-access/export.md']);
    expect(release(root, '--date', '2026-12-01')).toContain('nothing new to record');
  });

  it('refuses a date that is not a date and writes nothing', () => {
    const { root, write } = releasedLibrary();
    write('data-access/export.md', clauseFile({ id: 'data-access/export', version: '1.0.1' }));
    const before = readFileSync(join(root, LEDGER_FILE), 'utf8');
    expect(() => release(root, '--date', '2026-13-45')).toThrow(/is not a date/);
    expect(readFileSync(join(root, LEDGER_FILE), 'utf8')).toBe(before);
  });

  it('refuses to record anything while a published text has changed', () => {
    const { root, write } = releasedLibrary();
    write('data-access/export.md', clauseFile({ id: 'data-access/export', body: 'The Supplier must help.' }));
    const before = readFileSync(join(root, LEDGER_FILE), 'utf8');
    expect(() => release(root, '--date', '2026-12-01')).toThrow(/PUBLISHED_CHANGED/);
    expect(readFileSync(join(root, LEDGER_FILE), 'utf8')).toBe(before);
  });
});

describe('clause lint against the release ledger, without git', () => {
  it('passes when nothing changed', async () => {
    const { top, root } = releasedLibrary();
    expect(existsSync(join(top, '.git'))).toBe(false);
    const result = await lintClauseLibrary({ root });
    expect(result.errors).toEqual([]);
    expect(result.publishedVersions).toBe(2);
    expect(result.changedFiles).toEqual([]);
  });

  it('fails when the text of a published version changes', async () => {
    const { root, write } = releasedLibrary();
    write(
      'data-access/export.md',
      clauseFile({
        id: 'data-access/export',
        body: 'The Supplier must give the Authority all its Authority Data.',
      }),
    );
    const result = await lintClauseLibrary({ root });
    expect(codes(result.errors)).toEqual(['PUBLISHED_CHANGED']);
    expect(result.errors[0]?.message).toContain(
      'data-access/export@1.0.0 was published on 2026-11-26 (@loti/clauses 1.0.0) and its text cannot change',
    );
    expect(result.errors[0]?.position?.file).toBe('data-access/export.md');
  });

  it('fails a new version without a changelog entry or a changeset', async () => {
    const { root, write } = releasedLibrary();
    write(
      'data-access/export.md',
      clauseFile({
        id: 'data-access/export',
        version: '1.0.1',
        changelogVersions: ['1.0.0'],
        body: 'The Supplier must give the Authority its Authority Data!',
      }),
    );
    const result = await lintClauseLibrary({ root });
    expect(codes(result.errors)).toEqual([
      'CHANGELOG_MISSING',
      'CHANGESET_MISSING',
      'VERSION_WITHOUT_CHANGELOG',
    ]);
  });

  it('fails a new version lower than the newest published one of its major', async () => {
    const { top, root, write } = releasedLibrary();
    addChangeset(top);
    write(
      'security/patching.md',
      clauseFile({ id: 'security/patching', version: '1.1.0', changelogVersions: ['1.1.0', '1.0.0'] }),
    );
    const result = await lintClauseLibrary({ root });
    expect(codes(result.errors)).toEqual(['VERSION_DECREASED']);
    expect(result.errors[0]?.message).toContain(
      'security/patching@1.2.0 was already published on 2026-11-26',
    );
  });

  it('passes a properly bumped change with a changeset; after the release step it is published', async () => {
    const { top, root, write } = releasedLibrary();
    write(
      'data-access/export.md',
      clauseFile({
        id: 'data-access/export',
        version: '1.1.0',
        changelogVersions: ['1.1.0', '1.0.0'],
        body: 'The Supplier must give the Authority all Authority Data.',
      }),
    );
    addChangeset(top);
    const pending = await lintClauseLibrary({ root });
    expect(pending.errors).toEqual([]);
    expect(pending.changedFiles).toEqual(['data-access/export.md']);

    // `changeset version` consumes the changeset; the release step then records the version.
    rmSync(join(top, '.changeset', 'tidy-data.md'));
    expect(codes((await lintClauseLibrary({ root })).errors)).toEqual(['CHANGESET_MISSING']);
    expect(release(root, '--date', '2026-12-01')).toContain('data-access/export 1.1.0');
    const released = await lintClauseLibrary({ root });
    expect(released.errors).toEqual([]);
    expect(released.publishedVersions).toBe(3);
    expect(ledgerOf(root)?.find((entry) => entry.version === '1.1.0')?.date).toBe('2026-12-01');

    // Both versions resolve: the old one from the ledger's text.
    const compiled = flatten(
      compileLibrary({ files: readLibraryFiles(root), packageVersion: '1.1.0', sha256 }),
    );
    const catalog = createCatalog(
      compiled.catalog as NonNullable<typeof compiled.catalog>,
      (hash) => compiled.archive?.[hash],
    );
    expect(catalog.versions('data-access/export')).toEqual(['1.1.0', '1.0.0']);
    expect(catalog.get('data-access/export', '1.0.0')?.source).toMatch(
      /^published\/texts\/[0-9a-f]{64}\.md$/,
    );
    expect(catalog.get('data-access/export', '1.0.0')?.published).toBe('2026-11-26');
  });

  it('asks for no changeset outside a repository that uses changesets', async () => {
    const { top, root, write } = releasedLibrary();
    rmSync(join(top, '.changeset'), { recursive: true });
    write(
      'data-access/export.md',
      clauseFile({ id: 'data-access/export', version: '1.0.1', changelogVersions: ['1.0.1', '1.0.0'] }),
    );
    const result = await lintClauseLibrary({ root });
    expect(result.errors).toEqual([]);
    expect(result.changedFiles).toEqual(['data-access/export.md']);
  });

  it('lets a published version’s file go, because the ledger keeps it', async () => {
    const { top, root, write } = releasedLibrary();
    addChangeset(top);
    write(
      'security/patching.md',
      clauseFile({
        id: 'security/patching',
        version: '2.0.0',
        changelogVersions: ['2.0.0', '1.2.0', '1.0.0'],
        body: 'The Supplier must patch within 7 days.',
      }),
    );
    const result = await lintClauseLibrary({ root });
    expect(result.errors).toEqual([]);
    expect(result.changedFiles).toEqual(['security/patching.md']);
  });

  it('fails when a published text in the ledger is edited or lost', async () => {
    const { root } = releasedLibrary();
    const hash = ledgerOf(root)?.[0]?.hash as string;
    const path = join(root, ledgerTextPath(hash));
    writeFileSync(path, readFileSync(path, 'utf8').replace('must', 'shall'));
    // The file still matches the ledger, so only the archived copy is wrong; drop the file to use it.
    rmSync(join(root, 'data-access/export.md'));
    const edited = await lintClauseLibrary({ root });
    expect(codes(edited.errors)).toContain('LEDGER_INVALID');
    expect(edited.errors.find((e) => e.code === 'LEDGER_INVALID')?.message).toContain(
      'does not match its hash',
    );
    rmSync(path);
    const lost = await lintClauseLibrary({ root });
    expect(lost.errors.find((e) => e.code === 'LEDGER_INVALID')?.message).toContain('is missing');
  });
});

describe('the real library, copied without git history', () => {
  function copyLibrary(): string {
    const root = join(tempDir(), 'clauses');
    mkdirSync(root);
    const skip = new Set(['node_modules', 'dist', 'generated', '.turbo', 'test', 'src', 'scripts']);
    cpSync(CLAUSES, root, {
      recursive: true,
      filter: (source) => !skip.has(source.split(/[\\/]/).pop() ?? ''),
    });
    return root;
  }

  it('passes as it is, and fails when a published clause’s wording changes', async () => {
    const root = copyLibrary();
    expect(existsSync(join(root, LEDGER_FILE))).toBe(true);
    expect((await lintClauseLibrary({ root })).errors).toEqual([]);
    // A clause whose current file is a published version (its wording has not moved on since).
    const file = join(root, 'procurement', 'bidder-conduct.md');
    const before = readFileSync(file, 'utf8');
    const after = before.replace('act honestly and fairly', 'act honestly');
    expect(after).not.toBe(before);
    writeFileSync(file, after);
    const result = await lintClauseLibrary({ root });
    expect(codes(result.errors)).toEqual(['PUBLISHED_CHANGED']);
    expect(result.errors[0]?.message).toMatch(
      /^procurement\/bidder-conduct@1\.0\.0 was published on \d{4}-\d{2}-\d{2}/,
    );
  });
});
