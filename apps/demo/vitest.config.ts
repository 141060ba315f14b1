import { mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.js';

export default mergeConfig(sharedConfig, {
  test: {
    // The browser test builds the app when dist/ is missing and drives Chromium.
    hookTimeout: 180_000,
    testTimeout: 60_000,
  },
});
