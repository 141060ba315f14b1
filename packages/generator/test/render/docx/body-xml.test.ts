import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { DocBlock, TenderDocument } from '../../../src/model/types.js';
import { type RenderDocxOptions, renderDocxWith } from '../../../src/render/docx/render-docx.js';
import { exampleDocument, exampleFiles, syntheticDocument } from '../fixtures/examples.js';
import { hostileDocument } from '../fixtures/hostile-document.js';
import { bullets, item, link, p, ref, sampleDocument, t } from '../fixtures/sample-document.js';

/** Every block and inline shape in one section: nesting, notes in lists, fragments, explicit false formatting. */
function everyShape(): TenderDocument {
  const blocks = [
    p(t('bold ', { bold: true }), t('not bold ', { bold: false }), t('italic', { italic: true }), t('', {})),
    p(link('https://example.org/page#part-2', 'a fragment'), ' ', link('javascript:alert(1)', 'unsafe'), ' '),
    p(ref('no-such-anchor', 'dangling ref'), ref('clause-data-access-export-on-request', 'a ref')),
    item(
      '1.1',
      2,
      ['level two'],
      [item('(a)', 3, ['level three with ', link('https://example.org/x', 'a link')])],
    ),
    bullets(
      'one',
      [p('two, then'), bullets('nested', [{ type: 'note', title: 'In a list', blocks: [p('note')] }])],
      [],
    ),
    bullets([{ type: 'definition', term: 'Term', content: [t('means a thing.')] }]),
    {
      type: 'note',
      title: '',
      blocks: [bullets('in a note'), { type: 'definition', term: 'T', content: [t('x')] }],
    },
    { type: 'table', table: { caption: '', columns: [], rows: [[[t('no columns')]]] } },
    {
      type: 'table',
      table: {
        caption: 'Caption <&>',
        columns: [
          { header: 'A "quoted" header', width: 30 },
          { header: '', width: 70 },
        ],
        rows: [[[t('short row')]], [[link('https://example.org/?a=1&b=2', 'x')], [t("it's")]]],
      },
    },
  ] satisfies DocBlock[];
  const [first, ...rest] = sampleDocument.sections;
  if (!first) throw new Error('the sample has sections');
  return { ...sampleDocument, sections: [{ ...first, blocks: [...first.blocks, ...blocks] }, ...rest] };
}

/**
 * Headings the contents must treat as docx does: no number, a number that sanitises to nothing, a heading with no text
 * at all (no contents entry, no "_Toc" bookmark), only spaces, text to escape, tabs and line breaks, a missing anchor
 * (no bookmark of the renderer's), an appendix (a page break before).
 */
function awkwardHeadings(): TenderDocument {
  const [first, second, ...rest] = sampleDocument.sections;
  const clause = sampleDocument.sections.find((section) => section.clauses.length > 0)?.clauses[0];
  if (!first || !second || !clause) throw new Error('the sample has sections and a clause');
  return {
    ...sampleDocument,
    sections: [
      {
        ...first,
        number: '',
        title: 'Untitled <&> "section" \'one\'',
        clauses: [
          { ...clause, number: '\u0001', title: 'Number that sanitises away' },
          { ...clause, anchor: 'blank', number: ' ', title: ' ' },
          { ...clause, anchor: 'empty', number: '', title: '' },
          { ...clause, anchor: '', number: '1.3', title: 'Tab\there and\nline break, no anchor' },
          ...first.clauses,
        ],
      },
      { ...second, kind: 'appendix', number: 'A', title: '  spaced  ' },
      ...rest,
    ],
  };
}

/** No heading with text: docx leaves the contents' field alone, with no entries. */
function noListedHeadings(): TenderDocument {
  return {
    ...sampleDocument,
    sections: sampleDocument.sections.slice(0, 2).map((section) => ({
      ...section,
      number: '',
      title: '',
      clauses: section.clauses.map((clause) => ({ ...clause, number: '', title: ' ' })),
    })),
  };
}

/**
 * The body writer (body-xml.ts) must write exactly what docx writes for the same blocks: the whole package, part by
 * part, byte for byte. A difference is reported as the first place the part differs, so it can be fixed.
 */
async function expectSamePackage(doc: TenderDocument, options: RenderDocxOptions = {}): Promise<void> {
  const xml = unzipSync(await renderDocxWith(doc, options, 'xml'));
  const tree = unzipSync(await renderDocxWith(doc, options, 'docx'));
  expect(Object.keys(xml)).toEqual(Object.keys(tree));
  for (const [path, bytes] of Object.entries(tree)) {
    const ours = strFromU8(xml[path] as Uint8Array);
    const docx = strFromU8(bytes);
    if (ours === docx) continue;
    let at = 0;
    while (at < ours.length && ours[at] === docx[at]) at += 1;
    const from = Math.max(0, at - 200);
    expect({ path, at, ours: ours.slice(from, at + 200) }).toEqual({
      path,
      at,
      ours: docx.slice(from, at + 200),
    });
  }
}

describe('the body written as XML is byte for byte what docx writes', () => {
  it.each([
    ['sample', sampleDocument],
    ['hostile', hostileDocument],
  ])('%s document', async (_, doc) => {
    await expectSamePackage(doc);
    await expectSamePackage(doc, { pageNumbers: 'word', trackRevisions: true });
  });

  it.each([
    ['awkward headings', awkwardHeadings],
    ['no heading with text', noListedHeadings],
    ['no sections', () => ({ ...sampleDocument, sections: [] })],
  ])('%s, in the body and the contents', async (_, make) => {
    await expectSamePackage(make());
    await expectSamePackage(make(), { pageNumbers: 'word' });
  });

  it('every block and inline shape', async () => {
    await expectSamePackage(everyShape());
  });

  it.each(exampleFiles())('example %s', async (file) => {
    await expectSamePackage(await exampleDocument(file));
  });

  it('a synthetic 60-clause tender', async () => {
    await expectSamePackage(syntheticDocument(60, 7));
  });
});
