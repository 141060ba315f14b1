import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { undocumentedExports } from '../../../scripts/undocumented-exports.mjs';
import * as main from '../src/index.js';
import * as node from '../src/node/index.js';

/**
 * The runtime names each entry exports. A name added or removed is a change to the public API: update the list
 * here, the README's API section and the changeset together. Tests reach internals through `../src/...`.
 */
describe('public exports of @loti/tender-generator', () => {
  it('the main entry: building, rendering, comparing, the issue model', () => {
    expect(Object.keys(main).sort()).toEqual(
      [
        'DEFAULT_REDLINE_AUTHOR',
        'GENERATOR',
        'GENERATOR_VERSION',
        'HTML_PREVIEW_CSS',
        'MANIFEST_READ_CODES',
        'PROCEDURES',
        'RenderInputError',
        'SPEC_ISSUE_CODES',
        'SPEC_LIMITS',
        'assembleTender',
        'buildTenderModel',
        'buildTenderModelFromText',
        'clauseUpdateDocuments',
        'diffDocuments',
        'estimatePageCount',
        'flattenDocx',
        'flattenModel',
        'formatIssue',
        'inMemoryReader',
        'issuesOf',
        'loadSpec',
        'readManifest',
        'redlineDocx',
        'renderDocx',
        'renderHtml',
        'renderHtmlBody',
        'renderMarkdown',
        'renderOcds',
        'renderOdt',
        'renderPack',
        'renderRegisterCsv',
        'tenderSpecJsonSchema',
        'unzipPack',
        'validateSpec',
        'zipPack',
      ].sort(),
    );
  });

  it('the Node entry (@loti/tender-generator/node): reading specs from disk', () => {
    expect(Object.keys(node).sort()).toEqual(
      ['MAX_READ_BYTES', 'createNodeReader', 'describeFsError', 'errorCode', 'specRoot'].sort(),
    );
  });

  it('re-exports the one issue formatter of @loti/clauses, not a copy', async () => {
    const clauses = await import('@loti/clauses');
    expect(main.formatIssue).toBe(clauses.formatIssue);
    expect(main.issuesOf).toBe(clauses.issuesOf);
  });

  it('every export has a TSDoc comment', () => {
    expect(
      undocumentedExports([
        fileURLToPath(new URL('../src/index.ts', import.meta.url)),
        fileURLToPath(new URL('../src/node/index.ts', import.meta.url)),
      ]),
    ).toEqual([]);
  }, 120_000);
});
