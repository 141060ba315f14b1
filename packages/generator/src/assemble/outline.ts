import type { ClauseCatalog } from '@loti/clauses';
import type { DocSection, PackModel } from '../model/types.js';
import type { TenderSpec } from '../spec/schema.js';
import type { Fact } from './cover.js';
import { documentsSectionBlocks } from './pack.js';
import { evaluationSection, introductionSection, requirementsSection, timetableSection } from './sections.js';
import type { SelectedClause } from './select.js';

/** A section before numbering: its generated part and the clauses it will hold. */
export interface SectionDraft {
  readonly part: Omit<DocSection, 'number' | 'anchor'> & { readonly anchor?: string };
  readonly clauses: readonly SelectedClause[];
}

/** Instructions before terms, then by topic order, the clause's order in its topic, and id. */
export function orderClauses(clauses: readonly SelectedClause[], catalog: ClauseCatalog): SelectedClause[] {
  const topicOrder = new Map(catalog.topics().map((topic) => [topic.id, topic.order]));
  return [...clauses].sort(
    (a, b) =>
      (a.clause.part === b.clause.part ? 0 : a.clause.part === 'instructions' ? -1 : 1) ||
      (topicOrder.get(a.clause.topic) ?? 999) - (topicOrder.get(b.clause.topic) ?? 999) ||
      a.clause.order - b.clause.order ||
      a.clause.id.localeCompare(b.clause.id),
  );
}

/**
 * The body's sections in order, unnumbered: the generated ones (introduction, timetable, requirements, evaluation,
 * tender documents), the instructions to Bidders, then one section per topic of terms. The definitions section and
 * the appendices are added after the clauses are built, since they list what the clauses use.
 */
export function outlineSections(
  spec: TenderSpec,
  catalog: ClauseCatalog,
  ordered: readonly SelectedClause[],
  facts: readonly Fact[],
  pack: PackModel,
  definitionsNumber: string | undefined,
): SectionDraft[] {
  const drafts: SectionDraft[] = [
    { part: introductionSection(spec, [...facts], definitionsNumber), clauses: [] },
  ];
  for (const part of [timetableSection(spec), requirementsSection(spec), evaluationSection(spec)])
    if (part) drafts.push({ part, clauses: [] });
  drafts.push({
    part: {
      kind: 'documents',
      anchor: 'section-documents',
      title: 'Tender documents',
      blocks: documentsSectionBlocks(pack),
      clauses: [],
    },
    clauses: [],
  });
  const instructions = ordered.filter((s) => s.clause.part === 'instructions');
  if (instructions.length > 0) {
    drafts.push({
      part: {
        kind: 'instructions',
        anchor: 'section-instructions',
        title: 'Instructions to Bidders',
        blocks: [],
        clauses: [],
      },
      clauses: instructions,
    });
  }
  const terms = ordered.filter((s) => s.clause.part === 'terms');
  for (const topic of catalog.topics()) {
    const clauses = terms.filter((s) => s.clause.topic === topic.id);
    if (clauses.length > 0)
      drafts.push({
        part: { kind: 'terms', anchor: `section-${topic.id}`, title: topic.title, blocks: [], clauses: [] },
        clauses,
      });
  }
  return drafts;
}
