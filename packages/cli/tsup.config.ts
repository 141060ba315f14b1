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
  // The executable is CommonJS, like the program it loads: Node starts a CommonJS entry faster than an ES module,
  // and CommonJS code can be kept in the compile cache between runs (src/launch/compile-cache.ts). It answers
  // --version itself; the batch worker is CommonJS for the same reasons.
  {
    ...common,
    entry: { bin: 'src/bin.ts' },
    format: ['cjs'],
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
