import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenderDocument } from '../../../src/model/types.js';
import { estimateModelPages } from '../../../src/render/docx/model-page-estimate.js';
import { renderDocx } from '../../../src/render/docx/render-docx.js';
import { contentsEntries, part } from '../fixtures/docx-parts.js';
import { exampleDocument, exampleFiles } from '../fixtures/examples.js';
import { sampleDocument } from '../fixtures/sample-document.js';
import { hasCommand, runTool, tempFile } from '../fixtures/tools.js';

/**
 * The fixture and the examples against independent readers: libxml2 with the OOXML schemas, and LibreOffice, whose PDF
 * tells us on which page each heading really is, to compare with the page numbers the contents were written with.
 */
const withLibreOffice = hasCommand('soffice') && hasCommand('pdftotext');
const dirs: string[] = [];
let fixture: { dir: string; path: string };
let fixtureBytes: Uint8Array;

beforeAll(async () => {
  fixtureBytes = await renderDocx(sampleDocument);
  fixture = tempFile('fixture.docx', fixtureBytes);
  dirs.push(fixture.dir);
});

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Comparison {
  readonly pages: number;
  readonly estimatedPages: number;
  readonly headings: readonly {
    readonly heading: string;
    readonly written: number;
    readonly actual: number;
  }[];
}

/** Converts a rendered document with LibreOffice and finds the page each contents entry's heading is on. */
function compareWithLibreOffice(
  name: string,
  doc: TenderDocument,
  bytes: Uint8Array,
  path: string,
): Comparison {
  const out = join(path, '..', 'out');
  const result = runTool('render-docx', [path, out]);
  expect(result.status, result.output).toBe(0);
  const pages = Number(/\((\d+) pages\)/.exec(result.output)?.[1]);
  const pdf = join(out, `${name}.pdf`);
  const texts = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 })
    .stdout.split('\f')
    .slice(0, pages);
  expect(texts[pages - 1]).toContain(`Page ${pages} of ${pages}`);

  // The body starts after the last contents page, whose entries end in dot leaders and a page number.
  const leader = /\.{5,}\s*\d+\s*$/m;
  let from = texts.findLastIndex((text, i) => i < pages / 2 + 2 && leader.test(text)) + 1;
  const written = contentsEntries(part(bytes, 'word/document.xml'));
  const headings = written.map(({ heading, page }) => {
    const [number = '', ...title] = heading.split(' ');
    const words = title.join(' ').split(/\s+/).slice(0, 4).map(escapeRegExp).join('\\s+');
    const pattern = new RegExp(`^\\s*${escapeRegExp(number)}\\s+${words}`, 'm');
    // Headings come in order: each is on its predecessor's page or later.
    const index = texts.findIndex((text, i) => i >= from && pattern.test(text));
    if (index >= 0) from = index;
    return { heading, written: page ?? 0, actual: index + 1 };
  });
  return { pages, estimatedPages: estimateModelPages(doc).pageCount, headings };
}

function accuracy({ headings }: Comparison) {
  const errors = headings.map((h) => Math.abs(h.written - h.actual));
  return { exact: errors.filter((e) => e === 0).length / errors.length, worst: Math.max(...errors) };
}

describe('the fixture in independent readers', () => {
  it.skipIf(!hasCommand('xmllint'))('passes check-docx', () => {
    const result = runTool('check-docx', [fixture.path]);
    expect(result.output).toContain('check-docx: 1 file(s), 0 problem(s)');
    expect(result.status).toBe(0);
  });

  it.skipIf(!withLibreOffice)(
    'opens in LibreOffice, and every contents page number is within a page of where the heading is',
    () => {
      const comparison = compareWithLibreOffice('fixture', sampleDocument, fixtureBytes, fixture.path);
      expect(comparison.pages).toBeGreaterThanOrEqual(5);
      expect(comparison.headings).toHaveLength(
        sampleDocument.sections.length + sampleDocument.sections.flatMap((s) => s.clauses).length,
      );
      for (const heading of comparison.headings) {
        expect(heading.actual, heading.heading).toBeGreaterThan(2);
        expect(Math.abs(heading.written - heading.actual), heading.heading).toBeLessThanOrEqual(1);
      }
      expect(accuracy(comparison).exact).toBeGreaterThanOrEqual(0.85);
      expect(Math.abs(comparison.estimatedPages - comparison.pages)).toBeLessThanOrEqual(
        comparison.pages * 0.05,
      );
    },
    300_000,
  );
});

describe.skipIf(!withLibreOffice)('the examples in LibreOffice', () => {
  it.each(exampleFiles())(
    '%s: the page count within 5%, 85% of headings on the page written, none more than 2 pages out',
    async (file) => {
      const doc = await exampleDocument(file);
      const bytes = await renderDocx(doc);
      const name = file.replace(/\.yaml$/, '');
      const { dir, path } = tempFile(`${name}.docx`, bytes);
      dirs.push(dir);
      const comparison = compareWithLibreOffice(name, doc, bytes, path);
      expect(comparison.headings.every((h) => h.actual > 2)).toBe(true);
      const { exact, worst } = accuracy(comparison);
      expect(exact).toBeGreaterThanOrEqual(0.85);
      expect(worst).toBeLessThanOrEqual(2);
      expect(Math.abs(comparison.estimatedPages - comparison.pages)).toBeLessThanOrEqual(
        comparison.pages * 0.05,
      );
    },
    300_000,
  );
});
