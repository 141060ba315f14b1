import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const CLAUSES_ROOT = join(import.meta.dirname, '..');

/** Reads every clause and register file into a path → text map for the pure compiler. */
export function readLibraryFiles(root = CLAUSES_ROOT): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of ['library.yaml', 'references.yaml', 'definitions.yaml']) {
    try {
      files[name] = readFileSync(join(root, name), 'utf8');
    } catch {
      // compileLibrary reports the missing file
    }
  }
  for (const entry of readdirSync(root).sort()) {
    const dir = join(root, entry);
    if (['node_modules', 'src', 'scripts', 'generated', 'dist', 'test', '.turbo'].includes(entry)) continue;
    if (!statSync(dir).isDirectory()) continue;
    for (const file of readdirSync(dir).sort()) {
      if (file.endsWith('.md')) files[relative(root, join(dir, file))] = readFileSync(join(dir, file), 'utf8');
    }
  }
  return files;
}
