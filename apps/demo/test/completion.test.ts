import { catalog } from '@loti/clauses';
import { tenderSpecJsonSchema } from '@loti/tender-generator';
import { describe, expect, it } from 'vitest';
import { completeSpec, type JsonSchema, schemasAt } from '../src/schema-complete.js';
import { yamlContextAt } from '../src/yaml-context.js';

const schema = tenderSpecJsonSchema() as JsonSchema;

/** Text with `‸` marking the cursor. */
function at(marked: string): [string, number] {
  const offset = marked.indexOf('‸');
  return [marked.slice(0, offset) + marked.slice(offset + 1), offset];
}

function labels(marked: string): string[] {
  const [text, offset] = at(marked);
  return completeSpec(schema, catalog, text, offset)?.options.map((option) => option.label) ?? [];
}

describe('yamlContextAt', () => {
  it('finds the mapping a key goes into', () => {
    expect(yamlContextAt(...at('tender:\n  title: X\n  auth‸'))).toMatchObject({
      kind: 'key',
      path: ['tender'],
      prefix: 'auth',
      present: ['title'],
    });
    expect(yamlContextAt(...at('tender:\n  authority:\n    name: A\n    ‸\n  title: T\n'))).toMatchObject({
      kind: 'key',
      path: ['tender', 'authority'],
      present: ['name'],
    });
    expect(yamlContextAt(...at('tend‸'))).toMatchObject({ kind: 'key', path: [], prefix: 'tend' });
  });

  it('follows list items, indented or not', () => {
    const timetable = 'timetable:\n  - kind: publication\n    da|';
    expect(yamlContextAt(...at(timetable))).toMatchObject({
      kind: 'key',
      path: ['timetable', '*'],
      present: ['kind'],
    });
    expect(yamlContextAt(...at('clauses:\n  include:\n  - a/b\n  - ‸'))).toMatchObject({
      kind: 'item',
      path: ['clauses', 'include', '*'],
    });
    expect(
      yamlContextAt(...at('clauses:\n  include:\n    - id: a/b\n      version: ^1\n    - id: ‸')),
    ).toMatchObject({ kind: 'value', path: ['clauses', 'include', '*', 'id'] });
  });

  it('finds values, and nothing inside block text', () => {
    expect(yamlContextAt(...at('tender:\n  procedure: comp‸'))).toMatchObject({
      kind: 'value',
      path: ['tender', 'procedure'],
      prefix: 'comp',
    });
    expect(yamlContextAt(...at('tender:\n  background: |\n    Some text\n    mo‸'))).toEqual({
      kind: 'none',
    });
  });
});

describe('completeSpec', () => {
  it('suggests keys the mapping does not have yet', () => {
    const keys = labels('tender:\n  title: X\n  ‸');
    expect(keys).toContain('procedure');
    expect(keys).toContain('authority');
    expect(keys).not.toContain('title');
    expect(labels('‸')).toEqual(
      expect.arrayContaining(['tender', 'timetable', 'requirements', 'evaluation', 'clauses', 'document']),
    );
  });

  it('never offers a key the mapping already has, above or below the cursor, in lists and in variables', () => {
    const tender = labels('tender:\n  title: X\n  ‸\n  authority:\n    name: A\n  procedure: open\n');
    expect(tender).toContain('reference');
    for (const present of ['title', 'authority', 'procedure']) expect(tender).not.toContain(present);
    // The first line of a list item: the keys below it are the item's; those above belong to the item before.
    const item = labels(
      'evaluation:\n  criteria:\n    - name: Q\n      weight: 5\n    - ‸\n      weight: 10\n',
    );
    expect(item).toContain('name');
    expect(item).not.toContain('weight');
    expect(labels('timetable:\n  - ‸\n    date: 2027-01-04\n')).toEqual(expect.not.arrayContaining(['date']));
    expect(labels('timetable:\n  - ‸\n    date: 2027-01-04\n')).toContain('kind');
    expect(labels('variables:\n  exportDays: 5\n  ‸')).not.toContain('exportDays');
    expect(
      labels('clauses:\n  include:\n    - id: a/b\n      variables:\n        exportDays: 5\n        ‸'),
    ).not.toContain('exportDays');
    expect(labels('tender: { title: X }\ntimetable: []\n‸')).toEqual(
      expect.not.arrayContaining(['tender', 'timetable']),
    );
  });

  it('suggests enum values and booleans', () => {
    expect(labels('tender:\n  procedure: ‸')).toEqual([
      'open',
      'competitive-flexible',
      'below-threshold',
      'framework-competition',
    ]);
    expect(labels('tender:\n  facts:\n    hostedBySupplier: ‸')).toEqual(['true', 'false']);
  });

  it('suggests clause ids and variables from the catalog', () => {
    const ids = labels('clauses:\n  include:\n    - ‸');
    expect(ids).toContain('data-access/export-on-request');
    expect(labels('clauses:\n  include:\n    - id: ‸')).toContain('data-access/export-on-request');
    expect(labels('variables:\n  ‸')).toContain('exportDays');
  });

  it('follows the recursive evaluation criteria', () => {
    expect(
      schemasAt(schema, ['evaluation', 'criteria', '*', 'subcriteria', '*', 'subcriteria', '*']).some(
        (node) => node.properties?.weight,
      ),
    ).toBe(true);
    expect(
      labels(
        'evaluation:\n  criteria:\n    - name: Quality\n      subcriteria:\n        - name: A\n          ‸',
      ),
    ).toContain('weight');
  });
});
