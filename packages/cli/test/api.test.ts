import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BROKEN_SPEC, tempDir, writeSpec } from './helpers.js';

const dir = tempDir();
const dist = fileURLToPath(new URL('../dist/', import.meta.url));

/** Runs a script against the built package in a plain Node process (as a user's script would) and parses its JSON. */
async function node(kind: 'esm' | 'cjs', body: string): Promise<unknown> {
  const load =
    kind === 'esm'
      ? `const api = await import(${JSON.stringify(join(dist, 'index.js'))});`
      : `const api = require(${JSON.stringify(join(dist, 'index.cjs'))});`;
  const script =
    kind === 'esm'
      ? `${load}\n${body}`
      : `(async () => { ${load}\n${body} })().catch((e) => { console.error(e); process.exit(1); });`;
  const args = kind === 'esm' ? ['--input-type=module', '-e', script] : ['-e', script];
  const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: dir });
  return JSON.parse(stdout);
}

describe('programmatic API (the built package, ESM and CommonJS)', () => {
  it('the built ESM and CommonJS files export what the source does (the list is in exports.test.ts)', async () => {
    const expected = Object.keys(await import('../src/index.js')).sort();
    expect(await node('esm', 'console.log(JSON.stringify(Object.keys(api).sort()));')).toEqual(expected);
    expect(
      await node(
        'cjs',
        'console.log(JSON.stringify(Object.keys(api).filter((k) => k !== "__esModule").sort()));',
      ),
    ).toEqual(expected);
  });

  for (const kind of ['esm', 'cjs'] as const) {
    it(`buildFiles builds on worker threads, one result per spec (${kind})`, async () => {
      writeSpec(dir, `${kind}-a.yaml`);
      writeSpec(dir, `${kind}-b.yaml`);
      writeFileSync(join(dir, `${kind}-bad.yaml`), BROKEN_SPEC);
      const results = (await node(
        kind,
        `const r = await api.buildFiles(['${kind}-a.yaml', '${kind}-bad.yaml', '${kind}-b.yaml'], { outDir: 'out-${kind}', format: 'json', jobs: 2 });
         console.log(JSON.stringify(r.map((x) => ({ written: x.written, errors: x.errors }))));`,
      )) as { written: boolean; errors: { code: string; line: number }[] }[];
      expect(results.map((result) => result.written)).toEqual([true, false, true]);
      expect(results[1]?.errors[0]).toMatchObject({ code: 'ENUM_INVALID', line: 6 });
      expect(readdirSync(join(dir, `out-${kind}`)).sort()).toEqual([`${kind}-a.json`, `${kind}-b.json`]);
    }, 60_000);
  }

  it('writeFileAtomic replaces a file whole, leaves no temp file, and throws one clear error', async () => {
    const result = await node(
      'esm',
      `await api.writeFileAtomic('atomic/file.txt', 'first');
       await api.writeFileAtomic('atomic/file.txt', new TextEncoder().encode('second'));
       let message = '';
       try { await api.writeFileAtomic('atomic/file.txt/below.txt', 'x'); } catch (e) { message = e.message; }
       console.log(JSON.stringify({ message }));`,
    );
    expect(result).toEqual({ message: expect.stringContaining('atomic/file.txt is a file, not a folder') });
    expect(readFileSync(join(dir, 'atomic', 'file.txt'), 'utf8')).toBe('second');
    expect(readdirSync(join(dir, 'atomic'))).toEqual(['file.txt']);
  });

  it('validateFiles returns issues as values, with code frames', async () => {
    writeFileSync(join(dir, 'api-bad.yaml'), BROKEN_SPEC);
    const [result] = (await node(
      'esm',
      `console.log(JSON.stringify(await api.validateFiles(['api-bad.yaml'])));`,
    )) as { valid: boolean; errors: { frame: string }[] }[];
    expect(result?.valid).toBe(false);
    expect(result?.errors[0]?.frame).toContain('> 6 |   procedure: opn');
  });
});
