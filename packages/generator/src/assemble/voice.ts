import type { DocBlock, DocInline, DocSection, DocTable } from '../model/types.js';

/**
 * The buyer's one name. Clause wording is written with the defined term "the Authority";
 * when the spec gives a short name ("the Council"), that name becomes the defined term
 * everywhere: in clauses, in generated sections and in the definitions. Compound defined
 * terms that start with "Authority" (such as "Authority Data") keep their own name, and
 * other bodies ("the Competition and Markets Authority") are never touched because the
 * rename needs "the" directly before "Authority".
 */
export interface BuyerName {
  /** The term as defined: "Council" for "the Council", "Hollybrook Council" for a name without "the". */
  readonly term: string;
  readonly withArticle: boolean;
  rename(text: string): string;
}

export function buyerName(
  shortName: string | undefined,
  compoundTerms: readonly string[],
): BuyerName | undefined {
  const trimmed = shortName?.trim();
  if (!trimmed || /^the authority$/i.test(trimmed)) return undefined;
  const withArticle = /^the\s+/i.test(trimmed);
  const term = trimmed.replace(/^the\s+/i, '');
  // "Authority Data", "Authority Systems": a rename must not split a longer defined term.
  const compounds = compoundTerms
    .filter((t) => t.startsWith('Authority '))
    .map((t) => escapeRegExp(t.slice('Authority'.length)));
  const notCompound = compounds.length > 0 ? `(?!${compounds.join('|')})` : '';
  const pattern = new RegExp(`\\b([Tt])he Authority\\b${notCompound}`, 'g');
  return {
    term,
    withArticle,
    rename: (text) =>
      text.includes('Authority')
        ? text.replace(pattern, (_, t: string) => (withArticle ? `${t}he ${term}` : term))
        : text,
  };
}

export function renameSection(section: DocSection, name: BuyerName): DocSection {
  return {
    ...section,
    title: name.rename(section.title),
    blocks: section.blocks.map((block) => renameBlock(block, name)),
    clauses: section.clauses.map((clause) => ({
      ...clause,
      title: name.rename(clause.title),
      blocks: clause.blocks.map((block) => renameBlock(block, name)),
      ...(clause.guidance ? { guidance: clause.guidance.map((block) => renameBlock(block, name)) } : {}),
    })),
  };
}

function renameBlock(block: DocBlock, name: BuyerName): DocBlock {
  const inlines = (content: readonly DocInline[]) => content.map((inline) => renameInline(inline, name));
  switch (block.type) {
    case 'paragraph':
      return { ...block, content: inlines(block.content) };
    case 'numbered':
      return {
        ...block,
        content: inlines(block.content),
        children: block.children.map((child) => renameBlock(child, name)),
      };
    case 'bullets':
      return { ...block, items: block.items.map((item) => item.map((child) => renameBlock(child, name))) };
    case 'table':
      return { ...block, table: renameTable(block.table, name) };
    case 'note':
      return { ...block, blocks: block.blocks.map((child) => renameBlock(child, name)) };
    case 'definition':
      return {
        ...block,
        term: block.term === 'Authority' ? name.term : block.term,
        content: inlines(block.content),
      };
  }
}

function renameTable(table: DocTable, name: BuyerName): DocTable {
  return {
    ...table,
    caption: name.rename(table.caption),
    rows: table.rows.map((row) => row.map((cell) => cell.map((inline) => renameInline(inline, name)))),
  };
}

function renameInline(inline: DocInline, name: BuyerName): DocInline {
  return inline.type === 'link' ? inline : { ...inline, text: name.rename(inline.text) };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
