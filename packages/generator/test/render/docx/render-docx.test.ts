import { beforeAll, describe, expect, it } from 'vitest';
import type { DocBlock, DocInline } from '../../../src/model/types.js';
import { bookmarkNames } from '../../../src/render/docx/bookmarks.js';
import { NUMBER_GUTTER, TEXT_WIDTH } from '../../../src/render/docx/layout.js';
import { renderDocx } from '../../../src/render/docx/render-docx.js';
import { DRAFTING_NOTE_LABEL } from '../../../src/render/text.js';
import { bodyAfterContents, paragraphTexts, xmlParts } from '../fixtures/docx-parts.js';
import { numbersInOrder, sampleDocument } from '../fixtures/sample-document.js';

let parts: Record<string, string>;
let documentXml: string;
let bytes: Uint8Array;

beforeAll(async () => {
  bytes = await renderDocx(sampleDocument);
  parts = xmlParts(bytes);
  documentXml = parts['word/document.xml'] ?? '';
});

function refsIn(blocks: readonly DocBlock[]): Extract<DocInline, { type: 'ref' }>[] {
  const fromInlines = (inlines: readonly DocInline[]) =>
    inlines.filter((i): i is Extract<DocInline, { type: 'ref' }> => i.type === 'ref');
  return blocks.flatMap((b) => {
    switch (b.type) {
      case 'paragraph':
      case 'definition':
        return fromInlines(b.content);
      case 'numbered':
        return [...fromInlines(b.content), ...refsIn(b.children)];
      case 'bullets':
        return b.items.flatMap(refsIn);
      case 'note':
        return refsIn(b.blocks);
      case 'table':
        return b.table.rows.flatMap((row) => row.flatMap(fromInlines));
      default:
        return [];
    }
  });
}

describe('renderDocx: document body', () => {
  it('shows every section, clause and sub-clause number of the model, in order, as "number<tab>text"', () => {
    const numbered = paragraphTexts(bodyAfterContents(documentXml))
      .filter((text) => text.includes('\t'))
      .map((text) => text.slice(0, text.indexOf('\t')));
    expect(numbered).toEqual(numbersInOrder(sampleDocument));
    expect(numbered).toContain('6.1.2');
    expect(numbered).toContain('(c)');
  });

  it('writes section headings as Heading1 and clause headings as Heading2', () => {
    const headings = [...documentXml.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<\/w:p>/g)]
      .map((m) => [/<w:pStyle w:val="(Heading[12])"\/>/.exec(m[0])?.[1], paragraphTexts(m[0])[0]])
      .filter(([style]) => style !== undefined);
    expect(headings).toContainEqual(['Heading1', '6\tData access and export']);
    expect(headings).toContainEqual(['Heading2', '6.1\tExport of Authority Data at any time']);
    expect(headings.filter(([style]) => style === 'Heading1')).toHaveLength(sampleDocument.sections.length);
  });

  it('puts a bookmark on every section and clause heading, and links each ref to it', () => {
    const names = bookmarkNames(
      sampleDocument.sections.flatMap((s) => [s.anchor, ...s.clauses.map((c) => c.anchor)]),
    );
    for (const name of names.values()) expect(documentXml).toContain(`<w:bookmarkStart w:name="${name}"`);
    const refs = sampleDocument.sections.flatMap((s) => [
      ...refsIn(s.blocks),
      ...s.clauses.flatMap((c) => refsIn(c.blocks)),
    ]);
    expect(refs.length).toBeGreaterThanOrEqual(4);
    for (const ref of refs) {
      const link = new RegExp(
        `<w:hyperlink[^>]*w:anchor="${names.get(ref.anchor)}"[^>]*>[\\s\\S]*?</w:hyperlink>`,
      );
      const match = link.exec(documentXml);
      expect(match, ref.anchor).not.toBeNull();
      expect(paragraphTexts(`<w:p>${match?.[0]}</w:p>`)[0]).toBe(ref.text);
    }
  });

  it('writes external links as hyperlink relationships', () => {
    const rels = parts['word/_rels/document.xml.rels'] ?? '';
    const rel =
      /<Relationship Id="(rId\d+)" Type="[^"]+\/hyperlink" Target="https:\/\/loti\.london\/" TargetMode="External"\/>/.exec(
        rels,
      );
    expect(rel).not.toBeNull();
    expect(documentXml).toContain(`<w:hyperlink w:history="1" r:id="${rel?.[1]}">`);
  });

  it('writes bullets as a real Word list, nested items one level down', () => {
    expect(documentXml).toMatch(
      /<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>[\s\S]*?let residents report/,
    );
    expect(documentXml).toMatch(
      /<w:numPr><w:ilvl w:val="1"\/><w:numId w:val="\d+"\/><\/w:numPr>[\s\S]*?appointments that residents/,
    );
    expect(parts['word/numbering.xml']).toContain('<w:numFmt w:val="bullet"/>');
  });

  it('writes definitions as "Term means …" with the term in bold', () => {
    expect(documentXml).toMatch(
      /<w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">Working Day<\/w:t><\/w:r><w:r><w:t xml:space="preserve"> means <\/w:t><\/w:r><w:r><w:t xml:space="preserve">a day other than/,
    );
  });

  it('boxes every drafting note and clause guidance as one shaded single-cell table', () => {
    const notes = [...documentXml.matchAll(/<w:tbl>(?:(?!<w:tbl>)[\s\S])*?Drafting note for officers/g)];
    const expected = 2 + sampleDocument.sections.flatMap((s) => s.clauses).filter((c) => c.guidance).length;
    expect(notes).toHaveLength(expected);
    expect(documentXml.split(DRAFTING_NOTE_LABEL)).toHaveLength(expected + 1);
    for (const [note] of notes) {
      expect(note).toMatch(/<w:shd [^>]*w:fill="[0-9A-F]{6}"/);
      expect(note.match(/<w:tc>/g)).toHaveLength(1);
    }
  });
});

describe('renderDocx: tables', () => {
  const tables = () => [...documentXml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);

  it('marks the header row of every data table as a repeating header', () => {
    const dataTables = tables().filter((t) => t.includes('<w:tblHeader/>'));
    // 4 tables in sections + key dates on the cover.
    expect(dataTables).toHaveLength(5);
    for (const table of dataTables) {
      const firstRow = /<w:tr>[\s\S]*?<\/w:tr>/.exec(table)?.[0] ?? '';
      expect(firstRow).toContain('<w:tblHeader/>');
      expect(table.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    }
  });

  it('sets column widths as the grid and on every cell, in twips of the text column, with a fixed layout', () => {
    const table = tables().find((t) => t.includes('Mandatory') || t.includes('>Ref<')) ?? '';
    const available = TEXT_WIDTH - NUMBER_GUTTER;
    const [first, second] = [Math.floor(0.12 * available), Math.floor(0.63 * available)];
    const expected = [first, second, available - first - second];
    const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid).toEqual(expected);
    expect(table).toContain('<w:tblLayout w:type="fixed"/>');
    expect(table).toContain(`<w:tblW w:type="dxa" w:w="${available}"/>`);
    const cellWidths = [...table.matchAll(/<w:tcW w:type="dxa" w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(cellWidths).toHaveLength(3 * 5);
    expect(cellWidths.slice(0, 3)).toEqual(expected);
  });

  it('writes the caption above its table', () => {
    const caption = documentXml.indexOf('Table 2: Mandatory requirements');
    expect(caption).toBeGreaterThan(0);
    expect(documentXml.indexOf('<w:tbl>', caption)).toBeLessThan(documentXml.indexOf('R1', caption));
  });
});

describe('renderDocx: styles, cover, page furniture, properties', () => {
  it('sets the language, font and heading styles', () => {
    const styles = parts['word/styles.xml'] ?? '';
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*<w:lang w:val="en-GB"\/>[\s\S]*<\/w:docDefaults>/);
    expect(styles).toMatch(/<w:rFonts w:ascii="Arial"/);
    expect(styles).toMatch(/w:styleId="Heading1"[\s\S]*?<w:outlineLvl w:val="0"\/>/);
    expect(styles).toMatch(/w:styleId="Heading2"[\s\S]*?<w:outlineLvl w:val="1"\/>/);
    expect(styles).toContain('w:styleId="TableText"');
    expect(styles).toContain('w:styleId="DraftingNoteText"');
  });

  it('lays out an A4 page with 2.5 cm margins and a distinct cover page', () => {
    expect(documentXml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(documentXml).toMatch(/<w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417"/);
    expect(documentXml).toContain('<w:titlePg/>');
  });

  it('puts the logo with its alt text, and the cover facts, before the contents', () => {
    const contents = documentXml.indexOf('<w:sdt>');
    const logo = /<wp:docPr id="1" name="Logo" descr="London Borough of Hackney logo"/.exec(documentXml);
    expect(logo?.index).toBeLessThan(contents);
    for (const fact of sampleDocument.cover.facts)
      expect(documentXml.indexOf(fact.value)).toBeLessThan(contents);
    for (const date of sampleDocument.cover.keyDates)
      expect(documentXml.indexOf(date.display)).toBeLessThan(contents);
    expect(Object.keys(xmlParts(bytes))).not.toContain('word/media/image1.png'); // binary, not XML
  });

  it('has a table of contents of levels 1-2 with page numbers filled in', () => {
    expect(documentXml).toContain('TOC \\h \\o &quot;1-2&quot;');
    const toc = documentXml.slice(documentXml.indexOf('<w:sdt>'), documentXml.indexOf('</w:sdt>'));
    const entries = [
      ...toc.matchAll(
        /PAGEREF (_Toc\d+) \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t xml:space="preserve">(\d+)<\/w:t>/g,
      ),
    ];
    const headings =
      sampleDocument.sections.length + sampleDocument.sections.flatMap((s) => s.clauses).length;
    expect(entries).toHaveLength(headings);
    const pages = entries.map((e) => Number(e[2]));
    expect(pages[0]).toBeGreaterThanOrEqual(3);
    expect([...pages].sort((a, b) => a - b)).toEqual(pages);
  });

  it('shows title, reference, marking and "Page X of Y" on body pages, the marking alone on the cover', () => {
    const headers = Object.entries(parts).filter(([path]) => /^word\/header\d+\.xml$/.test(path));
    const footers = Object.entries(parts).filter(([path]) => /^word\/footer\d+\.xml$/.test(path));
    const bodyHeader = headers.find(([, xml]) => xml.includes('LBH-2027-014'))?.[1] ?? '';
    expect(bodyHeader).toContain(sampleDocument.meta.title);
    expect(bodyHeader).toContain('OFFICIAL');
    const bodyFooter = footers.find(([, xml]) => xml.includes('PAGE'))?.[1] ?? '';
    expect(paragraphTexts(bodyFooter).join('|')).toContain('Page ');
    expect(bodyFooter).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(bodyFooter).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
    // The cover's header: the sample is a draft, so its DRAFT mark, then the marking.
    expect(headers.some(([, xml]) => paragraphTexts(xml).join('|') === 'DRAFT|OFFICIAL')).toBe(true);
  });

  it('fills in the document properties from the model, with fixed dates', () => {
    const core = parts['docProps/core.xml'] ?? '';
    expect(core).toContain(`<dc:title>${sampleDocument.meta.title}</dc:title>`);
    expect(core).toContain('<dc:creator>London Borough of Hackney</dc:creator>');
    expect(core).toContain(`<dc:subject>${sampleDocument.meta.subject}</dc:subject>`);
    expect(core).toContain('<cp:keywords>tender, housing repairs, LOTI, data access</cp:keywords>');
    expect(core).toContain(`<dc:description>${sampleDocument.meta.description}</dc:description>`);
    expect(core).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2027-02-01T00:00:00Z</dcterms:created>',
    );
    expect(core).toContain(
      '<dcterms:modified xsi:type="dcterms:W3CDTF">2027-02-01T00:00:00Z</dcterms:modified>',
    );
    expect(parts['docProps/custom.xml']).toContain(
      'name="TenderReference"><vt:lpwstr>LBH-2027-014</vt:lpwstr>',
    );
  });
});
