import type { Block, Inline } from '@loti/clauses';
import type { Colours } from './colour.js';

/** Inline wording as plain text; placeholders stay as {{name}} (highlighted) so officers see what gets filled in. */
export function inlinePlain(inlines: readonly Inline[], c: Colours): string {
  let out = '';
  for (const node of inlines) {
    switch (node.type) {
      case 'text':
        out += node.value;
        break;
      case 'placeholder':
        out += c.magenta(`{{${node.name}}}`);
        break;
      case 'clauseRef':
        out += c.cyan(`[${node.id}]`);
        break;
      case 'emphasis':
        out += c.italic(inlinePlain(node.children, c));
        break;
      case 'strong':
        out += c.bold(inlinePlain(node.children, c));
        break;
      case 'link':
        out += `${inlinePlain(node.children, c)} ${c.dim(`<${node.url}>`)}`;
        break;
    }
  }
  return out;
}

/** Blocks as wrapped plain text: paragraphs separated by blank lines, lists numbered 1. 2. or bulleted. */
export function blocksPlain(blocks: readonly Block[], c: Colours, indent = '', width = 96): string[] {
  const lines: string[] = [];
  for (const block of blocks) {
    if (block.type === 'paragraph') {
      if (lines.length > 0 && indent === '') lines.push('');
      lines.push(...wrap(inlinePlain(block.children, c), width - indent.length).map((line) => indent + line));
    } else {
      if (lines.length > 0 && indent === '') lines.push('');
      block.items.forEach((item, index) => {
        const marker = block.ordered ? `${index + 1}. ` : '- ';
        const inner = blocksPlain(item, c, ' '.repeat(marker.length), width - indent.length);
        inner.forEach((line, i) => {
          lines.push(indent + (i === 0 ? marker + line.slice(marker.length) : line));
        });
      });
    }
  }
  return lines;
}

/** Greedy word wrap that ignores ANSI codes when measuring. */
export function wrap(text: string, width: number): string[] {
  if (width < 20) return [text];
  const words = text.split(/ +/);
  const lines: string[] = [];
  let line = '';
  let length = 0;
  for (const word of words) {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: measuring text without ANSI escapes
    const w = word.replace(/\u001b\[[0-9;]*m/g, '').length;
    if (length > 0 && length + 1 + w > width) {
      lines.push(line);
      line = word;
      length = w;
    } else {
      line = length > 0 ? `${line} ${word}` : word;
      length += (length > 0 ? 1 : 0) + w;
    }
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}
