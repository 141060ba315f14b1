import { isVersionOnly, versionText } from './version.js';

/**
 * The `tender` executable. `tender --version` answers from package.json files alone: it is the one command whose
 * start-up is all of its cost, and loading the program (commander, the generator, zod, yaml, the clause catalog)
 * would more than double it. Every other command loads the program on demand.
 */
if (isVersionOnly(process.argv.slice(2))) {
  process.stdout.write(`${versionText()}\n`);
} else {
  void import('./main.js').then(({ runCli }) => runCli());
}
