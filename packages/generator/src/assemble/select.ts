import {
  type Clause,
  type ClauseCatalog,
  splitClauseReference,
  TENDER_FACT_NAMES,
  type TenderFact,
  type ThresholdPosition,
} from '@loti/clauses';
import type { InclusionReason } from '../model/types.js';
import { impliedFacts } from '../rules/lots.js';
import type { SpecIssue } from '../spec/issues.js';
import type { LoadedSpec } from '../spec/load.js';
import { PROCEDURES, type TenderSpec } from '../spec/schema.js';

export interface SelectedClause {
  readonly clause: Clause;
  readonly reasons: InclusionReason[];
  /** Variable values given on the include entry. */
  readonly variables: Readonly<Record<string, string | number>>;
  /** Where the include entry is, for messages about this clause. */
  readonly includeIndex?: number;
  /** The lots the clause applies to, when the include entry limits it to some. */
  readonly lots?: readonly (string | number)[];
}

export interface Selection {
  readonly clauses: SelectedClause[];
  readonly excluded: { id: string; reason: string }[];
}

type Locate = LoadedSpec['locate'];

/**
 * Decides which clause versions a tender contains and why: explicit includes, profiles,
 * key facts (appliesWhen), and clauses that included wording cross-references. Explicit
 * version ranges win over profile ranges; exclusions win over everything and are kept.
 */
export function selectClauses(
  spec: TenderSpec,
  catalog: ClauseCatalog,
  at: Locate,
  threshold?: ThresholdPosition,
): { selection: Selection; issues: SpecIssue[] } {
  const issues: SpecIssue[] = [];
  const chosen = new Map<
    string,
    {
      clause: Clause;
      reasons: InclusionReason[];
      variables: Record<string, string | number>;
      includeIndex?: number;
      lots?: readonly (string | number)[];
      pinned: boolean;
    }
  >();
  const add = (
    clause: Clause,
    reason: InclusionReason,
    options: {
      pinned?: boolean;
      variables?: Record<string, string | number>;
      includeIndex?: number;
      lots?: readonly (string | number)[];
    } = {},
  ) => {
    const existing = chosen.get(clause.id);
    if (existing) {
      existing.reasons.push(reason);
      if (options.pinned && !existing.pinned) {
        existing.clause = clause;
        existing.pinned = true;
      }
      if (options.variables) Object.assign(existing.variables, options.variables);
      if (options.includeIndex !== undefined) existing.includeIndex = options.includeIndex;
      if (options.lots) existing.lots = options.lots;
      return;
    }
    chosen.set(clause.id, {
      clause,
      reasons: [reason],
      variables: { ...(options.variables ?? {}) },
      pinned: options.pinned ?? false,
      ...(options.includeIndex !== undefined ? { includeIndex: options.includeIndex } : {}),
      ...(options.lots ? { lots: options.lots } : {}),
    });
  };

  const resolve = (reference: string, path: (string | number)[]): Clause | undefined => {
    const result = catalog.resolve(reference);
    if (result.ok) return result.value;
    const problem = result.issues[0] ?? {
      code: 'CLAUSE_UNKNOWN',
      message: `There is no clause "${reference}".`,
    };
    const code = problem.code;
    issues.push({
      code,
      severity: 'error',
      message: `${problem.message}${code === 'CLAUSE_UNKNOWN' && !('suggestion' in problem && problem.suggestion) ? ' Run `tender clauses list` to see every clause.' : ''}`,
      position: at(path),
      field: path.join('.'),
    });
    return undefined;
  };

  const procedure = spec.tender.procedure;
  // Wording written for other procedures (or the other side of the threshold) never reaches the document.
  const leftOut: { id: string; reason: string }[] = [];

  // Explicit includes first, so their pins hold.
  spec.clauses.include.forEach((entry, index) => {
    const reference =
      typeof entry === 'string' ? entry : entry.version ? `${entry.id}@${entry.version}` : entry.id;
    const clause = resolve(reference, ['clauses', 'include', index]);
    const mismatch = clause && procedureMismatch(clause, procedure, threshold);
    if (clause && mismatch) {
      issues.push({
        code: 'CLAUSE_NOT_FOR_PROCEDURE',
        severity: 'error',
        message: `${clause.id} is ${mismatch}, but this tender uses the ${PROCEDURES[procedure]}. Remove it from clauses.include: the wording would state the wrong procedure.`,
        position: at(['clauses', 'include', index]),
        field: `clauses.include[${index}]`,
      });
      return;
    }
    if (clause) {
      add(
        clause,
        { kind: 'explicit' },
        {
          pinned: reference.includes('@'),
          includeIndex: index,
          ...(typeof entry === 'object' && entry.variables ? { variables: entry.variables } : {}),
          ...(typeof entry === 'object' && entry.lots ? { lots: entry.lots } : {}),
        },
      );
    }
  });

  spec.clauses.profiles.forEach((profileId, index) => {
    const profile = catalog.profile(profileId);
    if (!profile) {
      const names = catalog.profiles().map((p) => p.id);
      const guess = names.find((name) => name.startsWith(profileId.slice(0, 4)));
      issues.push({
        code: 'PROFILE_UNKNOWN',
        severity: 'error',
        message: `There is no profile "${profileId}".${guess ? ` Did you mean "${guess}"?` : ''} Profiles: ${names.join(', ')}.`,
        position: at(['clauses', 'profiles', index]),
        field: `clauses.profiles[${index}]`,
      });
      return;
    }
    for (const reference of profile.clauses) {
      const { id } = splitClauseReference(reference);
      const clause = chosen.get(id)?.pinned
        ? chosen.get(id)?.clause
        : catalog.resolve(reference).ok
          ? catalog.get(id, splitClauseReference(reference).range)
          : undefined;
      if (!clause || chosen.has(clause.id)) {
        if (clause) add(clause, { kind: 'profile', profile: profile.id });
        continue;
      }
      const mismatch =
        procedureMismatch(clause, procedure, threshold) ?? deniedFact(clause, spec.tender.facts);
      if (mismatch) {
        if (!leftOut.some((entry) => entry.id === clause.id))
          leftOut.push({ id: clause.id, reason: `In profile ${profile.id}, but ${mismatch}.` });
        continue;
      }
      add(clause, { kind: 'profile', profile: profile.id });
    }
  });

  if (spec.clauses.automatic) {
    // Lots listed imply hasLots, so the lots wording is never dropped silently; the manifest says so.
    const { facts, implied } = impliedFacts(spec);
    for (const clause of catalog.applicable({ facts, procedure: spec.tender.procedure, threshold })) {
      const when = clause.appliesWhen;
      const matched =
        when && when !== 'always'
          ? TENDER_FACT_NAMES.filter(
              (fact) => facts[fact] && [...(when.all ?? []), ...(when.any ?? [])].includes(fact),
            )
          : [];
      const fromLots = implied.filter((fact) => matched.includes(fact));
      const reason: InclusionReason =
        when === 'always'
          ? { kind: 'always' }
          : matched.length === 0 && (when?.procedures || when?.threshold)
            ? { kind: 'procedure', procedure: spec.tender.procedure }
            : { kind: 'fact', facts: matched, ...(fromLots.length > 0 ? { implied: fromLots } : {}) };
      add(chosen.get(clause.id)?.clause ?? clause, reason);
    }
  }

  const excluded: { id: string; reason: string }[] = [];
  const notIncluded: number[] = [];
  spec.clauses.exclude.forEach((entry, index) => {
    if (!catalog.has(entry.id)) {
      resolve(entry.id, ['clauses', 'exclude', index, 'id']);
      return;
    }
    if (!chosen.delete(entry.id)) notIncluded.push(index);
    excluded.push({ id: entry.id, reason: entry.reason });
  });

  // Pull in clauses that included wording refers to, so every cross-reference has a target.
  const excludedIds = new Set(excluded.map((entry) => entry.id));
  const queue = [...chosen.values()];
  while (queue.length > 0) {
    const current = queue.shift() as (typeof queue)[number];
    for (const target of current.clause.crossReferences) {
      if (chosen.has(target) || excludedIds.has(target)) continue;
      const clause = catalog.get(target);
      if (!clause) continue;
      add(clause, { kind: 'dependency', from: current.clause.id });
      queue.push(chosen.get(target) as (typeof queue)[number]);
    }
  }

  // An exclusion is pointless only if nothing would have brought the clause in, not even a cross-reference.
  const referenced = new Set([...chosen.values()].flatMap((entry) => entry.clause.crossReferences));
  for (const index of notIncluded) {
    const entry = spec.clauses.exclude[index] as { id: string };
    if (referenced.has(entry.id)) continue;
    issues.push({
      code: 'EXCLUDE_UNKNOWN',
      severity: 'warning',
      message: `${entry.id} is excluded but would not have been included anyway. Remove this exclusion.`,
      position: at(['clauses', 'exclude', index, 'id']),
      field: `clauses.exclude[${index}].id`,
    });
  }

  for (const entry of chosen.values()) {
    const { clause } = entry;
    const path = entry.includeIndex !== undefined ? ['clauses', 'include', entry.includeIndex] : ['clauses'];
    if (clause.status === 'deprecated' || clause.status === 'withdrawn' || clause.status === 'draft') {
      const replacement = clause.replacedBy ? ` Use ${clause.replacedBy} instead.` : '';
      issues.push({
        code:
          clause.status === 'deprecated'
            ? 'CLAUSE_DEPRECATED'
            : clause.status === 'withdrawn'
              ? 'CLAUSE_WITHDRAWN'
              : 'CLAUSE_DRAFT',
        severity: clause.status === 'withdrawn' ? 'error' : 'warning',
        message:
          clause.status === 'draft'
            ? `${clause.id}@${clause.version} is a draft: its wording may change before it is stable.`
            : `${clause.id}@${clause.version} is ${clause.status}.${replacement}${clause.status === 'withdrawn' ? ' Remove it or exclude it.' : ''}`,
        position: at(path),
        field: path.join('.'),
      });
    }
  }

  return {
    selection: {
      clauses: [...chosen.values()].map(({ clause, reasons, variables, includeIndex, lots }) => ({
        clause,
        reasons,
        variables,
        ...(includeIndex !== undefined ? { includeIndex } : {}),
        ...(lots ? { lots } : {}),
      })),
      excluded: [
        ...excluded,
        ...leftOut.filter((entry) => !chosen.has(entry.id) && !excludedIds.has(entry.id)),
      ],
    },
    issues,
  };
}

/**
 * Why a clause does not fit this tender's procedure or value, as words for a message ("written for the open
 * procedure"), or undefined when it fits. Key facts are not considered: an officer may include any clause whose
 * facts the spec does not set, but not wording that states the wrong procedure or the wrong side of the threshold.
 */
function procedureMismatch(
  clause: Clause,
  procedure: TenderSpec['tender']['procedure'],
  threshold: ThresholdPosition | undefined,
): string | undefined {
  const when = clause.appliesWhen;
  if (!when || when === 'always') return undefined;
  if (when.procedures && !when.procedures.includes(procedure)) {
    const names = when.procedures.map((id) => PROCEDURES[id]);
    const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names[0];
    return `written for the ${list}`;
  }
  if (when.threshold && threshold && when.threshold !== threshold)
    return `written for contracts ${when.threshold} the procurement threshold, and this one is ${threshold} it`;
  return undefined;
}

/**
 * A key fact the spec explicitly sets to false that the clause needs (one of its `all` facts, or every one of its
 * `any` facts), as words for a message. A profile is a bundle; the officer's explicit "no" wins over it.
 */
function deniedFact(clause: Clause, facts: TenderSpec['tender']['facts']): string | undefined {
  const when = clause.appliesWhen;
  if (!when || when === 'always') return undefined;
  const denied = (fact: TenderFact) => facts[fact] === false;
  const all = (when.all ?? []).find(denied);
  if (all) return `the spec sets ${all}: false`;
  const any = when.any ?? [];
  if (any.length > 0 && any.every(denied))
    return `the spec sets ${any.map((fact) => `${fact}: false`).join(', ')}`;
  return undefined;
}
