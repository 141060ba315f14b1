import { createRequire } from 'node:module';
import { isVersionOnly, versionText } from './version.js';

/**
 * The `tender` executable. `tender --version` answers from package.json files alone: it is the one command whose
 * start-up is all of its cost, and loading the program (commander, the generator, zod, yaml, the clause catalog)
 * would more than double it. Every other command turns on the compile cache (dist/compile-cache.cjs, from
 * launch/compile-cache.ts) and loads the program as CommonJS (dist/main.cjs), whose compiled code the cache keeps
 * between runs.
 */
const args = process.argv.slice(2);
if (isVersionOnly(args)) {
  process.stdout.write(`${versionText()}\n`);
} else {
  const require = createRequire(import.meta.url);
  const cache = require('./compile-cache.cjs') as typeof import('./launch/compile-cache.js');
  cache.enableCompileCache(args.find((arg) => !arg.startsWith('-')) ?? '');
  const { runCli } = require('./main.cjs') as typeof import('./main.js');
  void runCli();
}
