import type { Worksheet } from 'exceljs';
import type { PackModel, TenderDocument } from '../../model/types.js';
import { formatMonths } from '../../text/format.js';
import { packOf } from './pack-model.js';
import {
  headerRow,
  inputCell,
  type Look,
  lookFor,
  newWorkbook,
  protect,
  ref,
  sheetName,
  title,
  workbookBytes,
} from './xlsx.js';

/** Rows a Bidder can fill in when the spec lists no price items for a lot. */
const BLANK_ROWS = 10;
/** The first row of price lines on a lot sheet (after the title, notes and header). */
export const PRICE_FIRST_ROW = 6;

const COLUMNS = [
  'ID',
  'What is priced',
  'Unit',
  'Quantity',
  'Unit price',
  'Line total',
  'Recurring',
] as const;

/** Where the totals of a lot sheet are, for the summary and for tests. */
export interface LotSheetLayout {
  readonly sheet: string;
  readonly lot?: string;
  /** Rows of price lines; unit prices are in column E. */
  readonly lines: readonly {
    readonly row: number;
    readonly id: string;
    readonly quantity: number;
    readonly recurring: boolean;
  }[];
  readonly subtotalRow: number;
  readonly vatRow: number;
  readonly totalRow: number;
  readonly wholeLifeRow: number;
  readonly wholeLifeVatRow: number;
}

interface LotPlan {
  readonly title: string;
  readonly lot?: { readonly id: string; readonly title: string };
  readonly items: PackModel['pricing']['items'];
}

function plans(pack: PackModel): LotPlan[] {
  if (pack.lots.length === 0) return [{ title: 'Prices', items: pack.pricing.items }];
  return pack.lots.map((lot) => ({
    title: `Lot ${lot.id}`,
    lot,
    items: pack.pricing.items.filter((item) => item.lot === undefined || item.lot === lot.id),
  }));
}

function lotSheet(sheet: Worksheet, plan: LotPlan, pack: PackModel, look: Look): LotSheetLayout {
  title(
    sheet,
    plan.lot ? `Lot ${plan.lot.id}: ${plan.lot.title}` : `Prices: ${pack.tender.title}`,
    pack.tender.reference,
  );
  sheet.getCell('A3').value =
    `Enter a unit price, excluding VAT, in each yellow cell. Quantities are ${pack.authority.shortName}'s estimate for the initial term.`;
  sheet.columns = [
    { width: 10 },
    { width: 44 },
    { width: 20 },
    { width: 11 },
    { width: 14 },
    { width: 16 },
    { width: 11 },
  ];
  headerRow(sheet, PRICE_FIRST_ROW - 1, COLUMNS, look);
  const lines: { row: number; id: string; quantity: number; recurring: boolean }[] = [];
  const blank = plan.items.length === 0;
  const count = blank ? BLANK_ROWS : plan.items.length;
  for (let i = 0; i < count; i++) {
    const row = PRICE_FIRST_ROW + i;
    const item = plan.items[i];
    if (item) {
      sheet.getCell(`A${row}`).value = item.id;
      sheet.getCell(`B${row}`).value = item.description;
      sheet.getCell(`C${row}`).value = item.unit;
      sheet.getCell(`D${row}`).value = item.quantity;
      sheet.getCell(`G${row}`).value = item.recurring ? 'Yes' : 'No';
      lines.push({ row, id: item.id, quantity: item.quantity, recurring: item.recurring });
    } else {
      // No items in the spec: the Bidder describes and prices its own lines.
      sheet.getCell(`A${row}`).value = `${i + 1}`;
      inputCell(sheet, `B${row}`, look, { kind: 'text' });
      inputCell(sheet, `C${row}`, look, { kind: 'text' });
      inputCell(sheet, `D${row}`, look, { kind: 'number' });
      sheet.getCell(`G${row}`).value = 'Yes';
      lines.push({ row, id: `${i + 1}`, quantity: 0, recurring: true });
    }
    for (const column of ['B', 'C'])
      sheet.getCell(`${column}${row}`).alignment = { wrapText: true, vertical: 'top' };
    inputCell(sheet, `E${row}`, look, { kind: 'money' }, look.money);
    sheet.getCell(`F${row}`).value = { formula: `IF(E${row}="","",D${row}*E${row})` };
    sheet.getCell(`F${row}`).numFmt = look.money;
  }
  const last = PRICE_FIRST_ROW + count - 1;
  const range = (column: string) => `${column}${PRICE_FIRST_ROW}:${column}${last}`;
  let row = last + 2;
  const label = (r: number, text: string, formula: string, bold = false) => {
    sheet.getCell(`B${r}`).value = text;
    sheet.getCell(`F${r}`).value = { formula };
    sheet.getCell(`F${r}`).numFmt = look.money;
    if (bold) {
      sheet.getCell(`B${r}`).font = { bold: true };
      sheet.getCell(`F${r}`).font = { bold: true };
    }
  };
  const vat = pack.pricing.vatRate;
  const subtotalRow = row++;
  label(subtotalRow, 'Total for the initial term, excluding VAT', `SUM(${range('F')})`, true);
  const vatRow = row++;
  label(vatRow, `VAT at ${vat}%`, `F${subtotalRow}*${vat}/100`);
  const totalRow = row++;
  label(totalRow, 'Total for the initial term, including VAT', `F${subtotalRow}+F${vatRow}`, true);
  row++;
  const months = pack.tender.contractMonths;
  const extensionRows: number[] = [];
  if (months !== undefined) {
    const recurring = `SUMIF(${range('G')},"Yes",${range('F')})`;
    pack.tender.extensionMonths.forEach((extension, i) => {
      const r = row++;
      extensionRows.push(r);
      label(
        r,
        `Extension ${i + 1} (${formatMonths(extension)}), recurring lines pro rata, excluding VAT`,
        `${recurring}*${extension}/${months}`,
      );
    });
  }
  const wholeLifeRow = row++;
  label(
    wholeLifeRow,
    `Whole-life cost${months !== undefined && pack.tender.extensionMonths.length > 0 ? ', initial term and all extensions' : ''}, excluding VAT`,
    [`F${subtotalRow}`, ...extensionRows.map((r) => `F${r}`)].join('+'),
    true,
  );
  const wholeLifeVatRow = row++;
  label(wholeLifeVatRow, 'Whole-life cost, including VAT', `F${wholeLifeRow}*(1+${vat}/100)`, true);
  sheet.views = [{ state: 'frozen', ySplit: PRICE_FIRST_ROW - 1 }];
  return {
    sheet: sheet.name,
    ...(plan.lot ? { lot: plan.lot.id } : {}),
    lines,
    subtotalRow,
    vatRow,
    totalRow,
    wholeLifeRow,
    wholeLifeVatRow,
  };
}

/** The sheets and rows the pricing schedule will have, without building it. */
export function pricingLayout(pack: PackModel): { lots: LotSheetLayout[] } {
  return { lots: plans(pack).map((plan) => layoutOnly(plan, pack)) };
}

function layoutOnly(plan: LotPlan, pack: PackModel): LotSheetLayout {
  const count = plan.items.length || BLANK_ROWS;
  const last = PRICE_FIRST_ROW + count - 1;
  const subtotalRow = last + 2;
  const extensions = pack.tender.contractMonths !== undefined ? pack.tender.extensionMonths.length : 0;
  const wholeLifeRow = subtotalRow + 4 + extensions;
  return {
    sheet: plan.title,
    ...(plan.lot ? { lot: plan.lot.id } : {}),
    lines: Array.from({ length: count }, (_, i) => ({
      row: PRICE_FIRST_ROW + i,
      id: plan.items[i]?.id ?? `${i + 1}`,
      quantity: plan.items[i]?.quantity ?? 0,
      recurring: plan.items[i]?.recurring ?? true,
    })),
    subtotalRow,
    vatRow: subtotalRow + 1,
    totalRow: subtotalRow + 2,
    wholeLifeRow,
    wholeLifeVatRow: wholeLifeRow + 1,
  };
}

/** The pricing schedule (.xlsx): instructions and a summary, then one sheet per lot with input cells and formulas. */
export async function renderPricingSchedule(doc: TenderDocument): Promise<Uint8Array> {
  const pack = packOf(doc);
  const look = lookFor(doc, pack.tender.currency);
  const workbook = await newWorkbook(doc, 'Pricing schedule');
  const taken = new Set<string>();
  const instructions = workbook.addWorksheet(sheetName('Instructions', taken));
  const lotPlans = plans(pack);
  const sheets = lotPlans.map((plan) => workbook.addWorksheet(sheetName(plan.title, taken)));
  const layouts = lotPlans.map((plan, i) => lotSheet(sheets[i] as Worksheet, plan, pack, look));

  title(
    instructions,
    `Pricing schedule: ${pack.tender.title}`,
    `${pack.authority.name} · ${pack.tender.reference}`,
  );
  instructions.columns = [{ width: 34 }, { width: 70 }, { width: 20 }, { width: 20 }];
  const notes = [
    `Complete ${lotPlans.length === 1 ? 'the price sheet' : 'a price sheet for each lot you bid for'} and return this workbook with your Tender${pack.tender.submissionDeadline ? ` by ${pack.tender.submissionDeadline}` : ''}.`,
    'Enter prices only in the yellow cells, as numbers without a currency sign. All other cells are locked and work out the totals.',
    `Prices exclude VAT, in ${pack.tender.currency === 'GBP' ? 'pounds sterling' : 'euros'}. VAT is added at ${pack.pricing.vatRate}%.`,
    pack.tender.contractMonths !== undefined
      ? `The initial term is ${formatMonths(pack.tender.contractMonths)}.${pack.tender.extensionMonths.length > 0 ? ' The whole-life cost adds each extension, pricing the recurring lines pro rata to the initial term.' : ''}`
      : 'The whole-life cost is the total for the initial term.',
    ...(pack.price.weight > 0 ? [`Price is scored as follows: ${pack.price.description}`] : []),
  ];
  notes.forEach((note, i) => {
    const cell = instructions.getCell(`A${4 + i}`);
    cell.value = `${i + 1}. ${note}`;
  });
  const summaryRow = 5 + notes.length;
  headerRow(
    instructions,
    summaryRow,
    ['Price sheet', 'Whole-life cost excluding VAT', 'Including VAT'],
    look,
  );
  layouts.forEach((layout, i) => {
    const r = summaryRow + 1 + i;
    instructions.getCell(`A${r}`).value = layout.sheet;
    instructions.getCell(`B${r}`).value = { formula: ref(layout.sheet, `F${layout.wholeLifeRow}`) };
    instructions.getCell(`C${r}`).value = { formula: ref(layout.sheet, `F${layout.wholeLifeVatRow}`) };
    instructions.getCell(`B${r}`).numFmt = look.money;
    instructions.getCell(`C${r}`).numFmt = look.money;
  });
  for (const sheet of [instructions, ...sheets]) await protect(sheet);
  return workbookBytes(workbook, doc);
}
