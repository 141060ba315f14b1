import {
  ImageRun,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { TenderDocument } from '../../model/types.js';
import { sanitiseText } from '../../text/sanitise.js';
import { coverLogo, factsWidths } from '../cover-data.js';
import { DRAFT_MARK, documentTypeOf, formatIsoDate, isDraft } from '../text.js';
import { type BlockContext, type BodyElement, renderBlocks } from './blocks.js';
import { CELL_MARGIN, DOCUMENT_TYPE_SIZE, DRAFT_COLOUR, DRAFT_MARK_SIZE, SPACING } from './layout.js';
import { STYLE } from './styles.js';

function logoParagraph(doc: TenderDocument): Paragraph | undefined {
  const size = coverLogo(doc);
  if (!size) return undefined;
  const alt = sanitiseText(doc.meta.branding.logo?.altText ?? '').trim() || sanitiseText(doc.cover.authority);
  return new Paragraph({
    spacing: { after: SPACING.logo.after },
    children: [
      new ImageRun({
        type: size.kind,
        data: size.data,
        transformation: { width: size.width, height: size.height },
        altText: { name: 'Logo', description: alt, title: alt },
      }),
    ],
  });
}

function labelled(label: string, value: string): Paragraph {
  return new Paragraph({
    style: STYLE.coverMeta,
    children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun({ text: sanitiseText(value) })],
  });
}

/** Label/value pairs as a two-column grid: labels bold on a light grey, so it reads without colour. */
function factsTable(facts: TenderDocument['cover']['facts'], width: number): Table {
  const widths = factsWidths(width);
  const border = { style: 'single', size: 4, color: 'B1B4B6' } as const;
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { ...CELL_MARGIN },
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows: facts.map(
      (fact) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              width: { size: widths[0] ?? 0, type: WidthType.DXA },
              shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F3F2F1' },
              children: [
                new Paragraph({
                  style: STYLE.tableText,
                  children: [new TextRun({ text: sanitiseText(fact.label), bold: true })],
                }),
              ],
            }),
            new TableCell({
              width: { size: widths[1] ?? 0, type: WidthType.DXA },
              children: [
                new Paragraph({ style: STYLE.tableText, children: [new TextRun(sanitiseText(fact.value))] }),
              ],
            }),
          ],
        }),
    ),
  });
}

/** The DRAFT mark on the cover: large, bold and red, so a draft is never mistaken for the issued version. */
function draftMark(): Paragraph {
  return new Paragraph({
    style: STYLE.coverMeta,
    children: [new TextRun({ text: DRAFT_MARK, bold: true, size: DRAFT_MARK_SIZE, color: DRAFT_COLOUR })],
  });
}

export function coverPage(doc: TenderDocument, ctx: BlockContext): BodyElement[] {
  const { cover } = doc;
  const elements: BodyElement[] = [];
  if (isDraft(doc)) elements.push(draftMark());
  const logo = logoParagraph(doc);
  if (logo) elements.push(logo);
  elements.push(
    new Paragraph({ style: STYLE.coverAuthority, children: [new TextRun(sanitiseText(cover.authority))] }),
  );
  const documentType = documentTypeOf(doc);
  if (documentType)
    elements.push(
      new Paragraph({
        style: STYLE.coverMeta,
        keepNext: true,
        children: [new TextRun({ text: documentType, bold: true, size: DOCUMENT_TYPE_SIZE })],
      }),
    );
  elements.push(
    new Paragraph({ style: STYLE.coverTitle, children: [new TextRun(sanitiseText(cover.title))] }),
  );
  if (cover.reference.trim()) elements.push(labelled('Reference', cover.reference));
  if (cover.procedure.trim()) elements.push(labelled('Procedure', cover.procedure));
  if (doc.meta.issueDate.trim()) elements.push(labelled('Issue date', formatIsoDate(doc.meta.issueDate)));
  elements.push(new Paragraph({ spacing: { after: SPACING.coverGap.after }, children: [] }));
  if (cover.facts.length > 0) {
    elements.push(factsTable(cover.facts, ctx.width));
    elements.push(new Paragraph({ spacing: { after: SPACING.coverGap.after }, children: [] }));
  }
  elements.push(...renderBlocks(cover.blocks, { ...ctx, indent: 0 }));
  return elements;
}
