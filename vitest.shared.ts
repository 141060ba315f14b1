import { defineConfig } from 'vitest/config';

/** Tests run on src/ of every workspace package through the "@loti/source" export condition (stripped from the published package.json). */
export const sharedConfig = defineConfig({
  resolve: { conditions: ['@loti/source', 'module', 'browser', 'development|production'] },
  ssr: { resolve: { conditions: ['@loti/source', 'module', 'node', 'development|production'] } },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
