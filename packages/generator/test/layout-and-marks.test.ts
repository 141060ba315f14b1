import { describe, expect, it } from 'vitest';
import type { DocBlock, TenderDocument } from '../src/model/types.js';
import { fitMinimums } from '../src/render/columns.js';
import { TEXT_WIDTH } from '../src/render/docx/layout.js';
import { renderDocx, renderHtml, renderMarkdown } from '../src/render/index.js';
import { headerMinimum, tableColumnTwips } from '../src/render/table-widths.js';
import { leadsIn } from '../src/render/text.js';
import { paragraphTexts, xmlParts } from './render/fixtures/docx-parts.js';
import { sampleDocument } from './render/fixtures/sample-document.js';

const final: TenderDocument = { ...sampleDocument, meta: { ...sampleDocument.meta, status: 'final' } };

async function docxParts(doc: TenderDocument) {
  const parts = xmlParts(await renderDocx(doc));
  const headers = Object.entries(parts)
    .filter(([path]) => /^word\/header\d+\.xml$/.test(path))
    .map(([, xml]) => paragraphTexts(xml));
  return {
    body: paragraphTexts(parts['word/document.xml'] ?? ''),
    headers,
    xml: parts['word/document.xml'] ?? '',
  };
}

describe('draft and final', () => {
  it('marks a draft DRAFT on the cover and in every page header of the DOCX', async () => {
    const draft = await docxParts(sampleDocument);
    expect(draft.body[0]).toBe('DRAFT');
    expect(draft.headers.length).toBeGreaterThan(0);
    // The cover's header has the mark on its own line; body headers lead the running title with it.
    for (const header of draft.headers) expect(header.find((line) => line.startsWith('DRAFT'))).toBeDefined();
    const issued = await docxParts(final);
    expect(issued.body).not.toContain('DRAFT');
    for (const header of issued.headers) expect(header.join('|')).not.toContain('DRAFT');
  });

  it('marks a draft in HTML and Markdown too, and a final document not at all', () => {
    expect(renderHtml(sampleDocument)).toContain('<p class="tk-draft">DRAFT</p>');
    expect(renderHtml(sampleDocument)).toContain('<p class="tk-draft-banner">DRAFT</p>');
    expect(renderMarkdown(sampleDocument).startsWith('**DRAFT**\n')).toBe(true);
    expect(renderHtml(final)).not.toMatch(/class="tk-draft/);
    expect(renderMarkdown(final)).not.toContain('DRAFT');
  });
});

describe('the cover names the document', () => {
  it('says "Invitation to Tender" above the title in DOCX, HTML and Markdown', async () => {
    const { body } = await docxParts(final);
    expect(body.slice(0, 3)).toEqual([
      sampleDocument.cover.authority,
      'Invitation to Tender',
      sampleDocument.cover.title,
    ]);
    expect(renderHtml(final)).toContain('<p class="tk-document-type">Invitation to Tender</p>');
    expect(renderMarkdown(final)).toContain('**Invitation to Tender**');
  });
});

describe('lead-in paragraphs', () => {
  const text = (t: string): DocBlock => ({ type: 'paragraph', content: [{ type: 'text', text: t }] });
  const list: DocBlock = { type: 'bullets', items: [[text('one')], [text('two')]] };
  it('are paragraphs ending with a colon right before a list, or numbered items with children', () => {
    expect(leadsIn(text('Each Tender must:'), list)).toBe(true);
    expect(leadsIn(text('Each Tender must:'), text('Next.'))).toBe(false);
    expect(leadsIn(text('Each Tender must.'), list)).toBe(false);
    expect(
      leadsIn(
        {
          type: 'numbered',
          number: '1.1.1',
          level: 2,
          content: [{ type: 'text', text: 'It must:' }],
          children: [list],
        },
        undefined,
      ),
    ).toBe(true);
  });
  it('keep with the next paragraph in the DOCX, and no other body paragraph does', async () => {
    const doc: TenderDocument = {
      ...final,
      sections: [
        {
          kind: 'introduction',
          anchor: 'intro',
          number: '1',
          title: 'Introduction',
          blocks: [text('Plain text.'), text('Each Tender must:'), list],
          clauses: [],
        },
      ],
    };
    const { xml } = await docxParts(doc);
    const paragraphs = [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    const lead = paragraphs.find((p) => p.includes('Each Tender must:')) ?? '';
    const plain = paragraphs.find((p) => p.includes('Plain text.')) ?? '';
    expect(lead).toContain('<w:keepNext/>');
    expect(plain).not.toContain('<w:keepNext/>');
  });
});

describe('table header widths', () => {
  it('widen a column whose header word would break, taking room from the others', () => {
    // The manifest's 9% "Clause" column broke as "Clau se".
    const columns = [
      { header: 'Clause', width: 9 },
      { header: 'Library id', width: 36 },
      { header: 'Version', width: 10 },
      { header: 'Why included', width: 30 },
      { header: 'Hash', width: 15 },
    ];
    const widths = tableColumnTwips(columns, TEXT_WIDTH);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    columns.forEach((column, i) => {
      expect(widths[i]).toBeGreaterThanOrEqual(headerMinimum(column.header));
    });
    expect(widths[0]).toBeGreaterThan(Math.floor(TEXT_WIDTH * 0.09));
  });
  it('leave widths alone when every header fits, or when the minimums cannot all fit', () => {
    expect(fitMinimums([500, 500], [100, 100], 1000)).toEqual([500, 500]);
    expect(fitMinimums([100, 900], [300, 100], 1000)).toEqual([300, 700]);
    expect(fitMinimums([100, 900], [600, 600], 1000)).toEqual([100, 900]);
  });
});
