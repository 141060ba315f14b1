import { describe, expect, it } from 'vitest';
import { DEFAULT_ACCENT_COLOUR } from '../../src/model/branding.js';
import type { DocBlock, TenderDocument } from '../../src/model/types.js';
import { paletteFor } from '../../src/render/colour.js';
import { HTML_PREVIEW_CSS } from '../../src/render/html/css.js';
import { renderHtml } from '../../src/render/html/render-html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { buildModel } from '../helpers.js';

/** The cover's key-dates table as [milestone, date, ISO date] rows; undefined when the cover has none. */
function keyDates(doc: TenderDocument): string[][] | undefined {
  const table = doc.cover.blocks.find(
    (block): block is Extract<DocBlock, { type: 'table' }> => block.type === 'table',
  );
  return table?.table.rows.map(([milestone, date]) => [
    (milestone ?? []).map((inline) => inline.text).join(''),
    (date ?? []).map((inline) => inline.text).join(''),
    date?.[0]?.type === 'text' ? (date[0].datetime ?? '') : '',
  ]);
}

describe('the cover at assembly', () => {
  it('holds the key dates as a table: the four key milestones in order, named as the spec names them', async () => {
    const doc = await buildModel((spec) => {
      spec.timetable = [
        { kind: 'publication', date: '2027-01-04', milestone: 'Notice on Find a Tender' },
        { kind: 'market-engagement', date: '2027-01-08' },
        { kind: 'clarification-deadline', date: '2027-01-18T12:00' },
        { kind: 'submission-deadline', date: '2027-02-01T12:00' },
        { kind: 'contract-start', date: '2027-04-01' },
      ];
    });
    expect(keyDates(doc)).toEqual([
      ['Notice on Find a Tender', 'Monday 4 January 2027', '2027-01-04'],
      ['Deadline for clarification questions', 'Monday 18 January 2027 at 12:00', '2027-01-18T12:00'],
      ['Deadline for Tenders', 'Monday 1 February 2027 at 12:00', '2027-02-01T12:00'],
      ['Contract starts', 'Thursday 1 April 2027', '2027-04-01'],
    ]);
  });

  it('is the only source of the table: renderers show none when the model has none', async () => {
    const built = await buildModel();
    const doc: TenderDocument = { ...built, cover: { ...built.cover, blocks: [] } };
    expect(renderHtml(built)).toContain('Key dates');
    expect(renderHtml(doc)).not.toContain('Key dates');
    expect(renderMarkdown(doc)).not.toContain('Key dates');
  });

  it('is rendered from the model: HTML marks each date with <time>, Markdown writes the same rows', async () => {
    const doc = await buildModel();
    const html = renderHtml(doc);
    expect(html).toContain('<caption>Key dates</caption>');
    expect(html).toContain('<time datetime="2027-02-01T12:00">Monday 1 February 2027 at 12:00</time>');
    expect(renderMarkdown(doc)).toContain('| Deadline for Tenders | Monday 1 February 2027 at 12:00 |');
  });
});

describe('the default accent colour', () => {
  it('is one colour: a spec without branding gets it, and renderers fall back to it for a malformed one', async () => {
    const doc = await buildModel();
    expect(doc.meta.branding.accentColour).toBe(DEFAULT_ACCENT_COLOUR);
    expect(paletteFor('not a colour').accent).toBe(DEFAULT_ACCENT_COLOUR);
    expect(HTML_PREVIEW_CSS).toContain(`--tk-accent: #${DEFAULT_ACCENT_COLOUR.toLowerCase()};`);
  });
});
