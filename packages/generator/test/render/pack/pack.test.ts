import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PackModel, TenderDocument } from '../../../src/model/types.js';
import { createNodeReader } from '../../../src/node/index.js';
import { buildTenderModel, buildTenderModelFromText } from '../../../src/pipeline.js';
import { manifestOrUndefined } from '../../../src/render/docx/manifest.js';
import { evaluationLayout } from '../../../src/render/pack/evaluation-workbook.js';
import {
  type PackFileBytes,
  renderEvaluationWorkbook,
  renderPack,
  renderPricingSchedule,
  renderResponseForm,
  unzipPack,
  zipPack,
} from '../../../src/render/pack/index.js';
import { limitText, weightText } from '../../../src/render/pack/pack-model.js';
import { pricingLayout } from '../../../src/render/pack/pricing-schedule.js';
import { outcome } from '../../helpers.js';
import { paragraphTexts, part, unescapeXml } from '../fixtures/docx-parts.js';
import { EXAMPLES, exampleDocument, exampleFiles } from '../fixtures/examples.js';
import { hasCommand, runTool, SHARED_TOOLS } from '../fixtures/tools.js';

/** The text of every <w:t> in document.xml, in order. */
const cellTexts = (docx: Uint8Array) =>
  [...part(docx, 'word/document.xml').matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) =>
    unescapeXml(m[1] ?? ''),
  );

const packs = new Map<string, { doc: TenderDocument; files: PackFileBytes[] }>();

beforeAll(async () => {
  for (const file of exampleFiles()) {
    const doc = await exampleDocument(file);
    packs.set(file, { doc, files: await renderPack(doc) });
  }
}, 240_000);

const pack = (doc: TenderDocument) => doc.pack as PackModel;

describe('the tender pack', () => {
  it('renders every part the model lists, each named after the tender reference and carrying the manifest', () => {
    for (const { doc, files } of packs.values()) {
      expect(files.map((f) => f.fileName)).toEqual(pack(doc).files.map((f) => f.fileName));
      expect(files.map((f) => f.id)).toEqual([
        'invitation',
        'response-form',
        'pricing-schedule',
        'form-of-tender',
        'commercially-sensitive',
        'evaluation-workbook',
        'open-data',
      ]);
      for (const file of files) {
        expect(file.fileName.startsWith(`${doc.meta.reference.toLowerCase()}-`)).toBe(true);
        // The open data is JSON for publishing; every document carries the manifest.
        if (file.id === 'open-data') {
          const release = JSON.parse(new TextDecoder().decode(file.bytes));
          const listed = release.releases[0].tender.documents.map((d: { title: string }) => d.title);
          expect(listed).toContain('Supplier response form');
          expect(listed).not.toContain('Evaluation workbook');
        } else expect(manifestOrUndefined(file.bytes)).toEqual(doc.manifest);
      }
    }
  });

  it('is deterministic: the same model gives the same bytes, and the zip holds exactly those bytes', async () => {
    const [first] = [...packs.values()];
    if (!first) throw new Error('no examples');
    const again = await renderPack(first.doc);
    expect(again.map((f) => f.bytes)).toEqual(first.files.map((f) => f.bytes));
    const zip = zipPack(first.files, first.doc.meta.issueDate);
    expect(zipPack(again, first.doc.meta.issueDate)).toEqual(zip);
    expect(unzipPack(zip)).toEqual(first.files.map((f) => ({ fileName: f.fileName, bytes: f.bytes })));
  }, 180_000);

  it('lists every file of the pack in the invitation, by name and purpose', () => {
    for (const { doc } of packs.values()) {
      const section = doc.sections.find((s) => s.kind === 'documents');
      const table = section?.blocks.find((b) => b.type === 'table');
      if (table?.type !== 'table') throw new Error('no Tender documents table');
      const rows = table.table.rows.map((row) =>
        row.map((cell) => cell.map((inline) => inline.text).join('')),
      );
      expect(rows).toEqual(pack(doc).files.map((f) => [`${f.title} (${f.fileName})`, f.purpose]));
    }
  });
});

describe('document.pack', () => {
  it('chooses the parts: the invitation lists only those, and the forms refer only to those', async () => {
    const text = readFileSync(join(EXAMPLES, 'housing-management-system.yaml'), 'utf8').replace(
      'document:\n',
      'document:\n  pack: [invitation, response-form]\n',
    );
    const disk = createNodeReader({ root: EXAMPLES });
    const result = outcome(
      await buildTenderModel(join(EXAMPLES, 'housing-management-system.yaml'), {
        readText: async (path) =>
          path.endsWith('housing-management-system.yaml') ? { ok: true, value: text } : disk.readText(path),
      }),
    );
    const doc = result.document as TenderDocument;
    expect(pack(doc).files.map((f) => f.id)).toEqual(['invitation', 'response-form']);
    const files = await renderPack(doc);
    expect(files.map((f) => f.id)).toEqual(['invitation', 'response-form']);
    const texts = paragraphTexts(part(files[1]?.bytes as Uint8Array, 'word/document.xml')).join('\n');
    expect(texts).not.toContain('pricing schedule');
    expect(texts).not.toContain('form of tender');
  }, 180_000);
});

describe('the supplier response form', () => {
  it('lists exactly the criteria that are answered, with their weights and limits', () => {
    for (const { doc, files } of packs.values()) {
      const texts = paragraphTexts(part(files[1]?.bytes as Uint8Array, 'word/document.xml'));
      const questions = texts.filter((t) => /^Question \d/.test(t));
      const answered = pack(doc).criteria.filter((c) => !c.hasSubcriteria && c.kind !== 'price');
      expect(questions).toEqual(answered.map((c) => `Question ${c.number}: ${c.name}`));
      for (const c of answered) {
        expect(texts).toContain(weightText(c));
        expect(texts).toContain(c.question);
        if (c.wordLimit || c.pageLimit) expect(texts).toContain(limitText(c));
      }
    }
  });

  it('takes the criteria, weights and limits from the spec', () => {
    const doc = packs.get('housing-management-system.yaml')?.doc as TenderDocument;
    const data = pack(doc).criteria.find((c) => c.name === 'Data, APIs and exit');
    expect(data).toMatchObject({
      number: '1.2',
      weight: 30,
      overallWeight: 18,
      wordLimit: 1500,
      parent: 'Quality',
    });
    expect(weightText(data as NonNullable<typeof data>)).toBe('30% of Quality (18% overall)');
  });

  it('has every requirement once for each lot it belongs to', async () => {
    for (const { doc, files } of packs.values()) {
      const texts = cellTexts(files[1]?.bytes as Uint8Array);
      const lots = pack(doc).lots.length;
      for (const requirement of pack(doc).requirements) {
        const expected = lots === 0 ? 1 : requirement.lots.length;
        expect(
          texts.filter((t) => t === requirement.id),
          requirement.id,
        ).toHaveLength(expected);
      }
    }
    // A requirement with no lot belongs to every lot.
    const aq = pack(packs.get('air-quality-sensors.yaml')?.doc as TenderDocument);
    expect(aq.requirements.find((r) => r.id === 'AQ-04')?.lots).toEqual(['2']);
    const shared: TenderDocument = {
      ...(packs.get('air-quality-sensors.yaml')?.doc as TenderDocument),
      pack: {
        ...aq,
        requirements: [{ id: 'ALL-1', text: 'Both lots.', priority: 'must', lots: ['1', '2'] }],
      },
    };
    const texts = cellTexts(await renderResponseForm(shared));
    expect(texts.filter((t) => t === 'ALL-1')).toHaveLength(2);
  }, 120_000);
});

const canCheck = hasCommand('xmllint') && hasCommand('unzip');
const canRecalc = canCheck && hasCommand('soffice') && hasCommand('python3');

describe('package checks', () => {
  it.skipIf(!canCheck)(
    'every .docx passes check-docx and every .xlsx passes check-xlsx',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'tender-pack-'));
      const paths: string[] = [];
      for (const { files } of packs.values())
        for (const file of files) {
          const path = join(dir, file.fileName);
          writeFileSync(path, file.bytes);
          paths.push(path);
        }
      const docx = runTool(
        'check-docx',
        paths.filter((p) => p.endsWith('.docx')),
      );
      expect(docx.output).toMatch(/0 problem/);
      expect(docx.status).toBe(0);
      const xlsx = runTool(
        'check-xlsx',
        paths.filter((p) => p.endsWith('.xlsx')),
      );
      expect(xlsx.output).toMatch(/0 problem/);
      expect(xlsx.status).toBe(0);
    },
    240_000,
  );
});

describe('specs nobody has seen', () => {
  const minimal = `tender:
  title: Minimal tender
  reference: "X/1 'quoted' & <odd>"
  authority: { name: London Borough of Example }
  procedure: below-threshold
  estimatedValue: { amount: 90000 }
  contract: { lengthMonths: 12 }
timetable:
  - { kind: clarification-deadline, date: 2027-01-18T12:00 }
  - { kind: submission-deadline, date: 2027-02-01T12:00 }
clauses:
  exclude: [{ id: procurement/evaluation-methodology, reason: Evaluated by a separate framework process. }]
document: { issueDate: 2027-01-04 }
`;
  const awkward = `tender:
  title: "Sheets & 'quotes'"
  reference: AWK-1
  authority: { name: London Borough of Example, shortName: the Council }
  procedure: open
  estimatedValue: { amount: 90000 }
  contract: { lengthMonths: 7, extensionMonths: [5, 5, 5] }
  lots:
    - { id: "A/B", title: "First: [draft]" }
    - { id: "A\\\\B", title: Second }
    - { id: 3, title: "A very long lot title that goes well past thirty-one characters" }
timetable:
  - { kind: clarification-deadline, date: 2027-01-18T12:00 }
  - { kind: submission-deadline, date: 2027-02-01T12:00 }
requirements:
  - { id: R1, text: 'Everyone: "quoted" & <angled>', priority: must }
  - { id: R2, text: Only the third lot., priority: could, lot: 3 }
evaluation:
  criteria:
    - name: "Quality 'and' <more>"
      weight: 70
      subcriteria:
        - { name: One, weight: 33.3 }
        - { name: Two, weight: 33.3 }
        - { name: Three, weight: 33.4, pageLimit: 2 }
    - { name: Cost, weight: 30 }
  scale:
    - { score: 1, label: Weak, meaning: Weak. }
    - { score: 10, label: Strong, meaning: Strong. }
  evaluators: 1
  bidderSlots: 1
pricing:
  vatRate: 0
  items:
    - { id: "=1+1", description: '=HYPERLINK("x")', unit: each, quantity: 0, lot: "A/B" }
document: { issueDate: 2027-01-04 }
`;
  it.skipIf(!canCheck)(
    'render every part they call for, and every file passes its check',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'tender-pack-unseen-'));
      const paths: string[] = [];
      for (const [name, text] of [
        ['minimal', minimal],
        ['awkward', awkward],
      ] as const) {
        const result = outcome(await buildTenderModelFromText(text, { file: `${name}.yaml` }));
        expect(result.errors, name).toEqual([]);
        const doc = result.document as TenderDocument;
        const files = await renderPack(doc);
        expect(files.map((f) => f.id)).toEqual(
          name === 'minimal'
            ? [
                'invitation',
                'response-form',
                'pricing-schedule',
                'form-of-tender',
                'commercially-sensitive',
                'open-data',
              ]
            : [
                'invitation',
                'response-form',
                'pricing-schedule',
                'form-of-tender',
                'commercially-sensitive',
                'evaluation-workbook',
                'open-data',
              ],
        );
        for (const file of files) {
          const path = join(dir, `${name}-${file.fileName}`);
          writeFileSync(path, file.bytes);
          paths.push(path);
        }
        if (name === 'awkward') {
          const workbook = strFromU8(
            unzipSync(files[2]?.bytes as Uint8Array)['xl/workbook.xml'] as Uint8Array,
          );
          const sheets = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
          expect(sheets).toEqual(['Instructions', 'Lot A-B', 'Lot A-B 2', 'Lot 3']);
          // Text that looks like a formula stays text.
          const sheet = strFromU8(
            unzipSync(files[2]?.bytes as Uint8Array)['xl/worksheets/sheet2.xml'] as Uint8Array,
          );
          expect(sheet).not.toContain('<f>1+1</f>');
          expect(sheet).not.toContain('<f>HYPERLINK');
        }
      }
      const docx = runTool(
        'check-docx',
        paths.filter((p) => p.endsWith('.docx')),
      );
      expect(docx.output).toMatch(/0 problem/);
      const xlsx = runTool(
        'check-xlsx',
        paths.filter((p) => p.endsWith('.xlsx')),
      );
      expect(xlsx.output).toMatch(/0 problem/);
    },
    240_000,
  );
});

// ---- Filling in workbooks and recalculating them in LibreOffice ----

/** Sets cell values in a worksheet's XML: numbers as <v>, text as an inline string. Input cells exist (styled). */
function fillCells(xlsx: Uint8Array, sheetName: string, values: Record<string, number | string>): Uint8Array {
  const files = unzipSync(xlsx);
  const workbook = strFromU8(files['xl/workbook.xml'] as Uint8Array);
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels'] as Uint8Array);
  const escaped = sheetName.replace(/&/g, '&amp;').replace(/'/g, '&apos;');
  const id = new RegExp(`<sheet [^>]*name="${escaped}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const target =
    new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
  if (!target) throw new Error(`no sheet ${sheetName}`);
  const path = `xl/${target.replace(/^\/?xl\//, '')}`;
  let xml = strFromU8(files[path] as Uint8Array);
  for (const [address, value] of Object.entries(values)) {
    const cell = new RegExp(`<c r="${address}"([^>]*?)(?:/>|>.*?</c>)`);
    const match = cell.exec(xml);
    if (!match) throw new Error(`${sheetName}!${address} is not in the sheet`);
    const attributes = (match[1] ?? '').replace(/\s*t="[^"]*"/, '');
    const replacement =
      typeof value === 'number'
        ? `<c r="${address}"${attributes}><v>${value}</v></c>`
        : `<c r="${address}"${attributes} t="inlineStr"><is><t>${value}</t></is></c>`;
    xml = xml.replace(cell, replacement);
  }
  files[path] = strToU8(xml);
  return zipSync(files);
}

/** Recalculates with LibreOffice (check-xlsx --recalc) and returns each sheet as rows of cells. */
function recalc(name: string, xlsx: Uint8Array): Map<string, string[][]> {
  const dir = mkdtempSync(join(tmpdir(), 'tender-recalc-'));
  const path = join(dir, `${name}.xlsx`);
  writeFileSync(path, xlsx);
  const out = join(dir, 'csv');
  const result = spawnSync(join(SHARED_TOOLS, 'check-xlsx'), ['--recalc', path], {
    encoding: 'utf8',
    env: { ...process.env, CHECK_XLSX_OUT: out },
    timeout: 240_000,
  });
  expect(`${result.stdout}${result.stderr}`).toMatch(/0 problem/);
  const sheets = new Map<string, string[][]>();
  for (const file of readdirSync(out)) {
    const sheet = file.slice(name.length + 1, -'.csv'.length);
    sheets.set(sheet, parseCsv(readFileSync(join(out, file), 'utf8')));
  }
  return sheets;
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (c !== '\r') cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

const at = (sheet: string[][] | undefined, address: string): string => {
  const match = /^([A-Z]+)(\d+)$/.exec(address);
  if (!match || !sheet) return '';
  const column = [...(match[1] as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return sheet[Number(match[2]) - 1]?.[column - 1] ?? '';
};
const num = (text: string) => Number(text.replace(/[£€,]/g, ''));

describe.skipIf(!canRecalc)('the workbooks compute in LibreOffice', () => {
  it('evaluation workbook: weighted totals, price scores and ranking match an independent calculation', async () => {
    for (const [name, formula] of [
      ['housing-management-system.yaml', 'lowest-price-ratio'],
      ['air-quality-sensors.yaml', 'difference-from-lowest'],
    ] as const) {
      const base = packs.get(name)?.doc as TenderDocument;
      const doc: TenderDocument = {
        ...base,
        pack: { ...pack(base), price: { ...pack(base).price, formula }, evaluators: 2, bidderSlots: 5 },
      };
      const model = pack(doc);
      const layout = evaluationLayout(model);
      const bidders = ['Acme Ltd', 'Beta & Co', 'Gamma'];
      const maxScore = Math.max(...model.scale.map((s) => s.score));
      // Scores differ by evaluator, bidder and criterion; one moderated score overrides the average.
      const score = (e: number, j: number, i: number) => (e + 2 * j + i) % (maxScore + 1);
      const moderated = { bidder: 1, criterion: 0, score: maxScore };
      const prices = [420_000, 390_000, 515_000];

      let xlsx = await renderEvaluationWorkbook(doc);
      xlsx = fillCells(
        xlsx,
        layout.sheets.bidders,
        Object.fromEntries(bidders.map((b, j) => [`B${layout.bidderRow(j)}`, b.replace('&', '&amp;')])),
      );
      layout.sheets.evaluators.forEach((sheet, e) => {
        const values: Record<string, number> = {};
        layout.scored.forEach((_, i) => {
          bidders.forEach((_, j) => {
            values[`${layout.bidderColumn(j)}${layout.scoreFirstRow + i}`] = score(e, j, i);
          });
        });
        xlsx = fillCells(xlsx, sheet, values);
      });
      xlsx = fillCells(xlsx, layout.sheets.moderation, {
        [`${layout.bidderColumn(moderated.bidder)}${layout.moderation.moderated + moderated.criterion}`]:
          moderated.score,
      });
      xlsx = fillCells(
        xlsx,
        layout.sheets.price,
        Object.fromEntries(prices.map((p, j) => [`C${layout.priceRow(j)}`, p])),
      );
      const sheets = recalc(name.replace('.yaml', ''), xlsx);
      const summary = sheets.get(layout.sheets.summary);

      // The independent calculation, from the model.
      const lowest = Math.min(...prices);
      const priceScore = (p: number) =>
        formula === 'lowest-price-ratio'
          ? (model.price.weight * lowest) / p
          : Math.max(0, model.price.weight * (1 - (p - lowest) / lowest));
      const totals = bidders.map((_, j) => {
        const quality = layout.scored.reduce((sum, c, i) => {
          const average = (score(0, j, i) + score(1, j, i)) / 2;
          const used = j === moderated.bidder && i === moderated.criterion ? moderated.score : average;
          return sum + (used / maxScore) * c.overallWeight;
        }, 0);
        return { quality, price: priceScore(prices[j] as number) };
      });
      const ranks = totals.map(
        (t) => 1 + totals.filter((o) => o.quality + o.price > t.quality + t.price).length,
      );

      bidders.forEach((bidder, j) => {
        const row = layout.summaryRow(j);
        expect(at(summary, `B${row}`)).toBe(bidder);
        expect(num(at(summary, `C${row}`))).toBeCloseTo(totals[j]?.quality as number, 1);
        expect(num(at(summary, `D${row}`))).toBeCloseTo(totals[j]?.price as number, 1);
        expect(num(at(summary, `E${row}`))).toBeCloseTo(
          (totals[j]?.quality as number) + (totals[j]?.price as number),
          1,
        );
        expect(num(at(summary, `F${row}`))).toBe(ranks[j]);
        expect(at(summary, `G${row}`)).toBe('Yes');
      });
      // Empty bidder slots stay empty and unranked.
      expect(at(summary, `E${layout.summaryRow(4)}`)).toBe('');
      expect(at(summary, `F${layout.summaryRow(4)}`)).toBe('');
      expect(sheets.get(layout.sheets.summary)?.flat()).toContain('All weights add up to 100');
    }
  }, 240_000);

  it('evaluation workbook: flags a weight total other than 100', async () => {
    const base = packs.get('housing-management-system.yaml')?.doc as TenderDocument;
    const model = pack(base);
    const criteria = model.criteria.map((c) => (c.number === '1.1' ? { ...c, weight: 45 } : c));
    const doc: TenderDocument = { ...base, pack: { ...model, criteria } };
    const sheets = recalc('weights', await renderEvaluationWorkbook(doc));
    const flat = sheets.get('Criteria')?.flat() ?? [];
    expect(flat).toContain('Check: the weights add up to 105, not 100');
    expect(sheets.get('Summary')?.flat()).toContain('Check the weights on the Criteria sheet');
  }, 240_000);

  it('pricing schedule: line totals, VAT and whole-life cost match an independent calculation', async () => {
    const doc = packs.get('air-quality-sensors.yaml')?.doc as TenderDocument;
    const model = pack(doc);
    const layout = pricingLayout(model);
    let xlsx = await renderPricingSchedule(doc);
    const unitPrice = (lot: number, i: number) => 100 * (lot + 1) + 12.5 * i;
    layout.lots.forEach((lot, l) => {
      xlsx = fillCells(
        xlsx,
        lot.sheet,
        Object.fromEntries(lot.lines.map((line, i) => [`E${line.row}`, unitPrice(l, i)])),
      );
    });
    const sheets = recalc('pricing', xlsx);
    const months = model.tender.contractMonths as number;
    const extension = model.tender.extensionMonths.reduce((a, b) => a + b, 0);
    layout.lots.forEach((lot, l) => {
      const sheet = sheets.get(lot.sheet);
      const lines = lot.lines.map((line, i) => line.quantity * unitPrice(l, i));
      const subtotal = lines.reduce((a, b) => a + b, 0);
      const recurring = lot.lines.reduce(
        (sum, line, i) => sum + (line.recurring ? (lines[i] as number) : 0),
        0,
      );
      const wholeLife = subtotal + (recurring * extension) / months;
      lot.lines.forEach((line, i) => {
        expect(num(at(sheet, `F${line.row}`))).toBeCloseTo(lines[i] as number, 2);
      });
      expect(num(at(sheet, `F${lot.subtotalRow}`))).toBeCloseTo(subtotal, 2);
      expect(num(at(sheet, `F${lot.vatRow}`))).toBeCloseTo((subtotal * model.pricing.vatRate) / 100, 2);
      expect(num(at(sheet, `F${lot.totalRow}`))).toBeCloseTo(subtotal * (1 + model.pricing.vatRate / 100), 2);
      expect(num(at(sheet, `F${lot.wholeLifeRow}`))).toBeCloseTo(wholeLife, 2);
      expect(num(at(sheet, `F${lot.wholeLifeVatRow}`))).toBeCloseTo(
        wholeLife * (1 + model.pricing.vatRate / 100),
        2,
      );
    });
    // One-off lines are not repeated in the extension.
    expect(layout.lots[0]?.lines.find((line) => line.id === 'S1')?.recurring).toBe(false);
  }, 240_000);
});
