import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalog } from '@loti/clauses';
import { describe, expect, it } from 'vitest';
import { clauseAnchor } from '../src/assemble/numbering.js';
import type { TenderDocument } from '../src/model/types.js';
import { createNodeReader } from '../src/node/index.js';
import { buildTenderModel } from '../src/pipeline.js';
import { renderDocx } from '../src/render/docx/render-docx.js';
import { renderHtml } from '../src/render/html/render-html.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { tenderSpecJsonSchema } from '../src/spec/json-schema.js';
import { loadSpec } from '../src/spec/load.js';
import { PROCEDURE_SUMMARIES } from '../src/spec/schema.js';
import { outcome } from './helpers.js';

const examples = join(import.meta.dirname, '..', '..', '..', 'examples');
const reader = createNodeReader({ root: examples });

/**
 * What each example must show, written out rather than snapshotted: the topic sections in order, how many clauses,
 * the estimated value and the key dates as the cover prints them. Everything else is checked against the spec and
 * the catalogue below. A change here is a change an officer would see: update it on purpose.
 */
const EXPECTED: Record<
  string,
  {
    clauses: number;
    value: string;
    topics: readonly string[];
    keyDates: readonly (readonly [string, string])[];
  }
> = {
  'air-quality-sensors.yaml': {
    clauses: 80,
    value: '£680,000 excluding VAT',
    topics: [
      'Innovation-friendly procurement',
      'Data access and export',
      'APIs and interoperability',
      'Open standards',
      'Security baseline',
      'Connected places cyber security',
      'Data protection',
      'Accessibility',
      'Responsible business',
      'Contract management',
      'Exit and transition',
    ],
    keyDates: [
      ['Tender notice published', 'Monday 1 March 2027'],
      ['Deadline for clarification questions', 'Monday 22 March 2027 at 12:00'],
      ['Deadline for Tenders', 'Monday 5 April 2027 at 12:00'],
      ['Contract starts', 'Monday 14 June 2027'],
    ],
  },
  'childrens-case-management-joint.yaml': {
    clauses: 83,
    value: '£6,800,000 excluding VAT',
    topics: [
      'Innovation-friendly procurement',
      'Data access and export',
      'APIs and interoperability',
      'Open standards',
      'Security baseline',
      'Data protection',
      'Information sharing',
      'Safeguarding',
      'Accessibility',
      'Social value',
      'Responsible business',
      'Contract management',
      'Exit and transition',
    ],
    keyDates: [
      ['Tender notice published', 'Monday 1 March 2027'],
      ['Deadline for clarification questions', 'Thursday 25 March 2027 at 12:00'],
      ['Deadline for Tenders', 'Friday 16 April 2027 at 12:00'],
      ['Contract starts', 'Thursday 1 July 2027'],
    ],
  },
  'cloud-hosting-call-off.yaml': {
    clauses: 52,
    value: '£640,000 excluding VAT',
    topics: [
      'Innovation-friendly procurement',
      'Data access and export',
      'APIs and interoperability',
      'Open standards',
      'Security baseline',
      'Data protection',
      'Accessibility',
      'Exit and transition',
    ],
    keyDates: [
      ['Invitation sent to framework suppliers', 'Monday 1 March 2027'],
      ['Deadline for clarification questions', 'Friday 12 March 2027 at 12:00'],
      ['Deadline for Tenders', 'Monday 22 March 2027 at 12:00'],
      ['Contract starts', 'Tuesday 4 May 2027'],
    ],
  },
  'digital-inclusion-lots.yaml': {
    clauses: 49,
    value: '£150,000 excluding VAT',
    topics: [
      'Innovation-friendly procurement',
      'Data access and export',
      'APIs and interoperability',
      'Security baseline',
      'Data protection',
      'Accessibility',
      'Digital inclusion',
      'Social value',
      'Responsible business',
      'Contract management',
    ],
    keyDates: [
      ['Below-threshold tender notice published', 'Monday 10 May 2027'],
      ['Deadline for clarification questions', 'Monday 24 May 2027 at 12:00'],
      ['Deadline for Tenders', 'Monday 7 June 2027 at 12:00'],
      ['Contract starts', 'Monday 5 July 2027'],
    ],
  },
  'ev-charge-point-data-platform.yaml': {
    clauses: 54,
    value: '£145,000 excluding VAT',
    topics: [
      'Innovation-friendly procurement',
      'Data access and export',
      'APIs and interoperability',
      'Open standards',
      'Security baseline',
      'Accessibility',
      'Digital inclusion',
      'Responsible business',
      'Contract management',
      'Exit and transition',
    ],
    keyDates: [
      ['Tender notice published', 'Monday 18 January 2027'],
      ['Deadline for clarification questions', 'Monday 1 February 2027 at 12:00'],
      ['Deadline for Tenders', 'Monday 15 February 2027 at 12:00'],
      ['Contract starts', 'Thursday 1 April 2027'],
    ],
  },
  'housing-management-system.yaml': {
    clauses: 76,
    value: '£2,400,000 excluding VAT',
    topics: [
      'Innovation-friendly procurement',
      'Data access and export',
      'APIs and interoperability',
      'Open standards',
      'Security baseline',
      'Data protection',
      'Accessibility',
      'Digital inclusion',
      'Social value',
      'Responsible business',
      'Contract management',
      'Exit and transition',
    ],
    keyDates: [
      ['Tender notice published', 'Monday 1 February 2027'],
      ['Deadline for clarification questions', 'Friday 26 February 2027 at 12:00'],
      ['Deadline for Tenders', 'Friday 12 March 2027 at 12:00'],
      ['Contract starts', 'Tuesday 1 June 2027'],
    ],
  },
  'telecare-assistive-technology-pilot.yaml': {
    clauses: 102,
    value: '£390,000 excluding VAT',
    topics: [
      'Innovation-friendly procurement',
      'Data access and export',
      'APIs and interoperability',
      'Open standards',
      'Security baseline',
      'Connected places cyber security',
      'Data protection',
      'Information sharing',
      'Safeguarding',
      'Accessibility',
      'Digital inclusion',
      'Assistive technology and telecare',
      'Social value',
      'Responsible business',
      'Contract management',
      'Exit and transition',
    ],
    keyDates: [
      ['Tender notice published', 'Monday 5 April 2027'],
      ['Deadline for clarification questions', 'Tuesday 4 May 2027 at 12:00'],
      ['Deadline for Tenders', 'Monday 17 May 2027 at 12:00'],
      ['Contract starts', 'Monday 2 August 2027'],
    ],
  },
};

/** The sections every invitation has before its clause topics, and the appendices after them. */
const LEADING_SECTIONS = [
  'Introduction and background',
  'Definitions and interpretation',
  'Timetable',
  'Scope and requirements',
  'Evaluation',
  'Tender documents',
  'Instructions to Bidders',
];
const APPENDICES = ['Clause manifest', 'Glossary of laws, standards and guidance'];

const exampleFiles = readdirSync(examples).filter((f) => f.endsWith('.yaml'));

async function exampleModel(file: string): Promise<TenderDocument> {
  const result = outcome(await buildTenderModel(join(examples, file), reader));
  expect(result.errors).toEqual([]);
  expect(result.warnings).toEqual([]);
  expect(result.document).toBeDefined();
  return result.document as TenderDocument;
}

/** The example as the generator reads it, includes merged (several take the buyer from a shared file). */
async function exampleSpec(file: string): Promise<ExampleSpec> {
  const loaded = await loadSpec(join(examples, file), reader);
  if (!loaded.ok)
    throw new Error(`${file} does not load: ${loaded.issues.map((issue) => issue.message).join('; ')}`);
  return loaded.value.value as ExampleSpec;
}

interface ExampleSpec {
  readonly tender: {
    readonly title: string;
    readonly reference: string;
    readonly procedure: keyof typeof PROCEDURE_SUMMARIES;
    readonly authority: { readonly name: string };
  };
  readonly timetable: readonly { readonly kind: string; readonly date: string }[];
}

it('every example has its expectations written down', () => {
  expect(Object.keys(EXPECTED).sort()).toEqual([...exampleFiles].sort());
});

describe.each(exampleFiles)('example %s', (file) => {
  const expected = EXPECTED[file] as (typeof EXPECTED)[string];
  it('validates with no errors or warnings and has its sections in order, numbered 1, 2 … then A, B', async () => {
    const doc = await exampleModel(file);
    expect(doc.sections.map((s) => s.title)).toEqual([
      ...LEADING_SECTIONS,
      ...expected.topics,
      ...APPENDICES,
    ]);
    const body = doc.sections.length - APPENDICES.length;
    expect(doc.sections.map((s) => s.number)).toEqual([
      ...Array.from({ length: body }, (_, i) => String(i + 1)),
      'A',
      'B',
    ]);
  });

  it('numbers clauses within their section, anchors them by id, and orders them as the catalogue does', async () => {
    const doc = await exampleModel(file);
    const clauses = doc.sections.flatMap((s) => s.clauses);
    expect(clauses).toHaveLength(expected.clauses);
    expect(new Set(clauses.map((c) => c.clauseId)).size).toBe(clauses.length);
    const topicOrder = catalog.topics().map((t) => t.id);
    for (const section of doc.sections) {
      section.clauses.forEach((clause, i) => {
        expect(clause.number).toBe(`${section.number}.${i + 1}`);
        expect(clause.anchor).toBe(clauseAnchor(clause.clauseId));
        const source = catalog.get(clause.clauseId, clause.version);
        expect(source?.version).toBe(clause.version);
        if (section.kind === 'instructions') expect(source?.part).toBe('instructions');
        if (section.kind === 'terms') {
          expect(source?.part).toBe('terms');
          expect(section.anchor).toBe(`section-${source?.topic}`);
        }
        const previous = section.clauses[i - 1];
        if (previous) {
          const before = catalog.get(previous.clauseId, previous.version);
          const key = (c: typeof source) => [topicOrder.indexOf(c?.topic ?? ''), c?.order ?? 0] as const;
          const [topicA, orderA] = key(before);
          const [topicB, orderB] = key(source);
          expect(topicA < topicB || (topicA === topicB && orderA <= orderB)).toBe(true);
        }
      });
    }
  });

  it('has a manifest listing every clause once, in document order, at the newest version of the library', async () => {
    const [doc, spec] = [await exampleModel(file), await exampleSpec(file)];
    const clauses = doc.sections.flatMap((s) => s.clauses);
    expect(doc.manifest.clauses.map((m) => [m.id, m.number, m.version])).toEqual(
      clauses.map((c) => [c.clauseId, c.number, c.version]),
    );
    for (const entry of doc.manifest.clauses) {
      expect(entry.version).toBe(catalog.get(entry.id)?.version);
      expect(entry.hash).toBe(catalog.get(entry.id)?.hash);
      expect(entry.reasons.length).toBeGreaterThan(0);
    }
    expect(doc.manifest.clausesPackageVersion).toBe(catalog.packageVersion);
    expect(doc.manifest.specReference).toBe(spec.tender.reference);
  });

  it('puts the title, buyer, reference, procedure, value and key dates on the cover', async () => {
    const [doc, spec] = [await exampleModel(file), await exampleSpec(file)];
    const { cover } = doc;
    expect(cover.title).toBe(spec.tender.title);
    expect(cover.authority).toBe(spec.tender.authority.name);
    expect(cover.reference).toBe(spec.tender.reference);
    expect(cover.procedure).toBe(PROCEDURE_SUMMARIES[spec.tender.procedure].short);
    const fact = (label: string) => cover.facts.find((f) => f.label === label)?.value;
    expect(fact('Contracting authority')).toBe(spec.tender.authority.name);
    expect(fact('Reference')).toBe(spec.tender.reference);
    expect(fact('Estimated value')).toBe(expected.value);
    const [table] = cover.blocks;
    expect(table?.type).toBe('table');
    if (table?.type !== 'table') return;
    expect(table.table.caption).toBe('Key dates');
    const rows = table.table.rows.map((row) => row.map((cell) => cell.map((inline) => inline.text).join('')));
    expect(rows).toEqual(expected.keyDates.map((row) => [...row]));
    // Each date carries the spec's ISO date, for HTML's <time>.
    const specDates = new Set(spec.timetable.map((m) => m.date));
    for (const row of table.table.rows) {
      const date = row[1]?.[0];
      expect(date?.type === 'text' && date.datetime !== undefined && specDates.has(date.datetime)).toBe(true);
    }
  });

  it('gives byte-identical .docx, HTML and Markdown from two builds', async () => {
    const [first, second] = [await exampleModel(file), await exampleModel(file)];
    expect(Buffer.from(await renderDocx(second)).equals(Buffer.from(await renderDocx(first)))).toBe(true);
    expect(renderHtml(second)).toBe(renderHtml(first));
    expect(renderMarkdown(second)).toBe(renderMarkdown(first));
  });

  it('reads without a doubled word where a built-in value meets clause wording ("using the the open procedure")', async () => {
    const text = renderMarkdown(await exampleModel(file));
    expect(text.match(/\b(the|a|an|of|to|and|in|for|by|is|be)\s+\1\b/gi) ?? []).toEqual([]);
  });
});

describe('broken examples', () => {
  const broken = join(examples, 'broken');
  it.each(readdirSync(broken).filter((f) => f.endsWith('.yaml')))(
    '%s fails with the error its first line names',
    async (file) => {
      const text = readFileSync(join(broken, file), 'utf8');
      const expected = /^# expect: ([A-Z_]+)/.exec(text)?.[1];
      const result = outcome(await buildTenderModel(join(broken, file), reader));
      expect(result.document).toBeUndefined();
      expect(result.errors.map((e) => e.code)).toContain(expected);
    },
  );
});

describe('JSON Schema', () => {
  it('is committed and matches the zod schema (regenerate with npm run schema -w @loti/tender-generator)', () => {
    const committed = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'schema.json'), 'utf8'));
    expect(committed).toEqual(tenderSpecJsonSchema());
  });
});
