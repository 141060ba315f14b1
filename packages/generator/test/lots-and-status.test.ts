import { describe, expect, it } from 'vitest';
import type { DocBlock, DocSection, TenderDocument } from '../src/model/types.js';
import { buildModel, type LooseSpec } from './helpers.js';

const model = (mutate?: (spec: LooseSpec) => void) => buildModel(mutate, { amount: 900000 });

const section = (doc: TenderDocument, kind: DocSection['kind']) =>
  doc.sections.find((s) => s.kind === kind) as DocSection;
const tables = (blocks: readonly DocBlock[]) => blocks.flatMap((b) => (b.type === 'table' ? [b.table] : []));
const cellText = (cell: readonly { text: string }[]) => cell.map((i) => i.text).join('');
const rowsOf = (table: ReturnType<typeof tables>[number]) => table.rows.map((row) => row.map(cellText));
const reasons = (doc: TenderDocument, id: string) => doc.manifest.clauses.find((c) => c.id === id)?.reasons;

const LOTS = [
  {
    id: 1,
    title: 'Sensors',
    value: 600000,
    description: 'Supply and install air quality sensors.',
    conditions: [{ condition: 'Minimum annual turnover', requirement: '£1.2 million' }],
  },
  {
    id: 2,
    title: 'Data platform',
    value: 300000,
    conditions: [
      { condition: 'Minimum annual turnover', requirement: '£600,000' },
      { condition: 'Professional indemnity insurance', requirement: '£2 million' },
    ],
  },
];

describe('lots', () => {
  it('lots listed imply hasLots: the lots and SME clauses are included and the manifest says why', async () => {
    const doc = await model((s) => {
      s.tender.lots = LOTS;
    });
    const implied = { kind: 'fact', facts: ['hasLots'], implied: ['hasLots'] };
    expect(reasons(doc, 'procurement/lots')).toEqual([implied]);
    expect(reasons(doc, 'innovation/lots-for-smes')).toEqual([implied]);
    const manifest = tables(doc.sections.find((s) => s.anchor === 'appendix-manifest')?.blocks ?? [])[0];
    expect(rowsOf(manifest as NonNullable<typeof manifest>).flat()).toContain(
      'key facts: hasLots (implied by the lots listed)',
    );
    // Without lots, nothing lot-related is included.
    const none = await model();
    expect(reasons(none, 'procurement/lots')).toBeUndefined();
  });

  it('shows each lot with its value and the conditions of participation that differ per lot', async () => {
    const doc = await model((s) => {
      s.tender.lots = LOTS;
    });
    const [summary, lots, conditions] = tables(section(doc, 'introduction').blocks);
    expect(summary?.caption).toBe('Summary of the opportunity');
    expect(lots?.columns.map((c) => c.header)).toEqual(['Lot', 'Title', 'Estimated value', 'Description']);
    expect(rowsOf(lots as NonNullable<typeof lots>)).toEqual([
      ['1', 'Sensors', '£600,000', 'Supply and install air quality sensors.'],
      ['2', 'Data platform', '£300,000', ''],
    ]);
    expect(conditions?.caption).toBe('Conditions of participation by lot');
    expect(rowsOf(conditions as NonNullable<typeof conditions>)).toEqual([
      ['Lot 1', 'Minimum annual turnover', '£1.2 million'],
      ['Lot 2', 'Minimum annual turnover', '£600,000'],
      ['Lot 2', 'Professional indemnity insurance', '£2 million'],
    ]);
  });

  it('says under the heading which lots a clause applies to', async () => {
    const doc = await model((s) => {
      s.tender.lots = LOTS;
      s.clauses = {
        include: [
          { id: 'data-access/export-on-request', lots: ['2'] },
          { id: 'apis/documented-apis', lots: [1, 2.0] },
        ],
      };
    });
    const clause = (id: string) => doc.sections.flatMap((s) => s.clauses).find((c) => c.clauseId === id);
    expect(clause('data-access/export-on-request')?.lots).toEqual(['2']);
    expect(clause('data-access/export-on-request')?.blocks[0]).toEqual({
      type: 'paragraph',
      content: [{ type: 'text', text: 'This clause applies to Lot 2 only.', italic: true }],
    });
    expect(clause('apis/documented-apis')?.blocks[0]).toMatchObject({
      content: [{ text: 'This clause applies to Lots 1 and 2 only.' }],
    });
  });

  it('shows which lots each criterion and requirement belongs to, and requirement categories', async () => {
    const doc = await model((s) => {
      s.tender.lots = LOTS;
      s.requirements = [
        { id: 'R1', text: 'Measure NO2 every minute.', priority: 'must', lot: 1, category: 'Sensors' },
        { id: 'R2', text: 'Publish open data.', priority: 'should', category: 'Data' },
      ];
      s.evaluation.criteria[0].lots = [1];
    });
    const [requirements] = tables(section(doc, 'requirements').blocks);
    expect(requirements?.columns.map((c) => c.header)).toEqual([
      'ID',
      'Requirement',
      'Category',
      'Priority',
      'Lot',
    ]);
    expect(rowsOf(requirements as NonNullable<typeof requirements>)).toEqual([
      ['R1', 'Measure NO2 every minute.', 'Sensors', 'Must', '1'],
      ['R2', 'Publish open data.', 'Data', 'Should', 'All'],
    ]);
    const [criteria] = tables(section(doc, 'evaluation').blocks);
    expect(criteria?.columns.at(-1)?.header).toBe('Lots');
    expect(rowsOf(criteria as NonNullable<typeof criteria>).map((row) => row.at(-1))).toEqual(['1', 'All']);
  });

  it('keeps a category column even without lots', async () => {
    const doc = await model((s) => {
      s.requirements = [{ id: 'R1', text: 'Work offline.', priority: 'could', category: 'Resilience' }];
    });
    const [requirements] = tables(section(doc, 'requirements').blocks);
    expect(rowsOf(requirements as NonNullable<typeof requirements>)).toEqual([
      ['R1', 'Work offline.', 'Resilience', 'Could'],
    ]);
  });
});

describe('document status', () => {
  it('is a draft unless the spec or the build says final, and names the document on its cover', async () => {
    const draft = await model();
    expect(draft.meta.status).toBe('draft');
    expect(draft.cover.documentType).toBe('Invitation to Tender');
    const final = await model((s) => {
      s.document.status = 'final';
    });
    expect(final.meta.status).toBe('final');
  });
});
