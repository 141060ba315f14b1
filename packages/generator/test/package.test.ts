import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it, onTestFinished } from 'vitest';

// Runs on the built package (the test task depends on build): plain Node ESM and CJS,
// a browser bundle, publint and arethetypeswrong on the packed tarball.
it('loads from plain Node both ways and packs with types that resolve', () => {
  const root = join(import.meta.dirname, '..', '..', '..');
  const out = execFileSync(
    'node',
    [join(root, 'scripts/check-package.mjs'), join(root, 'packages/generator'), '--browser'],
    {
      encoding: 'utf8',
    },
  );
  expect(out).toMatch(/require: \d+ exports/);
  expect(out).toMatch(/import: \d+ exports/);
  expect(out).toContain('publint: All good!');
  expect(out).toContain('attw: types resolve');
}, 180_000);

// The docx library (1 MB) loads only when a .docx is rendered, and exceljs only when a workbook is, from both builds:
// validating and HTML never pay for them.
it.each(['cjs', 'esm'])(
  'loads docx only on the first renderDocx call, and exceljs only on the first workbook (%s build)',
  (format) => {
    const packageRoot = join(import.meta.dirname, '..');
    const folder = mkdtempSync(join(tmpdir(), 'lazy-docx-'));
    const log = join(folder, 'modules.log');
    onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
    const out = execFileSync(
      'node',
      [
        '--import',
        join(packageRoot, '..', '..', 'bench/lib/trace-modules.mjs'),
        join(import.meta.dirname, 'fixtures/lazy-docx.mjs'),
        format,
      ],
      { cwd: packageRoot, encoding: 'utf8', env: { ...process.env, BENCH_MODULE_LOG: log } },
    );
    expect(JSON.parse(out)).toEqual({
      afterHtml: false,
      afterDocx: true,
      excelAfterDocx: false,
      excelAfterPricing: true,
    });
  },
  60_000,
);
