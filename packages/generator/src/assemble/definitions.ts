import type { ClauseCatalog } from '@loti/clauses';
import type { DocSection } from '../model/types.js';
import { sanitiseLine } from '../text/sanitise.js';
import { DEFINITIONS_INDEX } from './numbering.js';
import { definitionsSection } from './sections.js';
import type { builtinValues } from './variables.js';
import { type BuyerName, renameSection } from './voice.js';

/**
 * Slots the definitions section (the terms the wording uses, and the terms their definitions use) in after the
 * introduction, numbered as numberSections reserved; nothing when the wording defines no terms.
 */
export function insertDefinitions(
  sections: DocSection[],
  catalog: ClauseCatalog,
  usedTerms: Set<string>,
  builtins: ReturnType<typeof builtinValues>,
  hasDefinitions: boolean,
): void {
  const definitions = definitionsSection(
    catalog,
    usedTerms,
    new Map(Object.entries(builtins).map(([k, v]) => [k, sanitiseLine(v)])),
  );
  if (!definitions || !hasDefinitions) return;
  sections.splice(DEFINITIONS_INDEX, 0, {
    ...definitions,
    anchor: 'section-definitions',
    number: String(DEFINITIONS_INDEX + 1),
  });
}

/** Every section in the buyer's own name, definitions kept alphabetical after the rename. */
export function inBuyersName(sections: readonly DocSection[], buyer: BuyerName): DocSection[] {
  const renamed = sections.map((section) => renameSection(section, buyer));
  const definitions = renamed.find((section) => section.kind === 'definitions');
  if (definitions) sortDefinitions(definitions);
  return renamed;
}

/** Keeps definitions alphabetical after the buyer's name replaces "Authority". */
function sortDefinitions(section: DocSection): void {
  const blocks = section.blocks as DocSection['blocks'][number][];
  const definitions = blocks.filter((b) => b.type === 'definition');
  const sorted = [...definitions].sort((a, b) =>
    a.type === 'definition' && b.type === 'definition' ? a.term.localeCompare(b.term) : 0,
  );
  let next = 0;
  for (let i = 0; i < blocks.length; i++)
    if (blocks[i]?.type === 'definition') blocks[i] = sorted[next++] as (typeof blocks)[number];
}
