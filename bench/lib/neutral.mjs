/**
 * The same document for every tool. Our pipeline's TenderDocument (built from the synthetic catalog and spec) is
 * flattened into headings, paragraphs and tables of plain text; pandoc gets it as Markdown, the docx-alone writer as
 * JSON, so all three write exactly the words and table cells our .docx holds (cover facts, requirements table,
 * clause manifest appendix included). What only we add: styles, numbering, bookmarks, headers and footers, the
 * contents field with page numbers, and the custom XML manifest part.
 */

const inlineText = (content) => content.map((inline) => inline.text).join('');

function blocksOf(blocks, out) {
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
        out.push({ type: 'paragraph', text: inlineText(block.content) });
        break;
      case 'numbered':
        out.push({ type: 'paragraph', text: `${block.number} ${inlineText(block.content)}` });
        blocksOf(block.children, out);
        break;
      case 'bullets':
        for (const item of block.items) {
          const inner = [];
          blocksOf(item, inner);
          for (const b of inner) out.push(b.type === 'paragraph' ? { ...b, text: `• ${b.text}` } : b);
        }
        break;
      case 'table':
        out.push({ type: 'paragraph', text: block.table.caption });
        out.push({
          type: 'table',
          header: block.table.columns.map((c) => c.header),
          widths: block.table.columns.map((c) => c.width),
          rows: block.table.rows.map((row) => row.map(inlineText)),
        });
        break;
      case 'note':
        out.push({ type: 'paragraph', text: block.title });
        blocksOf(block.blocks, out);
        break;
      case 'definition':
        out.push({ type: 'paragraph', text: `${block.term}: ${inlineText(block.content)}` });
        break;
    }
  }
}

/** TenderDocument → { blocks: [{type:'heading',level,text} | {type:'paragraph',text} | {type:'table',header,widths,rows}] }. */
export function neutralDocument(doc) {
  const out = [];
  out.push({ type: 'heading', level: 0, text: doc.cover.title });
  for (const line of [doc.cover.authority, doc.cover.reference, doc.cover.procedure])
    out.push({ type: 'paragraph', text: line });
  // The cover's key-dates table is an ordinary table block in the model.
  blocksOf(doc.cover.blocks ?? [], out);
  for (const section of doc.sections) {
    out.push({ type: 'heading', level: 1, text: `${section.number} ${section.title}` });
    blocksOf(section.blocks, out);
    for (const clause of section.clauses) {
      out.push({ type: 'heading', level: 2, text: `${clause.number} ${clause.title}` });
      blocksOf(clause.blocks, out);
    }
  }
  return { title: doc.meta.title, blocks: out };
}

const escapeMd = (text) => text.replace(/([\\`*_[\]<>|#])/g, '\\$1');

/** Pandoc Markdown of the neutral document: ATX headings, paragraphs and pipe tables. */
export function neutralToMarkdown(neutral) {
  const parts = [];
  for (const block of neutral.blocks) {
    if (block.type === 'heading')
      parts.push(`${'#'.repeat(Math.max(1, block.level))} ${escapeMd(block.text)}`);
    else if (block.type === 'paragraph') parts.push(escapeMd(block.text));
    else {
      const row = (cells) => `| ${cells.map((c) => escapeMd(c) || ' ').join(' | ')} |`;
      parts.push(
        [row(block.header), `|${block.header.map(() => '---').join('|')}|`, ...block.rows.map(row)].join(
          '\n',
        ),
      );
    }
  }
  return `${parts.join('\n\n')}\n`;
}

/** Counts for the results table. */
export function neutralStats(neutral) {
  let words = 0;
  let tables = 0;
  let rows = 0;
  const count = (text) => text.split(/\s+/).filter(Boolean).length;
  for (const block of neutral.blocks) {
    if (block.type === 'table') {
      tables++;
      rows += block.rows.length;
      for (const row of block.rows) for (const cell of row) words += count(cell);
    } else words += count(block.text);
  }
  return { blocks: neutral.blocks.length, words, tables, rows };
}
