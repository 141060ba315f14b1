import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', bin: 'src/bin.ts', worker: 'src/batch/worker.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts' } },
  clean: true,
  target: 'node20',
  // import.meta.url locates dist/worker.js; shims make it work in the CommonJS build of the API too.
  shims: true,
  // bin.js is run directly; the banner is harmless in the other entries.
  banner: { js: '#!/usr/bin/env node' },
});
