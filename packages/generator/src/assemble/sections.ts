import type { ClauseCatalog } from '@loti/clauses';
import type { DocBlock, DocInline, DocSection, DocTable, ManifestEntry } from '../model/types.js';
import { lotKey, lotLabel } from '../rules/lots.js';
import { type Criterion, MILESTONE_KINDS, PROCEDURE_SUMMARIES, type TenderSpec } from '../spec/schema.js';
import { formatDate, formatMoney } from '../text/format.js';
import { markdownToDocBlocks, plain, toDocInlines } from './content.js';
import { STANDARD_PRICE_METHOD } from './variables.js';

type Part = Omit<DocSection, 'number' | 'anchor'> & { anchor?: string };

const paragraph = (text: string): DocBlock => ({ type: 'paragraph', content: plain(text) });
const table = (caption: string, columns: DocTable['columns'], rows: string[][]): DocBlock => ({
  type: 'table',
  table: { caption, columns, rows: rows.map((row) => row.map((cell) => plain(cell))) },
});

export function introductionSection(
  spec: TenderSpec,
  facts: { label: string; value: string }[],
  definitionsNumber?: string,
): Part {
  const { tender } = spec;
  const blocks: DocBlock[] = [
    paragraph(
      `${tender.authority.name} (the Authority) invites Tenders for ${tender.title}. This document explains what the Authority wants to buy, how it will run the procurement and evaluate Tenders, and the terms the Supplier will work under.${definitionsNumber ? ` Words with capital letters, such as Tender and Bidder, have the meanings in section ${definitionsNumber}.` : ''}`,
    ),
    table(
      'Summary of the opportunity',
      [
        { header: 'Item', width: 35 },
        { header: 'Detail', width: 65 },
      ],
      facts.map((fact) => [fact.label, fact.value]),
    ),
  ];
  if (tender.background) {
    blocks.push({ type: 'paragraph', content: [{ type: 'text', text: 'Background', bold: true }] });
    blocks.push(...markdownToDocBlocks(tender.background).blocks);
  }
  if (tender.lots?.length) blocks.push(...lotBlocks(spec));
  return { kind: 'introduction', title: 'Introduction and background', blocks, clauses: [] };
}

/** The lots: a sentence, a table of id, title, value and description, and any conditions that differ per lot. */
function lotBlocks(spec: TenderSpec): DocBlock[] {
  const lots = spec.tender.lots ?? [];
  const currency = spec.tender.estimatedValue?.currency ?? 'GBP';
  const valued = lots.some((lot) => lot.value !== undefined);
  const blocks: DocBlock[] = [
    paragraph(
      lots.length === 1
        ? 'The procurement has one lot.'
        : `The procurement is divided into ${lots.length} lots. Bidders may bid for one or more lots unless the instructions say otherwise.`,
    ),
    table(
      'Lots',
      valued
        ? [
            { header: 'Lot', width: 10 },
            { header: 'Title', width: 27 },
            { header: 'Estimated value', width: 18 },
            { header: 'Description', width: 45 },
          ]
        : [
            { header: 'Lot', width: 12 },
            { header: 'Title', width: 33 },
            { header: 'Description', width: 55 },
          ],
      lots.map((lot) => [
        lotKey(lot.id),
        lot.title,
        ...(valued ? [lot.value === undefined ? '' : formatMoney(lot.value, currency)] : []),
        lot.description ?? '',
      ]),
    ),
  ];
  const conditions = lots.flatMap((lot) =>
    (lot.conditions ?? []).map((c) => [lotLabel(lot.id), c.condition, c.requirement]),
  );
  if (conditions.length > 0) {
    blocks.push(
      paragraph(
        'The conditions of participation differ by lot. A Bidder must meet the conditions for each lot it bids for:',
      ),
      table(
        'Conditions of participation by lot',
        [
          { header: 'Lot', width: 14 },
          { header: 'Condition', width: 36 },
          { header: 'Minimum requirement', width: 50 },
        ],
        conditions,
      ),
    );
  }
  return blocks;
}

export function timetableSection(spec: TenderSpec): Part | undefined {
  const stages = spec.tender.procedure === 'competitive-flexible' ? (spec.tender.stages ?? []) : [];
  if (spec.timetable.length === 0 && stages.length === 0) return undefined;
  const stageBlocks: DocBlock[] =
    stages.length > 0
      ? [
          paragraph('The procedure has these stages, in this order.'),
          table(
            'Stages of the procedure',
            [
              { header: 'Stage', width: 8 },
              { header: 'Name', width: 27 },
              { header: 'What happens and what Bidders submit', width: 65 },
            ],
            stages.map((stage, index) => [String(index + 1), stage.name, stage.description]),
          ),
        ]
      : [];
  if (spec.timetable.length === 0)
    return {
      kind: 'timetable',
      anchor: 'section-timetable',
      title: 'Timetable',
      blocks: stageBlocks,
      clauses: [],
    };
  return {
    kind: 'timetable',
    anchor: 'section-timetable',
    title: 'Timetable',
    blocks: [
      paragraph(
        'The Authority plans to run the procurement to this timetable. All times are UK time. The Authority may change the timetable; it will tell all Bidders if it does.',
      ),
      table(
        'Procurement timetable',
        [
          { header: 'Milestone', width: 50 },
          { header: 'Date', width: 30 },
          { header: 'Notes', width: 20 },
        ],
        spec.timetable.map((m) => [m.milestone ?? MILESTONE_KINDS[m.kind], formatDate(m.date), m.note ?? '']),
      ),
      ...stageBlocks,
    ],
    clauses: [],
  };
}

export function requirementsSection(spec: TenderSpec): Part | undefined {
  if (spec.requirements.length === 0) return undefined;
  const withLots = spec.requirements.some((r) => r.lot !== undefined);
  const withCategory = spec.requirements.some((r) => r.category?.trim());
  const priority = { must: 'Must', should: 'Should', could: 'Could' } as const;
  const counts = (['must', 'should', 'could'] as const).map(
    (p) => `${spec.requirements.filter((r) => r.priority === p).length} ${p}`,
  );
  // The requirement text takes what the optional columns leave.
  const priorityWidth = withLots || withCategory ? 14 : 18;
  const columns = [
    { header: 'ID', width: 12 },
    {
      header: 'Requirement',
      width: 100 - 12 - priorityWidth - (withCategory ? 18 : 0) - (withLots ? 14 : 0),
    },
    ...(withCategory ? [{ header: 'Category', width: 18 }] : []),
    { header: 'Priority', width: priorityWidth },
    ...(withLots ? [{ header: 'Lot', width: 14 }] : []),
  ];
  return {
    kind: 'requirements',
    anchor: 'section-requirements',
    title: 'Scope and requirements',
    blocks: [
      paragraph(
        `The Authority's requirements are listed below (${counts.join(', ')}). "Must" requirements are mandatory: a Tender that cannot meet one may be rejected. "Should" and "could" requirements are scored in the quality evaluation.`,
      ),
      table(
        'Requirements',
        columns,
        spec.requirements.map((r) => [
          r.id,
          r.text,
          ...(withCategory ? [r.category?.trim() ?? ''] : []),
          priority[r.priority],
          ...(withLots ? [r.lot === undefined ? 'All' : lotKey(r.lot)] : []),
        ]),
      ),
    ],
    clauses: [],
  };
}

export function evaluationSection(spec: TenderSpec): Part | undefined {
  const evaluation = spec.evaluation;
  if (!evaluation) return undefined;
  const rows: string[][] = [];
  const hasLots = (criteria: readonly Criterion[]): boolean =>
    criteria.some((c) => c.lots !== undefined || hasLots(c.subcriteria ?? []));
  const withLots = hasLots(evaluation.criteria);
  // A sub-criterion's weight names its parent: "40% of Quality (24% overall)".
  const walk = (
    criteria: readonly Criterion[],
    parent: { number: string; name: string } | undefined,
    parentShare: number,
  ) => {
    criteria.forEach((c, i) => {
      const number = parent ? `${parent.number}.${i + 1}` : String(i + 1);
      const share = (parentShare * c.weight) / 100;
      const weight = parent ? `${c.weight}% of ${parent.name} (${round(share)}% overall)` : `${c.weight}%`;
      const row = [number, c.name, weight, c.question ?? '', c.wordLimit ? `${c.wordLimit} words` : ''];
      if (withLots) row.push(c.lots ? c.lots.map(lotKey).join(', ') : 'All');
      rows.push(row);
      if (c.subcriteria) walk(c.subcriteria, { number, name: c.name }, share);
    });
  };
  walk(evaluation.criteria, undefined, 100);
  const blocks: DocBlock[] = [
    paragraph(
      'The Authority will award the Contract to the most advantageous tender, assessed against the criteria and weightings below. Weights at each level add up to 100%.',
    ),
    table(
      'Evaluation criteria and weightings',
      [
        { header: 'No.', width: 8 },
        { header: 'Criterion', width: 22 },
        { header: 'Weight', width: 18 },
        { header: 'Question', width: withLots ? 30 : 40 },
        { header: 'Limit', width: 12 },
        ...(withLots ? [{ header: 'Lots', width: 10 }] : []),
      ],
      rows,
    ),
  ];
  const scoresPrice = evaluation.criteria.some(
    (c) => c.kind === 'price' || /\bprice\b|\bcost\b/i.test(c.name),
  );
  if (evaluation.priceMethod || scoresPrice)
    blocks.push(paragraph(`How price is scored: ${evaluation.priceMethod?.trim() || STANDARD_PRICE_METHOD}`));
  return { kind: 'evaluation', anchor: 'section-evaluation', title: 'Evaluation', blocks, clauses: [] };
}

export function definitionsSection(
  catalog: ClauseCatalog,
  usedTerms: Set<string>,
  values: ReadonlyMap<string, string>,
): Part | undefined {
  const definitions = catalog.definitions();
  // A definition can use other defined terms: include those too.
  const pending = [...usedTerms];
  const included = new Set<string>();
  while (pending.length > 0) {
    const term = pending.pop() as string;
    if (included.has(term)) continue;
    included.add(term);
    const definition = definitions.find((d) => d.term === term);
    const text = definition?.text.map((node) => (node.type === 'text' ? node.value : '')).join('') ?? '';
    for (const other of definitions)
      if (!included.has(other.term) && new RegExp(`\\b${other.term}\\b`).test(text)) pending.push(other.term);
  }
  const blocks: DocBlock[] = definitions
    .filter((d) => included.has(d.term))
    .sort((a, b) => a.term.localeCompare(b.term))
    .map((d) => ({
      type: 'definition',
      term: d.term,
      content: toDocInlines(d.text, { values, targets: new Map() }),
    }));
  if (blocks.length === 0) return undefined;
  return {
    kind: 'definitions',
    anchor: 'section-definitions',
    title: 'Definitions and interpretation',
    blocks: [
      paragraph(
        'In this document, words with capital letters have the meanings below. Headings are for convenience only. "Including" means "including without limitation".',
      ),
      ...blocks,
    ],
    clauses: [],
  };
}

export function manifestAppendix(
  entries: readonly ManifestEntry[],
  excluded: readonly { id: string; reason: string }[],
  clausesVersion: string,
  showGuidance = false,
): Part {
  const reasonText = (entry: ManifestEntry) =>
    entry.reasons
      .map((r) =>
        r.kind === 'explicit'
          ? 'listed in the spec'
          : r.kind === 'profile'
            ? `profile ${r.profile}`
            : r.kind === 'fact'
              ? `key facts: ${r.facts.map((fact) => (r.implied?.includes(fact) ? `${fact} (implied by the lots listed)` : fact)).join(', ')}`
              : r.kind === 'procedure'
                ? `procedure: ${(PROCEDURE_SUMMARIES as Record<string, { short: string }>)[r.procedure]?.short.toLowerCase() ?? r.procedure}`
                : r.kind === 'always'
                  ? 'standard section'
                  : `referred to by ${r.from}`,
      )
      .join('; ');
  const blocks: DocBlock[] = [
    paragraph(
      `This tender uses the clauses below from the LOTI clause library (@loti/clauses ${clausesVersion}). Each is identified by id and version, with a hash of its exact wording, so anyone can check which wording the document contains.`,
    ),
    table(
      'Clauses in this document',
      [
        { header: 'Clause', width: 9 },
        { header: 'Library id', width: 36 },
        { header: 'Version', width: 10 },
        { header: 'Why included', width: 30 },
        { header: 'Hash', width: 15 },
      ],
      entries.map((e) => [e.number, e.id, e.version, reasonText(e), e.hash.slice(7, 19)]),
    ),
  ];
  // Why the Authority left wording out is internal: the manifest keeps it, and officers see
  // it as a drafting note, but it is never printed for Bidders.
  if (excluded.length > 0 && showGuidance) {
    blocks.push({
      type: 'note',
      title: 'Clauses left out on purpose (drafting note, not for Bidders)',
      blocks: [
        table(
          'Clauses left out on purpose',
          [
            { header: 'Library id', width: 40 },
            { header: 'Reason', width: 60 },
          ],
          excluded.map((e) => [e.id, e.reason]),
        ),
      ],
    });
  }
  return { kind: 'appendix', anchor: 'appendix-manifest', title: 'Clause manifest', blocks, clauses: [] };
}

export function referencesAppendix(catalog: ClauseCatalog, ids: readonly string[]): Part | undefined {
  const refs = ids.map((id) => catalog.reference(id)).filter((r) => r !== undefined);
  if (refs.length === 0) return undefined;
  const rows: (readonly DocInline[])[][] = refs
    .sort((a, b) => a.title.localeCompare(b.title))
    .map((r) => [plain(r.title), plain(r.kind), [{ type: 'link', url: r.url, text: r.url }]]);
  return {
    kind: 'appendix',
    anchor: 'appendix-references',
    title: 'Glossary of laws, standards and guidance',
    blocks: [
      paragraph(
        'The clauses in this document rest on these laws, standards and guidance. References are to the version in force when the Contract is signed.',
      ),
      {
        type: 'table',
        table: {
          caption: 'Laws, standards and guidance',
          columns: [
            { header: 'Title', width: 42 },
            { header: 'Kind', width: 17 },
            { header: 'Where to find it', width: 41 },
          ],
          rows,
        },
      },
    ],
    clauses: [],
  };
}

function round(value: number): string {
  return String(Math.round(value * 100) / 100);
}
