import type { SectionDraft } from './outline.js';

/** Definitions come straight after the introduction, before the wording that uses them. */
export const DEFINITIONS_INDEX = 1;

/** Where a clause is: its anchor and its number ("7.3"), for cross-references. */
export interface ClauseTarget {
  readonly anchor: string;
  readonly number: string;
}

export interface Numbering {
  /** The number of the draft section at this index. */
  readonly sectionNumber: (index: number) => string;
  /** Every clause's anchor and number, by clause id. */
  readonly targets: ReadonlyMap<string, ClauseTarget>;
}

export function clauseAnchor(id: string): string {
  return `clause-${id.replace(/[^a-z0-9]+/g, '-')}`;
}

/**
 * Numbers the sections 1, 2 … and their clauses 1.1, 1.2 …; when the document has a definitions section, it takes
 * the number after the introduction and the sections from there on move up by one.
 */
export function numberSections(drafts: readonly SectionDraft[], hasDefinitions: boolean): Numbering {
  const sectionNumber = (index: number) =>
    String(index + 1 + (hasDefinitions && index >= DEFINITIONS_INDEX ? 1 : 0));
  const targets = new Map<string, ClauseTarget>();
  drafts.forEach((draft, index) => {
    draft.clauses.forEach((selected, i) => {
      targets.set(selected.clause.id, {
        anchor: clauseAnchor(selected.clause.id),
        number: `${sectionNumber(index)}.${i + 1}`,
      });
    });
  });
  return { sectionNumber, targets };
}
