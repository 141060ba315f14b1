#!/usr/bin/env node
// Checks a built workspace package the way a user gets it: loads it from plain Node with
// require and import, bundles it for the browser (isomorphic packages only), and runs
// publint and @arethetypeswrong/cli on the packed tarball (offline).
// Usage: node scripts/check-package.mjs <package dir> [--browser]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dir = resolve(process.argv[2] ?? '.');
const browser = process.argv.includes('--browser');
const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
const root = resolve(import.meta.dirname, '..');
const run = (cmd, args, cwd = dir) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const results = [];

const probe =
  'const keys = Object.keys(m).sort(); if (keys.length === 0) throw new Error("no exports"); console.log(keys.length);';
results.push(
  `require: ${run('node', ['-e', `const m = require(${JSON.stringify(pkg.name)}); ${probe}`], root).trim()} exports`,
);
results.push(
  `import: ${run('node', ['--input-type=module', '-e', `const m = await import(${JSON.stringify(pkg.name)}); ${probe}`], root).trim()} exports`,
);

if (browser) {
  const esbuild = await import('esbuild');
  const out = await esbuild.build({
    stdin: { contents: `export * from ${JSON.stringify(pkg.name)};`, resolveDir: root },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  results.push(`browser bundle: ${Math.round(out.outputFiles[0].contents.length / 1024)} KiB`);
}

const publint = run(join(root, 'node_modules/.bin/publint'), ['run', '--strict', '--level', 'warning']);
results.push(`publint: ${publint.trim().split('\n').pop()}`);
// attw exits non-zero on any problem for the node16 and bundler resolutions; that throws here.
run(join(root, 'node_modules/.bin/attw'), ['--pack', '.', '--format', 'json', '--profile', 'node16']);
results.push('attw: types resolve for node16 (CJS and ESM) and bundlers');
console.log(`${pkg.name}\n  ${results.join('\n  ')}`);
