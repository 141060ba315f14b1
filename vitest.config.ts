import { defineConfig } from 'vitest/config';

/** Lets `npx vitest` run every package's tests from the root; `npm test` goes through turbo. */
export default defineConfig({
  test: { projects: ['clauses', 'packages/*', 'apps/*'] },
});
