import type { Worksheet } from 'exceljs';
import type { PackCriterion, PackModel, TenderDocument } from '../../model/types.js';
import { packOf } from './pack-model.js';
import {
  columnLetter,
  headerRow,
  inputCell,
  lookFor,
  newWorkbook,
  protect,
  ref,
  sheetName,
  title,
  workbookBytes,
} from './xlsx.js';

/**
 * Where everything is in the evaluation workbook. The renderer builds from it and tests read from it, so a
 * layout change cannot leave the two apart.
 */
export interface EvaluationLayout {
  readonly sheets: {
    readonly instructions: string;
    readonly criteria: string;
    readonly bidders: string;
    readonly evaluators: readonly string[];
    readonly moderation: string;
    readonly price: string;
    readonly summary: string;
  };
  /** Rows of the Criteria sheet, one per criterion (all levels). */
  readonly criteriaRows: readonly number[];
  /** Criteria that are scored on the scale (no sub-criteria, not price), in order. */
  readonly scored: readonly PackCriterion[];
  /** First row of scores on evaluator sheets (one row per scored criterion). */
  readonly scoreFirstRow: number;
  /** Column of bidder j (0-based) on evaluator and moderation sheets. */
  readonly bidderColumn: (j: number) => string;
  /** First data row of each moderation block. */
  readonly moderation: {
    readonly average: number;
    readonly moderated: number;
    readonly agreed: number;
    readonly weighted: number;
  };
  /** Bidder j's row on the Bidders, Price and Summary sheets. */
  readonly bidderRow: (j: number) => number;
  readonly priceRow: (j: number) => number;
  readonly summaryRow: (j: number) => number;
  readonly bidders: number;
}

const FIRST_ROW = 5;
const PRICE_FIRST_ROW = 7;

export function evaluationLayout(pack: PackModel): EvaluationLayout {
  const taken = new Set<string>();
  const scored = pack.criteria.filter((c) => !c.hasSubcriteria && c.kind !== 'price');
  const q = scored.length;
  // Four blocks on the moderation sheet, each a label row, a header row and one row per criterion, then a gap.
  const block = (k: number) => 4 + k * (q + 3) + 2;
  return {
    sheets: {
      instructions: sheetName('Instructions', taken),
      criteria: sheetName('Criteria', taken),
      bidders: sheetName('Bidders', taken),
      evaluators: Array.from({ length: pack.evaluators }, (_, i) => sheetName(`Evaluator ${i + 1}`, taken)),
      moderation: sheetName('Moderation', taken),
      price: sheetName('Price', taken),
      summary: sheetName('Summary', taken),
    },
    criteriaRows: pack.criteria.map((_, i) => FIRST_ROW + i),
    scored,
    scoreFirstRow: FIRST_ROW,
    bidderColumn: (j) => columnLetter(4 + j),
    moderation: { average: block(0), moderated: block(1), agreed: block(2), weighted: block(3) },
    bidderRow: (j) => FIRST_ROW + j,
    priceRow: (j) => PRICE_FIRST_ROW + j,
    summaryRow: (j) => FIRST_ROW + j,
    bidders: pack.bidderSlots,
  };
}

const KIND_WORDS = { quality: 'Quality', price: 'Price', 'social-value': 'Social value' } as const;

/** The evaluation workbook (.xlsx) for the panel: scores, moderation, price scores, weighted totals and ranking. */
export async function renderEvaluationWorkbook(doc: TenderDocument): Promise<Uint8Array> {
  const pack = packOf(doc);
  const look = lookFor(doc, pack.tender.currency);
  const layout = evaluationLayout(pack);
  const { sheets, scored } = layout;
  const workbook = await newWorkbook(doc, 'Evaluation workbook');
  const instructions = workbook.addWorksheet(sheets.instructions);
  const criteria = workbook.addWorksheet(sheets.criteria);
  const bidders = workbook.addWorksheet(sheets.bidders);
  const evaluators = sheets.evaluators.map((name) => workbook.addWorksheet(name));
  const moderation = workbook.addWorksheet(sheets.moderation);
  const price = workbook.addWorksheet(sheets.price);
  const summary = workbook.addWorksheet(sheets.summary);
  const minScore = Math.min(...pack.scale.map((s) => s.score));
  const maxScore = Math.max(...pack.scale.map((s) => s.score));
  const n = layout.bidders;
  const bidderColumns = Array.from({ length: n }, (_, j) => layout.bidderColumn(j));
  const lastBidderColumn = layout.bidderColumn(n - 1);

  // Criteria: weights within parents, overall weights by formula, and a check per group of weights.
  title(criteria, 'Criteria and weights', `${pack.tender.title} · ${pack.tender.reference}`);
  criteria.columns = [
    { width: 8 },
    { width: 40 },
    { width: 14 },
    { width: 14 },
    { width: 14 },
    { width: 22 },
  ];
  headerRow(
    criteria,
    FIRST_ROW - 1,
    ['No.', 'Criterion', 'Kind', 'Weight in its group (%)', 'Overall weight (%)', 'Scored'],
    look,
  );
  const rowOfNumber = new Map<string, number>();
  pack.criteria.forEach((c, i) => {
    const row = layout.criteriaRows[i] as number;
    rowOfNumber.set(c.number, row);
    const parentNumber = c.number.includes('.') ? c.number.slice(0, c.number.lastIndexOf('.')) : undefined;
    const parentRow = parentNumber ? rowOfNumber.get(parentNumber) : undefined;
    criteria.getCell(`A${row}`).value = c.number;
    criteria.getCell(`B${row}`).value = c.parent ? `${c.name} (part of ${c.parent})` : c.name;
    criteria.getCell(`C${row}`).value = KIND_WORDS[c.kind];
    criteria.getCell(`D${row}`).value = c.weight;
    criteria.getCell(`E${row}`).value = { formula: parentRow ? `D${row}*E${parentRow}/100` : `D${row}` };
    criteria.getCell(`E${row}`).numFmt = '0.##';
    criteria.getCell(`F${row}`).value = c.hasSubcriteria
      ? 'through sub-criteria'
      : c.kind === 'price'
        ? 'price'
        : 'on the scale';
  });
  const lastCriterionRow = FIRST_ROW + pack.criteria.length - 1;
  const groups: { label: string; rows: number[] }[] = [
    {
      label: 'Top-level criteria',
      rows: pack.criteria.filter((c) => !c.parent).map((c) => rowOfNumber.get(c.number) as number),
    },
  ];
  for (const c of pack.criteria.filter((c) => c.hasSubcriteria)) {
    const prefix = `${c.number}.`;
    groups.push({
      label: `Sub-criteria of ${c.number} ${c.name}`,
      rows: pack.criteria
        .filter((s) => s.number.startsWith(prefix) && !s.number.slice(prefix.length).includes('.'))
        .map((s) => rowOfNumber.get(s.number) as number),
    });
  }
  const checkHeader = lastCriterionRow + 2;
  headerRow(criteria, checkHeader, ['Check', 'Weights in the group', 'Total (%)', 'Result'], look);
  const checkRows = groups.map((group, i) => {
    const row = checkHeader + 1 + i;
    const sum = `SUM(${group.rows.map((r) => `D${r}`).join(',')})`;
    criteria.getCell(`A${row}`).value = i + 1;
    criteria.getCell(`B${row}`).value = group.label;
    criteria.getCell(`C${row}`).value = { formula: sum };
    criteria.getCell(`D${row}`).value = {
      formula: `IF(ABS(C${row}-100)<0.001,"OK","Check: the weights add up to "&TEXT(C${row},"0.##")&", not 100")`,
    };
    return row;
  });
  const checkRange = `D${checkRows[0]}:D${checkRows[checkRows.length - 1]}`;

  // Bidders: names typed once, shown everywhere else.
  title(bidders, 'Bidders', 'Type each Bidder’s name once; every other sheet shows it.');
  bidders.columns = [{ width: 8 }, { width: 48 }];
  headerRow(bidders, FIRST_ROW - 1, ['No.', 'Bidder'], look);
  const bidderName = (j: number) =>
    `IF(${ref(sheets.bidders, `B${layout.bidderRow(j)}`)}="","Bidder ${j + 1}",${ref(sheets.bidders, `B${layout.bidderRow(j)}`)})`;
  for (let j = 0; j < n; j++) {
    bidders.getCell(`A${layout.bidderRow(j)}`).value = j + 1;
    inputCell(bidders, `B${layout.bidderRow(j)}`, look, { kind: 'text' });
  }

  const scoreGrid = (sheet: Worksheet, headerAt: number, firstRow: number) => {
    headerRow(sheet, headerAt, ['No.', 'Criterion', 'Overall weight (%)'], look);
    bidderColumns.forEach((column, j) => {
      const cell = sheet.getCell(`${column}${headerAt}`);
      headerRow(sheet, headerAt, [''], look, 4 + j);
      cell.value = { formula: bidderName(j) };
    });
    scored.forEach((c, i) => {
      const row = firstRow + i;
      sheet.getCell(`A${row}`).value = c.number;
      sheet.getCell(`B${row}`).value = c.name;
      sheet.getCell(`C${row}`).value = { formula: ref(sheets.criteria, `E${rowOfNumber.get(c.number)}`) };
      sheet.getCell(`C${row}`).numFmt = '0.##';
    });
  };
  const gridColumns = [
    { width: 8 },
    { width: 40 },
    { width: 12 },
    ...bidderColumns.map(() => ({ width: 16 })),
  ];

  evaluators.forEach((sheet, e) => {
    title(
      sheet,
      `Evaluator ${e + 1}: individual scores`,
      `Score each answer from ${minScore} to ${maxScore} on the scale in the instructions, without conferring.`,
    );
    sheet.columns = gridColumns;
    sheet.getCell('A3').value = 'Evaluator';
    inputCell(sheet, 'B3', look, { kind: 'text' });
    scoreGrid(sheet, FIRST_ROW - 1, FIRST_ROW);
    scored.forEach((_, i) => {
      for (const column of bidderColumns)
        inputCell(sheet, `${column}${FIRST_ROW + i}`, look, { kind: 'whole', min: minScore, max: maxScore });
    });
  });

  // Moderation: the evaluators' average, the moderated score the panel agrees, the score used, and its weight.
  title(
    moderation,
    'Moderation',
    'Enter a moderated score where the panel agrees one; otherwise the average of the evaluators is used.',
  );
  moderation.columns = gridColumns;
  const blocks = [
    { at: layout.moderation.average, label: 'Average of the evaluators’ scores' },
    {
      at: layout.moderation.moderated,
      label: `Moderated score agreed by the panel (${minScore} to ${maxScore}; leave blank to use the average)`,
    },
    { at: layout.moderation.agreed, label: 'Score used' },
    { at: layout.moderation.weighted, label: `Weighted score (score ÷ ${maxScore} × overall weight)` },
  ];
  for (const block of blocks) {
    moderation.getCell(`A${block.at - 2}`).value = block.label;
    moderation.getCell(`A${block.at - 2}`).font = { bold: true };
    scoreGrid(moderation, block.at - 1, block.at);
  }
  scored.forEach((_, i) => {
    bidderColumns.forEach((column) => {
      const at = (row: number) => `${column}${row + i}`;
      const scores = sheets.evaluators.map((sheet) => ref(sheet, `${column}${FIRST_ROW + i}`)).join(',');
      moderation.getCell(at(layout.moderation.average)).value = {
        formula: `IF(COUNT(${scores})=0,"",AVERAGE(${scores}))`,
      };
      moderation.getCell(at(layout.moderation.average)).numFmt = '0.##';
      inputCell(moderation, at(layout.moderation.moderated), look, {
        kind: 'whole',
        min: minScore,
        max: maxScore,
      });
      const average = at(layout.moderation.average);
      const moderated = at(layout.moderation.moderated);
      moderation.getCell(at(layout.moderation.agreed)).value = {
        formula: `IF(${moderated}<>"",${moderated},${average})`,
      };
      moderation.getCell(at(layout.moderation.agreed)).numFmt = '0.##';
      const agreed = at(layout.moderation.agreed);
      moderation.getCell(at(layout.moderation.weighted)).value = {
        formula: `IF(${agreed}="","",${agreed}/${maxScore}*$C${layout.moderation.weighted + i})`,
      };
      moderation.getCell(at(layout.moderation.weighted)).numFmt = '0.00';
    });
  });

  // Price: the spec's own formula, over the whole-life cost each Bidder's pricing schedule gives.
  title(
    price,
    'Price',
    `Enter each Bidder's whole-life cost excluding VAT, from its pricing schedule. ${pack.price.description}`,
  );
  price.columns = [{ width: 8 }, { width: 40 }, { width: 20 }, { width: 16 }];
  price.getCell('A3').value = 'Lowest price';
  const priceRange = `C${layout.priceRow(0)}:C${layout.priceRow(n - 1)}`;
  price.getCell('C3').value = { formula: `IF(COUNT(${priceRange})=0,"",MIN(${priceRange}))` };
  price.getCell('C3').numFmt = look.money;
  price.getCell('A4').value = 'Price weight (%)';
  price.getCell('C4').value = {
    formula: `SUMIF(${ref(sheets.criteria, `F${FIRST_ROW}:F${lastCriterionRow}`)},"price",${ref(sheets.criteria, `E${FIRST_ROW}:E${lastCriterionRow}`)})`,
  };
  headerRow(
    price,
    PRICE_FIRST_ROW - 1,
    ['No.', 'Bidder', 'Whole-life cost excluding VAT', 'Price score'],
    look,
  );
  for (let j = 0; j < n; j++) {
    const row = layout.priceRow(j);
    price.getCell(`A${row}`).value = j + 1;
    price.getCell(`B${row}`).value = { formula: bidderName(j) };
    inputCell(price, `C${row}`, look, { kind: 'positive-money' }, look.money);
    price.getCell(`D${row}`).value = {
      formula:
        pack.price.formula === 'difference-from-lowest'
          ? `IF(C${row}="","",MAX(0,$C$4*(1-(C${row}-$C$3)/$C$3)))`
          : `IF(C${row}="","",$C$4*$C$3/C${row})`,
    };
    price.getCell(`D${row}`).numFmt = '0.00';
  }

  // Summary: weighted totals and ranking, all by formula.
  title(summary, 'Summary and ranking', `${pack.tender.title} · ${pack.tender.reference}`);
  summary.columns = [
    { width: 8 },
    { width: 40 },
    { width: 26 },
    { width: 14 },
    { width: 14 },
    { width: 10 },
    { width: 18 },
  ];
  headerRow(
    summary,
    FIRST_ROW - 1,
    ['No.', 'Bidder', 'Quality and social value', 'Price', 'Total', 'Rank', 'All scores agreed'],
    look,
  );
  const totals = `$E$${layout.summaryRow(0)}:$E$${layout.summaryRow(n - 1)}`;
  for (let j = 0; j < n; j++) {
    const row = layout.summaryRow(j);
    const column = layout.bidderColumn(j);
    const weighted = ref(
      sheets.moderation,
      `${column}${layout.moderation.weighted}:${column}${layout.moderation.weighted + scored.length - 1}`,
    );
    const agreed = ref(
      sheets.moderation,
      `${column}${layout.moderation.agreed}:${column}${layout.moderation.agreed + scored.length - 1}`,
    );
    summary.getCell(`A${row}`).value = j + 1;
    summary.getCell(`B${row}`).value = { formula: bidderName(j) };
    summary.getCell(`C${row}`).value = {
      formula: scored.length > 0 ? `IF(COUNT(${weighted})=0,"",SUM(${weighted}))` : '""',
    };
    summary.getCell(`D${row}`).value = { formula: ref(sheets.price, `D${layout.priceRow(j)}`) };
    summary.getCell(`E${row}`).value = {
      formula: `IF(AND(C${row}="",D${row}=""),"",IF(C${row}="",0,C${row})+IF(D${row}="",0,D${row}))`,
    };
    summary.getCell(`F${row}`).value = { formula: `IF(E${row}="","",RANK(E${row},${totals}))` };
    summary.getCell(`G${row}`).value = {
      formula: scored.length > 0 ? `IF(COUNT(${agreed})=${scored.length},"Yes","No")` : '"Yes"',
    };
    for (const c of ['C', 'D', 'E']) summary.getCell(`${c}${row}`).numFmt = '0.00';
  }
  const checkRow = layout.summaryRow(n - 1) + 2;
  summary.getCell(`B${checkRow}`).value = 'Weights';
  summary.getCell(`C${checkRow}`).value = {
    formula: `IF(COUNTIF(${ref(sheets.criteria, checkRange)},"OK")=${checkRows.length},"All weights add up to 100","Check the weights on the Criteria sheet")`,
  };

  // Instructions: how to use the workbook, the scale and the price formula.
  title(
    instructions,
    `Evaluation workbook: ${pack.tender.title}`,
    `${pack.authority.name} · ${pack.tender.reference} · for the evaluation panel only`,
  );
  instructions.columns = [{ width: 16 }, { width: 100 }];
  const steps = [
    'Type the Bidders’ names on the Bidders sheet.',
    `Each evaluator scores every answer on their own sheet (${sheets.evaluators.join(', ')}), on the scale below, without conferring.`,
    'At moderation, the panel agrees a score for each answer on the Moderation sheet; where it leaves one blank, the evaluators’ average is used.',
    'Enter each Bidder’s whole-life cost on the Price sheet; the price score follows the formula below.',
    'The Summary sheet adds up the weighted scores and ranks the Bidders. Yellow cells are for input; the rest is locked (no password).',
  ];
  steps.forEach((step, i) => {
    instructions.getCell(`A${4 + i}`).value = `Step ${i + 1}`;
    instructions.getCell(`B${4 + i}`).value = step;
  });
  const scaleHeader = 5 + steps.length;
  headerRow(instructions, scaleHeader, ['Score', 'Meaning'], look);
  pack.scale.forEach((level, i) => {
    instructions.getCell(`A${scaleHeader + 1 + i}`).value = `${level.score} ${level.label}`;
    instructions.getCell(`B${scaleHeader + 1 + i}`).value = level.meaning;
    instructions.getCell(`B${scaleHeader + 1 + i}`).alignment = { wrapText: true, vertical: 'top' };
  });
  const priceAt = scaleHeader + pack.scale.length + 2;
  instructions.getCell(`A${priceAt}`).value = 'Price';
  instructions.getCell(`B${priceAt}`).value = pack.price.description;
  instructions.getCell(`B${priceAt}`).alignment = { wrapText: true, vertical: 'top' };
  instructions.getCell(`A${priceAt + 1}`).value = 'Weights';
  instructions.getCell(`B${priceAt + 1}`).value = { formula: ref(sheets.summary, `C${checkRow}`) };
  if (lastBidderColumn) summary.views = [{ state: 'frozen', ySplit: FIRST_ROW - 1 }];

  for (const sheet of workbook.worksheets) await protect(sheet);
  return workbookBytes(workbook, doc);
}
