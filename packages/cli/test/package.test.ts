import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';

// Runs on the built package (the test task depends on build): plain Node ESM and CJS,
// publint and arethetypeswrong on the packed tarball.
it('loads from plain Node both ways and packs with types that resolve', () => {
  const root = join(import.meta.dirname, '..', '..', '..');
  const out = execFileSync('node', [join(root, 'scripts/check-package.mjs'), join(root, 'packages/cli')], {
    encoding: 'utf8',
  });
  expect(out).toMatch(/require: \d+ exports/);
  expect(out).toMatch(/import: \d+ exports/);
  expect(out).toContain('publint: All good!');
  expect(out).toContain('attw: types resolve');
}, 180_000);
