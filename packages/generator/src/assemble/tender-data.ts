import type { DataCriterion, TenderData } from '../model/types.js';
import { type Criterion, MILESTONE_KINDS, type TenderSpec } from '../spec/schema.js';
import { sanitiseLine, sanitiseText } from '../text/sanitise.js';

/** The spec's facts as typed data for the open-data outputs; every text sanitised like the rest of the model. */
export function tenderData(spec: TenderSpec): TenderData {
  const { tender } = spec;
  const optional = (text: string | undefined) => {
    const clean = text === undefined ? '' : sanitiseLine(text);
    return clean === '' ? undefined : clean;
  };
  const criterion = (c: Criterion): DataCriterion => ({
    name: sanitiseLine(c.name),
    ...(c.kind ? { kind: c.kind } : {}),
    weight: c.weight,
    subcriteria: (c.subcriteria ?? []).map(criterion),
  });
  const contact = tender.authority.contact;
  const department = optional(tender.authority.department);
  const address = optional(tender.authority.address);
  // Line by line, so the paragraphs survive (sanitiseText turns line breaks into spaces).
  const background = tender.background
    ?.split(/\r?\n/)
    .map((line) => sanitiseText(line))
    .join('\n')
    .trim();
  const priceMethod = optional(spec.evaluation?.priceMethod);
  const ocidPrefix = spec.document.ocidPrefix;
  return {
    buyer: {
      name: sanitiseLine(tender.authority.name),
      ...(department ? { department } : {}),
      ...(address ? { address } : {}),
      ...(contact && (contact.name || contact.email)
        ? {
            contact: {
              ...(optional(contact.name) ? { name: optional(contact.name) } : {}),
              ...(contact.email ? { email: sanitiseLine(contact.email) } : {}),
            },
          }
        : {}),
    },
    procedure: tender.procedure,
    ...(background ? { background } : {}),
    ...(tender.cpv ? { cpv: tender.cpv } : {}),
    ...(tender.estimatedValue
      ? {
          estimatedValue: {
            amount: tender.estimatedValue.amount,
            currency: tender.estimatedValue.currency,
            includesVat: tender.estimatedValue.includesVat,
          },
        }
      : {}),
    ...(tender.contract
      ? {
          contract: {
            lengthMonths: tender.contract.lengthMonths,
            extensionMonths: [...tender.contract.extensionMonths],
          },
        }
      : {}),
    lots: (tender.lots ?? []).map((lot) => ({
      id: sanitiseLine(String(lot.id)),
      title: sanitiseLine(lot.title),
      ...(optional(lot.description) ? { description: optional(lot.description) } : {}),
      ...(lot.value !== undefined ? { estimatedValue: lot.value } : {}),
    })),
    timetable: spec.timetable.map((m) => ({
      kind: m.kind,
      label: sanitiseLine(m.milestone ?? MILESTONE_KINDS[m.kind]),
      date: m.date,
    })),
    criteria: (spec.evaluation?.criteria ?? []).map(criterion),
    ...(priceMethod ? { priceMethod } : {}),
    ...(ocidPrefix ? { ocidPrefix } : {}),
  };
}
