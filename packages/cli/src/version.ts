import { createRequire } from 'node:module';
import packageJson from '../package.json' with { type: 'json' };

export const CLI_VERSION: string = packageJson.version;

/**
 * The generator's and the clause library's versions come from their package.json files, not from their modules:
 * importing them compiles the generator and the whole clause catalog (the catalog's packageVersion is written from
 * the same package.json when it is compiled), which `tender --version` has no other use for.
 */
function dependencyVersion(name: '@loti/tender-generator' | '@loti/clauses'): string {
  const manifest: unknown = createRequire(import.meta.url)(`${name}/package.json`);
  const version = (manifest as { version?: unknown }).version;
  return typeof version === 'string' ? version : 'unknown';
}

export function versionText(): string {
  return `${CLI_VERSION} (@loti/tender-generator ${dependencyVersion('@loti/tender-generator')}, @loti/clauses ${dependencyVersion('@loti/clauses')})`;
}

/** `tender --version` or `tender -v` and nothing else: the start-up fast path in bin.ts. */
export function isVersionOnly(args: readonly string[]): boolean {
  return args.length === 1 && (args[0] === '--version' || args[0] === '-v');
}
