import { defineConfig } from 'tsup';

const common = {
  target: 'node20',
  // import.meta.url locates dist/worker.cjs; shims make it work in the CommonJS builds too.
  shims: true,
} as const;

export default defineConfig([
  // The API, for both module systems.
  {
    ...common,
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: { entry: { index: 'src/index.ts' } },
    clean: true,
  },
  // The executable: a small ES module that answers --version, then loads the program as CommonJS, whose compiled
  // code can be cached between runs (src/launch/compile-cache.ts). The batch worker is CommonJS for the same reason.
  {
    ...common,
    entry: { bin: 'src/bin.ts' },
    format: ['esm'],
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    ...common,
    entry: {
      main: 'src/main.ts',
      worker: 'src/batch/worker.ts',
      'compile-cache': 'src/launch/compile-cache.ts',
    },
    format: ['cjs'],
    // import() of @loti/clauses/lint and /compile becomes require(): on Node 20, code loaded from V8's code cache
    // loses its import() callback (see compile-cache.ts).
    esbuildOptions(options) {
      options.supported = { ...options.supported, 'dynamic-import': false };
    },
  },
]);
