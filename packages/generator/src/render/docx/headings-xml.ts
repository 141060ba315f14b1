import type { DocSection, TenderDocument } from '../../model/types.js';
import { sanitiseText } from '../../text/sanitise.js';
import { NUMBER_GUTTER } from './layout.js';
import { bookmarkedXml, paragraphXml, textXml } from './wordml.js';

/**
 * The section and clause headings written as WordprocessingML straight from the model: what docx writes for
 * blocks.ts `headingParagraph` once its TableOfContents has bookmarked the headings it lists (body-xml.test.ts
 * compares the two, byte for byte). contents-xml.ts lists the same headings.
 */

/** A section or clause heading, as the body writes it and the contents list it. */
export interface DocHeading {
  readonly level: 1 | 2;
  /** Number and title as written (sanitised); the number is left out when the model's is empty. */
  readonly number: string | undefined;
  readonly title: string;
  /** The renderer's bookmark on the heading, which refs link to (bookmarks.ts). */
  readonly bookmark: string | undefined;
  /** See startsNewPage. */
  readonly pageBreakBefore: boolean;
  /**
   * The contents' bookmark on the heading ("_Toc1", "_Toc2", …) and the entry's text, for a heading with text: docx
   * lists only those, with the tab after the number as a space.
   */
  readonly entry: { readonly bookmark: string; readonly text: string } | undefined;
}

/** The first section follows the contents page; appendices start on a page of their own. */
export function startsNewPage(section: DocSection, index: number): boolean {
  return index === 0 || section.kind === 'appendix';
}

/** Every section and clause heading in document order: the order the page estimate's headingPages follow. */
export function documentHeadings(doc: TenderDocument, bookmarks: ReadonlyMap<string, string>): DocHeading[] {
  const headings: DocHeading[] = [];
  let entries = 0;
  const add = (level: 1 | 2, number: string, title: string, anchor: string, pageBreakBefore: boolean) => {
    const written = number ? sanitiseText(number) : undefined;
    const shown = sanitiseText(title);
    // The heading's text as docx reads it for the contents: the tab after the number becomes a space in the entry.
    const text = written === undefined ? shown : `${written}\t${shown}`;
    let entry: DocHeading['entry'];
    if (text.trim() !== '') {
      entries += 1;
      entry = { bookmark: `_Toc${entries}`, text: text.replace(/\t/g, ' ') };
    }
    headings.push({
      level,
      number: written,
      title: shown,
      bookmark: bookmarks.get(anchor),
      pageBreakBefore,
      entry,
    });
  };
  doc.sections.forEach((section, index) => {
    add(1, section.number, section.title, section.anchor, startsNewPage(section, index));
    for (const clause of section.clauses) add(2, clause.number, clause.title, clause.anchor, false);
  });
  return headings;
}

/**
 * One heading paragraph: number, tab, title in one run, inside the contents' bookmark and the renderer's. `index` is
 * the heading's place in documentHeadings, which gives its two bookmarks ids no other heading's have (and docx's tree,
 * now only the cover, has no bookmarks).
 */
export function headingXml(heading: DocHeading, index: number): string {
  let content = `<w:r>${heading.number === undefined ? '' : `${textXml(heading.number)}<w:tab/>`}${textXml(heading.title)}</w:r>`;
  if (heading.bookmark !== undefined) content = bookmarkedXml(heading.bookmark, 2 * index + 2, content);
  if (heading.entry !== undefined) content = bookmarkedXml(heading.entry.bookmark, 2 * index + 1, content);
  return paragraphXml(
    {
      style: `Heading${heading.level}`,
      pageBreakBefore: heading.pageBreakBefore,
      tab: { type: 'left', position: NUMBER_GUTTER },
    },
    content,
  );
}
