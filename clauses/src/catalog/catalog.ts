import semver from 'semver';
import { closest } from '../compile/compile-library.js';
import { blocksText } from '../content.js';
import type { TenderFacts } from '../facts.js';
import type { ProcedureId, ThresholdPosition } from '../procedures.js';
import type { AppliesWhen, ClauseStatus, Reference } from '../schema.js';
import type { CatalogData, ChangelogEntry, Clause, Definition, Profile, Topic } from '../types.js';
import { type SearchHit, searchClauses } from './search.js';

export interface ClauseQuery {
  readonly topic?: string;
  readonly tag?: string;
  readonly status?: ClauseStatus | readonly ClauseStatus[];
  /** Words that must all appear in the title, summary, tags or wording (case-insensitive). */
  readonly text?: string;
  /** Every kept version instead of the newest of each clause. */
  readonly allVersions?: boolean;
}

export type ResolveResult =
  | { readonly ok: true; readonly clause: Clause }
  | {
      readonly ok: false;
      readonly reason: 'unknown-id' | 'no-matching-version' | 'bad-range';
      readonly message: string;
      readonly suggestion?: string;
      readonly available: readonly string[];
    };

/** Read-only view over compiled clause data; pure, so it runs in Node and the browser. */
export interface ClauseCatalog {
  readonly data: CatalogData;
  readonly packageVersion: string;
  list(query?: ClauseQuery): Clause[];
  ids(): string[];
  has(id: string): boolean;
  versions(id: string): string[];
  /** The newest version matching `range` (any version when omitted). */
  get(id: string, range?: string): Clause | undefined;
  /** Resolves `id` or `id@range`, explaining failures. */
  resolve(reference: string): ResolveResult;
  changelog(id: string): ChangelogEntry[];
  topics(): readonly Topic[];
  topic(id: string): Topic | undefined;
  profiles(): readonly Profile[];
  profile(id: string): Profile | undefined;
  references(): readonly Reference[];
  reference(id: string): Reference | undefined;
  definitions(): readonly Definition[];
  /**
   * Newest clauses whose `appliesWhen` holds for this tender (excluding `always`-only when
   * `includeAlways` is false). Pass plain facts, or a context with the procedure and threshold.
   */
  applicable(tender: TenderFacts | ApplicabilityContext, options?: { includeAlways?: boolean }): Clause[];
  /** Newest clauses ranked for a search: id and title matches first, then tags, summary and wording. */
  search(query: string): SearchHit[];
}

/** What `appliesWhen` is evaluated against. */
export interface ApplicabilityContext {
  readonly facts: TenderFacts;
  /** Unknown procedure: conditions naming procedures do not hold. */
  readonly procedure?: ProcedureId;
  /** Unknown position (no estimated value): conditions naming a threshold do not hold. */
  readonly threshold?: ThresholdPosition;
}

function toContext(tender: TenderFacts | ApplicabilityContext): ApplicabilityContext {
  return 'facts' in tender && typeof tender.facts === 'object' && tender.facts !== null
    ? (tender as ApplicabilityContext)
    : { facts: tender as TenderFacts };
}

export function splitClauseReference(reference: string): { id: string; range?: string } {
  const at = reference.indexOf('@');
  if (at < 0) return { id: reference.trim() };
  return { id: reference.slice(0, at).trim(), range: reference.slice(at + 1).trim() };
}

export function createCatalog(data: CatalogData): ClauseCatalog {
  const byId = new Map<string, Clause[]>();
  for (const clause of data.clauses) {
    const list = byId.get(clause.id) ?? [];
    list.push(clause);
    byId.set(clause.id, list);
  }
  for (const list of byId.values()) list.sort((a, b) => semver.rcompare(a.version, b.version));
  const newest = () => [...byId.values()].map((list) => list[0] as Clause);
  const references = new Map(data.references.map((ref) => [ref.id, ref]));

  const get = (id: string, range?: string): Clause | undefined => {
    const list = byId.get(id);
    if (!list) return undefined;
    if (!range || range === '*' || range === 'latest') return list[0];
    if (!semver.validRange(range)) return undefined;
    return list.find((clause) => semver.satisfies(clause.version, range));
  };

  const matches = (clause: Clause, query: ClauseQuery): boolean => {
    if (query.topic && clause.topic !== query.topic) return false;
    if (query.tag && !clause.tags.includes(query.tag)) return false;
    if (query.status) {
      const statuses = typeof query.status === 'string' ? [query.status] : query.status;
      if (!statuses.includes(clause.status)) return false;
    }
    if (query.text) {
      const haystack =
        `${clause.id} ${clause.title} ${clause.summary} ${clause.tags.join(' ')} ${blocksText(clause.body)}`.toLowerCase();
      return query.text
        .toLowerCase()
        .split(/\s+/)
        .filter(Boolean)
        .every((word) => haystack.includes(word));
    }
    return true;
  };

  return {
    data,
    packageVersion: data.packageVersion,
    list: (query = {}) =>
      (query.allVersions ? [...data.clauses] : newest()).filter((clause) => matches(clause, query)),
    ids: () => [...byId.keys()],
    has: (id) => byId.has(id),
    versions: (id) => (byId.get(id) ?? []).map((clause) => clause.version),
    get,
    resolve(reference) {
      const { id, range } = splitClauseReference(reference);
      const list = byId.get(id);
      if (!list) {
        const suggestion = closest(id, byId.keys());
        return {
          ok: false,
          reason: 'unknown-id',
          message: `There is no clause "${id}".${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
          ...(suggestion ? { suggestion } : {}),
          available: [],
        };
      }
      const available = list.map((clause) => clause.version);
      if (range && range !== '*' && range !== 'latest' && !semver.validRange(range)) {
        return {
          ok: false,
          reason: 'bad-range',
          message: `"${range}" is not a version range. Use e.g. ^2, ~2.1 or 2.1.0.`,
          available,
        };
      }
      const clause = get(id, range);
      if (!clause) {
        return {
          ok: false,
          reason: 'no-matching-version',
          message: `No version of "${id}" matches ${range}. Versions available: ${available.join(', ')}.`,
          available,
        };
      }
      return { ok: true, clause };
    },
    changelog(id) {
      const seen = new Map<string, ChangelogEntry>();
      for (const clause of byId.get(id) ?? [])
        for (const entry of clause.changelog) if (!seen.has(entry.version)) seen.set(entry.version, entry);
      return [...seen.values()].sort((a, b) => semver.rcompare(a.version, b.version));
    },
    topics: () => data.topics,
    topic: (id) => data.topics.find((topic) => topic.id === id),
    profiles: () => data.profiles,
    profile: (id) => data.profiles.find((profile) => profile.id === id),
    references: () => data.references,
    reference: (id) => references.get(id),
    definitions: () => data.definitions,
    search: (query) => searchClauses(newest(), query),
    applicable(tender, options = {}) {
      const context = toContext(tender);
      return newest().filter(
        (clause) =>
          clause.appliesWhen !== undefined &&
          (options.includeAlways !== false || clause.appliesWhen !== 'always') &&
          clause.status !== 'withdrawn' &&
          clause.status !== 'draft' &&
          evaluateAppliesWhen(clause.appliesWhen, context),
      );
    },
  };
}

/** True when the tender satisfies the condition. Facts not stated count as false. */
export function evaluateAppliesWhen(
  condition: AppliesWhen,
  tender: TenderFacts | ApplicabilityContext,
): boolean {
  if (condition === 'always') return true;
  const { facts, procedure, threshold } = toContext(tender);
  if (condition.procedures && (!procedure || !condition.procedures.includes(procedure))) return false;
  if (condition.threshold && condition.threshold !== threshold) return false;
  if (condition.all && !condition.all.every((fact) => facts[fact] === true)) return false;
  if (condition.any && !condition.any.some((fact) => facts[fact] === true)) return false;
  if (condition.none?.some((fact) => facts[fact] === true)) return false;
  return true;
}
