#!/usr/bin/env node
// The "@loti/source" export condition points at src/, which is not published: it is for this
// repository's tests, the demo and tsc only. `npm pack` and `npm publish` run this script in a
// package folder: `strip` (prepack) keeps the package.json as it is and writes it without the
// condition; `restore` (postpack) puts the kept file back byte for byte.
// Two packs of one package at once (tests pack in parallel) take turns: the kept copy lives in a
// lock folder that `strip` creates and `restore` removes, and a lock left by a pack that died
// before postpack is taken over after LOCK_STALE_MS, restoring the kept file first.
// Usage: node ../scripts/pack-manifest.mjs strip|restore
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SOURCE_CONDITION = '@loti/source';
const LOCK_STALE_MS = 120_000;
const manifest = join(process.cwd(), 'package.json');
// node_modules is never packed, so the kept copy cannot end up in the tarball.
const lock = join(process.cwd(), 'node_modules', '.loti-pack');
const kept = join(lock, 'package.json');

/** A copy of an exports value without the source condition, at any depth. */
function withoutSourceCondition(value) {
  if (Array.isArray(value)) return value.map(withoutSourceCondition);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== SOURCE_CONDITION)
      .map(([key, inner]) => [key, withoutSourceCondition(inner)]),
  );
}

/** Replaces a file in one step, so a reader never sees half a package.json. */
function writeAtomically(path, text) {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function acquireLock() {
  mkdirSync(join(process.cwd(), 'node_modules'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    let age = 0;
    try {
      age = Date.now() - statSync(lock).mtimeMs;
    } catch {
      continue; // released in between: try again
    }
    if (age > LOCK_STALE_MS) restore();
    else sleep(100);
  }
}

function strip() {
  acquireLock();
  const text = readFileSync(manifest, 'utf8');
  const pkg = JSON.parse(text);
  writeFileSync(kept, text);
  writeAtomically(
    manifest,
    `${JSON.stringify({ ...pkg, exports: withoutSourceCondition(pkg.exports) }, null, 2)}\n`,
  );
}

function restore() {
  try {
    writeAtomically(manifest, readFileSync(kept, 'utf8'));
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  rmSync(lock, { recursive: true, force: true });
}

const command = process.argv[2];
if (command === 'strip') strip();
else if (command === 'restore') restore();
else {
  console.error(`pack-manifest: unknown command "${command}"; use strip or restore.`);
  process.exit(2);
}
