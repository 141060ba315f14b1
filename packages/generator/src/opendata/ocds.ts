import type { DataCriterion, TenderData, TenderDocument } from '../model/types.js';
import { PROCEDURES, type Procedure } from '../spec/schema.js';
import { addMonths, dayBefore, daysBetween, londonDateTime } from './dates.js';

/**
 * The tender as an Open Contracting Data Standard 1.1.5 release package, tender stage, with the lots extension. Every
 * field comes from the document model's `data` block (the spec's facts) or its meta; nothing from the clock. The
 * mapping, field by field, is in the README ("Open data") and pinned by test/opendata.test.ts.
 */

/** Used when neither the spec (document.ocidPrefix) nor the caller gives one; a publisher must register its own. */
export const DEFAULT_OCID_PREFIX = 'ocds-xxxxxx';

/** The lots extension, as the package declares it. */
const LOTS_EXTENSION =
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json';

/** Procurement Act 2023 procedures → the closed OCDS method codelist. */
export const PROCUREMENT_METHOD = {
  // Any supplier may submit a tender.
  open: 'open',
  // Conditions of participation and any stages narrow who may go on: only qualified suppliers are invited onward.
  'competitive-flexible': 'selective',
  // Below-threshold contracts are advertised and open to any supplier.
  'below-threshold': 'open',
  // Only the framework's suppliers may take part.
  'framework-competition': 'selective',
} as const satisfies Record<Procedure, 'open' | 'selective' | 'limited' | 'direct'>;

/** A file published with the tender, for `tender.documents`. */
export interface OcdsDocumentFile {
  /** The file's name, e.g. housing-management-system.docx. */
  readonly fileName: string;
  /** Its media type, e.g. application/vnd.oasis.opendocument.text. */
  readonly format: string;
  readonly title?: string;
}

/** Options for {@link renderOcds}: the OCID prefix and the base name of the documents it lists. */
export interface OcdsOptions {
  /** Overrides the spec's document.ocidPrefix. */
  readonly ocidPrefix?: string;
  /** The generated files to list under tender.documents; default the .docx and .odt of the tender. */
  readonly documents?: readonly OcdsDocumentFile[];
  /** Base name of the files when `documents` is not given (default: the reference). */
  readonly baseName?: string;
  /** Where the files are published (ends with /); gives each document a url and the package its uri. */
  readonly baseUrl?: string;
}

export const MEDIA_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  html: 'text/html',
  md: 'text/markdown',
  json: 'application/json',
  csv: 'text/csv',
} as const;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };
type JsonObject = { [key: string]: Json | undefined };

/** An OCDS identifier part: letters, digits and hyphens only. */
function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[\s_]+/g, '-')
    .replace(/-+/g, '-')
    .toLowerCase();
}

function value(amount: number | undefined, currency: string | undefined): JsonObject | undefined {
  return amount === undefined ? undefined : { amount, currency: currency ?? 'GBP' };
}

function milestone(data: TenderData, kind: string): string | undefined {
  return data.timetable.find((m) => m.kind === kind)?.date;
}

/** "Quality 60% (Meeting the requirements 40%, …); Price 30%. Price: how it is scored." */
export function awardCriteriaDetails(data: TenderData): string | undefined {
  const describe = (c: DataCriterion): string =>
    `${c.name} ${c.weight}%${c.subcriteria.length > 0 ? ` (${c.subcriteria.map(describe).join(', ')})` : ''}`;
  if (data.criteria.length === 0) return undefined;
  const weights = `${data.criteria.map(describe).join('; ')}.`;
  return data.priceMethod ? `${weights} Price: ${data.priceMethod}` : weights;
}

/** priceOnly when only price is weighted, qualityOnly when price is not, ratedCriteria for a mix. */
export function awardCriteria(data: TenderData): string | undefined {
  const weighted = data.criteria.filter((c) => c.weight > 0);
  if (weighted.length === 0) return undefined;
  const price = weighted.filter((c) => c.kind === 'price');
  if (price.length === weighted.length) return 'priceOnly';
  return price.length === 0 ? 'qualityOnly' : 'ratedCriteria';
}

function contractPeriod(data: TenderData): JsonObject | undefined {
  const start = milestone(data, 'contract-start')?.slice(0, 10);
  const contract = data.contract;
  if (!contract) return start ? { startDate: londonDateTime(start) } : undefined;
  const total = contract.lengthMonths + contract.extensionMonths.reduce((a, b) => a + b, 0);
  if (!start) return undefined;
  const endDay = dayBefore(addMonths(start, contract.lengthMonths) ?? start);
  const maxDay = dayBefore(addMonths(start, total) ?? start);
  const duration = endDay ? daysBetween(start, endDay) : undefined;
  return {
    startDate: londonDateTime(start),
    endDate: endDay ? londonDateTime(endDay, true) : undefined,
    maxExtentDate: maxDay ? londonDateTime(maxDay, true) : undefined,
    durationInDays: duration === undefined ? undefined : duration + 1,
  };
}

function firstParagraph(markdown: string | undefined): string | undefined {
  const paragraph = markdown
    ?.split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .find((p) => p !== '' && !/^[-*+]\s|^\d+[.)]\s/.test(p));
  return paragraph || undefined;
}

/** Drops undefined members, so the JSON has no empty keys and the same model always serialises the same way. */
function prune<T extends Json | undefined>(input: T): T {
  if (Array.isArray(input)) return input.map((item) => prune(item)) as T;
  if (input && typeof input === 'object') {
    const out: JsonObject = {};
    for (const [key, member] of Object.entries(input)) {
      if (member !== undefined) out[key] = prune(member);
    }
    return out as T;
  }
  return input;
}

/** The OCDS release package for the tender stage, as a JSON-ready object. */
export function toOcdsRelease(doc: TenderDocument, options: OcdsOptions = {}): JsonObject {
  const data: TenderData = doc.data ?? {
    buyer: { name: doc.cover.authority },
    procedure: '',
    lots: [],
    timetable: [],
    criteria: [],
  };
  const prefix = options.ocidPrefix ?? data.ocidPrefix ?? DEFAULT_OCID_PREFIX;
  const ocid = `${prefix}-${slug(doc.meta.reference) || 'tender'}`;
  const issued = londonDateTime(doc.meta.issueDate) ?? `${doc.meta.issueDate}T00:00:00Z`;
  const buyerId = slug(data.buyer.name) || 'buyer';
  const buyerRef = { id: buyerId, name: data.buyer.name };
  const procedure = data.procedure in PROCUREMENT_METHOD ? (data.procedure as Procedure) : undefined;
  const currency = data.estimatedValue?.currency;
  const publication = milestone(data, 'publication') ?? doc.meta.issueDate;
  const submission = milestone(data, 'submission-deadline');
  const clarification = milestone(data, 'clarification-deadline');
  const baseName = options.baseName ?? slug(doc.meta.reference);
  const files: readonly OcdsDocumentFile[] = options.documents ?? [
    { fileName: `${baseName}.docx`, format: MEDIA_TYPES.docx },
    { fileName: `${baseName}.odt`, format: MEDIA_TYPES.odt },
  ];
  const language = doc.meta.language.split('-')[0]?.toLowerCase();
  const items = (data.lots.length > 0 ? data.lots : [undefined]).map((lot, index) => ({
    id: String(index + 1),
    description: lot ? lot.title : doc.meta.title,
    classification: data.cpv ? { scheme: 'CPV', id: data.cpv.slice(0, 8) } : undefined,
    relatedLot: lot?.id,
  }));
  const release: JsonObject = {
    ocid,
    id: `${ocid}-tender-${doc.meta.issueDate.slice(0, 10)}`,
    date: issued,
    tag: ['tender'],
    initiationType: 'tender',
    language,
    parties: [
      {
        id: buyerId,
        name: data.buyer.name,
        address: data.buyer.address
          ? { streetAddress: data.buyer.address, countryName: 'United Kingdom' }
          : undefined,
        contactPoint: data.buyer.contact
          ? { name: data.buyer.contact.name ?? data.buyer.department, email: data.buyer.contact.email }
          : undefined,
        roles: ['buyer', 'procuringEntity'],
      },
    ],
    buyer: buyerRef,
    tender: {
      id: doc.meta.reference,
      title: doc.meta.title,
      description: firstParagraph(data.background) ?? doc.meta.description,
      status: 'active',
      procuringEntity: buyerRef,
      value: value(data.estimatedValue?.amount, currency),
      procurementMethod: procedure ? PROCUREMENT_METHOD[procedure] : undefined,
      procurementMethodDetails: procedure
        ? `${PROCEDURES[procedure].charAt(0).toUpperCase()}${PROCEDURES[procedure].slice(1)} (Procurement Act 2023)`
        : undefined,
      items,
      lots:
        data.lots.length > 0
          ? data.lots.map((lot) => ({
              id: lot.id,
              title: lot.title,
              description: lot.description,
              status: 'active',
              value: value(lot.estimatedValue, currency),
            }))
          : undefined,
      tenderPeriod: submission
        ? { startDate: londonDateTime(publication), endDate: londonDateTime(submission, true) }
        : undefined,
      enquiryPeriod: clarification
        ? { startDate: londonDateTime(publication), endDate: londonDateTime(clarification, true) }
        : undefined,
      awardCriteria: awardCriteria(data),
      awardCriteriaDetails: awardCriteriaDetails(data),
      contractPeriod: contractPeriod(data),
      documents: files.map((file, index) => ({
        id: String(index + 1),
        documentType: 'biddingDocuments',
        title: file.title ?? doc.meta.title,
        url: options.baseUrl ? `${options.baseUrl}${encodeURIComponent(file.fileName)}` : undefined,
        datePublished: issued,
        format: file.format,
        language,
      })),
    },
  };
  return prune({
    uri: options.baseUrl
      ? `${options.baseUrl}${encodeURIComponent(`${baseName}.ocds.json`)}`
      : `urn:ocds:${ocid}:tender`,
    version: '1.1',
    extensions: [LOTS_EXTENSION],
    publishedDate: issued,
    publisher: { name: data.buyer.name },
    releases: [release],
  });
}

/** The release package as the bytes `tender build --format ocds` writes: two-space JSON and a final newline. */
export function renderOcds(doc: TenderDocument, options: OcdsOptions = {}): string {
  return `${JSON.stringify(toOcdsRelease(doc, options), null, 2)}\n`;
}
