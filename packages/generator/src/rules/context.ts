import type { ClauseCatalog, PathSegment, SourcePosition } from '@loti/clauses';
import type { SpecIssue } from '../spec/issues.js';
import type { TenderSpec } from '../spec/schema.js';

/** What every rule reads: the valid spec, where its fields are, and the clause library's registers. */
export interface RuleContext {
  readonly spec: TenderSpec;
  readonly at: (path: readonly PathSegment[]) => SourcePosition;
  readonly catalog: ClauseCatalog;
}

/** A rule is a pure function from the context to issues; rules never change the spec. */
export type Rule = (context: RuleContext) => SpecIssue[];

export function issueAt(
  context: RuleContext,
  path: readonly PathSegment[],
  issue: Omit<SpecIssue, 'position' | 'field'>,
): SpecIssue {
  return { ...issue, position: context.at(path), field: fieldName(path) };
}

function fieldName(path: readonly PathSegment[]): string {
  return path.reduce<string>(
    (out, segment) =>
      typeof segment === 'number' ? `${out}[${segment}]` : out ? `${out}.${segment}` : segment,
    '',
  );
}
