/**
 * The render-neutral content model for clause wording. Clause bodies are parsed from
 * Markdown into this small tree at build time; renderers never see Markdown.
 */
export type Inline =
  | { readonly type: 'text'; readonly value: string }
  | { readonly type: 'emphasis'; readonly children: readonly Inline[] }
  | { readonly type: 'strong'; readonly children: readonly Inline[] }
  | { readonly type: 'placeholder'; readonly name: string }
  | { readonly type: 'clauseRef'; readonly id: string }
  | { readonly type: 'link'; readonly url: string; readonly children: readonly Inline[] };

/** A block of clause wording (paragraph, list, table, note), the parsed form of its Markdown body. */
export type Block =
  | { readonly type: 'paragraph'; readonly children: readonly Inline[] }
  | { readonly type: 'list'; readonly ordered: boolean; readonly items: readonly (readonly Block[])[] };

/** Plain text of inline content; placeholders and references show as written in the source. */
export function inlineText(inlines: readonly Inline[]): string {
  let out = '';
  for (const node of inlines) {
    switch (node.type) {
      case 'text':
        out += node.value;
        break;
      case 'placeholder':
        out += `{{${node.name}}}`;
        break;
      case 'clauseRef':
        out += `[${node.id}]`;
        break;
      default:
        out += inlineText(node.children);
    }
  }
  return out;
}

/** Plain text of blocks, one paragraph or list item per line. */
export function blocksText(blocks: readonly Block[]): string {
  const lines: string[] = [];
  const walk = (items: readonly Block[], depth: number) => {
    for (const block of items) {
      if (block.type === 'paragraph') lines.push('  '.repeat(depth) + inlineText(block.children));
      else for (const item of block.items) walk(item, depth + 1);
    }
  };
  walk(blocks, 0);
  return lines.join('\n');
}

/** Visits every inline node in document order. */
export function forEachInline(blocks: readonly Block[], visit: (node: Inline) => void): void {
  const walkInline = (nodes: readonly Inline[]) => {
    for (const node of nodes) {
      visit(node);
      if (node.type === 'emphasis' || node.type === 'strong' || node.type === 'link')
        walkInline(node.children);
    }
  };
  const walk = (items: readonly Block[]) => {
    for (const block of items) {
      if (block.type === 'paragraph') walkInline(block.children);
      else for (const item of block.items) walk(item);
    }
  };
  walk(blocks);
}
