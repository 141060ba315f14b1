import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', 'node/index': 'src/node/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2022',
  esbuildOptions(options, { format }) {
    // The CommonJS build loads docx/layout and exceljs with require() instead of import(): on Node 20, code loaded
    // from V8's code cache (the CLI's compile cache) loses its import() callback. Both packages ship CommonJS.
    if (format === 'cjs') options.supported = { ...options.supported, 'dynamic-import': false };
  },
});
