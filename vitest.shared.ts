import { defineConfig } from 'vitest/config';

/** Tests run on src/ of every workspace package through the "source" export condition. */
export const sharedConfig = defineConfig({
  resolve: { conditions: ['source', 'module', 'browser', 'development|production'] },
  ssr: { resolve: { conditions: ['source', 'module', 'node', 'development|production'] } },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
