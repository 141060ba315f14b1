#!/usr/bin/env node
// The `tender` command. This small file is committed so that npm links the bin in a fresh clone (npm skips a bin
// whose target does not exist yet); it loads the built CLI. CommonJS (bin/package.json): see tsup.config.ts.
try {
  require('../dist/bin.cjs');
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes('dist/bin.cjs')) {
    process.stderr.write(
      'tender: the CLI has not been built. In a clone of LOTI Tender Kit, run `npm ci` (it builds the CLI) or `npm run build`.\n',
    );
    process.exit(2);
  }
  throw error;
}
