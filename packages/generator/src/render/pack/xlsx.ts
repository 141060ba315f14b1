import type { Workbook, Worksheet } from 'exceljs';
import type { TenderDocument } from '../../model/types.js';
import { sanitiseText } from '../../text/sanitise.js';
import { paletteFor } from '../colour.js';
import { normalisePackage } from '../docx/normalise.js';

/**
 * Shared spreadsheet plumbing for the pack's workbooks. exceljs is large (about 1 MB in the browser), so it is
 * imported on first use, as docx is: validating a spec or rendering HTML never loads it.
 */
type ExcelModule = typeof import('exceljs');

export async function newWorkbook(doc: TenderDocument, title: string): Promise<Workbook> {
  const imported = (await import('exceljs')) as ExcelModule & { default?: ExcelModule };
  const excel = imported.default ?? imported;
  const workbook = new excel.Workbook();
  // exceljs stamps the workbook with the clock; normalisation (workbookBytes) replaces both core dates with the
  // issue date, as it does for the .docx.
  workbook.creator = sanitiseText(doc.meta.creator);
  workbook.lastModifiedBy = sanitiseText(doc.meta.creator);
  workbook.title = sanitiseText(`${title}: ${doc.meta.title}`);
  workbook.subject = sanitiseText(title);
  workbook.keywords = sanitiseText(`tender, tender pack, ${doc.meta.reference}`);
  workbook.company = sanitiseText(doc.meta.creator);
  // Formulas are written without cached results: ask Excel to calculate everything when the file opens
  // (LibreOffice calculates cells that have no result anyway).
  workbook.calcProperties = { fullCalcOnLoad: true };
  return workbook;
}

/** The workbook as deterministic .xlsx bytes: fixed core dates, sorted entries, fixed zip dates, the clause manifest. */
export async function workbookBytes(workbook: Workbook, doc: TenderDocument): Promise<Uint8Array> {
  const buffer = await workbook.xlsx.writeBuffer();
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer as ArrayBuffer);
  return normalisePackage(bytes, { issueDate: doc.meta.issueDate, manifest: doc.manifest });
}

/** "A", "B" … "Z", "AA" … for a 1-based column number. */
export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A sheet name Excel accepts: no []:*?/\ characters, at most 31 characters, unique in the workbook. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base =
    sanitiseText(wanted)
      .replace(/[[\]:*?/\\]/g, '-')
      .replace(/^'+|'+$/g, '')
      .trim()
      .slice(0, 31) || 'Sheet';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++)
    name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

/** A reference to another sheet's cell, quoted: 'Lot 1'!F12. */
export const ref = (sheet: string, cell: string) => `'${sheet.replace(/'/g, "''")}'!${cell}`;

export interface Look {
  readonly headerFill: string;
  readonly headerText: string;
  readonly inputFill: string;
  readonly money: string;
}

export function lookFor(doc: TenderDocument, currency: 'GBP' | 'EUR'): Look {
  const palette = paletteFor(doc.meta.branding.accentColour);
  return {
    headerFill: `FF${palette.headerFill}`,
    headerText: `FF${palette.headerText}`,
    // Pale yellow is the usual spreadsheet convention for "type here".
    inputFill: 'FFFFF2CC',
    money: currency === 'GBP' ? '"£"#,##0.00' : '"€"#,##0.00',
  };
}

export function headerRow(
  sheet: Worksheet,
  row: number,
  labels: readonly string[],
  look: Look,
  firstColumn = 1,
): void {
  labels.forEach((label, i) => {
    const cell = sheet.getCell(row, firstColumn + i);
    cell.value = sanitiseText(label);
    cell.font = { bold: true, color: { argb: look.headerText } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: look.headerFill } };
    cell.alignment = { vertical: 'top', wrapText: true };
  });
}

/** An unlocked, highlighted input cell with validation; the rest of a protected sheet stays locked. */
export function inputCell(
  sheet: Worksheet,
  address: string,
  look: Look,
  validation:
    | { readonly kind: 'money' }
    | { readonly kind: 'positive-money' }
    | { readonly kind: 'whole'; readonly min: number; readonly max: number }
    | { readonly kind: 'number' }
    | { readonly kind: 'text' },
  numFmt?: string,
): void {
  const cell = sheet.getCell(address);
  cell.protection = { locked: false };
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: look.inputFill } };
  cell.border = {
    top: { style: 'thin', color: { argb: 'FF6F777B' } },
    bottom: { style: 'thin', color: { argb: 'FF6F777B' } },
    left: { style: 'thin', color: { argb: 'FF6F777B' } },
    right: { style: 'thin', color: { argb: 'FF6F777B' } },
  };
  if (numFmt) cell.numFmt = numFmt;
  switch (validation.kind) {
    case 'money':
    case 'number':
      cell.dataValidation = {
        type: 'decimal',
        operator: 'greaterThanOrEqual',
        allowBlank: true,
        formulae: [0],
        showErrorMessage: true,
        errorTitle: 'Not a valid number',
        error: 'Enter a number of 0 or more, without a currency sign.',
      };
      break;
    case 'positive-money':
      cell.dataValidation = {
        type: 'decimal',
        operator: 'greaterThan',
        allowBlank: true,
        formulae: [0],
        showErrorMessage: true,
        errorTitle: 'Not a valid price',
        error: 'Enter a price greater than 0, without a currency sign.',
      };
      break;
    case 'whole':
      cell.dataValidation = {
        type: 'whole',
        operator: 'between',
        allowBlank: true,
        formulae: [validation.min, validation.max],
        showErrorMessage: true,
        errorTitle: 'Not a score on the scale',
        error: `Enter a whole number from ${validation.min} to ${validation.max}.`,
      };
      break;
    case 'text':
      break;
  }
}

/**
 * Locks the sheet with no password (officers can unprotect it, but nobody overwrites a formula by accident; a
 * password would also add a random salt to the file), and prints it landscape, one page wide.
 */
export async function protect(sheet: Worksheet): Promise<void> {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  };
  await sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });
}

export function title(sheet: Worksheet, text: string, subtitle?: string): void {
  sheet.getCell('A1').value = sanitiseText(text);
  sheet.getCell('A1').font = { bold: true, size: 14 };
  if (subtitle) sheet.getCell('A2').value = sanitiseText(subtitle);
}
