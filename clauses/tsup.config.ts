import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', 'lint/index': 'src/lint/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: false,
  target: 'es2022',
});
