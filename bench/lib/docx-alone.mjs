/**
 * The `docx` library on its own, writing the neutral document: headings, paragraphs and tables with its default
 * styles, no layout pass, no normalisation. As a script it is a whole process like `tender build`:
 *   node bench/lib/docx-alone.mjs content.json out.docx
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

const HEADINGS = [HeadingLevel.TITLE, HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3];

export function buildDocxAlone(neutral) {
  const children = [];
  for (const block of neutral.blocks) {
    if (block.type === 'heading')
      children.push(new Paragraph({ heading: HEADINGS[block.level], children: [new TextRun(block.text)] }));
    else if (block.type === 'paragraph')
      children.push(new Paragraph({ children: [new TextRun(block.text)] }));
    else {
      const cell = (text, width, bold) =>
        new TableCell({
          width: { size: width, type: WidthType.PERCENTAGE },
          children: [new Paragraph({ children: [new TextRun({ text, bold })] })],
        });
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({
              tableHeader: true,
              children: block.header.map((h, i) => cell(h, block.widths[i], true)),
            }),
            ...block.rows.map(
              (row) => new TableRow({ children: row.map((c, i) => cell(c, block.widths[i], false)) }),
            ),
          ],
        }),
      );
    }
  }
  return new Document({ title: neutral.title, sections: [{ children }] });
}

export async function docxAlone(neutral) {
  return new Uint8Array(await Packer.toBuffer(buildDocxAlone(neutral)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [input, output] = process.argv.slice(2);
  const neutral = JSON.parse(readFileSync(input, 'utf8'));
  writeFileSync(output, await docxAlone(neutral));
}
