import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lintClauseLibrary } from '../src/lint/index.js';
import { BASE_FILES, clauseFile, DEFINITIONS_YAML, LIBRARY_YAML, REFERENCES_YAML } from './fixtures.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A throwaway git repository holding a released clause library under clauses/. */
function releasedRepo(): {
  top: string;
  root: string;
  write: (path: string, text: string) => void;
  git: (...args: string[]) => string;
} {
  const top = mkdtempSync(join(tmpdir(), 'clause-lint-'));
  dirs.push(top);
  const root = join(top, 'clauses');
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: top,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@example.com',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@example.com',
      },
    });
  write('package.json', JSON.stringify({ name: '@loti/clauses', version: '1.0.0' }));
  write('library.yaml', LIBRARY_YAML);
  write('references.yaml', REFERENCES_YAML);
  write('definitions.yaml', DEFINITIONS_YAML);
  for (const [path, text] of Object.entries(BASE_FILES)) write(path, text);
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'release');
  git('tag', '@loti/clauses@1.0.0');
  return { top, root, write, git };
}

const codes = (issues: readonly { code: string }[]) => issues.map((i) => i.code).sort();

describe('clause lint against the last release', () => {
  it('passes when nothing changed', async () => {
    const { root } = releasedRepo();
    const result = await lintClauseLibrary({ root });
    expect(result.base).toBe('@loti/clauses@1.0.0');
    expect(result.errors).toEqual([]);
  });

  it('fails when wording changed but the version did not, and without a changeset', async () => {
    const { root, write, git } = releasedRepo();
    write(
      'data-access/export.md',
      clauseFile({
        id: 'data-access/export',
        body: 'The Supplier must give the Authority all its Authority Data.',
      }),
    );
    git('commit', '-qam', 'edit wording');
    const result = await lintClauseLibrary({ root });
    expect(codes(result.errors)).toEqual(['CHANGESET_MISSING', 'VERSION_NOT_BUMPED']);
    expect(result.errors.find((e) => e.code === 'VERSION_NOT_BUMPED')?.message).toContain(
      'changed since @loti/clauses@1.0.0 but its version is still 1.0.0',
    );
  });

  it('fails a version bump without a changelog entry', async () => {
    const { root, write } = releasedRepo();
    const bumped = clauseFile({
      id: 'data-access/export',
      version: '1.0.1',
      changelogVersions: ['1.0.0'],
      body: 'The Supplier must give the Authority its Authority Data!',
    });
    write('data-access/export.md', bumped);
    const result = await lintClauseLibrary({ root });
    expect(codes(result.errors)).toEqual([
      'CHANGELOG_MISSING',
      'CHANGESET_MISSING',
      'VERSION_WITHOUT_CHANGELOG',
    ]);
  });

  it('passes a properly bumped change with a changeset', async () => {
    const { top, root, write } = releasedRepo();
    write(
      'data-access/export.md',
      clauseFile({
        id: 'data-access/export',
        version: '1.1.0',
        changelogVersions: ['1.1.0', '1.0.0'],
        body: 'The Supplier must give the Authority all Authority Data.',
      }),
    );
    mkdirSync(join(top, '.changeset'));
    writeFileSync(
      join(top, '.changeset', 'tidy-data.md'),
      '---\n"@loti/clauses": minor\n---\n\ndata-access/export 1.0.0 → 1.1.0: clearer wording.\n',
    );
    const result = await lintClauseLibrary({ root });
    expect(result.errors).toEqual([]);
    expect(result.changedFiles).toEqual(['data-access/export.md']);
  });

  it('fails when a published major disappears, but not when it moves to a .v1 file', async () => {
    const { root, write } = releasedRepo();
    const v1 = readFileSync(join(root, 'security/patching.md'), 'utf8');
    rmSync(join(root, 'security/patching.md'));
    const gone = await lintClauseLibrary({ root });
    expect(codes(gone.errors)).toContain('MAJOR_REMOVED');

    write('security/patching.v1.md', v1);
    write(
      'security/patching.md',
      clauseFile({
        id: 'security/patching',
        version: '2.0.0',
        changelogVersions: ['2.0.0', '1.2.0', '1.0.0'],
        body: 'The Supplier must patch within 7 days.',
      }),
    );
    const moved = await lintClauseLibrary({ root });
    expect(codes(moved.errors)).toEqual(['CHANGESET_MISSING']);
  });
});
