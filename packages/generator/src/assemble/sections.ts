import type { ClauseCatalog } from '@loti/clauses';
import type { DocBlock, DocInline, DocSection, DocTable, ManifestEntry } from '../model/types.js';
import { type Criterion, MILESTONE_KINDS, type TenderSpec } from '../spec/schema.js';
import { formatDate } from '../text/format.js';
import { markdownToDocBlocks, plain, toDocInlines } from './content.js';

type Part = Omit<DocSection, 'number' | 'anchor'> & { anchor?: string };

const paragraph = (text: string): DocBlock => ({ type: 'paragraph', content: plain(text) });
const table = (caption: string, columns: DocTable['columns'], rows: string[][]): DocBlock => ({
  type: 'table',
  table: { caption, columns, rows: rows.map((row) => row.map((cell) => plain(cell))) },
});

export function introductionSection(spec: TenderSpec, facts: { label: string; value: string }[]): Part {
  const { tender } = spec;
  const blocks: DocBlock[] = [
    paragraph(
      `${tender.authority.name} (${tender.authority.shortName ?? 'the Authority'}) invites Tenders for ${tender.title}. This document explains what the Authority wants to buy, how it will run the procurement and evaluate Tenders, and the terms the Supplier will work under.`,
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
  if (tender.lots?.length) {
    blocks.push(
      paragraph(
        tender.lots.length === 1
          ? 'The procurement has one lot.'
          : `The procurement is divided into ${tender.lots.length} lots. Bidders may bid for one or more lots unless the instructions say otherwise.`,
      ),
      table(
        'Lots',
        [
          { header: 'Lot', width: 12 },
          { header: 'Title', width: 33 },
          { header: 'Description', width: 55 },
        ],
        tender.lots.map((lot) => [String(lot.id), lot.title, lot.description ?? '']),
      ),
    );
  }
  return { kind: 'introduction', title: 'Introduction and background', blocks, clauses: [] };
}

export function timetableSection(spec: TenderSpec): Part | undefined {
  if (spec.timetable.length === 0) return undefined;
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
    ],
    clauses: [],
  };
}

export function requirementsSection(spec: TenderSpec): Part | undefined {
  if (spec.requirements.length === 0) return undefined;
  const withLots = spec.requirements.some((r) => r.lot !== undefined);
  const priority = { must: 'Must', should: 'Should', could: 'Could' } as const;
  const counts = (['must', 'should', 'could'] as const).map(
    (p) => `${spec.requirements.filter((r) => r.priority === p).length} ${p}`,
  );
  const columns = withLots
    ? [
        { header: 'ID', width: 12 },
        { header: 'Requirement', width: 60 },
        { header: 'Priority', width: 14 },
        { header: 'Lot', width: 14 },
      ]
    : [
        { header: 'ID', width: 12 },
        { header: 'Requirement', width: 70 },
        { header: 'Priority', width: 18 },
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
        spec.requirements.map((r) => {
          const row = [r.id, r.text, priority[r.priority]];
          if (withLots) row.push(r.lot === undefined ? 'All' : String(r.lot));
          return row;
        }),
      ),
    ],
    clauses: [],
  };
}

export function evaluationSection(spec: TenderSpec): Part | undefined {
  const evaluation = spec.evaluation;
  if (!evaluation) return undefined;
  const rows: string[][] = [];
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
      rows.push([number, c.name, weight, c.question ?? '', c.wordLimit ? `${c.wordLimit} words` : '']);
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
        { header: 'Question', width: 40 },
        { header: 'Limit', width: 12 },
      ],
      rows,
    ),
  ];
  if (evaluation.priceMethod) blocks.push(paragraph(`Price: ${evaluation.priceMethod}`));
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
): Part {
  const reasonText = (entry: ManifestEntry) =>
    entry.reasons
      .map((r) =>
        r.kind === 'explicit'
          ? 'listed in the spec'
          : r.kind === 'profile'
            ? `profile ${r.profile}`
            : r.kind === 'fact'
              ? factReasonText(r.facts, r.procedure)
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
  if (excluded.length > 0) {
    blocks.push(
      table(
        'Clauses left out on purpose',
        [
          { header: 'Library id', width: 40 },
          { header: 'Reason', width: 60 },
        ],
        excluded.map((e) => [e.id, e.reason]),
      ),
    );
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

/** "key facts: a, b; procedure: open", leaving out whichever part is empty. */
function factReasonText(facts: readonly string[], procedure: string | undefined): string {
  const parts = [
    facts.length > 0 ? `key facts: ${facts.join(', ')}` : '',
    procedure ? `procedure: ${procedure}` : '',
  ];
  return parts.filter(Boolean).join('; ');
}
