import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { renderDocxWith } from '../../../src/render/docx/render-docx.js';
import { sampleDocument } from '../fixtures/sample-document.js';

// The model's page estimate fails, for every module that asks for it.
vi.mock('../../../src/render/docx/page-layout/estimate.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../src/render/docx/page-layout/estimate.js')>()),
  estimateModelPages: () => {
    throw new Error('no estimate');
  },
}));

describe('when the page estimate fails', () => {
  it('the contents are still written, with their page numbers left for Word, by both body writers', async () => {
    const xml = await renderDocxWith(sampleDocument, {}, 'xml');
    expect(xml).toEqual(await renderDocxWith(sampleDocument, {}, 'docx'));
    expect(xml).toEqual(await renderDocxWith(sampleDocument, { pageNumbers: 'word' }, 'xml'));
    const documentXml = strFromU8(unzipSync(xml)['word/document.xml'] as Uint8Array);
    expect(documentXml).toMatch(
      /<w:fldChar w:fldCharType="begin" w:dirty="true"\/><w:instrText xml:space="preserve">PAGEREF _Toc1 \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:fldChar w:fldCharType="end"\/>/,
    );
  });
});
