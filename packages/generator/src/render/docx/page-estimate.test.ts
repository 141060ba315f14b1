import { describe, expect, it } from 'vitest';
import { part } from '../fixtures/docx-parts.js';
import { hostileDocument } from '../fixtures/hostile-document.js';
import { sampleDocument } from '../fixtures/sample-document.js';
import { LAYOUT_BUDGET, layoutCost, shouldEstimatePages } from './page-estimate.js';
import { renderDocx } from './render-docx.js';

const tocPageNumbers = (xml: string) => {
  const toc = xml.slice(xml.indexOf('<w:sdt>'), xml.indexOf('</w:sdt>'));
  return [
    ...toc.matchAll(
      /PAGEREF _Toc\d+ \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t xml:space="preserve">(\d+)</g,
    ),
  ];
};

describe('contents page numbers', () => {
  it('are estimated for a normal-sized tender and left to Word for pathological or huge ones', () => {
    expect(layoutCost(sampleDocument)).toBeLessThan(LAYOUT_BUDGET);
    expect(shouldEstimatePages(sampleDocument, 'auto')).toBe(true);
    expect(shouldEstimatePages(hostileDocument, 'auto')).toBe(false);
    expect(shouldEstimatePages(hostileDocument, 'estimate')).toBe(true);
    expect(shouldEstimatePages(sampleDocument, 'word')).toBe(false);
  });

  it('can be left for Word: the contents still list every heading, and Word updates the field when it opens', async () => {
    const xml = part(await renderDocx(sampleDocument, { pageNumbers: 'word' }), 'word/document.xml');
    expect(tocPageNumbers(xml)).toHaveLength(0);
    expect(xml).toContain('<w:fldChar w:fldCharType="begin" w:dirty="true"/>');
    expect(xml).toContain('6 Data access and export');
  });

  it('counts long words as the expensive layout they are', () => {
    const base = layoutCost(sampleDocument);
    const withUrl = layoutCost({
      ...sampleDocument,
      cover: { ...sampleDocument.cover, procedure: `see https://example.org/${'x'.repeat(100)}` },
    });
    expect(withUrl - base).toBeGreaterThan(2000);
  });
});
