import { beforeAll, describe, expect, it } from 'vitest';
import type { TenderDocument } from '../../../src/model/types.js';
import { estimateModelPages } from '../../../src/render/docx/model-page-estimate.js';
import { pageNumberSource, shouldEstimatePages } from '../../../src/render/docx/page-estimate.js';
import { renderDocx } from '../../../src/render/docx/render-docx.js';
import { contentsEntries, part } from '../fixtures/docx-parts.js';
import { exampleDocument, exampleFiles, syntheticDocument } from '../fixtures/examples.js';
import { hostileDocument } from '../fixtures/hostile-document.js';
import { sampleDocument } from '../fixtures/sample-document.js';

const headingCount = (doc: TenderDocument) =>
  doc.sections.length + doc.sections.reduce((n, section) => n + section.clauses.length, 0);

const contentsOf = async (doc: TenderDocument, pageNumbers?: 'auto' | 'estimate' | 'word') =>
  contentsEntries(part(await renderDocx(doc, pageNumbers ? { pageNumbers } : {}), 'word/document.xml'));

const examples = new Map<string, TenderDocument>();

beforeAll(async () => {
  for (const file of exampleFiles()) examples.set(file, await exampleDocument(file));
});

describe('contents page numbers', () => {
  it("come from the model estimate by default; docx/layout's slow pass only when asked for", () => {
    expect(pageNumberSource('auto')).toBe('model');
    expect(pageNumberSource('estimate')).toBe('layout');
    expect(pageNumberSource('word')).toBe('none');
    expect(shouldEstimatePages(syntheticDocument(1000), 'auto')).toBe(false);
    expect(shouldEstimatePages(sampleDocument, 'estimate')).toBe(true);
  });

  it('are written for every entry of the fixture and every example, from page 3 on, never going backwards', async () => {
    const docs: [string, TenderDocument][] = [['fixture', sampleDocument], ...examples];
    expect(docs.length).toBeGreaterThanOrEqual(5);
    for (const [name, doc] of docs) {
      const entries = await contentsOf(doc);
      expect(entries, name).toHaveLength(headingCount(doc));
      const pages = entries.map((entry) => entry.page);
      expect(
        pages.every((page) => page !== undefined && page >= 3),
        name,
      ).toBe(true);
      expect(
        [...pages].sort((a = 0, b = 0) => a - b),
        name,
      ).toEqual(pages);
      // What is written is the model estimate, heading for heading.
      expect(pages, name).toEqual(estimateModelPages(doc).headingPages);
    }
  });

  it('are written for a 1,000-clause tender too, past the contents pages, and the last within the document', async () => {
    const doc = syntheticDocument(1000);
    const estimate = estimateModelPages(doc);
    const entries = await contentsOf(doc);
    expect(entries).toHaveLength(headingCount(doc));
    const pages = entries.map((entry) => entry.page ?? 0);
    // 1,040 entries take some 25 contents pages.
    expect(pages[0]).toBeGreaterThan(20);
    expect([...pages].sort((a, b) => a - b)).toEqual(pages);
    expect(pages.at(-1)).toBeLessThanOrEqual(estimate.pageCount);
    expect(estimate.pageCount).toBeGreaterThan(500);
  }, 60_000);

  it('gives every heading of a 1,000-clause document a page, in order (speed is in npm run bench)', () => {
    const pages = estimateModelPages(syntheticDocument(1000)).headingPages;
    expect(pages.length).toBeGreaterThan(1000);
    for (let i = 1; i < pages.length; i++) expect(pages[i]).toBeGreaterThanOrEqual(pages[i - 1] as number);
  });

  it('are estimated for hostile text too (5,000-character words, emoji, right-to-left) without hanging', async () => {
    const entries = await contentsOf(hostileDocument);
    expect(entries).toHaveLength(headingCount(hostileDocument));
    expect(entries.every((entry) => entry.page !== undefined)).toBe(true);
  });

  it('are the same every time', () => {
    const doc = examples.get('housing-management-system.yaml') ?? sampleDocument;
    expect(estimateModelPages(doc)).toEqual(estimateModelPages(structuredClone(doc)));
  });

  it("can still come from docx/layout's page layout ('estimate')", async () => {
    const entries = await contentsOf(sampleDocument, 'estimate');
    expect(entries).toHaveLength(headingCount(sampleDocument));
    expect(entries.every((entry) => entry.page !== undefined)).toBe(true);
  });

  it('can be left for Word: the contents still list every heading, and Word updates the field when it opens', async () => {
    const xml = part(await renderDocx(sampleDocument, { pageNumbers: 'word' }), 'word/document.xml');
    const entries = contentsEntries(xml);
    expect(entries).toHaveLength(headingCount(sampleDocument));
    expect(entries.every((entry) => entry.page === undefined)).toBe(true);
    expect(xml).toContain('<w:fldChar w:fldCharType="begin" w:dirty="true"/>');
    expect(xml).toContain('6 Data access and export');
  });
});
