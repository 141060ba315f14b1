import { BorderStyle, Footer, Header, PageNumber, Paragraph, Tab, TextRun } from 'docx';
import type { TenderDocument } from '../../model/types.js';
import type { Palette } from '../colour.js';
import { classificationOf, DRAFT_MARK, isDraft, runningText } from '../text.js';
import { DRAFT_COLOUR, TEXT_WIDTH } from './layout.js';
import { STYLE } from './styles.js';

/** The classification marking, centred in capitals, or an empty paragraph (a header needs one). */
function markings(doc: TenderDocument): Paragraph[] {
  const marking = classificationOf(doc);
  const text = marking ? runningText(marking, 60) : undefined;
  return text ? [new Paragraph({ style: STYLE.marking, children: [new TextRun(text)] })] : [];
}

/** A draft's mark on the cover's header, centred in bold red above the marking. */
function draftHeader(doc: TenderDocument): Paragraph[] {
  return isDraft(doc)
    ? [
        new Paragraph({
          style: STYLE.marking,
          children: [new TextRun({ text: DRAFT_MARK, bold: true, color: DRAFT_COLOUR })],
        }),
      ]
    : [];
}

/**
 * Headers and footers. The cover (a distinct first page) shows only the classification marking, top and bottom as
 * UK government marking asks; body pages add the title, reference, authority and "Page X of Y".
 */
export function pageFurniture(doc: TenderDocument, palette: Palette) {
  const rule = { style: BorderStyle.SINGLE, size: 4, color: palette.accent, space: 4 } as const;
  const orEmpty = (paragraphs: Paragraph[]): Paragraph[] =>
    paragraphs.length > 0 ? paragraphs : [new Paragraph({})];
  const body = {
    header: new Header({
      children: [
        ...markings(doc),
        new Paragraph({
          style: STYLE.header,
          tabStops: [{ type: 'right', position: TEXT_WIDTH }],
          border: { bottom: rule },
          // A draft's mark leads the running title, so the header is no taller than a final one's.
          children: [
            ...(isDraft(doc)
              ? [new TextRun({ text: `${DRAFT_MARK} `, bold: true, color: DRAFT_COLOUR })]
              : []),
            new TextRun({
              children: [runningText(doc.meta.title, 90), new Tab(), runningText(doc.meta.reference, 30)],
            }),
          ],
        }),
      ],
    }),
    footer: new Footer({
      children: [
        new Paragraph({
          style: STYLE.footer,
          tabStops: [{ type: 'right', position: TEXT_WIDTH }],
          border: { top: rule },
          children: [
            new TextRun({
              children: [
                runningText(doc.cover.authority, 70),
                new Tab(),
                'Page ',
                PageNumber.CURRENT,
                ' of ',
                PageNumber.TOTAL_PAGES,
              ],
            }),
          ],
        }),
        ...markings(doc),
      ],
    }),
  };
  return {
    headers: {
      default: body.header,
      first: new Header({ children: orEmpty([...draftHeader(doc), ...markings(doc)]) }),
    },
    footers: { default: body.footer, first: new Footer({ children: orEmpty(markings(doc)) }) },
  };
}
