import { describe, expect, it } from 'vitest';
import { parseClauseFile } from '../src/compile/parse-clause-file.js';
import { BASE_FILES, clauseFile, compile } from './fixtures.js';

const codes = (issues: readonly { code: string }[]) => issues.map((issue) => issue.code);

describe('clause file validation', () => {
  it('places a wrong field type at its line and column', () => {
    const text = clauseFile({ id: 'data-access/export', extra: 'tags: notalist\n' });
    const { issues } = parseClauseFile(text, 'data-access/export.md', 'data-access/export');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: 'FIELD_INVALID',
      field: 'tags',
      position: { file: 'data-access/export.md', line: 9, column: 7 },
    });
    expect(issues[0]?.message).toMatch(/tags: Invalid input: expected array/);
  });

  it('names an unknown field at its key', () => {
    const text = clauseFile({ id: 'data-access/export', extra: 'summery: typo\n' });
    const { issues } = parseClauseFile(text, 'x.md');
    expect(issues[0]).toMatchObject({
      code: 'FIELD_INVALID',
      field: 'summery',
      position: { line: 9, column: 1 },
    });
    expect(issues[0]?.message).toContain('Unknown field "summery"');
  });

  it('takes a variable from a built-in only if the built-in exists', () => {
    const file = (from: string) =>
      clauseFile({
        id: 'procurement/lots',
        extra: `variables:\n  lotCount:\n    type: number\n    description: Lots.\n    from: ${from}\n`,
        body: 'The work is in {{lotCount}} lots.',
      });
    expect(parseClauseFile(file('tender.lotCount'), 'x.md').issues).toEqual([]);
    const [issue] = parseClauseFile(file('tender.lotcount'), 'x.md').issues;
    expect(issue).toMatchObject({ code: 'FIELD_INVALID', field: 'variables.lotCount.from' });
  });

  it('requires front matter', () => {
    const { issues } = parseClauseFile('Just wording.', 'x.md');
    expect(codes(issues)).toEqual(['FRONT_MATTER_MISSING']);
  });

  it('requires the id to match the path and a changelog entry for the version', () => {
    const text = clauseFile({ id: 'data-access/other', version: '1.1.0', changelogVersions: ['1.0.0'] });
    const { issues } = parseClauseFile(text, 'data-access/export.md', 'data-access/export');
    expect(codes(issues)).toEqual(['ID_MISMATCH', 'CHANGELOG_MISSING']);
    expect(issues[0]?.position?.line).toBe(2);
  });

  it('rejects undeclared placeholders at their body line, and unused variables', () => {
    const text = clauseFile({
      id: 'data-access/export',
      extra: 'variables:\n  days:\n    type: number\n    description: Days.\n',
      body: 'First paragraph.\n\nThe Supplier must reply in {{hours}} hours to {{authority.shortName}}.',
    });
    const { issues } = parseClauseFile(text, 'x.md');
    expect(codes(issues).sort()).toEqual(['PLACEHOLDER_UNDECLARED', 'VARIABLE_UNUSED']);
    const undeclared = issues.find((i) => i.code === 'PLACEHOLDER_UNDECLARED');
    expect(undeclared?.position?.line).toBe(20);
    expect(undeclared?.message).toContain('{{hours}}');
  });

  it('flags malformed placeholders and unsupported Markdown with body positions', () => {
    const text = clauseFile({
      id: 'data-access/export',
      body: '# A heading\n\nPay {{ within 5 days.\n\n<b>bold</b>',
    });
    const { issues } = parseClauseFile(text, 'x.md');
    expect(issues.map((i) => `${i.code}@${i.position?.line}`)).toEqual([
      'MARKDOWN_UNSUPPORTED@14',
      'PLACEHOLDER_MALFORMED@16',
      'MARKDOWN_UNSUPPORTED@18',
    ]);
  });

  it('parses lists, emphasis, links and cross-references into the content model', () => {
    const text = clauseFile({
      id: 'data-access/export',
      body: 'The Supplier *must* see <clause:security/patching> and [GOV.UK](https://www.gov.uk).\n\n1. one\n2. two\n   - a bullet',
    });
    const { clause } = parseClauseFile(text, 'x.md');
    expect(clause?.body).toMatchInlineSnapshot(`
      [
        {
          "children": [
            {
              "type": "text",
              "value": "The Supplier ",
            },
            {
              "children": [
                {
                  "type": "text",
                  "value": "must",
                },
              ],
              "type": "emphasis",
            },
            {
              "type": "text",
              "value": " see ",
            },
            {
              "id": "security/patching",
              "type": "clauseRef",
            },
            {
              "type": "text",
              "value": " and ",
            },
            {
              "children": [
                {
                  "type": "text",
                  "value": "GOV.UK",
                },
              ],
              "type": "link",
              "url": "https://www.gov.uk",
            },
            {
              "type": "text",
              "value": ".",
            },
          ],
          "type": "paragraph",
        },
        {
          "items": [
            [
              {
                "children": [
                  {
                    "type": "text",
                    "value": "one",
                  },
                ],
                "type": "paragraph",
              },
            ],
            [
              {
                "children": [
                  {
                    "type": "text",
                    "value": "two",
                  },
                ],
                "type": "paragraph",
              },
              {
                "items": [
                  [
                    {
                      "children": [
                        {
                          "type": "text",
                          "value": "a bullet",
                        },
                      ],
                      "type": "paragraph",
                    },
                  ],
                ],
                "ordered": false,
                "type": "list",
              },
            ],
          ],
          "ordered": true,
          "type": "list",
        },
      ]
    `);
  });
});

describe('library compilation', () => {
  it('compiles a valid library with terms, hashes and profiles', () => {
    const result = compile(BASE_FILES);
    expect(result.errors).toEqual([]);
    const clause = result.catalog?.clauses.find((c) => c.id === 'data-access/export');
    expect(clause?.terms).toEqual(['Authority', 'Authority Data', 'Supplier']);
    expect(clause?.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(result.catalog?.profiles[0]?.clauses).toEqual(['data-access/export', 'security/patching@^1']);
  });

  it('never produces a half catalog', () => {
    const result = compile({
      ...BASE_FILES,
      'security/bad.md': clauseFile({ id: 'security/bad', extra: 'references: [nope]\n' }),
    });
    expect(result.catalog).toBeUndefined();
    expect(codes(result.errors)).toEqual(['REFERENCE_UNKNOWN']);
  });

  it('checks cross-references, profiles, topics and duplicate majors', () => {
    const result = compile({
      'data-access/export.md': clauseFile({
        id: 'data-access/export',
        body: 'See <clause:security/patchin>.',
      }),
      'data-access/export.v1.md': clauseFile({
        id: 'data-access/export',
        version: '1.4.0',
        changelogVersions: ['1.4.0'],
      }),
      'unknown-topic/thing.md': clauseFile({ id: 'unknown-topic/thing' }),
    });
    expect(codes(result.errors).sort()).toEqual([
      'CLAUSE_REF_UNKNOWN',
      'DUPLICATE_VERSION',
      'PROFILE_CLAUSE_UNKNOWN',
      'TOPIC_UNKNOWN',
    ]);
    expect(result.errors.find((e) => e.code === 'PROFILE_CLAUSE_UNKNOWN')?.message).toContain(
      'security/patching',
    );
  });

  it('warns about a list item over 35 words even when its sentences are short, with its line', () => {
    const shortSentences = Array.from({ length: 6 }, (_, i) => `Sentence ${i} has six short words.`).join(
      ' ',
    );
    const result = compile({
      ...BASE_FILES,
      'data-access/export.md': clauseFile({
        id: 'data-access/export',
        body: `The Supplier must:\n\n1. keep the data safe;\n2. ${shortSentences}\n3. delete it at the end.`,
      }),
    });
    expect(result.errors).toEqual([]);
    const long = result.warnings.filter((w) => w.code === 'LIST_ITEM_TOO_LONG');
    expect(long).toHaveLength(1);
    expect(long[0]?.message).toContain('36 words');
    expect(long[0]?.message).toContain('"Sentence 0 has six short words.');
    expect(long[0]?.position?.line).toBe(17);
    expect(result.warnings.some((w) => w.code === 'SENTENCE_TOO_LONG')).toBe(false);
  });

  it('does not warn about style in an older major kept as <name>.v<major>.md', () => {
    const long = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    const result = compile({
      ...BASE_FILES,
      'data-access/export.md': clauseFile({ id: 'data-access/export', version: '2.0.0' }),
      'data-access/export.v1.md': clauseFile({
        id: 'data-access/export',
        extra: 'references: [ppn-06-20]\n',
        body: `The Supplier shall comply.\n\n1. ${long}.`,
      }),
    });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('warns about superseded references, naming the successor, and about style', () => {
    const long = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    const result = compile({
      ...BASE_FILES,
      'data-access/export.md': clauseFile({
        id: 'data-access/export',
        extra: 'references: [ppn-06-20]\n',
        body: `The Supplier shall comply.\n\n${long}.`,
      }),
    });
    expect(result.errors).toEqual([]);
    const messages = result.warnings.map((w) => `${w.code}: ${w.message}`);
    expect(messages).toContain(
      'REFERENCE_SUPERSEDED: PPN 06/20: Social value was superseded on 2025-02-24: cite PPN 002: Social value (ppn-002) instead.',
    );
    expect(codes(result.warnings).sort()).toEqual([
      'REFERENCE_SUPERSEDED',
      'SENTENCE_TOO_LONG',
      'SHALL_USED',
    ]);
  });
});
