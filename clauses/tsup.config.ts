import type { Plugin } from 'esbuild';
import { defineConfig } from 'tsup';

/**
 * The compiled catalog (generated/*.json) stays a file beside dist/: both builds load it at run time
 * with the same relative path, so it ships once instead of being inlined into every entry and format.
 */
const catalogAsData: Plugin = {
  name: 'catalog-as-data',
  setup(build) {
    build.onResolve({ filter: /\/generated\/[a-z-]+\.json$/ }, (args) => ({
      path: args.path,
      external: true,
    }));
  },
};

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'compile/index': 'src/compile/index.ts',
    'lint/index': 'src/lint/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: false,
  // Shared chunks in the CommonJS build too, so ./compile and ./lint share one copy of the parser.
  splitting: true,
  target: 'es2022',
  // The Markdown parser (mdast-util-from-markdown and its micromark packages) is bundled into the
  // build-time entries (./compile, ./lint) instead of being a dependency: a runtime install of
  // @loti/clauses then pulls no parser at all. See README ("Entry points").
  noExternal: [
    /^mdast-util-/,
    /^micromark/,
    /^unist-util-/,
    /^decode-named-character-reference$/,
    /^character-entities$/,
    /^devlop$/,
  ],
  esbuildPlugins: [catalogAsData],
  // Keep `with { type: 'json' }` on the external catalog import in the ESM build (Node >= 20.10, bundlers).
  esbuildOptions(options) {
    options.supported = { ...options.supported, 'import-attributes': true };
  },
});
