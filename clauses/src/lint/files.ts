import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LEDGER_FILE, LEDGER_TEXTS } from '../ledger/ledger.js';

const NOT_TOPICS = new Set([
  'node_modules',
  'src',
  'scripts',
  'generated',
  'dist',
  'test',
  '.turbo',
  'published',
]);
export const REGISTER_FILES = [
  'library.yaml',
  'references.yaml',
  'definitions.yaml',
  'thresholds.yaml',
  'bank-holidays.yaml',
] as const;

/** Reads every clause and register file, and the release ledger, into a path → text map for the pure compiler. */
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
  try {
    files[LEDGER_FILE] = readFileSync(join(root, LEDGER_FILE), 'utf8');
  } catch {
    return files; // nothing published yet
  }
  const texts = join(root, LEDGER_TEXTS);
  for (const file of existsSync(texts) ? readdirSync(texts).sort() : [])
    if (file.endsWith('.md')) files[`${LEDGER_TEXTS}/${file}`] = readFileSync(join(texts, file), 'utf8');
  return files;
}
