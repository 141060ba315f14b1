import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { undocumentedExports } from '../../scripts/undocumented-exports.mjs';
import * as compile from '../src/compile/index.js';
import * as main from '../src/index.js';
import * as lint from '../src/lint/index.js';

/**
 * The runtime names each entry exports. A name added or removed is a change to the public API: update the list
 * here, the README's API section and the changeset together.
 */
describe('public exports of @loti/clauses', () => {
  it('the main entry', () => {
    expect(Object.keys(main).sort()).toEqual(
      [
        'BUILTIN_VARIABLES',
        'CLAUSE_ISSUE_CODES',
        'CLAUSE_PARTS',
        'CLAUSE_STATUSES',
        'PROCEDURE_IDS',
        'RESOLVE_CODES',
        'SEVERITIES',
        'TENDER_FACTS',
        'TENDER_FACT_NAMES',
        'THRESHOLD_KINDS',
        'THRESHOLD_POSITIONS',
        'addDays',
        'catalog',
        'catalogData',
        'closest',
        'codeFrame',
        'createCatalog',
        'daysBetween',
        'diffClauseWording',
        'fail',
        'forEachInline',
        'formatIssue',
        'formatPath',
        'formatWordDiff',
        'inlineText',
        'isError',
        'issuesOf',
        'locateYamlPath',
        'ok',
        'pinCatalog',
        'splitClauseReference',
        'thresholdOn',
        'weekdayName',
        'workingCalendar',
      ].sort(),
    );
  });

  it('the compile entry (@loti/clauses/compile): the build-time compiler and its style checks', () => {
    expect(Object.keys(compile).sort()).toEqual(
      [
        'MAX_SENTENCE_WORDS',
        'compileLibrary',
        'parseClauseFile',
        'parseClauseMarkdown',
        'parseYamlSource',
        'sentences',
        'splitPlaceholders',
        'validateYaml',
      ].sort(),
    );
  });

  it('the lint entry (@loti/clauses/lint)', () => {
    expect(Object.keys(lint).sort()).toEqual(['lintClauseLibrary', 'readLibraryFiles']);
  });

  it('every export has a TSDoc comment', () => {
    expect(
      undocumentedExports([
        fileURLToPath(new URL('../src/index.ts', import.meta.url)),
        fileURLToPath(new URL('../src/lint/index.ts', import.meta.url)),
        fileURLToPath(new URL('../src/compile/index.ts', import.meta.url)),
      ]),
    ).toEqual([]);
  }, 120_000);
});
