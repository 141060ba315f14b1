import type { PackModel, TenderDocument } from '../../model/types.js';
import { formatMonths } from '../../text/format.js';

/** The model's pack data. Models from assembleTender always have it; a hand-made model without it cannot be packed. */
export function packOf(doc: TenderDocument): PackModel {
  if (!doc.pack) throw new Error('This document model has no pack data: build it with assembleTender.');
  return doc.pack;
}

/** "2,000 words", "4 pages" or "2,000 words or 4 pages", or "" when there is no limit. */
export function limitText(limits: { wordLimit?: number; pageLimit?: number }): string {
  const parts = [];
  if (limits.wordLimit) parts.push(`${String(limits.wordLimit).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} words`);
  if (limits.pageLimit) parts.push(`${limits.pageLimit} page${limits.pageLimit === 1 ? '' : 's'}`);
  return parts.join(' or ');
}

/** "60%", or "40% of Quality (24% overall)" for a sub-criterion. */
export function weightText(criterion: { weight: number; overallWeight: number; parent?: string }): string {
  const round = (n: number) => String(Math.round(n * 100) / 100);
  return criterion.parent
    ? `${round(criterion.weight)}% of ${criterion.parent} (${round(criterion.overallWeight)}% overall)`
    : `${round(criterion.weight)}%`;
}

/** "5 years, with extensions of 2 years and 1 year", for the form of tender. */
export function termText(pack: PackModel): string | undefined {
  const months = pack.tender.contractMonths;
  if (months === undefined) return undefined;
  const extensions = pack.tender.extensionMonths;
  return extensions.length === 0
    ? formatMonths(months)
    : `${formatMonths(months)}, with possible extensions of ${extensions.map(formatMonths).join(' and ')}`;
}

/** "the Council" → "The Council", for a name that starts a sentence. */
export function sentenceStart(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
