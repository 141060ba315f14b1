import type { DocBlock, DocInline, DocTable, TenderDocument } from '../model/types.js';
import { sanitiseText } from '../text/sanitise.js';
import { assertTenderDocument } from './document-guard.js';
import {
  classificationOf,
  collectAnchors,
  DRAFT_MARK,
  DRAFTING_NOTE_LABEL,
  definitionParts,
  documentTypeOf,
  formatIsoDate,
  hasBlocks,
  isDraft,
  safeUrl,
} from './text.js';

/**
 * Markdown for reviewing a tender in a git diff: one line per paragraph or item, numbers exactly as the model has
 * them, drafting notes as block quotes. It is meant to be read and diffed, not round-tripped.
 */

/** Escapes characters that would change the meaning of inline Markdown. */
function escapeMd(text: string): string {
  return sanitiseText(text).replace(/([\\`*_[\]<>|#~])/g, '\\$1');
}

/** A line must not start a list, heading or quote by accident. */
function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)([-+>]|\d+[.)])(\s)/, '$1\\$2$3');
}

interface Ctx {
  readonly anchors: ReadonlySet<string>;
}

function inline(content: readonly DocInline[], ctx: Ctx): string {
  return content
    .map((node) => {
      const text = escapeMd(node.text);
      switch (node.type) {
        case 'text': {
          if (text.trim() === '') return text;
          let md = text;
          if (node.italic) md = `*${md}*`;
          if (node.bold) md = `**${md}**`;
          return md;
        }
        case 'link': {
          const url = safeUrl(node.url);
          return url ? `[${text}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)` : text;
        }
        case 'ref':
          return ctx.anchors.has(node.anchor)
            ? `[${text}](#${encodeURIComponent(sanitiseText(node.anchor))})`
            : text;
        default:
          return '';
      }
    })
    .join('');
}

function table(model: DocTable, ctx: Ctx): string[] {
  const cell = (text: string) => text.replace(/\|/g, '\\|') || ' ';
  const columns = model.columns.length > 0 ? model.columns : [{ header: '', width: 100 }];
  const lines = [
    `| ${columns.map((c) => cell(escapeMd(c.header))).join(' | ')} |`,
    `| ${columns.map(() => '---').join(' | ')} |`,
    ...model.rows.map((row) => `| ${columns.map((_, i) => cell(inline(row[i] ?? [], ctx))).join(' | ')} |`),
  ];
  const caption = sanitiseText(model.caption).trim();
  return caption ? [`**${escapeMd(caption)}**`, '', ...lines] : lines;
}

function blocks(list: readonly DocBlock[], ctx: Ctx, indent = ''): string[] {
  return list.flatMap((block): string[] => {
    switch (block.type) {
      case 'paragraph':
        return [indent + escapeLineStart(inline(block.content, ctx)), ''];
      case 'numbered':
        return [
          `${indent}${escapeMd(block.number)} ${inline(block.content, ctx)}`,
          '',
          ...blocks(block.children, ctx, block.level === 3 ? `${indent}  ` : indent),
        ];
      case 'bullets':
        return [
          ...block.items.flatMap((item) => {
            const [first, ...rest] = blocks(item, ctx, `${indent}  `).filter((line) => line !== '');
            return first === undefined ? [] : [`${indent}- ${first.trimStart()}`, ...rest];
          }),
          '',
        ];
      case 'table':
        return [...table(block.table, ctx), ''];
      case 'note':
        return [...note(block.title, block.blocks, ctx), ''];
      case 'definition': {
        const { joiner, content } = definitionParts(block.content);
        return [`${indent}**${escapeMd(block.term)}**${joiner}${inline(content, ctx)}`, ''];
      }
      default:
        return [];
    }
  });
}

function note(title: string, body: readonly DocBlock[], ctx: Ctx): string[] {
  const heading = sanitiseText(title).trim();
  const inner = [
    `**${DRAFTING_NOTE_LABEL}**`,
    ...(heading ? ['', `*${escapeMd(heading)}*`] : []),
    '',
    ...blocks(body, ctx),
  ];
  while (inner.at(-1) === '') inner.pop();
  return inner.map((line) => (line === '' ? '>' : `> ${line}`));
}

/** Renders the document model as Markdown: headings, numbered clauses and tables, for review and diffs. */
export function renderMarkdown(doc: TenderDocument): string {
  assertTenderDocument('renderMarkdown', doc);
  const ctx: Ctx = { anchors: collectAnchors(doc.sections) };
  const { cover, meta } = doc;
  const marking = classificationOf(doc);
  const documentType = documentTypeOf(doc);
  const lines: string[] = [
    ...(isDraft(doc) ? [`**${DRAFT_MARK}**`, ''] : []),
    ...(marking ? [`**${escapeMd(marking)}**`, ''] : []),
    `# ${escapeMd(cover.title)}`,
    '',
    escapeLineStart(escapeMd(cover.authority)),
    '',
    ...(documentType ? [`**${escapeMd(documentType)}**`, ''] : []),
    `- **Reference:** ${escapeMd(cover.reference)}`,
    `- **Procedure:** ${escapeMd(cover.procedure)}`,
    `- **Issue date:** ${escapeMd(formatIsoDate(meta.issueDate))}`,
    ...cover.facts.map((f) => `- **${escapeMd(f.label)}:** ${escapeMd(f.value)}`),
    '',
  ];
  lines.push(...blocks(cover.blocks, ctx));
  for (const section of doc.sections) {
    lines.push(`<a id="${encodeURIComponent(sanitiseText(section.anchor))}"></a>`, '');
    lines.push(`## ${escapeMd(`${section.number} ${section.title}`.trim())}`, '');
    lines.push(...blocks(section.blocks, ctx));
    for (const clause of section.clauses) {
      lines.push(`<a id="${encodeURIComponent(sanitiseText(clause.anchor))}"></a>`, '');
      lines.push(`### ${escapeMd(`${clause.number} ${clause.title}`.trim())}`, '');
      if (hasBlocks(clause.guidance)) {
        lines.push(
          ...note(`Guidance: ${clause.clauseId} (version ${clause.version})`, clause.guidance, ctx),
          '',
        );
      }
      lines.push(...blocks(clause.blocks, ctx));
    }
  }
  // One blank line between blocks, none at the end: stable, diff-friendly output.
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
