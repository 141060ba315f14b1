import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import {
  type CatalogData,
  type ClauseCatalog,
  type ClauseIssue,
  createCatalog,
  catalog as installedCatalog,
  isError,
} from '@loti/clauses';
import { CliError, EXIT } from './errors.js';
import { readBoundedSync } from './io/bounded-read.js';

/**
 * TENDER_CATALOG names a compiled catalog (CatalogData as JSON) to use instead of the installed @loti/clauses:
 * for checking documents against a library that is not released yet, and for tests. Its `archived` versions
 * are listed but do not resolve (their compiled texts are not in the JSON); put them in `clauses` instead.
 */
export const CATALOG_ENV = 'TENDER_CATALOG';

/** The compiled library is about 1 MB; a catalog many times that is not one. */
export const MAX_CATALOG_BYTES = 64 * 1024 * 1024;

let cached: ClauseCatalog | undefined;

export function loadCatalog(env: NodeJS.ProcessEnv = process.env): ClauseCatalog {
  if (cached) return cached;
  const file = env[CATALOG_ENV];
  if (!file) {
    cached = installedCatalog;
    return cached;
  }
  // Regular files only, size checked first: TENDER_CATALOG=/dev/zero or a FIFO is refused, not read forever.
  const bytes = readBoundedSync(file, { label: `${CATALOG_ENV}=${file}`, maxBytes: MAX_CATALOG_BYTES });
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    const reason = error instanceof SyntaxError ? 'is not valid JSON' : 'is not UTF-8 text';
    throw new CliError(`${CATALOG_ENV}=${file}: the file ${reason}.`, EXIT.usage);
  }
  if (!isCatalogData(data))
    throw new CliError(`${CATALOG_ENV}=${file} is not a compiled clause catalog.`, EXIT.usage);
  cached = createCatalog(data);
  return cached;
}

function isCatalogData(value: unknown): value is CatalogData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Record<string, unknown>;
  return (
    ['clauses', 'topics', 'profiles', 'references', 'definitions'].every((key) => Array.isArray(data[key])) &&
    typeof data.packageVersion === 'string'
  );
}

/** The folder holding the clause library's source (library.yaml and <topic>/<clause>.md), if there is one. */
export function findLibraryRoot(explicit?: string, cwd = process.cwd()): string | undefined {
  if (explicit) return resolve(explicit);
  for (const candidate of [cwd, join(cwd, 'clauses')])
    if (existsSync(join(candidate, 'library.yaml'))) return candidate;
  try {
    const root = dirname(createRequire(import.meta.url).resolve('@loti/clauses/package.json'));
    if (existsSync(join(root, 'library.yaml'))) return root;
  } catch {
    // Not resolvable: no source to use.
  }
  return undefined;
}

/** Compiles the clause library from its source files, for --watch (the installed catalog is compiled at build time). */
export async function compileCatalogFromSource(
  root: string,
): Promise<{ catalog?: ClauseCatalog; errors: readonly ClauseIssue[] }> {
  // The compiler (and its Markdown parser) loads only here: the installed catalog is precompiled.
  const [{ readLibraryFiles }, { compileLibrary }] = await Promise.all([
    import('@loti/clauses/lint'),
    import('@loti/clauses/compile'),
  ]);
  let packageVersion = '0.0.0';
  try {
    packageVersion = String(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  } catch {
    // A library folder without package.json still compiles.
  }
  const result = compileLibrary({
    files: readLibraryFiles(root),
    packageVersion,
    sha256: (text) => createHash('sha256').update(text).digest('hex'),
  });
  if (!result.ok) return { errors: result.issues.filter(isError) };
  const { catalog, archive } = result.value;
  return { catalog: createCatalog(catalog, (hash) => archive[hash]), errors: [] };
}
