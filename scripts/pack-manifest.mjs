#!/usr/bin/env node
// The "@loti/source" export condition points at src/, which is not published: it is for this
// repository's tests, the demo and tsc only. `npm pack` and `npm publish` run this script in a
// package folder: `strip` (prepack) keeps the package.json as it is and writes it without the
// condition; `restore` (postpack) puts the kept file back byte for byte.
// Usage: node ../scripts/pack-manifest.mjs strip|restore
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SOURCE_CONDITION = '@loti/source';
const manifest = join(process.cwd(), 'package.json');
// node_modules is never packed, so the kept copy cannot end up in the tarball.
const keptDir = join(process.cwd(), 'node_modules', '.loti-pack');
const kept = join(keptDir, 'package.json');

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

function strip() {
  // A copy left by a pack that failed before postpack is the real manifest: put it back first.
  if (existsSync(kept)) restore();
  const text = readFileSync(manifest, 'utf8');
  const pkg = JSON.parse(text);
  mkdirSync(keptDir, { recursive: true });
  writeFileSync(kept, text);
  writeAtomically(
    manifest,
    `${JSON.stringify({ ...pkg, exports: withoutSourceCondition(pkg.exports) }, null, 2)}\n`,
  );
}

function restore() {
  if (!existsSync(kept)) return;
  writeAtomically(manifest, readFileSync(kept, 'utf8'));
  rmSync(kept);
}

const command = process.argv[2];
if (command === 'strip') strip();
else if (command === 'restore') restore();
else if (command !== undefined) {
  console.error(`pack-manifest: unknown command "${command}"; use strip or restore.`);
  process.exit(2);
}
