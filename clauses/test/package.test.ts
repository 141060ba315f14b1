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
