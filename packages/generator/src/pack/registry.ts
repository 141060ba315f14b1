import type { TenderDocument } from '../model/types.js';

/**
 * The parts of the tender pack. Each is a file name, what it is for (listed in the invitation's "Tender documents"
 * section) and a render function of the document model, loaded on first use so validating or previewing a spec never
 * loads a spreadsheet writer. A new part (an OCDS release, say) is one more entry here.
 */
export interface PackPart {
  readonly id: string;
  /** Appended to the tender reference: `<reference>-<fileSuffix>`. */
  readonly fileSuffix: string;
  readonly title: string;
  readonly purpose: string;
  /** What the spec must have for the part to apply (it is left out otherwise, and an error if asked for). */
  readonly needs?: 'evaluation';
  readonly render: (doc: TenderDocument) => Promise<Uint8Array>;
}

export const PACK_PARTS = [
  {
    id: 'invitation',
    fileSuffix: 'invitation-to-tender.docx',
    title: 'Invitation to tender',
    purpose:
      'This document: the requirements, the procedure, how Tenders are evaluated and the contract terms.',
    render: async (doc) => (await import('../render/docx/index.js')).renderDocx(doc),
  },
  {
    id: 'response-form',
    fileSuffix: 'supplier-response-form.docx',
    title: 'Supplier response form',
    purpose:
      'Bidders give their details, choose lots, answer each quality question within its limit and confirm each requirement.',
    render: async (doc) => (await import('../render/pack/response-form.js')).renderResponseForm(doc),
  },
  {
    id: 'pricing-schedule',
    fileSuffix: 'pricing-schedule.xlsx',
    title: 'Pricing schedule',
    purpose:
      'Bidders enter unit prices; the workbook works out line totals, VAT and the whole-life cost over the contract and its extensions.',
    render: async (doc) => (await import('../render/pack/pricing-schedule.js')).renderPricingSchedule(doc),
  },
  {
    id: 'form-of-tender',
    fileSuffix: 'form-of-tender.docx',
    title: 'Form of tender and declarations',
    purpose:
      'Bidders sign to confirm their Tender is their offer and make the declarations the Authority asks for.',
    render: async (doc) => (await import('../render/pack/form-of-tender.js')).renderFormOfTender(doc),
  },
  {
    id: 'commercially-sensitive',
    fileSuffix: 'commercially-sensitive-information.docx',
    title: 'Commercially sensitive information form',
    purpose:
      'Bidders list any information they consider commercially sensitive, why, and for how long, for freedom of information requests.',
    render: async (doc) =>
      (await import('../render/pack/commercially-sensitive.js')).renderCommerciallySensitiveForm(doc),
  },
  {
    id: 'evaluation-workbook',
    fileSuffix: 'evaluation-workbook.xlsx',
    title: 'Evaluation workbook',
    purpose:
      'For the evaluation panel only, not sent to Bidders: scores per evaluator, moderation, price scores, weighted totals and ranking.',
    needs: 'evaluation',
    render: async (doc) =>
      (await import('../render/pack/evaluation-workbook.js')).renderEvaluationWorkbook(doc),
  },
  {
    id: 'open-data',
    fileSuffix: 'tender-data.ocds.json',
    title: 'Open data (OCDS release)',
    purpose:
      'The tender’s facts as an Open Contracting Data Standard 1.1.5 release, for the Authority to publish as open data; it lists the documents of this pack.',
    render: async (doc) => {
      const { renderOcds } = await import('../opendata/index.js');
      // The release lists what Bidders receive; the panel's evaluation workbook and the release itself are left out.
      const documents = (doc.pack?.files ?? [])
        .filter((file) => file.id !== 'open-data' && file.id !== 'evaluation-workbook')
        .map((file) => ({ fileName: file.fileName, format: mediaTypeOf(file.fileName), title: file.title }));
      return new TextEncoder().encode(renderOcds(doc, { documents }));
    },
  },
] as const satisfies readonly PackPart[];

function mediaTypeOf(fileName: string): string {
  if (fileName.endsWith('.docx'))
    return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if (fileName.endsWith('.xlsx')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (fileName.endsWith('.odt')) return 'application/vnd.oasis.opendocument.text';
  return 'application/json';
}

export type PackPartId = (typeof PACK_PARTS)[number]['id'];
export const PACK_PART_IDS: readonly PackPartId[] = PACK_PARTS.map((part) => part.id);

export function packPart(id: string): PackPart | undefined {
  return PACK_PARTS.find((part) => part.id === id);
}

/** A file-name stem from the tender reference: "LBH-DIG-2027/014" → "lbh-dig-2027-014". */
export function fileStem(reference: string): string {
  const stem = reference
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return stem || 'tender';
}
