import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from './helpers.js';

const EXAMPLES = fileURLToPath(new URL('../../../examples/', import.meta.url));
const examples = readdirSync(EXAMPLES)
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => name.replace(/\.yaml$/, ''))
  .sort();

const filesOf = (folder: string) =>
  Object.fromEntries(
    readdirSync(folder)
      .sort()
      .map((name) => [name, readFileSync(join(folder, name))]),
  );

describe('tender build --pack', () => {
  it('writes a folder per example with every file of the pack, and rebuilding gives identical bytes', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const first = await run(['build', EXAMPLES, '--pack', '-o', out]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(examples);
    for (const name of examples) {
      expect(first.stdout).toMatch(new RegExp(`✔ .*${name}/ {2}7 files · `));
      const names = readdirSync(join(out, name)).sort();
      expect(names).toHaveLength(7);
      expect(names.filter((file) => file.endsWith('.xlsx'))).toHaveLength(2);
      expect(names.filter((file) => file.endsWith('.ocds.json'))).toHaveLength(1);
      // No temp files or folders are left behind.
      expect(readdirSync(out).filter((entry) => entry.startsWith('.'))).toEqual([]);
    }
    const before = Object.fromEntries(examples.map((name) => [name, filesOf(join(out, name))]));
    const second = await run(['build', EXAMPLES, '--pack', '-o', out]);
    expect(second.code).toBe(0);
    for (const name of examples) expect(filesOf(join(out, name))).toEqual(before[name]);
  }, 300_000);

  it('tender check reads the manifest from a workbook of the pack', async () => {
    const dir = tempDir();
    const spec = join(EXAMPLES, 'housing-management-system.yaml');
    expect((await run(['build', spec, '--pack', '-o', dir])).code).toBe(0);
    const folder = join(dir, 'housing-management-system');
    const workbook = readdirSync(folder).find((name) => name.endsWith('evaluation-workbook.xlsx')) as string;
    const check = await run(['check', join(folder, workbook), '--json']);
    expect(check.code).toBe(0);
    const report = JSON.parse(check.stdout);
    expect(report.clauseCount).toBeGreaterThan(10);
  }, 120_000);
});
