import { type CatalogData, catalog, createCatalog } from '@loti/clauses';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildTenderModel,
  buildTenderModelFromText,
  inMemoryReader,
  RenderInputError,
  renderDocx,
  renderHtml,
  renderHtmlBody,
  renderMarkdown,
  type SpecFileReader,
  type TenderDocument,
} from '../src/index.js';
import type { BuildFromTextOptions, BuildModelOptions, BuildModelResult } from '../src/pipeline.js';
import { SPEC_ISSUE_CODES, type SpecIssue } from '../src/spec/issues.js';
import { utf8Size } from '../src/spec/parse.js';
import { buildFiles, describeIssues, outcome } from './helpers.js';

// The base spec, written out so that line numbers in snapshots are easy to check.
const SPEC = `tender:
  title: Library management system
  reference: LBX-001
  authority:
    name: London Borough of Example
    shortName: the Council
  procedure: open
  estimatedValue:
    amount: 250000
  contract:
    lengthMonths: 24
  facts: {}
timetable:
  - kind: publication
    date: 2027-01-04
  - kind: clarification-deadline
    date: 2027-01-18T12:00
  - kind: submission-deadline
    date: 2027-02-01T12:00
evaluation:
  criteria:
    - name: Quality
      weight: 60
    - name: Price
      weight: 40
document:
  issueDate: 2027-01-04
`;

const seen = new Set<string>();
async function problems(
  text: string,
  extra: Record<string, string | Uint8Array> = {},
  options: { catalog?: ReturnType<typeof createCatalog> } = {},
) {
  const result = await buildFiles({ '/specs/tender.yaml': text, ...extra }, options);
  const issues: SpecIssue[] = [...result.errors, ...result.warnings];
  for (const issue of issues) seen.add(issue.code);
  return describeIssues(issues);
}
const edit = (from: string, to: string) => {
  if (!SPEC.includes(from)) throw new Error(`test setup: "${from}" not in SPEC`);
  return SPEC.replace(from, to);
};

describe('a valid spec', () => {
  it('builds with no issues', async () => {
    expect(await problems(SPEC)).toEqual([]);
  });
});

describe('YAML and input limits', () => {
  it('reports syntax errors at the line', async () => {
    expect(await problems(edit('  reference: LBX-001', '  reference: [LBX-001'))).toMatchInlineSnapshot(`
      [
        "YAML_SYNTAX /specs/tender.yaml:4:3 Flow sequence in block collection must be sufficiently indented and end with a ]. Check the indentation and quoting here.",
      ]
    `);
  });
  it('reports duplicate keys', async () => {
    expect(
      await problems(edit('  reference: LBX-001', '  reference: LBX-001\n  reference: LBX-002')),
    ).toMatchInlineSnapshot(`
      [
        "YAML_DUPLICATE_KEY /specs/tender.yaml:4:3 "reference" appears twice in the same section. Remove one of them.",
      ]
    `);
  });
  it('refuses alias bombs', async () => {
    const bomb = `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n`;
    expect(await problems(bomb)).toMatchInlineSnapshot(`
      [
        "YAML_ALIAS_LIMIT /specs/tender.yaml:1:1 The YAML expands aliases (*name) too many times (Excessive alias count indicates a resource exhaustion attack). Write the values out instead.",
      ]
    `);
  });
  it('says what is wrong with an alias: no anchor, or inside its own anchor', async () => {
    expect(await problems(edit('  reference: LBX-001', '  reference: *ref'))).toEqual([
      'YAML_ALIAS_UNRESOLVED /specs/tender.yaml:3:14 The alias *ref names no anchor: set &ref on a value before this line, or write the value out.',
    ]);
    expect(await problems(`loop: &loop {again: *loop}\n${SPEC}`)).toEqual([
      'YAML_ALIAS_CYCLE /specs/tender.yaml:1:21 The alias *loop is inside the value it refers to, so it would never end. Write the value out instead.',
    ]);
  });
  it('refuses tags other than the core ones, where they are', async () => {
    expect(await problems(edit('  reference: LBX-001', '  reference: !!timestamp 2001-12-14'))).toEqual([
      'YAML_TAG_UNSUPPORTED /specs/tender.yaml:3:14 The YAML tag !!timestamp is not allowed in a spec: remove it and write the value as plain text, a number, true/false, a list or a mapping.',
    ]);
  });
  it("a spec that cannot be read is INPUT_UNREADABLE, with the reader's reason", async () => {
    const result = await buildFiles({ '/specs/tender.yaml': new Uint8Array([0xff, 0xfe, 0x74, 0x00]) });
    for (const issue of result.errors) seen.add(issue.code);
    expect(describeIssues(result.errors)).toEqual([
      'INPUT_UNREADABLE /specs/tender.yaml:1:1 /specs/tender.yaml is not a text file.',
    ]);
  });
  it('refuses numbers out of a sane range, with the limit in the message', async () => {
    const result = await problems(
      edit('    amount: 250000', '    amount: 1e21').replace('    lengthMonths: 24', '    lengthMonths: 601'),
    );
    expect(result).toEqual([
      'FIELD_INVALID /specs/tender.yaml:9:13 tender.estimatedValue.amount: This must be at most 1,000,000,000,000 (one trillion); check the number of zeros.',
      'FIELD_INVALID /specs/tender.yaml:11:19 tender.contract.lengthMonths: This must be at most 600 months (50 years).',
    ]);
  });
  it('a title of only zero-width spaces is empty', async () => {
    expect(await problems(edit('  title: Library management system', '  title: "\u200b\u200b"'))).toEqual([
      'FIELD_INVALID /specs/tender.yaml:2:10 tender.title: This must not be empty: it holds only invisible characters (such as zero-width spaces).',
    ]);
  });
  it('lot ids 1, "1" and 1.0 are the same id', async () => {
    const lots =
      '  facts: {}\n  lots:\n    - { id: 1, title: One }\n    - { id: "1", title: Again }\n    - { id: 1.0, title: And again }';
    const result = await problems(edit('  facts: {}', lots));
    expect(result.filter((line) => line.startsWith('DUPLICATE_ID'))).toHaveLength(2);
    expect(result[0]).toContain('Lot ids are compared as text, so 1, "1" and 1.0 are the same.');
  });
  it('library calls with wrong argument types return issues with their own codes, never a TypeError', async () => {
    const fromText = outcome(await buildTenderModelFromText(SPEC, null as unknown as BuildFromTextOptions));
    expect(fromText.errors).toEqual([]);
    expect(fromText.document).toBeDefined();
    const cases: [Promise<BuildModelResult>, string, string][] = [
      [
        buildTenderModelFromText(null as unknown as string),
        'SPEC_TEXT_INVALID',
        'The spec text must be a string, not null.',
      ],
      [
        buildTenderModelFromText(42 as unknown as string),
        'SPEC_TEXT_INVALID',
        'The spec text must be a string, not a number.',
      ],
      [
        buildTenderModel(null as unknown as string, inMemoryReader({})),
        'SPEC_PATH_INVALID',
        'The spec path must be a non-empty string, not null.',
      ],
      [
        buildTenderModel('/x.yaml', null as unknown as SpecFileReader),
        'READER_INVALID',
        'The reader must be a SpecFileReader',
      ],
      [
        buildTenderModelFromText(SPEC, 'tender.yaml' as unknown as BuildFromTextOptions),
        'OPTIONS_INVALID',
        'The options must be an object',
      ],
      [
        buildTenderModel('/x.yaml', inMemoryReader({}), 7 as unknown as BuildModelOptions),
        'OPTIONS_INVALID',
        'The options must be an object',
      ],
      [
        buildTenderModelFromText(SPEC, { file: 42 as unknown as string }),
        'SPEC_PATH_INVALID',
        'options.file must be a non-empty string, not a number.',
      ],
      [
        buildTenderModelFromText(SPEC, { files: { 'base.yaml': 42 as unknown as string } }),
        'FILES_INVALID',
        'options.files["base.yaml"] must be text (a string) or bytes (a Uint8Array), not a number.',
      ],
    ];
    for (const [call, code, message] of cases) {
      const result = await call;
      expect(result.ok).toBe(false);
      const issues = result.ok ? [] : result.issues;
      for (const issue of issues) seen.add(issue.code);
      expect(issues.map((issue) => issue.code)).toEqual([code]);
      expect(issues[0]?.message).toContain(message);
    }
  });
  it('more than 100 shape problems end in one ISSUES_TRUNCATED summary, not a misleading field code', async () => {
    const items = Array.from({ length: 150 }, (_, i) => `    - { name: C${i}, weight: "heavy" }`).join('\n');
    const lines = await problems(
      edit('    - name: Quality\n      weight: 60\n    - name: Price\n      weight: 40', items),
    );
    const summary = lines.filter((line) => line.startsWith('ISSUES_TRUNCATED'));
    expect(summary).toEqual([
      'ISSUES_TRUNCATED /specs/tender.yaml:1:1 …and 50 more problems like these. Fix the ones above first.',
    ]);
    expect(lines.filter((line) => line.startsWith('FIELD_TYPE'))).toHaveLength(100);
  });
  it('renderers given something other than a document fail with a coded RenderInputError', async () => {
    for (const render of [renderHtml, renderMarkdown, renderHtmlBody])
      expect(() => render(null as unknown as TenderDocument)).toThrow(RenderInputError);
    await expect(renderDocx(null as unknown as TenderDocument)).rejects.toMatchObject({
      code: 'RENDER_INPUT_INVALID',
      message: expect.stringContaining('renderDocx needs the TenderDocument'),
    });
  });
  it('refuses oversize input before parsing it', async () => {
    expect(await problems(`tender:\n  title: ${'x'.repeat(1_100_000)}\n`)).toMatchInlineSnapshot(`
      [
        "INPUT_TOO_LARGE /specs/tender.yaml:1:1 The file is 1100 KB; a spec may be at most 512 KB. Move long text into fewer, shorter fields.",
      ]
    `);
  });
  it('counts the limit in UTF-8 bytes, as on disk, not in characters', async () => {
    // 200,000 three-byte characters: 600 KB on disk, though the string is only 200,000 code units long.
    const [issue] = await problems(`tender:\n  title: ${'€'.repeat(200_000)}\n`);
    expect(issue).toMatch(/^INPUT_TOO_LARGE .* The file is 600 KB;/);
    expect(utf8Size('a€😀\uD800')).toBe(1 + 3 + 4 + 3);
    // Past the limit in code units too, the size reported is still the size in bytes.
    const [big] = await problems(`tender:\n  title: ${'€'.repeat(600_000)}\n`);
    expect(big).toMatch(/The file is 1800 KB;/);
    expect(utf8Size('a€😀\uD800')).toBe(new TextEncoder().encode('a€😀\uD800').length);
  });
  it('refuses deep nesting', async () => {
    expect(await problems(`a: ${'['.repeat(200)}${']'.repeat(200)}\n`)).toMatchInlineSnapshot(`
      [
        "NESTING_TOO_DEEP /specs/tender.yaml:1:68 The YAML nests more than 64 levels deep. A tender spec needs only a few levels: flatten it.",
      ]
    `);
  });
  it('needs a mapping', async () => {
    expect(await problems('- just\n- a list\n')).toMatchInlineSnapshot(`
      [
        "NOT_A_MAPPING /specs/tender.yaml:1:1 The spec must be a YAML mapping that starts with "tender:". Run \`tender init\` for a template.",
      ]
    `);
  });
});

describe('shape', () => {
  it('names a missing required field', async () => {
    expect(await problems(edit('  reference: LBX-001\n', ''))).toMatchInlineSnapshot(`
      [
        "FIELD_REQUIRED /specs/tender.yaml:2:3 tender.reference is required: add it (string).",
      ]
    `);
  });
  it('names a missing enum field as required, with its allowed values', async () => {
    expect(await problems(edit('  procedure: open\n', ''))).toMatchInlineSnapshot(`
      [
        "FIELD_REQUIRED /specs/tender.yaml:2:3 tender.procedure is required: add it (one of: open, competitive-flexible, below-threshold, framework-competition).",
      ]
    `);
  });
  it('names a missing union field as required, with the types it accepts', async () => {
    expect(
      await problems(edit('  facts: {}', '  facts: {}\n  lots:\n    - title: Hardware')),
    ).toMatchInlineSnapshot(`
      [
        "FIELD_REQUIRED /specs/tender.yaml:14:7 tender.lots[0].id is required: add it (string or number).",
      ]
    `);
  });
  it('names a wrong type', async () => {
    expect(await problems(edit('      weight: 60', '      weight: sixty'))).toMatchInlineSnapshot(`
      [
        "FIELD_TYPE /specs/tender.yaml:23:15 evaluation.criteria[0].weight must be a number, not the text "sixty".",
      ]
    `);
  });
  it('suggests the field an unknown field was meant to be', async () => {
    expect(
      await problems(edit('  reference: LBX-001', '  refrence: LBX-001\n  reference: LBX-001')),
    ).toMatchInlineSnapshot(`
      [
        "FIELD_UNKNOWN /specs/tender.yaml:3:3 "refrence" is not a field of tender. Did you mean "reference"?",
      ]
    `);
  });
  it('suggests the enum value that was meant', async () => {
    expect(await problems(edit('  procedure: open', '  procedure: opne'))).toMatchInlineSnapshot(`
      [
        "ENUM_INVALID /specs/tender.yaml:7:14 tender.procedure is "opne" but must be one of: open, competitive-flexible, below-threshold, framework-competition. Did you mean "open"?",
      ]
    `);
  });
  it('rejects an invalid value', async () => {
    expect(
      await problems(edit('  issueDate: 2027-01-04', '  issueDate: 4 January 2027')),
    ).toMatchInlineSnapshot(`
      [
        "FIELD_INVALID /specs/tender.yaml:27:14 document.issueDate: Write the date as YYYY-MM-DD, or YYYY-MM-DDTHH:MM with a time.",
      ]
    `);
  });
  it('rejects characters documents cannot hold', async () => {
    expect(
      await problems(edit('  title: Library management system', '  title: "Library \\uFFFE system"')),
    ).toMatchInlineSnapshot(`
      [
        "TEXT_FORBIDDEN_CHARACTER /specs/tender.yaml:2:10 tender.title contains the character U+FFFE at position 9, which documents cannot hold. Delete it (it is often pasted in by accident).",
      ]
    `);
  });
});

describe('rules across fields', () => {
  it('rejects impossible dates', async () => {
    expect(await problems(edit('    date: 2027-01-04', '    date: 2027-02-30'))).toMatchInlineSnapshot(`
      [
        "DATE_INVALID /specs/tender.yaml:15:11 2027-02-30 is not a real date or time. Check the day, month and hour.",
        "TIMETABLE_ORDER /specs/tender.yaml:17:11 This milestone (2027-01-18T12:00) is before the one above it (2027-02-30). List milestones in date order and check both dates.",
      ]
    `);
  });
  it('checks timetable order and the clarification deadline', async () => {
    expect(
      await problems(edit('    date: 2027-01-18T12:00', '    date: 2027-02-03T12:00')),
    ).toMatchInlineSnapshot(`
      [
        "TIMETABLE_ORDER /specs/tender.yaml:17:11 The clarification deadline (2027-02-03T12:00) must be before the submission deadline (2027-02-01T12:00), so answers reach Bidders in time.",
        "TIMETABLE_ORDER /specs/tender.yaml:19:11 This milestone (2027-02-01T12:00) is before the one above it (2027-02-03T12:00). List milestones in date order and check both dates.",
      ]
    `);
  });
  it('checks weights at every level', async () => {
    const text = edit(
      '    - name: Quality\n      weight: 60',
      '    - name: Quality\n      weight: 50\n      subcriteria:\n        - name: Fit\n          weight: 70\n        - name: Team\n          weight: 20',
    );
    expect(await problems(text)).toMatchInlineSnapshot(`
      [
        "WEIGHTS_TOTAL /specs/tender.yaml:22:5 The weights in evaluation.criteria add up to 90, not 100. Adjust them (Quality 50, Price 40).",
        "WEIGHTS_TOTAL /specs/tender.yaml:25:9 The weights in evaluation.criteria[0].subcriteria add up to 90, not 100. Adjust them (Fit 70, Team 20).",
      ]
    `);
  });
  it('warns when social value applies but is weighted low or missing', async () => {
    const low = edit('  facts: {}', '  facts:\n    socialValueApplies: true').replace(
      '    - name: Price\n      weight: 40',
      '    - name: Price\n      weight: 35\n    - name: Social value\n      weight: 5',
    );
    expect(await problems(low)).toMatchInlineSnapshot(`
      [
        "SOCIAL_VALUE_LOW /specs/tender.yaml:28:15 Social value is weighted 5%. PPN 002 sets a minimum of 10% where its model is applied; local authorities may choose otherwise, so record why.",
      ]
    `);
    expect(
      await problems(edit('  facts: {}', '  facts:\n    socialValueApplies: true')),
    ).toMatchInlineSnapshot(`
      [
        "VARIABLE_MISSING /specs/tender.yaml:22:3 Clause social-value/social-value-evaluation uses {{evaluation.socialValueWeight}}, which this spec does not give. Add an evaluation criterion with kind: social-value and its weight.",
        "SOCIAL_VALUE_MISSING /specs/tender.yaml:23:5 socialValueApplies is true but no criterion evaluates social value. Add one (kind: social-value); PPN 002 suggests at least 10%.",
      ]
    `);
  });
  it('rejects duplicate requirement ids and unknown lots', async () => {
    const text = `${SPEC}requirements:\n  - id: R1\n    text: One\n    priority: must\n    lot: 3\n  - id: R1\n    text: Two\n    priority: should\n`;
    expect(await problems(text)).toMatchInlineSnapshot(`
      [
        "LOT_UNKNOWN /specs/tender.yaml:32:10 Lot "3" is not defined. Add it under tender.lots or remove the lot field.",
        "DUPLICATE_ID /specs/tender.yaml:33:9 Requirement id "R1" is already used by requirement 1. Give each requirement its own id.",
      ]
    `);
  });
  it('checks the tender pack fields: price items, the scale and the parts asked for', async () => {
    const pricing = `pricing:\n  items:\n    - { id: P1, description: Licences, unit: per year, quantity: 2, lot: 9 }\n    - { id: P1, description: Support, unit: per year, quantity: 2 }\n`;
    const scale = edit(
      '    - name: Price\n      weight: 40\n',
      '    - name: Price\n      weight: 40\n  scale:\n    - { score: 0, label: None, meaning: No answer. }\n    - { score: 0, label: Some, meaning: Some answer. }\n',
    );
    expect(await problems(`${scale}${pricing}`)).toMatchInlineSnapshot(`
      [
        "SCALE_ORDER /specs/tender.yaml:28:16 Score 0 (Some) comes after score 0. List the scale from the lowest score to the highest, each score once.",
        "LOT_UNKNOWN /specs/tender.yaml:33:74 Lot "9" is not defined. Add it under tender.lots or remove the lot field.",
        "DUPLICATE_ID /specs/tender.yaml:34:13 Price item id "P1" is already used by item 1. Give each price item its own id.",
      ]
    `);
    const noEvaluation = SPEC.replace(
      /evaluation:[\s\S]*?document:\n/,
      'document:\n  pack: [invitation, evaluation-workbook]\n',
    );
    expect(await problems(noEvaluation)).toMatchInlineSnapshot(`
      [
        "PACK_PART_UNAVAILABLE /specs/tender.yaml:21:22 The evaluation-workbook part needs evaluation criteria, and this spec has none. Add an evaluation: section, or remove evaluation-workbook from document.pack.",
      ]
    `);
  });
  it('warns about Markdown the document cannot show', async () => {
    expect(
      await problems(edit('  facts: {}', '  facts: {}\n  background: |\n    # A heading\n\n    Text.')),
    ).toMatchInlineSnapshot(`
      [
        "MARKDOWN_UNSUPPORTED /specs/tender.yaml:13:15 In the background (line 1 of its text): Headings are not supported here: the document makes its own headings. Use a paragraph instead. It is left out of the document.",
      ]
    `);
  });
});

describe('clauses', () => {
  it('suggests the clause id that was meant, and checks ranges', async () => {
    const text = `${SPEC}clauses:\n  include:\n    - data-access/export-on-reqest\n    - data-access/export-on-request@^9\n    - data-access/export-on-request@nope\n`;
    expect(await problems(text)).toMatchInlineSnapshot(`
      [
        "CLAUSE_UNKNOWN /specs/tender.yaml:30:7 There is no clause "data-access/export-on-reqest". Did you mean "data-access/export-on-request"?",
        "CLAUSE_VERSION_NO_MATCH /specs/tender.yaml:31:7 No version of "data-access/export-on-request" matches ^9. Versions available: 1.0.1, 1.0.0.",
        "CLAUSE_RANGE_INVALID /specs/tender.yaml:32:7 "nope" is not a version range. Use e.g. ^2, ~2.1 or 2.1.0.",
      ]
    `);
  });
  it('rejects unknown profiles and pointless exclusions', async () => {
    const text = `${SPEC}clauses:\n  profiles: [core-tech]\n  exclude:\n    - id: exit/exit-plan\n      reason: Not needed here.\n`;
    expect(await problems(text)).toMatchInlineSnapshot(`
      [
        "PROFILE_UNKNOWN /specs/tender.yaml:29:14 There is no profile "core-tech". Did you mean "core-technology"? Profiles: core-technology, saas-with-personal-data, connected-places, care-technology, open-data-platform, public-contract-management, people-services.",
        "EXCLUDE_UNKNOWN /specs/tender.yaml:31:11 exit/exit-plan is excluded but would not have been included anyway. Remove this exclusion.",
      ]
    `);
  });
  it('names the clause and variable when a value is missing, wrong, or unused', async () => {
    const text = `${SPEC}clauses:\n  include:\n    - id: data-access/export-on-request\n      variables:\n        exportDays: soon\n        exportDay: 5\nvariables:\n  colour: blue\n`;
    expect(await problems(text)).toMatchInlineSnapshot(`
      [
        "VARIABLE_TYPE /specs/tender.yaml:32:21 "exportDays" for clause data-access/export-on-request must be a number, not "soon".",
        "VARIABLE_UNUSED /specs/tender.yaml:33:9 data-access/export-on-request has no variable "exportDay". Its variables are: exportDays.",
        "VARIABLE_UNUSED /specs/tender.yaml:35:3 No included clause uses "colour". Remove it, or include the clause that needs it.",
      ]
    `);
    const missing = `${SPEC}clauses:\n  include: [data-protection/roles-and-processing-particulars]\n`;
    expect(
      (await problems(missing)).filter((line) => line.startsWith('VARIABLE_MISSING')),
    ).toMatchInlineSnapshot(`
      [
        "VARIABLE_MISSING /specs/tender.yaml:29:13 Clause data-protection/roles-and-processing-particulars needs a value for "dataSubjectCategories" (The groups of people the data is about.). Add it under variables: in the spec.",
        "VARIABLE_MISSING /specs/tender.yaml:29:13 Clause data-protection/roles-and-processing-particulars needs a value for "personalDataTypes" (The types of Personal Data processed. List them; do not write "all data".). Add it under variables: in the spec.",
        "VARIABLE_MISSING /specs/tender.yaml:29:13 Clause data-protection/roles-and-processing-particulars needs a value for "processingPurpose" (Why the Supplier processes the data. Match the purpose in the Authority's DPIA and privacy notice.). Add it under variables: in the spec.",
      ]
    `);
  });
  it('refuses to drop a clause that included wording refers to', async () => {
    const text = `${SPEC}clauses:\n  include: [data-access/export-on-request]\n  exclude:\n    - id: apis/documented-apis\n      reason: We do not need APIs.\n`;
    expect(await problems(text)).toMatchInlineSnapshot(`
      [
        "CROSS_REFERENCE_EXCLUDED /specs/tender.yaml:31:7 data-access/export-on-request refers to apis/documented-apis, which this spec excludes. Include apis/documented-apis, or exclude data-access/export-on-request too.",
      ]
    `);
  });
  it('refuses a clause written for another procedure, at its include entry', async () => {
    const text = `${SPEC}clauses:\n  include: [procurement/award-below-threshold]\n`;
    expect(await problems(text)).toMatchInlineSnapshot(`
      [
        "CLAUSE_NOT_FOR_PROCEDURE /specs/tender.yaml:29:13 procurement/award-below-threshold is written for the process for a below-threshold contract, but this tender uses the open procedure. Remove it from clauses.include: the wording would state the wrong procedure.",
      ]
    `);
  });
  it('warns about deprecated and draft clauses and refuses withdrawn ones', async () => {
    const data = catalog.data;
    const statuses: Record<string, Partial<CatalogData['clauses'][number]>> = {
      'exit/exit-plan': { status: 'deprecated', replacedBy: 'exit/knowledge-transfer' },
      'exit/knowledge-transfer': { status: 'draft' },
      'exit/no-lock-in-charges': { status: 'withdrawn' },
    };
    const custom = createCatalog({
      ...data,
      clauses: data.clauses.map((c) => ({ ...c, ...(statuses[c.id] ?? {}) })),
    });
    const text = `${SPEC}clauses:\n  include: [exit/exit-plan, exit/knowledge-transfer, exit/no-lock-in-charges]\n`;
    expect(await problems(text, {}, { catalog: custom })).toMatchInlineSnapshot(`
      [
        "CLAUSE_WITHDRAWN /specs/tender.yaml:29:54 exit/no-lock-in-charges@1.0.0 is withdrawn. Remove it or exclude it.",
        "CLAUSE_DEPRECATED /specs/tender.yaml:29:13 exit/exit-plan@1.1.0 is deprecated. Use exit/knowledge-transfer instead.",
        "CLAUSE_DRAFT /specs/tender.yaml:29:29 exit/knowledge-transfer@1.0.1 is a draft: its wording may change before it is stable.",
      ]
    `);
  });
});

describe('includes and files', () => {
  it('reports a missing include at the include line', async () => {
    expect(await problems(`include: defaults.yaml\n${SPEC}`)).toMatchInlineSnapshot(`
      [
        "INCLUDE_NOT_FOUND /specs/tender.yaml:1:10 The included file /specs/defaults.yaml does not exist. Check the path, relative to /specs/tender.yaml.",
      ]
    `);
  });
  it('refuses includes outside the spec folder', async () => {
    expect(await problems(`include: ../../etc/passwd\n${SPEC}`)).toMatchInlineSnapshot(`
      [
        "INCLUDE_OUTSIDE_FOLDER /specs/tender.yaml:1:10 "../../etc/passwd" is outside the spec's folder (/specs). Copy the shared file into that folder or a sub-folder.",
      ]
    `);
    expect(await problems(`include: /etc/passwd\n${SPEC}`)).toMatchInlineSnapshot(`
      [
        "INCLUDE_OUTSIDE_FOLDER /specs/tender.yaml:1:10 "/etc/passwd" is outside the spec's folder (/specs). Copy the shared file into that folder or a sub-folder.",
      ]
    `);
  });
  it('detects include cycles', async () => {
    const files = { '/specs/a.yaml': 'include: b.yaml\n', '/specs/b.yaml': 'include: tender.yaml\n' };
    expect(await problems(`include: a.yaml\n${SPEC}`, files)).toMatchInlineSnapshot(`
      [
        "INCLUDE_CYCLE /specs/b.yaml:1:10 Including "tender.yaml" makes a cycle: /specs/tender.yaml → /specs/a.yaml → /specs/b.yaml → /specs/tender.yaml. Remove one of the includes.",
      ]
    `);
  });
  it('stops deep include chains', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [`/specs/d${i}.yaml`, `include: d${i + 1}.yaml\n`]),
    );
    expect(await problems(`include: d0.yaml\n${SPEC}`, files)).toMatchInlineSnapshot(`
      [
        "INCLUDE_TOO_DEEP /specs/d6.yaml:1:10 Includes nest more than 8 files deep. Flatten them.",
      ]
    `);
  });
  it('reports an unreadable logo', async () => {
    const text = edit('  issueDate: 2027-01-04', '  issueDate: 2027-01-04\n  branding:\n    logo: logo.png');
    expect(
      await problems(text, { '/specs/logo.png': new TextEncoder().encode('not an image') }),
    ).toMatchInlineSnapshot(`
      [
        "LOGO_UNREADABLE /specs/tender.yaml:29:11 The logo /specs/logo.png is not a PNG or JPEG image.",
      ]
    `);
  });
  it('places errors from an included file in that file', async () => {
    const files = {
      '/specs/shared/defaults.yaml': 'document:\n  classification: OFFICIAL\n  guidanceNotes: maybe\n',
    };
    expect(await problems(`include: shared/defaults.yaml\n${SPEC}`, files)).toMatchInlineSnapshot(`
      [
        "FIELD_TYPE /specs/shared/defaults.yaml:3:18 document.guidanceNotes must be true or false, not the text "maybe".",
      ]
    `);
  });
});

describe('procurement rules: procedure, value and timetable', () => {
  const codes = async (text: string) =>
    (await problems(text)).map((line) => line.split(' ').slice(0, 2).join(' '));

  it('refuses a below-threshold procedure at or above the threshold, at the value', async () => {
    const spec = edit('procedure: open', 'procedure: below-threshold').replace(
      'amount: 250000',
      'amount: 5000000',
    );
    const [first] = await problems(spec);
    expect(first).toMatch(/^THRESHOLD_EXCEEDED \/specs\/tender\.yaml:9:13 /);
    expect(first).toContain('£6,000,000 including VAT');
    expect(first).toContain('£207,720 threshold');
  });

  it('adds VAT before comparing, warns near the threshold, and warns when there is no value', async () => {
    const below = edit('procedure: open', 'procedure: below-threshold');
    expect(await codes(below.replace('amount: 250000', 'amount: 180000'))).toContain(
      'THRESHOLD_EXCEEDED /specs/tender.yaml:9:13',
    );
    expect(await codes(below.replace('amount: 250000', 'amount: 160000'))).toEqual([
      'THRESHOLD_NEAR /specs/tender.yaml:9:13',
    ]);
    expect(await codes(below.replace('amount: 250000', 'amount: 160000\n    includesVat: true'))).toEqual([]);
    expect(await codes(below.replace('  estimatedValue:\n    amount: 250000\n', ''))).toContain(
      'THRESHOLD_UNKNOWN /specs/tender.yaml:7:14',
    );
  });

  it('notes an Act procedure used below the threshold', async () => {
    expect(await codes(edit('amount: 250000', 'amount: 100000'))).toEqual([
      'PROCEDURE_BELOW_THRESHOLD /specs/tender.yaml:9:13',
    ]);
  });

  it('asks for the framework of a call-off and the stages of a competitive flexible procedure', async () => {
    expect(await codes(edit('procedure: open', 'procedure: framework-competition'))).toContain(
      'PROCEDURE_DETAIL_MISSING /specs/tender.yaml:7:14',
    );
    expect(await codes(edit('procedure: open', 'procedure: competitive-flexible'))).toContain(
      'PROCEDURE_DETAIL_MISSING /specs/tender.yaml:7:14',
    );
    const stages = edit(
      '  procedure: open\n',
      '  procedure: open\n  stages:\n    - { name: Negotiation, description: The Authority negotiates. }\n',
    );
    expect(await codes(stages)).toEqual(['PROCEDURE_DETAIL_UNUSED /specs/tender.yaml:9:5']);
  });

  it('enforces the section 54 tendering period above the threshold, with the reduction', async () => {
    const short = edit('date: 2027-01-18T12:00', 'date: 2027-01-06T12:00').replace(
      'date: 2027-02-01T12:00',
      'date: 2027-01-15T12:00',
    );
    const [first] = await problems(short);
    expect(first).toMatch(/^TENDER_PERIOD_TOO_SHORT \/specs\/tender\.yaml:19:11 /);
    expect(first).toContain('at least 25 days');
    expect(first).toContain('2027-01-29 or later');
    const reduced = short.replace(
      '  procedure: open\n',
      '  procedure: open\n  timeLimitReduction: urgency\n',
    );
    expect(await codes(reduced)).toEqual([]);
    const below = short
      .replace('procedure: open', 'procedure: below-threshold')
      .replace('amount: 250000', 'amount: 50000')
      .replace('date: 2027-01-15T12:00', 'date: 2027-01-11T12:00');
    const [warning] = await problems(below);
    expect(warning).toMatch(
      /^TENDER_PERIOD_TOO_SHORT \/specs\/tender\.yaml:19:11 The Act sets no minimum|^TENDER_PERIOD_TOO_SHORT .* The Act sets no minimum/,
    );
  });

  it('warns when clarifications close too close to the deadline, and about weekends and bank holidays', async () => {
    expect(await codes(edit('date: 2027-01-18T12:00', 'date: 2027-02-01T09:00'))).toEqual([
      'CLARIFICATION_TOO_LATE /specs/tender.yaml:17:11',
    ]);
    const sunday = edit('date: 2027-02-01T12:00', 'date: 2027-01-31T12:00');
    const [weekend] = await problems(sunday);
    expect(weekend).toMatch(
      /^NON_WORKING_DAY \/specs\/tender\.yaml:19:11 Deadline for tenders falls on Sunday 31 January 2027, a Sunday/,
    );
    const holiday = edit('date: 2027-02-01T12:00', 'date: 2027-03-29T12:00');
    expect(await codes(holiday)).toEqual(['NON_WORKING_DAY /specs/tender.yaml:19:11']);
    const late = `${SPEC.replace('document:', 'timetable_extra:')}`
      .replace('timetable_extra:', 'document:')
      .replace(
        '    date: 2027-02-01T12:00\n',
        '    date: 2027-02-01T12:00\n  - kind: contract-start\n    date: 2028-03-01\n',
      );
    expect(await codes(late)).toEqual(['CALENDAR_NOT_COVERED /specs/tender.yaml:21:11']);
  });

  it('requires 8 working days of standstill after the contract award notice, as the Act counts them', async () => {
    const award = edit(
      '    date: 2027-02-01T12:00\n',
      '    date: 2027-02-01T12:00\n  - kind: contract-award-notice\n    date: 2027-03-19\n  - kind: standstill-end\n    date: 2027-03-31\n',
    );
    const [first] = await problems(award);
    // Good Friday and Easter Monday do not count, so the eighth working day is 1 April.
    expect(first).toMatch(
      /^STANDSTILL_TOO_SHORT \/specs\/tender\.yaml:23:11 .*cannot end before 2027-04-01\./,
    );
    expect(await codes(award.replace('date: 2027-03-31', 'date: 2027-04-01'))).toEqual([]);
    const start = edit(
      '    date: 2027-02-01T12:00\n',
      '    date: 2027-02-01T12:00\n  - kind: contract-award-notice\n    date: 2027-03-19\n  - kind: contract-start\n    date: 2027-03-30\n',
    );
    expect(await codes(start)).toEqual(['STANDSTILL_TOO_SHORT /specs/tender.yaml:23:11']);
  });

  it('checks milestones by meaning as well as by list order', async () => {
    const spec = edit(
      '    date: 2027-02-01T12:00\n',
      '    date: 2027-02-01T12:00\n  - kind: contract-start\n    date: 2027-06-01\n  - kind: assessment-summaries\n    date: 2027-07-01\n',
    );
    const [order] = await problems(spec);
    expect(order).toMatch(
      /^TIMETABLE_ORDER \/specs\/tender\.yaml:21:11 Contract starts \(2027-06-01\) is before assessment summaries sent \(2027-07-01\)/,
    );
  });
});

describe('issues ordered by cause', () => {
  it('makes a misspelt variable one error with did-you-mean, and hides the "missing" report it causes', async () => {
    const spec = edit('  facts: {}', '  facts: { processesPersonalData: true }').replace(
      'document:',
      'variables:\n  processingPurpos: running the library system\n  personalDataTypes: names and loans\n  dataSubjectCategories: library members\ndocument:',
    );
    const issues = await problems(spec);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(
      /^VARIABLE_MISSPELT \/specs\/tender\.yaml:\d+:3 No included clause uses "processingPurpos"\. Did you mean "processingPurpose"\?/,
    );
  });

  it('puts the unknown clause first and a missing procedure detail before what it causes', async () => {
    const spec = edit('procedure: open', 'procedure: competitive-flexible').replace(
      'document:',
      'clauses:\n  include: [data-acess/export-on-request]\ndocument:',
    );
    const codes = async (text: string) => (await problems(text)).map((line) => line.split(' ')[0]);
    expect(await codes(spec)).toEqual(['CLAUSE_UNKNOWN', 'PROCEDURE_DETAIL_MISSING']);
    // Without stages, the stage built-ins are missing too; only the cause is reported.
    expect(await codes(edit('procedure: open', 'procedure: competitive-flexible'))).toEqual([
      'PROCEDURE_DETAIL_MISSING',
    ]);
  });
});

/** The library as it will be: clause variables that declare their limits (a fixture, so the test does not depend on wording edits). */
function constrainedCatalog() {
  const data = catalog.data;
  const limits: Record<string, Record<string, Record<string, unknown>>> = {
    'innovation/fair-payment': {
      paymentDays: {
        max: 30,
        integer: true,
        unit: 'days',
        reason: 'The Procurement Act 2023, section 68, implies a 30-day payment term into public contracts',
      },
    },
    'procurement/evaluation-methodology': { minimumScore: { scale: true, integer: true } },
    'data-access/export-on-request': { exportDays: { min: 1, integer: true, unit: 'Working Days' } },
    'procurement/lots': {
      maxLotsAwarded: { allowed: ['any number of lots', 'up to 1 lot', 'up to 2 lots', 'up to 3 lots'] },
    },
  };
  return createCatalog({
    ...data,
    clauses: data.clauses.map((c) => {
      const extra = limits[c.id];
      if (!extra) return c;
      const variables = Object.fromEntries(
        Object.entries(c.variables).map(([name, v]) => [name, { ...v, ...(extra[name] ?? {}) }]),
      );
      return { ...c, variables } as typeof c;
    }),
  });
}

describe('variables with meaning', () => {
  it('checks values against the limits, unit and reason their clause declares', async () => {
    const text = `${SPEC}clauses:\n  include:\n    - id: data-access/export-on-request\n      variables:\n        exportDays: 2.5\nvariables:\n  paymentDays: 45\n  minimumScore: 7\n`;
    expect(await problems(text, {}, { catalog: constrainedCatalog() })).toMatchInlineSnapshot(`
      [
        "VARIABLE_NOT_INTEGER /specs/tender.yaml:32:21 "exportDays" for clause data-access/export-on-request is 2.5 but must be a whole number of Working Days.",
        "VARIABLE_OUT_OF_RANGE /specs/tender.yaml:34:16 "paymentDays" for clause innovation/fair-payment is 45 but must be between 1 and 30 days. The Procurement Act 2023, section 68, implies a 30-day payment term into public contracts.",
        "VARIABLE_OUT_OF_RANGE /specs/tender.yaml:35:17 "minimumScore" for clause procurement/evaluation-methodology is 7 but must be between 0 and 5. It is a score on the evaluation scale, which runs from 0 to 5 (evaluation.scale).",
      ]
    `);
  });
  it('refuses negative counts even without a declared minimum, and text that is not allowed', async () => {
    const lots = edit(
      '  facts: {}',
      '  facts: {}\n  lots:\n    - { id: 1, title: Hardware }\n    - { id: 2, title: Software }',
    );
    const text = `${lots}variables:\n  paymentDays: -5\n  maxLotsAwarded: up to 4 lots\n`;
    expect(await problems(text, {}, { catalog: constrainedCatalog() })).toMatchInlineSnapshot(`
      [
        "VARIABLE_OUT_OF_RANGE /specs/tender.yaml:32:16 "paymentDays" for clause innovation/fair-payment is -5 but must be between 1 and 30 days. The Procurement Act 2023, section 68, implies a 30-day payment term into public contracts.",
        "VARIABLE_NOT_ALLOWED /specs/tender.yaml:33:19 "maxLotsAwarded" for clause procurement/lots is "up to 4 lots" but must be one of: any number of lots, up to 1 lot, up to 2 lots, up to 3 lots. Did you mean "up to 2 lots"?",
      ]
    `);
  });
  it('checks score variables against the evaluation scale the spec sets', async () => {
    const text = edit(
      '    - name: Price\n      weight: 40',
      '    - name: Price\n      weight: 40\n  scale: [{ score: 0, label: None, meaning: No answer. }, { score: 10, label: Top, meaning: A full answer. }]',
    );
    expect(
      await problems(`${text}variables:\n  minimumScore: 7\n`, {}, { catalog: constrainedCatalog() }),
    ).toEqual([]);
    expect(
      await problems(`${text}variables:\n  minimumScore: 11\n`, {}, { catalog: constrainedCatalog() }),
    ).toMatchInlineSnapshot(`
      [
        "VARIABLE_OUT_OF_RANGE /specs/tender.yaml:30:17 "minimumScore" for clause procurement/evaluation-methodology is 11 but must be between 0 and 10. It is a score on the evaluation scale, which runs from 0 to 10 (evaluation.scale).",
      ]
    `);
  });
});

describe('lots', () => {
  const withLots = (lots: string, facts = '  facts: {}') => edit('  facts: {}', `${facts}\n  lots:\n${lots}`);
  it('rejects duplicate lot ids, compared as text', async () => {
    const text = withLots(
      '    - { id: 1, title: Hardware }\n    - { id: "1", title: Software }\n    - { id: 1.0, title: Support }',
    );
    expect(await problems(text)).toMatchInlineSnapshot(`
      [
        "DUPLICATE_ID /specs/tender.yaml:15:13 Lot id "1" is already used by lot 1 (Hardware). Lot ids are compared as text, so 1, "1" and 1.0 are the same. Give each lot its own id.",
        "DUPLICATE_ID /specs/tender.yaml:16:13 Lot id "1" is already used by lot 1 (Hardware). Lot ids are compared as text, so 1, "1" and 1.0 are the same. Give each lot its own id.",
      ]
    `);
  });
  it('refuses hasLots: false with lots listed', async () => {
    const text = withLots('    - { id: 1, title: Hardware }', '  facts:\n    hasLots: false');
    expect(await problems(text)).toMatchInlineSnapshot(`
      [
        "LOTS_FACT_CONFLICT /specs/tender.yaml:13:14 hasLots is false but tender.lots lists 1 lot, so the lots wording would be left out. Remove hasLots (listing lots implies it) or remove the lots.",
      ]
    `);
  });
  it('warns when the lots are worth more than the whole', async () => {
    const text = withLots(
      '    - { id: 1, title: Hardware, value: 200000 }\n    - { id: 2, title: Software, value: 100000 }',
    );
    expect(await problems(text)).toMatchInlineSnapshot(`
      [
        "LOT_VALUE_TOTAL /specs/tender.yaml:9:13 The lots' values add up to £300,000, more than the estimated value of £250,000. Raise tender.estimatedValue.amount or correct the lot values.",
      ]
    `);
  });
  it('names unknown lots in criteria and clause scopes, with a did-you-mean', async () => {
    const text = withLots('    - { id: L1, title: Hardware }\n    - { id: L2, title: Software }')
      .replace(
        '    - name: Quality\n      weight: 60',
        '    - name: Quality\n      weight: 60\n      lots: [L3]',
      )
      .concat('clauses:\n  include:\n    - { id: data-access/export-on-request, lots: [l1] }\n');
    expect(await problems(text)).toMatchInlineSnapshot(`
      [
        "LOT_UNKNOWN /specs/tender.yaml:27:14 Lot "L3" is not defined. Did you mean "L1"? Lots are: L1, L2.",
        "LOT_UNKNOWN /specs/tender.yaml:34:51 Lot "l1" is not defined. Did you mean "L1"? Lots are: L1, L2.",
      ]
    `);
  });
});

describe('unfinished work', () => {
  const unfinished = edit(
    '    name: London Borough of Example',
    '    name: London Borough of Example\n    contact: { name: Bids team TBC, email: bids@example.gov.uk }',
  ).concat(
    'requirements:\n  - id: R1\n    text: Replace this with the first requirement.\n    priority: must\n',
  );
  it('warns about placeholders in a draft', async () => {
    expect(await problems(unfinished)).toMatchInlineSnapshot(`
      [
        "PLACEHOLDER_TEXT /specs/tender.yaml:6:32 tender.authority.contact.name contains a drafting marker: "TBC". Replace it before the tender is issued; \`tender build --final\` refuses it.",
        "PLACEHOLDER_TEXT /specs/tender.yaml:6:44 tender.authority.contact.email contains an example address: "bids@example.gov.uk". Replace it before the tender is issued; \`tender build --final\` refuses it.",
        "PLACEHOLDER_TEXT /specs/tender.yaml:31:11 requirements[0].text contains template text: "Replace this". Replace it before the tender is issued; \`tender build --final\` refuses it.",
      ]
    `);
  });
  it('refuses placeholders and drafting notes in a final document', async () => {
    const final = unfinished.replace(
      '  issueDate: 2027-01-04',
      '  issueDate: 2027-01-04\n  status: final\n  guidanceNotes: true',
    );
    expect(await problems(final)).toMatchInlineSnapshot(`
      [
        "PLACEHOLDER_TEXT /specs/tender.yaml:6:32 tender.authority.contact.name contains a drafting marker: "TBC". A final document cannot contain it: replace it with the real text.",
        "PLACEHOLDER_TEXT /specs/tender.yaml:6:44 tender.authority.contact.email contains an example address: "bids@example.gov.uk". A final document cannot contain it: replace it with the real text.",
        "FINAL_DRAFTING_NOTES /specs/tender.yaml:30:18 A final document cannot contain drafting notes for officers. Set document.guidanceNotes: false, or build a draft.",
        "PLACEHOLDER_TEXT /specs/tender.yaml:33:11 requirements[0].text contains template text: "Replace this". A final document cannot contain it: replace it with the real text.",
      ]
    `);
  });
});

afterAll(() => {
  // Every code the spec layer can report is exercised above.
  expect([...seen].sort()).toEqual(Object.keys(SPEC_ISSUE_CODES).sort());
});
