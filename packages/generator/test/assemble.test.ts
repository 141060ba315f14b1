import { parseClauseMarkdown } from '@loti/clauses/compile';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { singularUnit, toDocInlines } from '../src/assemble/content.js';
import {
  assembleTender,
  buildTenderModel,
  inMemoryReader,
  issuesOf,
  loadSpec,
  validateSpec,
} from '../src/index.js';
import type { DocBlock, DocClause, TenderDocument } from '../src/model/types.js';
import { baseSpec, buildModel, buildSpec, type LooseSpec } from './helpers.js';

// Tests write specs field by field, as an officer would; validation then checks them.
const model = (mutate?: (spec: LooseSpec) => void) => buildModel(mutate);

const clauses = (doc: TenderDocument): DocClause[] => doc.sections.flatMap((s) => s.clauses);
const byId = (doc: TenderDocument, id: string) => clauses(doc).find((c) => c.clauseId === id);
const reasons = (doc: TenderDocument, id: string) => doc.manifest.clauses.find((c) => c.id === id)?.reasons;

describe('clause selection', () => {
  it('includes the standard sections for every tender and nothing fact-driven without facts', async () => {
    const doc = await model();
    expect(reasons(doc, 'procurement/clarification-questions')).toEqual([{ kind: 'always' }]);
    expect(byId(doc, 'connected-places/monitoring')).toBeUndefined();
  });

  it('includes clauses whose appliesWhen holds for the key facts, recording which facts', async () => {
    const doc = await model((s) => {
      s.tender.facts = { connectedDevices: true };
    });
    expect(reasons(doc, 'connected-places/monitoring')).toEqual([
      { kind: 'fact', facts: ['connectedDevices'] },
    ]);
    expect(byId(doc, 'data-protection/breach-notification')).toBeUndefined();
  });

  it('includes profiles and explicit clauses, and keeps exclusions with their reasons', async () => {
    const doc = await model((s) => {
      s.clauses = {
        profiles: ['open-data-platform'],
        include: ['innovation/preliminary-market-engagement'],
        exclude: [{ id: 'exit/knowledge-transfer', reason: 'Covered by the specification.' }],
      };
      s.variables = {
        engagementActivities: 'a supplier day on 1 December 2026',
        engagementChanges: 'we split the work into two lots',
        datasets: 'all readings',
      };
    });
    expect(reasons(doc, 'open-standards/london-datastore-publishing')).toEqual([
      { kind: 'profile', profile: 'open-data-platform' },
    ]);
    expect(reasons(doc, 'innovation/preliminary-market-engagement')).toEqual([{ kind: 'explicit' }]);
    expect(byId(doc, 'exit/knowledge-transfer')).toBeUndefined();
    expect(doc.manifest.excluded).toEqual([
      { id: 'exit/knowledge-transfer', reason: 'Covered by the specification.' },
    ]);
  });

  it('pulls in clauses that included wording cross-references', async () => {
    const doc = await model((s) => {
      s.clauses = { include: ['data-access/export-on-request'] };
    });
    expect(reasons(doc, 'apis/documented-apis')).toEqual([
      { kind: 'dependency', from: 'data-access/export-on-request' },
    ]);
  });

  it('pins versions with ranges and records exact versions and hashes', async () => {
    const doc = await model((s) => {
      s.clauses = { include: ['data-access/export-on-request@^1.0'] };
    });
    const entry = doc.manifest.clauses.find((c) => c.id === 'data-access/export-on-request');
    expect(entry?.version).toMatch(/^1\.\d+\.\d+$/);
    expect(entry?.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe('numbering and cross-references', () => {
  it('numbers sections, clauses and sub-clauses legally and restarts per section', async () => {
    const doc = await model((s) => {
      s.clauses = { include: ['data-access/export-on-request'] };
    });
    const numbers = doc.sections.map((s) => s.number);
    expect(numbers.slice(0, 3)).toEqual(['1', '2', '3']);
    expect(numbers.slice(-2)).toEqual(['A', 'B']);
    for (const section of doc.sections) {
      for (const [i, clause] of section.clauses.entries())
        expect(clause.number).toBe(`${section.number}.${i + 1}`);
    }
    const exportClause = byId(doc, 'data-access/export-on-request') as DocClause;
    const numbered = exportClause.blocks.filter(
      (b): b is Extract<DocBlock, { type: 'numbered' }> => b.type === 'numbered',
    );
    expect(numbered.map((b) => b.number)).toEqual([1, 2, 3, 4].map((n) => `${exportClause.number}.${n}`));
  });

  it('renders cross-references as the target clause number and keeps them right when clauses change', async () => {
    const refText = (doc: TenderDocument) => {
      const exportClause = byId(doc, 'data-access/export-on-request') as DocClause;
      const json = JSON.stringify(exportClause.blocks);
      return /"type":"ref","anchor":"([^"]+)","text":"([^"]+)"/.exec(json)?.slice(1);
    };
    const small = await model((s) => {
      s.clauses = { include: ['data-access/export-on-request'] };
    });
    const larger = await model((s) => {
      s.clauses = { include: ['data-access/export-on-request', 'apis/delta-extracts'] };
      s.requirements = [
        { id: 'R1', text: 'A new section before the terms moves every clause number.', priority: 'must' },
      ];
    });
    for (const doc of [small, larger]) {
      const [anchor, text] = refText(doc) ?? [];
      const target = byId(doc, 'apis/documented-apis') as DocClause;
      expect(anchor).toBe(target.anchor);
      expect(text).toBe(`clause ${target.number}`);
    }
    expect(refText(small)?.[1]).not.toBe(refText(larger)?.[1]);
  });

  it('builds the definitions section from the terms the wording uses, including plurals', async () => {
    const doc = await model((s) => {
      s.clauses = { include: ['data-access/export-on-request'] };
    });
    const definitions = doc.sections.find((s) => s.kind === 'definitions');
    const terms = definitions?.blocks.flatMap((b) => (b.type === 'definition' ? [b.term] : []));
    expect(terms).toContain('Authority Data');
    expect(terms).toContain('Working Day');
    expect(terms).toContain('Open Format');
    expect(terms).not.toContain('Connected Device');
  });
});

describe('values and text', () => {
  it('substitutes variables as text, never markup, and prints placeholders in values literally', async () => {
    const doc = await model((s) => {
      s.tender.title = 'Data {{authority.name}} *platform* <b>';
      s.clauses = { include: [{ id: 'data-access/export-on-request', variables: { exportDays: 3 } }] };
    });
    expect(doc.meta.title).toBe('Data {{authority.name}} *platform* <b>');
    expect(JSON.stringify(byId(doc, 'data-access/export-on-request'))).toContain('within 3 Working Days');
  });

  it('makes the unit after a value of 1 singular ("within 1 Working Day", "1 month\'s notice")', async () => {
    const doc = await model((s) => {
      s.clauses = {
        include: [
          { id: 'data-access/export-on-request', variables: { exportDays: 1 } },
          { id: 'apis/api-versioning-and-deprecation', variables: { deprecationNoticeMonths: 1 } },
        ],
      };
    });
    const text = JSON.stringify(doc.sections);
    expect(text).toContain('within 1 Working Day of the request');
    expect(text).toContain('at least 1 month before');
    expect(text).not.toMatch(/\b1 (minutes|hours|days|Working Days|weeks|months|years)\b/);
    // Across emphasis: the value bold, or the unit in italics.
    const values = new Map([['n', '1']]);
    const inlines = (markdown: string) => {
      const [block] = parseClauseMarkdown(markdown).blocks;
      return block?.type === 'paragraph' ? block.children : [];
    };
    const plain = (markdown: string) =>
      toDocInlines(inlines(markdown), { values, targets: new Map() })
        .map((inline) => inline.text)
        .join('');
    expect(plain('within **{{n}}** days')).toBe('within 1 day');
    expect(plain('within {{n}} *days*')).toBe('within 1 day');
    expect(plain('{{n}} [days](https://example.org) and 2 days')).toBe('1 days and 2 days');
    expect(singularUnit(" months' notice")).toBe(" month's notice");
    expect(singularUnit(' Working Days.')).toBe(' Working Day.');
    expect(singularUnit(' daysmith')).toBe(' daysmith');
    expect(singularUnit(' months’ notice')).toBe(' month’s notice');
    expect(singularUnit(' lots.')).toBe(' lot.');
  });

  it('gives a sub-criterion weight as a share of its parent, by name, and of the whole', async () => {
    const doc = await model((s) => {
      s.evaluation = {
        criteria: [
          {
            name: 'Quality',
            weight: 60,
            subcriteria: [
              { name: 'Meeting the requirements', weight: 40 },
              { name: 'Exit', weight: 60 },
            ],
          },
          { name: 'Price', weight: 40 },
        ],
      };
    });
    const text = JSON.stringify(doc.sections);
    expect(text).toContain('40% of Quality (24% overall)');
    expect(text).toContain('60% of Quality (36% overall)');
  });

  it('takes a variable from its built-in (the lots listed) before its default, and the spec overrides both', async () => {
    const lotsClause = async (mutate: (s: LooseSpec) => void) =>
      JSON.stringify(
        byId(
          await model((s) => {
            s.clauses = { include: ['procurement/lots'] };
            mutate(s);
          }),
          'procurement/lots',
        ),
      );
    const listed = [
      { id: 1, title: 'Software' },
      { id: 2, title: 'Hardware' },
      { id: 3, title: 'Support' },
    ];
    expect(await lotsClause((s) => Object.assign(s.tender, { lots: listed }))).toContain(
      'divided into 3 lots',
    );
    expect(await lotsClause(() => {})).toContain('divided into 2 lots');
    expect(
      await lotsClause((s) => {
        s.tender.lots = listed;
        s.variables = { lotCount: 4 };
      }),
    ).toContain('divided into 4 lots');
  });

  it('names the joint authorities and the lead authority from tender.jointProcurement', async () => {
    const doc = await model((s) => {
      s.tender.facts = { jointProcurement: true };
      s.tender.jointProcurement = {
        parties: ['London Borough of Example', 'London Borough of Sample', 'Royal Borough of Test'],
      };
    });
    const joint = JSON.stringify(byId(doc, 'procurement/joint-procurement'));
    expect(joint).toContain(
      'The Joint Authorities are: London Borough of Example, London Borough of Sample and Royal Borough of Test.',
    );
    // The lead authority defaults to the authority running the tender.
    expect(joint).toContain('The lead authority, London Borough of Example, runs the procurement');
    expect(JSON.stringify(byId(doc, 'contract-management/joint-contract-governance'))).toContain(
      'each of the Joint Authorities: London Borough of Example, London Borough of Sample and Royal Borough of Test.',
    );
  });

  it('says what to add when the joint procurement fact is set but no parties are listed', async () => {
    const spec: LooseSpec = baseSpec();
    spec.tender.facts = { jointProcurement: true };
    const result = await buildSpec(spec);
    const messages = result.errors.map((e) => e.message).join('\n');
    expect(messages).toContain('tender.jointParties');
    expect(messages).toContain('tender.jointProcurement.parties');
  });

  it("names the Authority's standard terms from the spec, or falls back to the default wording", async () => {
    const terms = async (standardTerms?: { title: string; url?: string }) =>
      JSON.stringify(
        byId(
          await model((s) => {
            if (standardTerms) s.tender.authority.standardTerms = standardTerms;
          }),
          'contract-management/authority-standard-terms',
        ),
      );
    expect(
      await terms({ title: 'Example Terms for Services (2027)', url: 'https://example.gov.uk/terms' }),
    ).toContain(
      'The Contract includes the Standard Terms: Example Terms for Services (2027), published at https://example.gov.uk/terms.',
    );
    expect(await terms({ title: 'Example Terms for Services (2027)' })).toContain(
      'The Contract includes the Standard Terms: Example Terms for Services (2027).',
    );
    expect(await terms()).toContain('The Contract includes the Standard Terms: the Council');
  });

  it('records the procedure when a clause is included because of its procedure condition', async () => {
    const doc = await model();
    expect(reasons(doc, 'procurement/exclusion-grounds')).toEqual([{ kind: 'procedure', procedure: 'open' }]);
    const below = await model((s) => {
      s.tender.procedure = 'below-threshold';
      s.tender.estimatedValue = { amount: 90000 };
    });
    expect(byId(below, 'procurement/exclusion-grounds')).toBeUndefined();
    expect(reasons(below, 'contract-management/insurance')).toEqual([
      { kind: 'procedure', procedure: 'below-threshold' },
    ]);
  });

  it('turns tabs and newlines in single-line fields into spaces', async () => {
    const doc = await model((s) => {
      s.tender.title = 'Line one\nline\ttwo';
    });
    expect(doc.cover.title).toBe('Line one line two');
  });

  it('is deterministic: the same inputs give a deep-equal model', async () => {
    const make = () =>
      model((s) => {
        s.tender.facts = { connectedDevices: true, processesPersonalData: true, publicFacingService: true };
        s.variables = { processingPurpose: 'p', personalDataTypes: 't', dataSubjectCategories: 'c' };
      });
    const [a, b] = [await make(), await make()];
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});

describe('assembleTender as a stage of its own', () => {
  async function stages(spec: LooseSpec) {
    const reader = inMemoryReader({ '/specs/tender.yaml': stringify(spec) });
    const loaded = await loadSpec('/specs/tender.yaml', reader);
    if (!loaded.ok) throw new Error('the spec does not load');
    const validated = validateSpec(loaded.value);
    if (!validated.ok) throw new Error('the spec does not validate');
    return { reader, loaded: loaded.value, spec: validated.value };
  }

  it('returns a Result whose document, with the defaults, is the one buildTenderModel gives', async () => {
    const base: LooseSpec = baseSpec();
    base.tender.estimatedValue = { amount: 250000 };
    base.tender.contract = { lengthMonths: 24 };
    const { reader, loaded, spec } = await stages(base);
    const assembled = assembleTender(spec, loaded);
    const built = await buildTenderModel('/specs/tender.yaml', reader);
    if (!assembled.ok || !built.ok)
      throw new Error(
        `the base spec must build: ${[...issuesOf(assembled), ...issuesOf(built)].map((i) => i.code)}`,
      );
    // The manifest names this generator and hashes the spec's source, as a build does.
    expect(assembled.value.manifest.specHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(assembled.value).toEqual(built.value.document);
  });

  it('fails with every issue, errors and warnings, when a rule finds an error', async () => {
    const spec: LooseSpec = baseSpec();
    spec.tender.procedure = 'below-threshold';
    spec.tender.estimatedValue = { amount: 5_000_000 };
    spec.tender.contract = { lengthMonths: 24 };
    const parts = await stages(spec);
    const assembled = assembleTender(parts.spec, parts.loaded);
    expect(assembled.ok).toBe(false);
    if (assembled.ok) return;
    expect(assembled.issues.map((issue) => issue.code)).toContain('THRESHOLD_EXCEEDED');
  });
});
