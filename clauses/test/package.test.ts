import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';

// Runs on the built package (the test task depends on build): plain Node ESM and CJS,
// a browser bundle, publint and arethetypeswrong on the packed tarball.
it('loads from plain Node both ways, bundles for the browser and packs cleanly', () => {
  const root = join(import.meta.dirname, '..', '..');
  const out = execFileSync(
    'node',
    [join(root, 'scripts/check-package.mjs'), join(root, 'clauses'), '--browser'],
    { encoding: 'utf8' },
  );
  expect(out).toMatch(/require: \d+ exports/);
  expect(out).toMatch(/import: \d+ exports/);
  expect(out).toMatch(/browser bundle: \d+ KiB/);
  expect(out).toContain('publint: All good!');
}, 120_000);

it('lists its clauses from plain Node through the built CommonJS and ESM entry points', () => {
  const root = join(import.meta.dirname, '..', '..');
  const script =
    'console.log(m.catalog.list().length, m.catalog.get("data-access/export-on-request").version)';
  const cjs = execFileSync('node', ['-e', `const m = require('@loti/clauses'); ${script}`], {
    cwd: root,
    encoding: 'utf8',
  });
  const esm = execFileSync(
    'node',
    ['--input-type=module', '-e', `const m = await import('@loti/clauses'); ${script}`],
    { cwd: root, encoding: 'utf8' },
  );
  expect(cjs).toBe(esm);
  const [count, version] = cjs.trim().split(' ');
  expect(Number(count)).toBeGreaterThanOrEqual(60);
  expect(version).toMatch(/^\d+\.\d+\.\d+$/);
});

it('loads no Markdown parser with the runtime entry; the compile entry brings its own', () => {
  const root = join(import.meta.dirname, '..', '..');
  // The modules a require loads that contain the parser (micromark is bundled into a dist chunk).
  const parserModules = (entry: string): string[] =>
    JSON.parse(
      execFileSync(
        'node',
        [
          '-e',
          `require(${JSON.stringify(entry)}); const { readFileSync } = require('node:fs');
           console.log(JSON.stringify(Object.keys(require.cache).filter((file) => /micromark|mdast-util-from-markdown/.test(readFileSync(file, 'utf8')))));`,
        ],
        { cwd: root, encoding: 'utf8' },
      ),
    );
  expect(parserModules('@loti/clauses')).toEqual([]);
  expect(parserModules('@loti/clauses/compile').length).toBeGreaterThan(0);
});
