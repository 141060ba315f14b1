import type { IContext } from 'docx';
import { describe, expect, it } from 'vitest';
import type { DocBlock, TenderDocument } from '../../../src/model/types.js';
import { bookmarkNames } from '../../../src/render/docx/bookmarks.js';
import { PAGE } from '../../../src/render/docx/layout.js';
import { estimateModelPages, modelPageNumbers } from '../../../src/render/docx/model-page-estimate.js';
import { charWidth, textWidth, wrap } from '../../../src/render/docx/text-metrics.js';
import { syntheticDocument } from '../fixtures/examples.js';
import { sampleDocument } from '../fixtures/sample-document.js';

const width = (text: string, bold = false) => textWidth([{ text, bold }]);
const lines = (text: string, line: number) => wrap([{ text, bold: false }], line).lines;

describe('text metrics', () => {
  it("has Arial's advance widths, in thousandths of an em", () => {
    expect([...'a W.'].map((c) => charWidth(c.charCodeAt(0), false))).toEqual([556, 278, 944, 278]);
    expect(charWidth('b'.charCodeAt(0), true)).toBe(611);
    expect(charWidth('£'.charCodeAt(0), false)).toBe(556);
    expect(charWidth('’'.charCodeAt(0), false)).toBe(222);
    expect(charWidth('中'.charCodeAt(0), false)).toBe(1000);
  });

  it('breaks lines greedily at spaces, which may hang past the end of the line', () => {
    expect(lines('', 1000)).toBe(1);
    expect(lines('aaa bbb', width('aaa bbb'))).toBe(1);
    expect(lines('aaa bbb', width('aaa bb'))).toBe(2);
    expect(lines('aaa bbb ccc', width('aaa bbb'))).toBe(2);
  });

  it('breaks after a hyphen inside a word, but not before a digit or inside a URL', () => {
    expect(lines('in-house', width('in-hou'))).toBe(2);
    expect(lines('aa -5', width('aa -'))).toBe(2);
    expect(
      wrap([{ text: 'see https://example.org/a/b', bold: false }], width('see https://example.org/a')).last,
    ).toBe(width('https://example.org/a/b'));
  });

  it('breaks a word longer than the line a character at a time', () => {
    expect(lines('x'.repeat(100), width('x'.repeat(10)))).toBe(10);
    expect(lines('x'.repeat(101), width('x'.repeat(10)))).toBe(11);
    expect(lines(`a ${'x'.repeat(20)}`, width('x'.repeat(10)))).toBe(3);
  });
});

describe('estimateModelPages', () => {
  const paragraph = (words: number): DocBlock => ({
    type: 'paragraph',
    content: [{ type: 'text', text: Array.from({ length: words }, (_, i) => `word${i % 10}`).join(' ') }],
  });
  const withClauseText = (doc: TenderDocument, blocks: readonly DocBlock[]): TenderDocument => ({
    ...doc,
    sections: doc.sections.map((section, s) =>
      s === 0 ? { ...section, blocks: [...section.blocks, ...blocks] } : section,
    ),
  });

  it('puts the cover on page 1, the contents on page 2 and the first section on page 3', () => {
    const estimate = estimateModelPages(sampleDocument);
    expect(estimate.headingPages[0]).toBe(3);
    expect(estimate.anchorPages.get(sampleDocument.sections[0]?.anchor ?? '')).toBe(3);
    expect(estimate.pageCount).toBeGreaterThanOrEqual(Math.max(...estimate.headingPages));
    for (const offset of estimate.headingOffsets) {
      expect(offset).toBeGreaterThanOrEqual(0);
      expect(offset).toBeLessThan(PAGE.height - 2 * PAGE.margin);
    }
  });

  it('starts an appendix on a page of its own', () => {
    const estimate = estimateModelPages(sampleDocument);
    const appendix = sampleDocument.sections.findIndex((section) => section.kind === 'appendix');
    const index = sampleDocument.sections.slice(0, appendix).reduce((n, s) => n + 1 + s.clauses.length, 0);
    expect(appendix).toBeGreaterThan(0);
    expect(estimate.headingPages[index]).toBeGreaterThan(estimate.headingPages[index - 1] ?? 0);
    expect(estimate.headingOffsets[index]).toBe(480);
  });

  it('gives a longer contents more pages, and moves the body on', () => {
    expect(estimateModelPages(syntheticDocument(40)).headingPages[0]).toBe(4);
    expect(estimateModelPages(syntheticDocument(200)).headingPages[0]).toBeGreaterThan(6);
  });

  it('moves headings on as text is added before them, never back', () => {
    let previous = estimateModelPages(sampleDocument).headingPages;
    for (const words of [50, 100, 200, 400, 800]) {
      const pages = estimateModelPages(withClauseText(sampleDocument, [paragraph(words)])).headingPages;
      pages.forEach((page, i) => {
        expect(page).toBeGreaterThanOrEqual(previous[i] ?? 0);
      });
      previous = pages;
    }
    // 800 more words is about two pages.
    const before = estimateModelPages(sampleDocument).headingPages;
    expect((previous[1] ?? 0) - (before[1] ?? 0)).toBeGreaterThanOrEqual(1);
  });

  it("gives docx every heading bookmark's page, by the renderer's bookmark names when headings don't line up", () => {
    const names = bookmarkNames(
      sampleDocument.sections.flatMap((s) => [s.anchor, ...s.clauses.map((c) => c.anchor)]),
    );
    const estimate = estimateModelPages(sampleDocument);
    const last = sampleDocument.sections.at(-1);
    const heading = (name: string, toc: string) => ({
      'w:p': [
        { 'w:pPr': [{ 'w:pStyle': { _attr: { 'w:val': 'Heading1' } } }] },
        { 'w:bookmarkStart': { _attr: { 'w:name': toc, 'w:id': 1 } } },
        { 'w:bookmarkStart': { _attr: { 'w:name': name, 'w:id': 2 } } },
      ],
    });
    // Only the last section's heading is in this body, so it can't be matched by position.
    const body = { 'w:body': [heading(names.get(last?.anchor ?? '') ?? '', '_Toc99')] };
    const result = modelPageNumbers(sampleDocument, names)(body, {} as IContext);
    expect(result.bookmarks.get('_Toc99')).toBe(String(estimate.anchorPages.get(last?.anchor ?? '')));
    expect(result.pageCount).toBe(estimate.pageCount);
    for (const [anchor, page] of estimate.anchorPages) {
      expect(result.bookmarkPageNumbers?.get(names.get(anchor) ?? '')).toBe(page);
    }
  });
});
