import type { DocBlock, PackCriterion, PackFile, PackModel } from '../model/types.js';
import { fileStem, PACK_PARTS } from '../pack/registry.js';
import { type Criterion, PRICE_FORMULAS, PROCEDURES, type TenderSpec } from '../spec/schema.js';
import { formatDate } from '../text/format.js';
import { sanitiseLine } from '../text/sanitise.js';
import { plain } from './content.js';

/**
 * The scale when the spec gives none: the 0 to 5 scale that the evaluation-methodology
 * clause sets out, so the invitation, the response form and the workbook all agree.
 */
const DEFAULT_SCALE = [
  {
    score: 0,
    label: 'Unacceptable',
    meaning: 'There is no answer, or the answer does not address the requirement.',
  },
  { score: 1, label: 'Poor', meaning: 'The answer has major gaps or gives almost no evidence.' },
  {
    score: 2,
    label: 'Weak',
    meaning: 'The answer meets only part of the requirement, or gives little evidence.',
  },
  {
    score: 3,
    label: 'Acceptable',
    meaning: 'The answer meets the requirement, with some minor gaps or weak evidence.',
  },
  { score: 4, label: 'Good', meaning: 'The answer meets the requirement in full, with good evidence.' },
  {
    score: 5,
    label: 'Excellent',
    meaning: 'The answer meets the requirement in full, with convincing evidence and clear added value.',
  },
] as const;

/** Words for a scored question when the spec gives no limit: long enough to answer, short enough to compare. */
const DEFAULT_WORD_LIMIT = 1000;
const DEFAULT_EVALUATORS = 3;
const DEFAULT_BIDDER_SLOTS = 8;

type Kind = PackCriterion['kind'];

function kindOf(criterion: Criterion, inherited: Kind | undefined): Kind {
  if (criterion.kind) return criterion.kind;
  if (inherited) return inherited;
  if (/social value/i.test(criterion.name)) return 'social-value';
  if (/\b(price|cost|costs)\b/i.test(criterion.name)) return 'price';
  return 'quality';
}

function defaultQuestion(name: string, kind: Kind, shortName: string): string {
  if (kind === 'price') return '';
  if (kind === 'social-value')
    return `What social value will you deliver through this Contract, and how will you measure and report it to ${shortName}?`;
  return `How will you meet ${shortName}'s needs for ${name.toLowerCase()}? Give evidence from similar work.`;
}

function defaultGuidance(kind: Kind, shortName: string): string {
  if (kind === 'price') return 'Price is scored from the pricing schedule; there is nothing to write here.';
  if (kind === 'social-value')
    return `A good answer makes specific commitments with numbers and dates, says who will benefit and how progress will be reported to ${shortName}, and shows the commitments are linked to this Contract.`;
  return 'A good answer responds to the question directly, gives specific evidence from similar work, and says who will do what and by when. Only what is written within the limit is scored.';
}

function flattenCriteria(spec: TenderSpec, shortName: string): PackCriterion[] {
  const out: PackCriterion[] = [];
  const walk = (
    criteria: readonly Criterion[],
    parent: { number: string; name: string; kind: Kind } | undefined,
    parentShare: number,
  ) => {
    criteria.forEach((c, i) => {
      const number = parent ? `${parent.number}.${i + 1}` : String(i + 1);
      const overallWeight = (parentShare * c.weight) / 100;
      const kind = kindOf(c, parent?.kind);
      const hasSubcriteria = (c.subcriteria?.length ?? 0) > 0;
      const name = sanitiseLine(c.name);
      const scored = kind !== 'price' && !hasSubcriteria;
      const wordLimit = c.wordLimit ?? (scored && c.pageLimit === undefined ? DEFAULT_WORD_LIMIT : undefined);
      out.push({
        number,
        name,
        kind,
        weight: c.weight,
        overallWeight,
        ...(parent ? { parent: parent.name } : {}),
        hasSubcriteria,
        question: hasSubcriteria ? '' : sanitiseLine(c.question ?? defaultQuestion(name, kind, shortName)),
        ...(wordLimit !== undefined && !hasSubcriteria ? { wordLimit } : {}),
        ...(c.pageLimit !== undefined && !hasSubcriteria ? { pageLimit: c.pageLimit } : {}),
        guidance: hasSubcriteria ? '' : sanitiseLine(c.guidance ?? defaultGuidance(kind, shortName)),
      });
      if (c.subcriteria) walk(c.subcriteria, { number, name, kind }, overallWeight);
    });
  };
  walk(spec.evaluation?.criteria ?? [], undefined, 100);
  return out;
}

/** The parts the spec asks for (document.pack), or every part that applies, in registry order. */
function selectedParts(spec: TenderSpec): (typeof PACK_PARTS)[number][] {
  const asked = spec.document.pack;
  return PACK_PARTS.filter((part) =>
    asked
      ? (asked as readonly string[]).includes(part.id)
      : !('needs' in part) || spec.evaluation !== undefined,
  );
}

/** Everything the pack's documents show, from the spec. */
export function packModel(spec: TenderSpec): PackModel {
  const { tender } = spec;
  const shortName = sanitiseLine(tender.authority.shortName ?? 'the Authority');
  const stem = fileStem(tender.reference);
  const files: PackFile[] = selectedParts(spec).map((part) => ({
    id: part.id,
    fileName: `${stem}-${part.fileSuffix}`,
    title: part.title,
    purpose: part.purpose,
  }));
  const lots = (tender.lots ?? []).map((lot) => ({
    id: sanitiseLine(String(lot.id)),
    title: sanitiseLine(lot.title),
  }));
  const criteria = flattenCriteria(spec, shortName);
  const formula = spec.evaluation?.priceFormula ?? 'lowest-price-ratio';
  const deadline = spec.timetable.find((m) => m.kind === 'submission-deadline')?.date;
  const contact = tender.authority.contact;
  const contactText = [contact?.name, contact?.email].filter(Boolean).join(', ');
  return {
    files,
    authority: {
      name: sanitiseLine(tender.authority.name),
      shortName,
      ...(tender.authority.address ? { address: sanitiseLine(tender.authority.address) } : {}),
      ...(contactText ? { contact: sanitiseLine(contactText) } : {}),
    },
    tender: {
      title: sanitiseLine(tender.title),
      reference: sanitiseLine(tender.reference),
      procedure: PROCEDURES[tender.procedure],
      centralDigitalPlatform: tender.procedure !== 'below-threshold',
      ...(tender.portal ? { portal: sanitiseLine(tender.portal) } : {}),
      ...(deadline ? { submissionDeadline: formatDate(deadline) } : {}),
      currency: tender.estimatedValue?.currency ?? 'GBP',
      ...(tender.contract ? { contractMonths: tender.contract.lengthMonths } : {}),
      extensionMonths: tender.contract?.extensionMonths ?? [],
    },
    lots,
    criteria,
    scale: (spec.evaluation?.scale ?? DEFAULT_SCALE).map((level) => ({
      score: level.score,
      label: sanitiseLine(level.label),
      meaning: sanitiseLine(level.meaning),
    })),
    price: {
      formula,
      description: sanitiseLine(spec.evaluation?.priceMethod ?? PRICE_FORMULAS[formula]),
      weight: criteria
        .filter((c) => c.kind === 'price' && !c.hasSubcriteria)
        .reduce((sum, c) => sum + c.overallWeight, 0),
    },
    requirements: spec.requirements.map((r) => ({
      id: sanitiseLine(r.id),
      text: sanitiseLine(r.text),
      priority: r.priority,
      lots: r.lot === undefined ? lots.map((lot) => lot.id) : [sanitiseLine(String(r.lot))],
    })),
    pricing: {
      vatRate: spec.pricing?.vatRate ?? 20,
      items: (spec.pricing?.items ?? []).map((item) => ({
        id: sanitiseLine(item.id),
        description: sanitiseLine(item.description),
        unit: sanitiseLine(item.unit),
        quantity: item.quantity,
        recurring: item.recurring,
        ...(item.lot !== undefined ? { lot: sanitiseLine(String(item.lot)) } : {}),
      })),
    },
    evaluators: spec.evaluation?.evaluators ?? DEFAULT_EVALUATORS,
    bidderSlots: spec.evaluation?.bidderSlots ?? DEFAULT_BIDDER_SLOTS,
  };
}

/** The invitation's "Tender documents" section: every file of the pack by name and purpose. */
export function documentsSectionBlocks(pack: PackModel): DocBlock[] {
  const returned = new Set(['response-form', 'pricing-schedule', 'form-of-tender', 'commercially-sensitive']);
  const toReturn = pack.files.filter((file) => returned.has(file.id)).map((file) => file.title.toLowerCase());
  const blocks: DocBlock[] = [
    {
      type: 'paragraph',
      content: plain(
        `The tender pack is made up of the files below. They are made from the same source as this document, so the criteria, weights, limits, lots and requirements in each of them match this document.${pack.tender.portal ? ` They are available on ${pack.tender.portal}.` : ''}`,
      ),
    },
    {
      type: 'table',
      table: {
        caption: 'Tender documents',
        columns: [
          { header: 'File', width: 42 },
          { header: 'What it is for', width: 58 },
        ],
        rows: pack.files.map((file) => [
          [
            { type: 'text', text: file.title, bold: true },
            { type: 'text', text: ` (${file.fileName})` },
          ],
          plain(file.purpose),
        ]),
      },
    },
  ];
  if (toReturn.length > 0) {
    const list =
      toReturn.length === 1
        ? (toReturn[0] as string)
        : `${toReturn.slice(0, -1).join(', ')} and ${toReturn[toReturn.length - 1]}`;
    blocks.push({
      type: 'paragraph',
      content: plain(
        `Bidders must complete and return the ${list}${pack.tender.submissionDeadline ? ` by ${pack.tender.submissionDeadline}` : ''}. Do not change the structure of these files: add your answers only where the form asks for them.`,
      ),
    });
  }
  return blocks;
}
