import type { TenderDocument } from '../model/types.js';
import { sanitiseLine } from '../text/sanitise.js';
import { addMonths, dayBefore } from './dates.js';

/**
 * The contracts-register row a London borough publishes under the Local Government Transparency Code 2015 (Part 2,
 * "Procurement information": every invitation to tender and every contract over £5,000), filled from the tender so
 * the officer does not re-type it. The columns are the Code's fields for a contract, in its order; at the tender
 * stage there is no supplier yet, so the supplier's columns are empty, and the value is the estimate. See
 * clauses/references.yaml (local-government-transparency-code-2015) and the README.
 */
export const REGISTER_COLUMNS = [
  'Reference number',
  'Title of agreement',
  'Local authority department responsible',
  'Description of the goods and/or services',
  'Supplier name and details',
  'Sum to be paid over the length of the contract',
  'Value Added Tax that cannot be recovered',
  'Start date',
  'End date',
  'Review date',
  'Result of an invitation to quote or a published invitation to tender',
  'Supplier is an SME or VCSE',
  'Supplier registration number',
] as const;

/** RFC 4180: a field with a comma, quote, CR or LF is quoted, and its quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV line per RFC 4180, ended with CRLF. */
function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** The row's values by column, at the tender stage. */
export function registerRow(doc: TenderDocument): Record<(typeof REGISTER_COLUMNS)[number], string> {
  const data = doc.data;
  const start = data?.timetable.find((m) => m.kind === 'contract-start')?.date.slice(0, 10);
  const contract = data?.contract;
  const end = start && contract ? dayBefore(addMonths(start, contract.lengthMonths) ?? start) : undefined;
  const firstParagraph = data?.background
    ?.split(/\n\s*\n/)
    .map((p) => sanitiseLine(p))
    .find((p) => p !== '' && !/^[-*+]\s/.test(p));
  const value = data?.estimatedValue;
  return {
    'Reference number': doc.meta.reference,
    'Title of agreement': doc.meta.title,
    'Local authority department responsible': data?.buyer.department ?? data?.buyer.contact?.name ?? '',
    'Description of the goods and/or services': firstParagraph ?? doc.meta.description,
    'Supplier name and details': '',
    // The estimate until the contract is awarded; the register's value excludes VAT unless the spec says otherwise.
    'Sum to be paid over the length of the contract': value ? value.amount.toFixed(2) : '',
    'Value Added Tax that cannot be recovered': '',
    'Start date': start ?? '',
    'End date': end ?? '',
    // With extensions, the end of the initial term is when the Council decides whether to extend.
    'Review date': end && contract && contract.extensionMonths.length > 0 ? end : '',
    'Result of an invitation to quote or a published invitation to tender': 'Published invitation to tender',
    'Supplier is an SME or VCSE': '',
    'Supplier registration number': '',
  };
}

/** The register's header row and the tender's row, as CSV text (RFC 4180, CRLF line ends, UTF-8). */
export function renderRegisterCsv(doc: TenderDocument): string {
  const row = registerRow(doc);
  return csvLine(REGISTER_COLUMNS) + csvLine(REGISTER_COLUMNS.map((column) => sanitiseLine(row[column])));
}
