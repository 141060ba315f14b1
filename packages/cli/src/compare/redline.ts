import type { WordChange } from '@loti/clauses';
import { normaliseDocx } from '@loti/tender-generator';
import { DeletedTextRun, Document, HeadingLevel, InsertedTextRun, Packer, Paragraph, TextRun } from 'docx';
import type { ManifestDiff } from './manifest-diff.js';

export const REDLINE_AUTHOR = 'LOTI Tender Kit';
/** Fixed, so the same comparison gives the same tracked changes every time. */
export const REDLINE_DATE = '2026-01-01T00:00:00Z';

/** Splits a word diff into paragraphs at newlines, keeping each piece's kind. */
function paragraphsOf(changes: readonly WordChange[]): WordChange[][] {
  const paragraphs: WordChange[][] = [[]];
  for (const change of changes) {
    change.text.split('\n').forEach((piece, i) => {
      if (i > 0) paragraphs.push([]);
      if (piece) (paragraphs[paragraphs.length - 1] as WordChange[]).push({ kind: change.kind, text: piece });
    });
  }
  return paragraphs.filter((paragraph) => paragraph.length > 0);
}

/**
 * A Word document where each clause whose wording changed between versions has a heading and its wording with
 * the changes as real tracked changes (w:ins / w:del), so reviewers can accept or reject them in Word.
 */
export async function renderRedline(
  diff: ManifestDiff,
  labels: { before: string; after: string },
): Promise<Uint8Array> {
  let revision = 0;
  const tracked = { author: REDLINE_AUTHOR, date: REDLINE_DATE };
  const runsFor = (pieces: readonly WordChange[], bold: boolean) =>
    pieces.map((piece, index) => {
      // blocksText indents list items with two spaces a level; show that as plain spaces at the start only.
      const text = index === 0 ? piece.text.replace(/^ +/, '') : piece.text;
      if (piece.kind === 'added') return new InsertedTextRun({ text, bold, id: ++revision, ...tracked });
      if (piece.kind === 'removed') return new DeletedTextRun({ text, bold, id: ++revision, ...tracked });
      return new TextRun({ text, bold });
    });
  const indentOf = (pieces: readonly WordChange[]) =>
    (/^ +/.exec(pieces[0]?.text ?? '')?.[0].length ?? 0) / 2;

  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('Clause changes')] }),
    new Paragraph({
      children: [new TextRun({ text: `From ${labels.before} to ${labels.after}.`, italics: true })],
    }),
  ];
  const withWording = diff.changed.filter((change) => change.wording);
  if (withWording.length === 0)
    children.push(new Paragraph('No clause wording changed between these documents.'));
  for (const change of diff.changed) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        children: [
          new TextRun(`${change.numberTo} ${change.title} (${change.id} ${change.from} → ${change.to})`),
        ],
      }),
    );
    if (!change.wording) {
      children.push(
        new Paragraph({
          children: [
            new TextRun({
              text: 'The wording of one of these versions is not in the installed clause library.',
              italics: true,
            }),
          ],
        }),
      );
      continue;
    }
    paragraphsOf(change.wording).forEach((pieces, index) => {
      children.push(
        new Paragraph({ children: runsFor(pieces, index === 0), indent: { left: 360 * indentOf(pieces) } }),
      );
    });
  }
  const list = (title: string, items: readonly string[]) => {
    if (items.length === 0) return;
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(title)] }));
    for (const item of items)
      children.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun(item)] }));
  };
  list(
    'Clauses added',
    diff.added.map((entry) => `${entry.number} ${entry.id} ${entry.version}`),
  );
  list(
    'Clauses removed',
    diff.removed.map((entry) => `${entry.number} ${entry.id} ${entry.version}`),
  );

  const document = new Document({
    creator: REDLINE_AUTHOR,
    title: 'Clause changes',
    features: { trackRevisions: true },
    sections: [{ children }],
  });
  // Fixed dates, ids and zip entries: the same two documents give a byte-identical redline.
  return normaliseDocx(await Packer.pack(document, 'uint8array'), { issueDate: REDLINE_DATE });
}
