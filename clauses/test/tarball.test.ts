import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  exportConditions,
  lazyPack,
  manifestProblems,
  manifestTargets,
  missingFiles,
  strayFiles,
} from '../../scripts/tarball.js';
import type { CatalogData } from '../src/types.js';

// Runs on the built package (the test task depends on build): npm pack as npm publish runs it.
const ROOT = join(import.meta.dirname, '..');
const REGISTERS = [
  'library.yaml',
  'definitions.yaml',
  'references.yaml',
  'coverage.yaml',
  'thresholds.yaml',
  'bank-holidays.yaml',
];

/** What may ship: the build, the catalog data once, the wording and its registers, the ledger. */
const ALLOWED = [
  'package.json',
  'README.md',
  'LICENSE',
  'LICENSE-WORDING',
  'CHANGELOG.md',
  'CLAUSES.md',
  ...REGISTERS,
  'generated/catalog.json',
  'generated/archive.json',
  'published/ledger.json',
  'published/texts/*.md',
  '*/*.md',
  'dist/*.js',
  'dist/*.cjs',
  'dist/*.d.ts',
  'dist/*.d.cts',
  'dist/compile/index.*',
  'dist/lint/index.*',
];
const REQUIRED = [
  'package.json',
  'README.md',
  'LICENSE',
  'LICENSE-WORDING',
  'CHANGELOG.md',
  'CLAUSES.md',
  ...REGISTERS,
  'generated/catalog.json',
  'generated/archive.json',
  'published/ledger.json',
];

describe('the @loti/clauses tarball', () => {
  const packed = lazyPack(ROOT);
  const get = packed.get;
  afterAll(packed.dispose);

  it('ships only the build, the catalog data, the wording, its registers and the ledger', () => {
    const { files, manifest } = get();
    // Topic folders hold clause files only: src/, test/ and scripts/ have no place in the tarball.
    const clauseFiles = files.filter((file) => /^[a-z-]+\/[^/]+\.md$/.test(file));
    expect(clauseFiles.filter((file) => /^(src|test|scripts|dist|generated|published)\//.test(file))).toEqual(
      [],
    );
    expect(strayFiles(files, ALLOWED)).toEqual([]);
    expect(missingFiles(files, [...REQUIRED, ...manifestTargets(manifest)])).toEqual([]);
    expect(files.filter((file) => /\.(ts|mts|cts)$/.test(file) && !/\.d\.c?ts$/.test(file))).toEqual([]);
  });

  it('ships the catalog once, as data, and every clause file the catalog was compiled from', () => {
    const { files } = get();
    const catalog = JSON.parse(readFileSync(join(ROOT, 'generated/catalog.json'), 'utf8')) as CatalogData;
    expect(
      missingFiles(
        files,
        catalog.clauses.map((clause) => clause.source),
      ),
    ).toEqual([]);
    // No build output carries a copy of the wording: the largest dist file is far smaller than the catalog.
    const catalogBytes = readFileSync(join(ROOT, 'generated/catalog.json')).length;
    for (const file of files.filter((f) => f.startsWith('dist/')))
      expect(readFileSync(join(ROOT, file)).length, file).toBeLessThan(catalogBytes / 2);
  });

  it('publishes a manifest with its licences, repository and real ranges, and no source condition', () => {
    const { manifest } = get();
    expect(manifestProblems(manifest, ROOT)).toEqual([]);
    expect(manifest.license).toBe('MIT AND OGL-UK-3.0');
    expect(exportConditions(manifest.exports)).not.toContain('@loti/source');
    expect(exportConditions(manifest.exports)).toEqual(['default', 'import', 'require', 'types']);
    // The working copy keeps it: prepack strips it only from the packed file, postpack puts it back.
    const working = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(exportConditions(working.exports)).toContain('@loti/source');
  });

  it('installs with no Markdown parser (mdast or micromark) among its runtime dependencies', () => {
    const { tarball } = get();
    const project = mkdtempSync(join(tmpdir(), 'loti-clauses-install-'));
    try {
      writeFileSync(join(project, 'package.json'), '{"name":"probe","version":"1.0.0","private":true}\n');
      execFileSync(
        'npm',
        ['install', '--prefer-offline', '--no-audit', '--no-fund', '--omit=dev', '--ignore-scripts', tarball],
        { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      const tree = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], {
        cwd: project,
        encoding: 'utf8',
      });
      const installed = tree.split('\n').filter(Boolean);
      expect(installed.some((path) => path.endsWith('node_modules/@loti/clauses'))).toBe(true);
      expect(installed.filter((path) => /node_modules\/(mdast|micromark|@types\/mdast)/.test(path))).toEqual(
        [],
      );
      // The build-time compiler still works from the tarball: the parser is bundled into it.
      const parsed = execFileSync(
        'node',
        [
          '-e',
          'const { parseClauseMarkdown } = require("@loti/clauses/compile"); console.log(JSON.stringify(parseClauseMarkdown("The **Supplier** must.")))',
        ],
        { cwd: project, encoding: 'utf8' },
      );
      expect(parsed).toContain('Supplier');
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  }, 120_000);
});
