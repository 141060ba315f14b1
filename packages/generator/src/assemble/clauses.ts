import type { DocBlock, DocClause, DocSection, InclusionReason, ManifestEntry } from '../model/types.js';
import { lotKey, lotScopeSentence } from '../rules/lots.js';
import type { SpecIssue } from '../spec/issues.js';
import type { LoadedSpec } from '../spec/load.js';
import type { TenderSpec } from '../spec/schema.js';
import { sanitiseLine } from '../text/sanitise.js';
import { type InlineContext, toDocBlocks } from './content.js';
import type { Numbering } from './numbering.js';
import type { SectionDraft } from './outline.js';
import type { SelectedClause } from './select.js';
import { type builtinValues, resolveClauseVariables } from './variables.js';

interface ClauseContext {
  readonly spec: TenderSpec;
  readonly builtins: ReturnType<typeof builtinValues>;
  readonly at: LoadedSpec['locate'];
  readonly numbering: Numbering;
  readonly excludedIds: ReadonlySet<string>;
}

/** The numbered sections with their clauses' wording, and what the wording used. */
export interface BuiltSections {
  readonly sections: DocSection[];
  readonly manifest: ManifestEntry[];
  /** Defined terms, placeholders and references (ids) the included wording uses. */
  readonly usedTerms: Set<string>;
  readonly usedVariables: Set<string>;
  readonly references: Set<string>;
}

/**
 * Numbers each draft section and fills in its clauses: placeholders resolved, cross-references turned into numbers,
 * a lot-scope sentence first where a clause applies to some lots, guidance when the spec asks for it. Each clause
 * gets its manifest entry. Problems (a missing value, a reference to an excluded clause) are added to `issues`.
 */
export function buildSections(
  drafts: readonly SectionDraft[],
  ctx: ClauseContext,
  issues: SpecIssue[],
): BuiltSections {
  const built: BuiltSections = {
    sections: [],
    manifest: [],
    usedTerms: new Set(),
    usedVariables: new Set(),
    references: new Set(),
  };
  drafts.forEach((draft, index) => {
    const sectionNumber = ctx.numbering.sectionNumber(index);
    const clauses = draft.clauses.map((selected) => buildClause(selected, ctx, built, issues));
    built.sections.push({
      ...draft.part,
      anchor: draft.part.anchor ?? `section-${sectionNumber}`,
      number: sectionNumber,
      clauses,
    });
  });
  return built;
}

function buildClause(
  selected: SelectedClause,
  ctx: ClauseContext,
  built: BuiltSections,
  issues: SpecIssue[],
): DocClause {
  const { clause } = selected;
  const { spec, at } = ctx;
  const target = ctx.numbering.targets.get(clause.id) as { anchor: string; number: string };
  const resolved = resolveClauseVariables(selected, spec, ctx.builtins, at, built.usedVariables);
  issues.push(...resolved.issues);
  for (const term of clause.terms) built.usedTerms.add(term);
  for (const ref of clause.references) built.references.add(ref);
  const context: InlineContext = {
    values: resolved.values,
    targets: ctx.numbering.targets,
    onMissingTarget: (id) => {
      const index = spec.clauses.exclude.findIndex((e) => e.id === id);
      issues.push({
        code: 'CROSS_REFERENCE_EXCLUDED',
        severity: 'error',
        message: `${clause.id} refers to ${id}, which this spec excludes${ctx.excludedIds.has(id) ? '' : ' or cannot include'}. Include ${id}, or exclude ${clause.id} too.`,
        position: at(index >= 0 ? ['clauses', 'exclude', index] : ['clauses']),
        field: index >= 0 ? `clauses.exclude[${index}]` : 'clauses',
      });
    },
  };
  built.manifest.push({
    id: clause.id,
    version: clause.version,
    hash: clause.hash,
    number: target.number,
    reasons: dedupeReasons(selected.reasons),
  });
  const guidanceContext: InlineContext = { values: resolved.values, targets: ctx.numbering.targets };
  const wording = toDocBlocks(clause.body, context, target.number);
  const lotScope: DocBlock[] = selected.lots
    ? [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: lotScopeSentence('clause', selected.lots), italic: true }],
        },
      ]
    : [];
  return {
    type: 'clause',
    anchor: target.anchor,
    number: target.number,
    title: sanitiseLine(clause.title),
    clauseId: clause.id,
    version: clause.version,
    blocks: [...lotScope, ...wording],
    ...(selected.lots ? { lots: [...new Set(selected.lots.map(lotKey))] } : {}),
    ...(spec.document.guidanceNotes
      ? { guidance: toDocBlocks(clause.guidance, guidanceContext, target.number) }
      : {}),
  };
}

function dedupeReasons(reasons: readonly InclusionReason[]): InclusionReason[] {
  const seen = new Set<string>();
  return reasons.filter((reason) => {
    const key = JSON.stringify(reason);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
