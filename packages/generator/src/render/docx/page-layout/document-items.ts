import type { TenderDocument } from '../../../model/types.js';
import { sanitiseText } from '../../../text/sanitise.js';
import { coverLogo, factsWidths } from '../../cover-data.js';
import { DRAFT_MARK, documentTypeOf, formatIsoDate, hasBlocks, isDraft } from '../../text.js';
import { startsNewPage } from '../headings-xml.js';
import { NUMBER_GUTTER, SPACING, TEXT_WIDTH, TOC2_INDENT } from '../layout.js';
import { STYLE_METRICS as STYLES } from '../style-metrics.js';
import { charWidth, wrap } from '../text-metrics.js';
import { blockItems, type Context, noteItems, rowHeight } from './block-items.js';
import { firstLine, type Item, type ParagraphItem, paragraph, toUnits } from './items.js';

/** The document's parts as layout items: the cover, the contents (entries and their page numbers) and the body. */

/** The heading's text as the contents shows it: number, a space, title. */
function headingText(number: string, title: string): string {
  return number ? `${sanitiseText(number)} ${sanitiseText(title)}` : sanitiseText(title);
}

export interface Heading {
  readonly anchor: string;
  readonly level: 1 | 2;
  readonly text: string;
}

export function headingsOf(document: TenderDocument): Heading[] {
  const headings: Heading[] = [];
  for (const section of document.sections) {
    headings.push({ anchor: section.anchor, level: 1, text: headingText(section.number, section.title) });
    for (const clause of section.clauses) {
      headings.push({ anchor: clause.anchor, level: 2, text: headingText(clause.number, clause.title) });
    }
  }
  return headings;
}

function headingItem(
  level: 1 | 2,
  number: string,
  title: string,
  index: number,
  pageBreakBefore: boolean,
): Item {
  const style = level === 1 ? STYLES.heading1 : STYLES.heading2;
  const width = TEXT_WIDTH - NUMBER_GUTTER;
  const runs = [{ text: sanitiseText(title), bold: true }];
  // The number hangs in the gutter and a tab takes the title to the indent; without a number the title starts at
  // the margin, on a first line as wide as the text.
  const first = number ? firstLine(width, sanitiseText(number), NUMBER_GUTTER, style.size, true) : TEXT_WIDTH;
  return paragraph(style, runs, width, { first, pageBreakBefore, heading: index });
}

export function bodyItems(document: TenderDocument): Item[] {
  const items: Item[] = [];
  const ctx: Context = { width: TEXT_WIDTH, indent: NUMBER_GUTTER, note: false };
  let heading = 0;
  document.sections.forEach((section, index) => {
    items.push(headingItem(1, section.number, section.title, heading, startsNewPage(section, index)));
    heading += 1;
    blockItems(section.blocks, ctx, items);
    for (const clause of section.clauses) {
      items.push(headingItem(2, clause.number, clause.title, heading, false));
      heading += 1;
      if (hasBlocks(clause.guidance)) {
        noteItems(`Guidance: ${clause.clauseId} (version ${clause.version})`, clause.guidance, ctx, items);
      }
      blockItems(clause.blocks, ctx, items);
    }
  });
  return items;
}

export function coverItems(document: TenderDocument): Item[] {
  const { cover } = document;
  const items: Item[] = [];
  if (isDraft(document))
    items.push(paragraph(STYLES.coverMeta, [{ text: DRAFT_MARK, bold: true }], TEXT_WIDTH));
  const logo = coverLogo(document);
  if (logo) {
    // An inline picture sets its line's height: 15 twips a pixel.
    items.push(
      paragraph(STYLES.normal, [], TEXT_WIDTH, { after: SPACING.logo.after, minHeight: logo.height * 15 }),
    );
  }
  items.push(
    paragraph(STYLES.coverAuthority, [{ text: sanitiseText(cover.authority), bold: true }], TEXT_WIDTH),
  );
  const documentType = documentTypeOf(document);
  if (documentType) items.push(paragraph(STYLES.coverMeta, [{ text: documentType, bold: true }], TEXT_WIDTH));
  items.push(paragraph(STYLES.coverTitle, [{ text: sanitiseText(cover.title), bold: true }], TEXT_WIDTH));
  const labelled = (label: string, value: string) =>
    paragraph(
      STYLES.coverMeta,
      [
        { text: `${label}: `, bold: true },
        { text: sanitiseText(value), bold: false },
      ],
      TEXT_WIDTH,
    );
  if (cover.reference.trim()) items.push(labelled('Reference', cover.reference));
  if (cover.procedure.trim()) items.push(labelled('Procedure', cover.procedure));
  if (document.meta.issueDate.trim())
    items.push(labelled('Issue date', formatIsoDate(document.meta.issueDate)));
  items.push(paragraph(STYLES.coverGap, [], TEXT_WIDTH));
  if (cover.facts.length > 0) {
    const widths = factsWidths(TEXT_WIDTH);
    items.push({
      kind: 'table',
      header: 0,
      rows: cover.facts.map((fact) =>
        rowHeight(
          [
            [{ text: sanitiseText(fact.label), bold: true }],
            [{ text: sanitiseText(fact.value), bold: false }],
          ],
          widths,
          false,
        ),
      ),
    });
    items.push(paragraph(STYLES.coverGap, [], TEXT_WIDTH));
  }
  blockItems(cover.blocks, { width: TEXT_WIDTH, indent: 0, note: false }, items);
  return items;
}

/** A contents entry laid out without its page number, and the room its last line leaves for one. */
export interface ContentsEntry {
  readonly item: ParagraphItem;
  readonly heading: number;
  readonly bold: boolean;
  /** Room after the title's last line, in thousandths of an em. */
  readonly room: number;
}

export function contentsEntries(headings: readonly Heading[]): ContentsEntry[] {
  return headings.flatMap((heading, index): ContentsEntry[] => {
    // docx lists a heading only if it has text.
    if (heading.text.trim() === '') return [];
    const style = heading.level === 1 ? STYLES.toc1 : STYLES.toc2;
    const width = toUnits(heading.level === 1 ? TEXT_WIDTH : TEXT_WIDTH - TOC2_INDENT, style.size);
    const bold = heading.level === 1;
    const { lines, last } = wrap([{ text: heading.text, bold }], width);
    return [{ item: { ...paragraph(style, [], 1), lines }, heading: index, bold, room: width - last }];
  });
}

/**
 * The contents: its heading, the entries, and the field's last paragraph. An entry's page number sits at the right
 * margin after a dot leader; when the title's last line leaves no room for it, it takes a line of its own.
 */
export function contentsItems(
  entries: readonly ContentsEntry[],
  pages: readonly number[] | undefined,
): Item[] {
  const items: Item[] = [
    paragraph(STYLES.contentsHeading, [{ text: 'Contents', bold: true }], TEXT_WIDTH, {
      pageBreakBefore: true,
    }),
  ];
  for (const { item, heading, bold, room } of entries) {
    const number = String(pages?.[heading] ?? 10);
    let needed = 2 * charWidth(0x2e, bold);
    for (let i = 0; i < number.length; i += 1) needed += charWidth(number.charCodeAt(i), bold);
    items.push(needed > room ? { ...item, lines: item.lines + 1 } : item);
  }
  items.push(paragraph(STYLES.normal, [], TEXT_WIDTH));
  return items;
}
