import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Block, Inline } from '../content.js';

export interface MarkdownProblem {
  readonly kind: 'unsupported' | 'malformed-placeholder';
  readonly message: string;
  /** 1-based line and column within the parsed Markdown text. */
  readonly line: number;
  readonly column: number;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][\w.]*)\s*\}\}/g;

/**
 * Parses clause Markdown into the content model. Only paragraphs, lists, emphasis,
 * strong, links and `clause:` cross-references are allowed, so wording renders the same
 * in every output format. Placeholders are split out of text nodes after parsing,
 * which is why a variable value can never become markup.
 */
export function parseClauseMarkdown(markdown: string): { blocks: Block[]; problems: MarkdownProblem[] } {
  const problems: MarkdownProblem[] = [];
  const root = fromMarkdown(markdown);
  const report = (node: Nodes, message: string, kind: MarkdownProblem['kind'] = 'unsupported') => {
    const line = node.position?.start.line ?? 1;
    if (problems.some((p) => p.line === line && p.message === message)) return;
    problems.push({
      kind,
      message,
      line: node.position?.start.line ?? 1,
      column: node.position?.start.column ?? 1,
    });
  };

  const inlines = (nodes: readonly PhrasingContent[]): Inline[] => {
    const out: Inline[] = [];
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          out.push(
            ...splitPlaceholders(node.value.replace(/[ \t]*\r?\n[ \t]*/g, ' '), (message) =>
              report(node, message, 'malformed-placeholder'),
            ),
          );
          break;
        case 'emphasis':
          out.push({ type: 'emphasis', children: inlines(node.children) });
          break;
        case 'strong':
          out.push({ type: 'strong', children: inlines(node.children) });
          break;
        case 'break':
          report(node, 'Hard line breaks are not supported; start a new paragraph instead.');
          break;
        case 'link':
          if (node.url.startsWith('clause:'))
            out.push({ type: 'clauseRef', id: node.url.slice('clause:'.length) });
          else if (/^(https?:|mailto:)/.test(node.url))
            out.push({ type: 'link', url: node.url, children: inlines(node.children) });
          else
            report(node, `Links must be https:, mailto: or clause:<id> cross-references, not "${node.url}".`);
          break;
        case 'inlineCode':
          report(node, 'Inline code is not supported in clause wording.');
          break;
        case 'html':
          report(node, 'Raw HTML is not allowed in clause wording.');
          break;
        default:
          report(node, `${node.type} is not supported in clause wording.`);
      }
    }
    return mergeText(out);
  };

  const blocks = (nodes: readonly RootContent[]): Block[] => {
    const out: Block[] = [];
    for (const node of nodes) {
      if (node.type === 'paragraph') out.push({ type: 'paragraph', children: inlines(node.children) });
      else if (node.type === 'list') {
        out.push({
          type: 'list',
          ordered: node.ordered === true,
          items: node.children.map((item) => blocks(item.children)),
        });
      } else if (node.type === 'heading') {
        report(
          node,
          'Headings are not supported here: the document makes its own headings. Use a paragraph instead.',
        );
      } else if (node.type === 'html') {
        report(node, 'Raw HTML is not allowed in clause wording.');
      } else {
        report(node, `${node.type} blocks are not supported in clause wording; use paragraphs and lists.`);
      }
    }
    return out;
  };

  return { blocks: blocks(root.children), problems };
}

/** Splits `{{name}}` placeholders out of plain text. */
export function splitPlaceholders(text: string, onMalformed?: (message: string) => void): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (match.index > last) out.push({ type: 'text', value: text.slice(last, match.index) });
    out.push({ type: 'placeholder', name: match[1] as string });
    last = match.index + match[0].length;
  }
  if (last < text.length) out.push({ type: 'text', value: text.slice(last) });
  const rest = text.replace(PLACEHOLDER, '');
  if (onMalformed && (rest.includes('{{') || rest.includes('}}'))) {
    onMalformed(
      `Malformed placeholder in "${text.trim().slice(0, 60)}": write {{name}} with a declared variable name.`,
    );
  }
  return out;
}

function mergeText(nodes: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    const prev = out[out.length - 1];
    if (node.type === 'text' && prev?.type === 'text')
      out[out.length - 1] = { type: 'text', value: prev.value + node.value };
    else out.push(node);
  }
  return out;
}
