/**
 * A clause's wording as it reads in the tender being edited. Best first: the clause as the
 * current document has it (the same text the preview shows); else the library wording with
 * the values the spec gives (its `variables`, the clause's include entry) or the clause's
 * defaults filled in, and the rest marked as still needing a value.
 */
import type { Clause } from '@loti/clauses';
import { splitClauseReference } from '@loti/clauses';
import type { DocBlock, DocClause, DocInline, TenderDocument, TenderSpec } from './generator.js';

export type ClauseWording =
  /** As the document has it, or would have it once the clause is added (`added`). */
  | { readonly kind: 'document'; readonly clause: DocClause; readonly added: boolean }
  | { readonly kind: 'library'; readonly values: ReadonlyMap<string, string> };

/** The clause in a built document, found by its library id. */
export function documentClause(document: TenderDocument | undefined, id: string): DocClause | undefined {
  for (const section of document?.sections ?? [])
    for (const clause of section.clauses) if (clause.clauseId === id) return clause;
  return undefined;
}

/**
 * Values the spec gives a clause's placeholders, in the generator's order: the include entry's
 * values, then the spec's `variables`, then the clause's default. Values the generator works out
 * from other fields (dates, the authority's short name) are not guessed here: the document has them.
 */
export function specValues(clause: Clause, spec: TenderSpec | undefined): Map<string, string> {
  const values = new Map<string, string>();
  const entry = spec?.clauses.include.find(
    (candidate) =>
      (typeof candidate === 'string' ? splitClauseReference(candidate).id : candidate.id) === clause.id,
  );
  const fromEntry = entry && typeof entry !== 'string' ? (entry.variables ?? {}) : {};
  for (const name of clause.placeholders) {
    const value = fromEntry[name] ?? spec?.variables[name] ?? clause.variables[name]?.default;
    if (value !== undefined) values.set(name, String(value));
  }
  return values;
}

/** Builds DOM for document blocks: the preview's wording, without the document's styles. */
export function renderDocBlocks(blocks: readonly DocBlock[], safeLink: (url: string) => boolean): Node[] {
  return blocks.map((block): Node => {
    switch (block.type) {
      case 'paragraph':
        return element('p', renderDocInlines(block.content, safeLink));
      case 'numbered': {
        const item = element('div', [
          element('p', [
            element('span', [`${block.number} `], 'clause-wording__number'),
            ...renderDocInlines(block.content, safeLink),
          ]),
          ...renderDocBlocks(block.children, safeLink),
        ]);
        item.className = 'clause-wording__numbered';
        return item;
      }
      case 'bullets':
        return element(
          'ul',
          block.items.map((item) => element('li', renderDocBlocks(item, safeLink))),
          'list list--bullet',
        );
      case 'table': {
        const table = element('table', [], 'table');
        table.append(
          element('caption', [block.table.caption], 'visually-hidden'),
          element('thead', [
            element(
              'tr',
              block.table.columns.map((column) => element('th', [column.header])),
            ),
          ]),
          element(
            'tbody',
            block.table.rows.map((row) =>
              element(
                'tr',
                row.map((cell) => element('td', renderDocInlines(cell, safeLink))),
              ),
            ),
          ),
        );
        return table;
      }
      case 'note':
        return element(
          'div',
          [element('p', [element('strong', [block.title])]), ...renderDocBlocks(block.blocks, safeLink)],
          'inset',
        );
      case 'definition':
        return element('p', [
          element('strong', [`${block.term} `]),
          ...renderDocInlines(block.content, safeLink),
        ]);
    }
    return document.createTextNode('');
  });
}

function renderDocInlines(inlines: readonly DocInline[], safeLink: (url: string) => boolean): Node[] {
  return inlines.map((inline): Node => {
    if (inline.type === 'link') {
      if (!safeLink(inline.url)) return document.createTextNode(inline.text);
      const link = element('a', [inline.text], 'link') as HTMLAnchorElement;
      link.href = inline.url;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      return link;
    }
    if (inline.type === 'ref') return document.createTextNode(inline.text);
    let node: Node = document.createTextNode(inline.text);
    if (inline.type === 'text' && inline.italic) node = element('em', [node]);
    if (inline.type === 'text' && inline.bold) node = element('strong', [node]);
    return node;
  });
}

function element(tag: string, children: readonly (Node | string)[], className?: string): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}
