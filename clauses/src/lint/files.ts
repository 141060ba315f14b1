import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const NOT_TOPICS = new Set(['node_modules', 'src', 'scripts', 'generated', 'dist', 'test', '.turbo']);
export const REGISTER_FILES = [
  'library.yaml',
  'references.yaml',
  'definitions.yaml',
  'thresholds.yaml',
  'bank-holidays.yaml',
] as const;

/** Reads every clause and register file into a path → text map for the pure compiler. */
export function readLibraryFiles(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of REGISTER_FILES) {
    try {
      files[name] = readFileSync(join(root, name), 'utf8');
    } catch {
      // compileLibrary reports the missing file
    }
  }
  for (const entry of readdirSync(root).sort()) {
    const dir = join(root, entry);
    if (NOT_TOPICS.has(entry) || entry.startsWith('.') || !statSync(dir).isDirectory()) continue;
    for (const file of readdirSync(dir).sort()) {
      if (file.endsWith('.md')) files[`${entry}/${file}`] = readFileSync(join(dir, file), 'utf8');
    }
  }
  return files;
}
