import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { undocumentedExports } from '../../../scripts/undocumented-exports.mjs';
import * as main from '../src/index.js';

/**
 * The runtime names the programmatic API exports (api.test.ts checks the built ESM and CommonJS files give the
 * same). A name added or removed is a change to the public API: update the list, the README and a changeset.
 */
describe('public exports of @loti/tender-cli', () => {
  it('the main entry: what the tender command does, for Node scripts', () => {
    expect(Object.keys(main).sort()).toEqual(
      [
        'CliError',
        'EXIT',
        'FORMATS',
        'asIssue',
        'buildFiles',
        'checkManifest',
        'formatIssue',
        'outputPathFor',
        'readDocxManifest',
        'validateFiles',
        'writeFileAtomic',
      ].sort(),
    );
  });

  it('every export has a TSDoc comment', () => {
    expect(undocumentedExports([fileURLToPath(new URL('../src/index.ts', import.meta.url))])).toEqual([]);
  }, 120_000);
});
