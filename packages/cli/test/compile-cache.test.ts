import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultCacheDir, mayImportDynamically } from '../src/launch/compile-cache.js';
import { CLI, tempDir } from './helpers.js';

const EXAMPLES = fileURLToPath(new URL('../../../examples/', import.meta.url));

const COMPILE_CACHE = fileURLToPath(new URL('../dist/compile-cache.cjs', import.meta.url));

interface Run {
  readonly status: string;
  readonly hits: number;
  readonly misses: number;
  readonly value: unknown;
}

/** A fresh Node process that turns the cache on, requires `module` and reports what happened. */
function runWithCache(
  cacheDir: string | undefined,
  module: string,
  env: Record<string, string> = {},
  spawnOptions: { readonly uid?: number } = {},
): Run {
  const script = `
    const cache = require(${JSON.stringify(COMPILE_CACHE)});
    const status = cache.enableCompileCache('test');
    Promise.resolve(require(${JSON.stringify(module)})()).then((value) => {
      console.log(JSON.stringify({ status, ...cache.compileCacheStats(), value }));
    });`;
  const result = spawnSync(process.execPath, ['-e', script], {
    env: cacheDir === undefined ? env : { ...process.env, TENDER_CACHE_DIR: cacheDir, ...env },
    encoding: 'utf8',
    ...spawnOptions,
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as Run;
}

function cacheFiles(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.bin'));
}

describe('compile cache (Node 20; Node 22.8+ uses its own)', () => {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  const nodeHasItsOwn = major > 22 || (major === 22 && minor >= 8);

  it.skipIf(nodeHasItsOwn)(
    'compiles a module once, reads it from the cache after, and sees a change to its source',
    () => {
      const dir = tempDir();
      const cacheDir = join(dir, 'cache');
      const module = join(dir, 'answer.cjs');
      writeFileSync(module, "module.exports = () => 'first';\n");

      const first = runWithCache(cacheDir, module);
      expect(first).toMatchObject({ status: 'enabled', hits: 0, value: 'first' });
      expect(first.misses).toBeGreaterThan(0);
      const [file] = cacheFiles(cacheDir);
      expect(file).toBeDefined();
      const written = readFileSync(join(cacheDir, file as string));
      expect(written.includes(Buffer.from(module))).toBe(true);

      const second = runWithCache(cacheDir, module);
      expect(second).toMatchObject({ status: 'enabled', misses: 0, value: 'first' });
      expect(second.hits).toBe(first.misses);
      // Every module came from the cache, so it was not written again.
      expect(readFileSync(join(cacheDir, file as string)).equals(written)).toBe(true);

      // Same length, same path, same mtime: only the source's hash tells them apart (V8 checks only the length).
      const { mtime } = statSync(module);
      writeFileSync(module, "module.exports = () => 'other';\n");
      utimesSync(module, mtime, mtime);
      const changed = runWithCache(cacheDir, module);
      expect(changed.value).toBe('other');
      expect(changed.misses).toBe(1);
      expect(runWithCache(cacheDir, module)).toMatchObject({ misses: 0, value: 'other' });
    },
  );

  it.skipIf(nodeHasItsOwn)('keeps stack traces pointing at the line and column Node itself reports', () => {
    const dir = tempDir();
    const module = join(dir, 'thrower.cjs');
    // Minified code lives on line 1, where the CommonJS wrapper would shift every column.
    writeFileSync(
      module,
      "module.exports = () => { try { null.x; } catch (e) { return e.stack.split('\\n')[1]; } };\n",
    );
    const [plain, first, cached] = [{ TENDER_NO_COMPILE_CACHE: '1' }, {}, {}].map(
      (env) => runWithCache(join(dir, 'cache'), module, env as Record<string, string>).value,
    );
    expect(plain).toMatch(/thrower\.cjs:1:\d+\)$/);
    expect(first).toBe(plain);
    expect(cached).toBe(plain);
  });

  it.skipIf(nodeHasItsOwn)(
    'compiles code that calls import() as usual, so import() works on every run',
    () => {
      const dir = tempDir();
      const module = join(dir, 'lazy.cjs');
      writeFileSync(module, "module.exports = () => import('node:path').then((path) => path.sep);\n");
      for (let run = 0; run < 2; run++) {
        const result = runWithCache(join(dir, 'cache'), module);
        expect(result).toMatchObject({ value: '/', hits: 0 });
      }
    },
  );

  it.skipIf(nodeHasItsOwn)('ignores a damaged cache file and writes a good one', () => {
    const dir = tempDir();
    const cacheDir = join(dir, 'cache');
    const module = join(dir, 'answer.cjs');
    writeFileSync(module, 'module.exports = () => 42;\n');
    runWithCache(cacheDir, module);
    const file = join(cacheDir, cacheFiles(cacheDir)[0] as string);
    const good = readFileSync(file);
    writeFileSync(file, good.subarray(0, Math.floor(good.length / 2)));
    expect(runWithCache(cacheDir, module)).toMatchObject({ value: 42, hits: 0 });
    expect(runWithCache(cacheDir, module)).toMatchObject({ value: 42, misses: 0 });
    writeFileSync(file, 'not a cache at all');
    expect(runWithCache(cacheDir, module)).toMatchObject({ value: 42, hits: 0 });
  });

  it.skipIf(nodeHasItsOwn)(
    'checks cached code before V8 reads it: damaged bytes are a miss, not a crash',
    () => {
      const dir = tempDir();
      const cacheDir = join(dir, 'cache');
      const module = join(dir, 'answer.cjs');
      writeFileSync(module, "module.exports = () => ['damaged', 'entry'].join(' ');\n");
      runWithCache(cacheDir, module);
      const file = join(cacheDir, cacheFiles(cacheDir)[0] as string);
      const bytes = readFileSync(file);
      // The module's code is the last entry: zero a stretch of it, as a torn write would, and keep the index intact.
      bytes.fill(0, bytes.length - 64, bytes.length - 8);
      writeFileSync(file, bytes);
      expect(runWithCache(cacheDir, module)).toMatchObject({ value: 'damaged entry', hits: 0 });
      expect(runWithCache(cacheDir, module)).toMatchObject({ value: 'damaged entry', misses: 0 });
    },
  );

  it.skipIf(nodeHasItsOwn || process.getuid?.() !== 0)(
    'is off, and the command runs, for a user with no home folder',
    () => {
      const dir = tempDir();
      chmodSync(dir, 0o755);
      const module = join(dir, 'answer.cjs');
      writeFileSync(module, "module.exports = () => 'ran';\n");
      // A user id with no passwd entry and no HOME, as in a container run with --user.
      const result = runWithCache(undefined, module, { PATH: process.env.PATH ?? '' }, { uid: 54321 });
      expect(result).toMatchObject({ status: 'unavailable', value: 'ran', hits: 0, misses: 0 });
    },
  );

  it('leaves runs with source maps or a policy to Node’s own compile step', () => {
    const dir = tempDir();
    const module = join(dir, 'answer.cjs');
    writeFileSync(module, "module.exports = () => 'ok';\n");
    expect(runWithCache(join(dir, 'cache'), module, { NODE_OPTIONS: '--enable-source-maps' })).toMatchObject({
      status: 'disabled',
      value: 'ok',
    });
  });

  it.skipIf(nodeHasItsOwn || process.getuid?.() === undefined)(
    'refuses a cache folder that other users can write to (code planted there would run)',
    () => {
      const dir = tempDir();
      const cacheDir = join(dir, 'cache');
      mkdirSync(cacheDir);
      chmodSync(cacheDir, 0o777);
      const module = join(dir, 'answer.cjs');
      writeFileSync(module, "module.exports = () => 'ok';\n");
      expect(runWithCache(cacheDir, module)).toMatchObject({ status: 'unavailable', hits: 0, misses: 0 });
      expect(cacheFiles(cacheDir)).toEqual([]);
    },
  );

  it('is off with NODE_DISABLE_COMPILE_CACHE=1 or TENDER_NO_COMPILE_CACHE=1', () => {
    const dir = tempDir();
    const module = join(dir, 'answer.cjs');
    writeFileSync(module, "module.exports = () => 'ok';\n");
    for (const env of [{ NODE_DISABLE_COMPILE_CACHE: '1' }, { TENDER_NO_COMPILE_CACHE: '1' }] as Record<
      string,
      string
    >[]) {
      expect(runWithCache(join(dir, 'cache'), module, env)).toMatchObject({ status: 'disabled', hits: 0 });
    }
  });

  it('keeps the cache in the user’s own cache folder unless TENDER_CACHE_DIR says otherwise', () => {
    expect(defaultCacheDir({ TENDER_CACHE_DIR: '/somewhere/else' })).toBe('/somewhere/else');
    if (process.platform === 'linux') {
      expect(defaultCacheDir({ XDG_CACHE_HOME: '/home/me/.xdg' })).toBe('/home/me/.xdg/loti-tender-kit');
      // A relative XDG_CACHE_HOME is invalid by the XDG spec and ignored.
      expect(defaultCacheDir({ XDG_CACHE_HOME: 'relative' })).toMatch(/\.cache\/loti-tender-kit$/);
    }
  });

  it('tells code that may call import() from comments that mention it', () => {
    expect(mayImportDynamically("const m = await import('./x.js');")).toBe(true);
    expect(mayImportDynamically('load = () => import (name)')).toBe(true);
    expect(mayImportDynamically('const s = "import(";')).toBe(true);
    expect(mayImportDynamically("const m = import(/* webpackIgnore: true */ './x.js');")).toBe(true);
    expect(mayImportDynamically("const m = import/* webpackIgnore: true */('./x.js');")).toBe(true);
    expect(
      mayImportDynamically('/** @typedef {import("./command.js").Command} Command */\nmodule.exports = 1;'),
    ).toBe(false);
    expect(mayImportDynamically('  // an inline `import()` of an ESM path\nexports.a = 1;')).toBe(false);
    expect(
      mayImportDynamically('/**\n * the parts a package import (`w:altChunk`)\n */\nexports.b = 2;'),
    ).toBe(false);
    expect(mayImportDynamically('exports.c = require("./c");')).toBe(false);
  });

  it('builds the same bytes with the cache empty, filled and off', () => {
    const dir = tempDir();
    const spec = join(EXAMPLES, 'digital-inclusion-lots.yaml');
    const outputs = [];
    const cacheWrites: boolean[] = [];
    const cacheState = () =>
      cacheFiles(join(dir, 'cache'))
        .map((name) => statSync(join(dir, 'cache', name)).mtimeMs)
        .join();
    for (const [name, env] of [
      ['empty', {}],
      ['filled', {}],
      ['off', { TENDER_NO_COMPILE_CACHE: '1' }],
    ] as const) {
      const before = existsSync(join(dir, 'cache')) ? cacheState() : '';
      const out = join(dir, name);
      const result = spawnSync(process.execPath, [CLI, 'build', spec, '-o', out], {
        env: { ...process.env, TENDER_CACHE_DIR: join(dir, 'cache'), ...env },
        encoding: 'utf8',
      });
      expect(result.status, result.stderr).toBe(0);
      outputs.push(readFileSync(join(out, 'digital-inclusion-lots.docx')));
      cacheWrites.push(existsSync(join(dir, 'cache')) && cacheState() !== before);
    }
    expect(outputs[1]?.equals(outputs[0] as Buffer)).toBe(true);
    expect(outputs[2]?.equals(outputs[0] as Buffer)).toBe(true);
    if (!nodeHasItsOwn) {
      const files = cacheFiles(join(dir, 'cache'));
      expect(files).toHaveLength(1);
      // The filled run read the cache and found nothing to add, so it did not write it again.
      expect(cacheWrites).toEqual([true, false, false]);
    }
  });
});
