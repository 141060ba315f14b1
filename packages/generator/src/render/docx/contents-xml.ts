import type { DocHeading } from './headings-xml.js';
import { TEXT_WIDTH } from './layout.js';
import { STYLE } from './styles.js';
import { escapeXml, internalLinkXml, paragraphXml, runXml } from './wordml.js';

/**
 * The contents page written as WordprocessingML straight from the model: its heading, then a TOC field in a Table of
 * Contents content control with an entry for each heading that has text, each linked to the heading's "_Toc" bookmark,
 * with a dot leader to its PAGEREF page number. It is what docx 9.15 writes for
 * `new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-2' })` once it has filled the entries in
 * from the headings and, given a page number estimator, written their numbers in (body-xml.test.ts compares the two,
 * byte for byte). With page numbers the fields are written clean, so Word shows them as they are; without, they are
 * written dirty and empty, and Word fills them in when it updates the fields.
 */

const TOC_INSTRUCTION = escapeXml('TOC \\h \\o "1-2"');
const SDT_PROPERTIES =
  '<w:sdtPr><w:alias w:val="Contents"/><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr>';
const SEPARATE = '<w:fldChar w:fldCharType="separate"/>';
const END = '<w:fldChar w:fldCharType="end"/>';

const begin = (dirty: boolean) => `<w:fldChar w:fldCharType="begin"${dirty ? ' w:dirty="true"' : ''}/>`;
const instruction = (text: string) => `<w:instrText xml:space="preserve">${text}</w:instrText>`;

/**
 * The "Contents" heading and the contents. `pages` is each heading's page, in documentHeadings' order (the model's
 * page estimate), or undefined to leave the numbers for Word.
 */
export function contentsXml(headings: readonly DocHeading[], pages: readonly number[] | undefined): string {
  const dirty = pages === undefined;
  const fieldStart = `<w:r>${begin(dirty)}${instruction(TOC_INSTRUCTION)}${SEPARATE}</w:r>`;
  let entries = '';
  headings.forEach((heading, index) => {
    if (heading.entry === undefined) return;
    const { bookmark, text } = heading.entry;
    const page = pages?.[index];
    const pageRef = `<w:r>${begin(dirty)}${instruction(`PAGEREF ${escapeXml(bookmark)} \\h`)}${SEPARATE}${
      page === undefined ? '' : `<w:t xml:space="preserve">${page}</w:t>`
    }${END}</w:r>`;
    entries += paragraphXml(
      { style: `TOC${heading.level}`, tab: { type: 'right', position: TEXT_WIDTH, leader: 'dot' } },
      (entries === '' ? fieldStart : '') +
        internalLinkXml(bookmark, `${runXml(text)}<w:r><w:tab/></w:r>${pageRef}`),
    );
  });
  // docx leaves a contents that lists no heading with the field alone, for Word to fill in.
  const content = entries === '' ? `<w:p>${fieldStart}</w:p>` : entries;
  return (
    paragraphXml({ style: STYLE.contentsHeading, pageBreakBefore: true }, runXml('Contents')) +
    `<w:sdt>${SDT_PROPERTIES}<w:sdtContent>${content}<w:p><w:r>${END}</w:r></w:p></w:sdtContent></w:sdt>`
  );
}
