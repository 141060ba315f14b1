import { describe, expect, it } from 'vitest';
import type { DocBlock, DocInline, TenderDocument } from '../src/model/types.js';
import { baseSpec, buildModel, buildSpec, describeIssues, type LooseSpec } from './helpers.js';

const model = (mutate?: (spec: LooseSpec) => void) => buildModel(mutate);

const inlineText = (content: readonly DocInline[]) => content.map((i) => i.text).join('');
function blockText(block: DocBlock): string[] {
  switch (block.type) {
    case 'paragraph':
      return [inlineText(block.content)];
    case 'numbered':
      return [inlineText(block.content), ...block.children.flatMap(blockText)];
    case 'bullets':
      return block.items.flatMap((item) => item.flatMap(blockText));
    case 'table':
      return [
        block.table.caption,
        ...block.table.columns.map((c) => c.header),
        ...block.table.rows.flatMap((row) => row.map(inlineText)),
      ];
    case 'note':
      return [block.title, ...block.blocks.flatMap(blockText)];
    case 'definition':
      return [`${block.term} means ${inlineText(block.content)}`];
  }
}
/** Everything a Bidder reads: cover, section and clause titles, and every block. */
function documentText(doc: TenderDocument): string {
  return [
    doc.cover.procedure,
    ...doc.cover.facts.map((f) => `${f.label}: ${f.value}`),
    ...doc.sections.flatMap((s) => [
      s.title,
      ...s.blocks.flatMap(blockText),
      ...s.clauses.flatMap((c) => [c.title, ...c.blocks.flatMap(blockText)]),
    ]),
  ].join('\n');
}
const ids = (doc: TenderDocument) => doc.manifest.clauses.map((c) => c.id);

describe('wording chosen by procedure', () => {
  it('gives a call-off its framework, no tender notice, no conditions of participation and a voluntary standstill', async () => {
    const doc = await model((s) => {
      s.tender.procedure = 'framework-competition';
      s.tender.framework = { name: 'London Digital Services', reference: 'LDSF-2026', lot: '2' };
    });
    const text = documentText(doc);
    expect(ids(doc)).toEqual(
      expect.arrayContaining([
        'procurement/about-this-call-off',
        'procurement/framework-eligibility',
        'procurement/award-call-off',
      ]),
    );
    for (const id of [
      'procurement/about-this-procurement',
      'procurement/conditions-of-participation',
      'procurement/award-and-standstill',
    ])
      expect(ids(doc)).not.toContain(id);
    expect(text).toContain(
      'from suppliers appointed to the London Digital Services framework (LDSF-2026), lot 2.',
    );
    expect(text).toContain('section 46 of the Procurement Act 2023');
    expect(text).toContain('It has not published a tender notice');
    expect(text).toContain('voluntary standstill period of 8 working days');
    expect(text).not.toMatch(/published a tender notice for this procurement/);
    expect(text).not.toMatch(
      /standstill period of 8 working days, beginning on the day the notice is published/,
    );
    expect(doc.cover.procedure).toBe('Call-off under a framework');
    expect(doc.manifest.clauses.find((c) => c.id === 'procurement/award-call-off')?.reasons).toEqual([
      { kind: 'procedure', procedure: 'framework-competition' },
    ]);
  });

  it('gives a call-off in lots no conditions of participation per lot and no consortium the framework does not allow', async () => {
    const doc = await model((s) => {
      s.tender.procedure = 'framework-competition';
      s.tender.framework = { name: 'London Digital Services', reference: 'LDSF-2026' };
      s.tender.lots = [
        { id: 'L1', title: 'Kiosks', description: 'Self-service kiosks in libraries.' },
        { id: 'L2', title: 'Room booking', description: 'A hosted room booking system.' },
      ];
    });
    expect(ids(doc)).toEqual(expect.arrayContaining(['procurement/lots', 'innovation/lots-for-smes']));
    const text = documentText(doc);
    expect(text).toContain('meet any requirements that these documents set for Bidders for that lot');
    expect(text).not.toMatch(/conditions of participation|suitability checks/);
    expect(text).toContain('or as a consortium where the rules of this procurement allow one');
    expect(text).not.toContain('bid as a consortium or with sub-contractors');
  });

  it('gives a below-threshold contract Part 6 wording: no "below-threshold procedure", no shortlist, no mandatory standstill', async () => {
    const doc = await model((s) => {
      s.tender.procedure = 'below-threshold';
      s.tender.estimatedValue = { amount: 90000 };
    });
    const text = documentText(doc);
    expect(text).not.toMatch(/below-threshold procedure/i);
    expect(text).toContain('Part 6 of the Act applies');
    expect(text).toContain('The Council will not shortlist suppliers before Tenders arrive.');
    expect(text).not.toMatch(/assessment summary/);
    expect(text).not.toMatch(/standstill period of 8 working days/);
    expect(ids(doc)).toEqual(
      expect.arrayContaining([
        'procurement/suitability-below-threshold',
        'procurement/award-below-threshold',
      ]),
    );
    expect(ids(doc)).not.toContain('procurement/conditions-of-participation');
  });

  it('keeps the open procedure one stage and lets a competitive flexible procedure revise Tenders in its stages', async () => {
    const open = documentText(await model());
    expect(open).toContain('The open procedure has a single stage.');
    expect(open).toContain('standstill period of 8 working days');
    const flexible = await model((s) => {
      s.tender.procedure = 'competitive-flexible';
      s.tender.stages = [
        { name: 'Initial tenders', description: 'Bidders submit initial Tenders.' },
        { name: 'Negotiation', description: 'The Authority negotiates with the three best.' },
        { name: 'Final tenders', description: 'Bidders submit final Tenders.' },
      ];
    });
    const text = documentText(flexible);
    expect(text).toContain(
      'The procedure has 3 stages, in this order: initial tenders, negotiation and final tenders.',
    );
    expect(text).toContain('when a later stage of the procedure invites revised Tenders');
    expect(text).not.toContain('After the deadline, it may not change its Tender unless');
    const timetable = flexible.sections.find((s) => s.kind === 'timetable');
    expect(timetable?.blocks.flatMap(blockText)).toEqual(
      expect.arrayContaining([
        'Stages of the procedure',
        'Negotiation',
        'The Council negotiates with the three best.',
      ]),
    );
  });

  it('states the spec’s price method in the clause and the evaluation section alike', async () => {
    const method = 'Price is scored by the median method described in the pricing schedule.';
    const doc = await model((s) => {
      s.evaluation.priceMethod = method;
    });
    const text = documentText(doc);
    expect(text).toContain(`The Council will score price as follows. ${method}`);
    expect(text).toContain(`How price is scored: ${method}`);
    expect(text).not.toContain('multiplied by the lowest price');
  });
});

describe('one voice', () => {
  it('uses the short name as the one defined term: no "the Authority" anywhere, and "Council means"', async () => {
    const doc = await model((s) => {
      s.tender.facts = { hostedBySupplier: true, processesPersonalData: true };
      s.variables = {
        processingPurpose: 'running the library system',
        personalDataTypes: 'names and loans',
        dataSubjectCategories: 'library members',
      };
    });
    const text = documentText(doc);
    expect(text).not.toMatch(/\bthe Authority\b/i);
    expect(text).toContain('London Borough of Example (the Council) invites Tenders');
    expect(text).toMatch(/^Council means London Borough of Example/m);
    expect(text).not.toMatch(/^Authority means/m);
    // Longer defined terms and other bodies keep their names.
    expect(text).toMatch(/^Authority Data means/m);
    expect(text).toContain('the Competition and Markets Authority');
  });

  it('uses a short name without "the" as written', async () => {
    const doc = await model((s) => {
      s.tender.authority.shortName = 'Example Council';
    });
    const text = documentText(doc);
    expect(text).toContain('London Borough of Example (Example Council) invites Tenders');
    expect(text).toContain('Example Council will award the Contract to the most advantageous tender.');
    expect(text).not.toMatch(/\bthe Authority\b/i);
  });

  it('puts definitions before the wording that uses them, and capitalises a reference that starts a sentence', async () => {
    const doc = await model();
    expect(doc.sections.map((s) => s.kind).slice(0, 2)).toEqual(['introduction', 'definitions']);
    const refs = doc.sections
      .flatMap((s) => s.clauses)
      .flatMap((c) => c.blocks)
      .flatMap(function inlines(block: DocBlock): DocInline[] {
        return block.type === 'paragraph'
          ? [...block.content]
          : block.type === 'numbered'
            ? [...block.content, ...block.children.flatMap(inlines)]
            : [];
      });
    for (const [index, inline] of refs.entries()) {
      if (inline.type !== 'ref') continue;
      const before = refs[index - 1];
      const startsSentence = before?.type === 'text' && /[.!?]\s+$/.test(before.text);
      expect(inline.text.startsWith(startsSentence ? 'Clause ' : 'clause ')).toBe(true);
    }
  });

  it('keeps the reasons for leaving clauses out away from Bidders, and shows them to officers as a note', async () => {
    const exclude = (s: LooseSpec) => {
      s.clauses = {
        exclude: [{ id: 'procurement/bidder-conduct', reason: 'Internal: the portal covers conduct.' }],
      };
    };
    const issued = await model(exclude);
    expect(documentText(issued)).not.toContain('Internal: the portal covers conduct.');
    expect(issued.manifest.excluded).toEqual([
      { id: 'procurement/bidder-conduct', reason: 'Internal: the portal covers conduct.' },
    ]);
    const draft = await model((s) => {
      exclude(s);
      s.document.guidanceNotes = true;
    });
    expect(documentText(draft)).toContain('Internal: the portal covers conduct.');
  });
});

describe('wording for another procedure', () => {
  const callOff = (spec: LooseSpec) => {
    spec.tender.procedure = 'framework-competition';
    spec.tender.framework = { name: 'London Digital Services', reference: 'LDSF-2026', lot: '2' };
  };

  it('refuses an explicit include that would state the wrong procedure, at its line', async () => {
    const spec: LooseSpec = baseSpec();
    spec.tender.estimatedValue = { amount: 250000 };
    spec.tender.contract = { lengthMonths: 24 };
    callOff(spec);
    spec.clauses = { include: ['data-access/export-on-request', 'procurement/award-and-standstill'] };
    const result = await buildSpec(spec);
    expect(result.document).toBeUndefined();
    const issue = result.errors.find((candidate) => candidate.code === 'CLAUSE_NOT_FOR_PROCEDURE');
    expect(describeIssues(issue ? [issue] : [])).toEqual([
      expect.stringMatching(
        /^CLAUSE_NOT_FOR_PROCEDURE \/specs\/tender\.yaml:\d+:\d+ procurement\/award-and-standstill is written for the open procedure or competitive flexible procedure, but this tender uses the competitive selection process under a framework\./,
      ),
    ]);
    expect(issue?.field).toBe('clauses.include[1]');
  });

  it('leaves out the clauses of a profile that are for other procedures, and says why in the manifest', async () => {
    const profile = 'public-contract-management';
    const callOffDoc = await model((spec) => {
      callOff(spec);
      spec.clauses = { profiles: [profile] };
    });
    const openDoc = await model((spec) => {
      spec.clauses = { profiles: [profile] };
    });
    expect(ids(openDoc)).toContain('contract-management/key-performance-indicators');
    expect(ids(callOffDoc)).not.toContain('contract-management/key-performance-indicators');
    expect(callOffDoc.manifest.excluded).toContainEqual({
      id: 'contract-management/key-performance-indicators',
      reason: `In profile ${profile}, but written for the open procedure or competitive flexible procedure.`,
    });
    // The open tender's manifest lists only what the officer excluded.
    expect(openDoc.manifest.excluded).toEqual([]);
  });

  it("leaves out a profile's clauses that need a key fact the spec sets to false", async () => {
    const doc = await model((spec) => {
      spec.tender.facts = { connectedDevices: true, processesPersonalData: false };
      spec.clauses = { profiles: ['connected-places'] };
    });
    expect(ids(doc)).toContain('connected-places/monitoring');
    expect(ids(doc)).not.toContain('data-protection/processor-obligations');
    expect(doc.manifest.excluded).toContainEqual({
      id: 'data-protection/processor-obligations',
      reason: 'In profile connected-places, but the spec sets processesPersonalData: false.',
    });
  });
});
