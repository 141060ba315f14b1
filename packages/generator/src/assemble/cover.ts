import type { DocBlock, TenderDocument } from '../model/types.js';
import { MILESTONE_KINDS, PROCEDURE_SUMMARIES, type TenderSpec } from '../spec/schema.js';
import { formatDate } from '../text/format.js';
import { sanitiseLine } from '../text/sanitise.js';
import type { builtinValues } from './variables.js';
import type { BuyerName } from './voice.js';

/** What every document the generator makes is, named on its cover. */
const DOCUMENT_TYPE = 'Invitation to Tender';

/** The milestones the cover's key-dates table shows, in this order, when the timetable has them. */
const KEY_DATE_KINDS = [
  'publication',
  'clarification-deadline',
  'submission-deadline',
  'contract-start',
] as const;

export interface Fact {
  readonly label: string;
  readonly value: string;
}

/**
 * The tender's headline facts, shown on the cover and in the introduction's summary table, in the buyer's voice.
 */
export function summaryFacts(
  spec: TenderSpec,
  builtins: ReturnType<typeof builtinValues>,
  buyer: BuyerName | undefined,
): Fact[] {
  const facts: Fact[] = [
    { label: 'Contracting authority', value: spec.tender.authority.name },
    { label: 'Reference', value: spec.tender.reference },
    { label: 'Procedure', value: PROCEDURE_SUMMARIES[spec.tender.procedure].law },
  ];
  if (builtins['tender.estimatedValue'])
    facts.push({ label: 'Estimated value', value: builtins['tender.estimatedValue'] });
  if (builtins['tender.contractLength']) {
    facts.push({
      label: 'Contract length',
      value: `${builtins['tender.contractLength']}, with ${builtins['tender.extensions']}`,
    });
  }
  if (spec.tender.lots?.length) facts.push({ label: 'Lots', value: String(spec.tender.lots.length) });
  if (builtins['tender.submissionDeadline'])
    facts.push({ label: 'Tenders due', value: builtins['tender.submissionDeadline'] });
  if (spec.tender.authority.contact?.email)
    facts.push({
      label: 'Contact',
      value: [spec.tender.authority.contact.name, spec.tender.authority.contact.email]
        .filter(Boolean)
        .join(', '),
    });
  return facts.map((fact) => {
    const value = sanitiseLine(fact.value);
    return { label: fact.label, value: buyer ? buyer.rename(value) : value };
  });
}

/**
 * The key-dates table: publication, clarification and submission deadlines and contract start, each as the spec
 * names it, with the date for people (the ISO date rides along for HTML's <time>). None when the timetable has none.
 */
function keyDatesBlocks(spec: TenderSpec): DocBlock[] {
  const rows = KEY_DATE_KINDS.flatMap((kind) => {
    const milestone = spec.timetable.find((m) => m.kind === kind);
    if (!milestone) return [];
    const label = sanitiseLine(milestone.milestone ?? MILESTONE_KINDS[kind]);
    return [
      [
        [{ type: 'text', text: label }],
        [{ type: 'text', text: formatDate(milestone.date), datetime: milestone.date }],
      ] as const,
    ];
  });
  if (rows.length === 0) return [];
  return [
    {
      type: 'table',
      table: {
        caption: 'Key dates',
        columns: [
          { header: 'Milestone', width: 55 },
          { header: 'Date', width: 45 },
        ],
        rows,
      },
    },
  ];
}

/** The cover: what the document is, who buys, the title, reference and procedure, the facts and the key dates. */
export function coverOf(spec: TenderSpec, facts: readonly Fact[]): TenderDocument['cover'] {
  return {
    documentType: DOCUMENT_TYPE,
    authority: sanitiseLine(spec.tender.authority.name),
    title: sanitiseLine(spec.tender.title),
    reference: sanitiseLine(spec.tender.reference),
    procedure: PROCEDURE_SUMMARIES[spec.tender.procedure].short,
    facts,
    blocks: keyDatesBlocks(spec),
    ...(spec.document.classification ? { classification: sanitiseLine(spec.document.classification) } : {}),
  };
}
