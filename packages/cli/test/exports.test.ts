import { describe, expect, it } from 'vitest';
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
        'buildFiles',
        'checkManifest',
        'outputPathFor',
        'readDocxManifest',
        'validateFiles',
        'writeFileAtomic',
      ].sort(),
    );
  });
});
