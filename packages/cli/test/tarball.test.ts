import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  exportConditions,
  lazyPack,
  manifestProblems,
  manifestTargets,
  missingFiles,
  sourceOrTestFiles,
  strayFiles,
} from '../../../scripts/tarball.js';

// Runs on the built package (the test task depends on build): npm pack as npm publish runs it.
const ROOT = join(import.meta.dirname, '..');

/** What may ship: the bin shim, the build (entries, worker and chunks) and the docs. */
const ALLOWED = [
  'package.json',
  'README.md',
  'LICENSE',
  'CHANGELOG.md',
  'bin/tender.js',
  'bin/package.json',
  'dist/**/*.js',
  'dist/**/*.cjs',
  'dist/**/*.d.ts',
  'dist/**/*.d.cts',
];
const REQUIRED = [
  'package.json',
  'README.md',
  'LICENSE',
  'CHANGELOG.md',
  'bin/tender.js',
  'bin/package.json',
  'dist/bin.cjs',
];

describe('the @loti/tender-cli tarball', () => {
  const packed = lazyPack(ROOT);
  const get = packed.get;
  afterAll(packed.dispose);

  it('ships only the command, its build and the docs: no sources, tests or fixtures', () => {
    const { files, manifest } = get();
    expect(strayFiles(files, ALLOWED)).toEqual([]);
    expect(sourceOrTestFiles(files)).toEqual([]);
    expect(missingFiles(files, [...REQUIRED, ...manifestTargets(manifest)])).toEqual([]);
  });

  it('publishes a manifest with its licence, repository and real ranges, and no source condition', () => {
    const { manifest } = get();
    expect(manifestProblems(manifest, ROOT)).toEqual([]);
    expect(manifest.license).toBe('MIT');
    expect(manifest.bin).toEqual({ tender: './bin/tender.js' });
    for (const name of ['@loti/clauses', '@loti/tender-generator'])
      expect(manifest.dependencies?.[name], name).toMatch(/^\^\d+\.\d+\.\d+$/);
    expect(exportConditions(manifest.exports)).not.toContain('@loti/source');
    expect(exportConditions(manifest.exports)).toEqual(['default', 'import', 'require', 'types']);
  });
});
