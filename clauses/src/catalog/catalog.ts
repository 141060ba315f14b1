import semver from 'semver';
import { blocksText } from '../content.js';
import type { TenderFacts } from '../facts.js';
import { fail, type Issue, ok, type Result } from '../issues/issue.js';
import type { ProcedureId, ThresholdPosition } from '../procedures.js';
import type { AppliesWhen, ClauseStatus, Reference } from '../schema.js';
import { closest } from '../suggest.js';
import type {
  ArchivedVersion,
  CatalogData,
  ChangelogEntry,
  Clause,
  Definition,
  Profile,
  Topic,
} from '../types.js';
import { type SearchHit, searchClauses } from './search.js';

/** Gives the compiled clause for an archived version's hash; called at most once per version. */
export type ArchiveLoader = (hash: string) => Clause | undefined;

/** Filters for `catalog.list()`: by topic, status or profile. */
export interface ClauseQuery {
  readonly topic?: string;
  readonly tag?: string;
  readonly status?: ClauseStatus | readonly ClauseStatus[];
  /** Words that must all appear in the title, summary, tags or wording (case-insensitive). */
  readonly text?: string;
  /** Every version, published ones only the ledger holds included, instead of the newest of each clause. */
  readonly allVersions?: boolean;
}

/** Why `catalog.resolve('id@range')` finds no clause, each with what it means. */
export const RESOLVE_CODES = {
  CLAUSE_UNKNOWN: 'No clause has this id.',
  CLAUSE_VERSION_NO_MATCH: 'No version of the clause matches the range.',
  CLAUSE_RANGE_INVALID: 'The version range is not valid semver.',
} as const;

/** One of the {@link RESOLVE_CODES}. */
export type ResolveCode = keyof typeof RESOLVE_CODES;

/** Why a reference resolves to no clause; `suggestion` is the id most like an unknown one. */
export interface ResolveIssue extends Issue<ResolveCode> {
  readonly suggestion?: string;
}

/** The outcome of `catalog.resolve('id@range')`: the clause, or the issue saying why none matches. */
export type ResolveResult = Result<Clause, ResolveCode, ResolveIssue>;

/** Read-only view over compiled clause data; pure, so it runs in Node and the browser. */
export interface ClauseCatalog {
  readonly data: CatalogData;
  readonly packageVersion: string;
  list(query?: ClauseQuery): Clause[];
  ids(): string[];
  has(id: string): boolean;
  /** Every version of a clause, newest first, including published versions only the ledger holds. */
  versions(id: string): string[];
  /**
   * The newest version matching `range` (an exact version such as `1.0.0` pins it). Without a
   * range, the newest version the library's clause files hold.
   */
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
  /** Newest clauses whose `appliesWhen` holds for these facts (excluding `always`-only when `includeAlways` is false). */
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

/** Splits a clause reference `id@range` into the id and the semver range (none when no `@` is given). */
export function splitClauseReference(reference: string): { id: string; range?: string } {
  const at = reference.indexOf('@');
  if (at < 0) return { id: reference.trim() };
  return { id: reference.slice(0, at).trim(), range: reference.slice(at + 1).trim() };
}

/** A version of a clause: compiled (from a clause file) or archived (from the ledger, loaded on demand). */
type Slot = { readonly version: string; clause?: Clause; readonly archived?: ArchivedVersion };

/**
 * `loadArchived` supplies published versions that no clause file holds any more (see
 * `CatalogData.archived`); they stay out of the hot path until a range or pin asks for one.
 */
export function createCatalog(data: CatalogData, loadArchived?: ArchiveLoader): ClauseCatalog {
  const current = new Map<string, Clause[]>();
  for (const clause of data.clauses) {
    const list = current.get(clause.id) ?? [];
    list.push(clause);
    current.set(clause.id, list);
  }
  for (const list of current.values()) list.sort((a, b) => semver.rcompare(a.version, b.version));
  const slots = new Map<string, Slot[]>();
  for (const [id, list] of current)
    slots.set(
      id,
      list.map((clause) => ({ version: clause.version, clause })),
    );
  for (const archived of data.archived ?? []) {
    const list = slots.get(archived.id) ?? [];
    if (list.some((slot) => slot.version === archived.version)) continue;
    list.push({ version: archived.version, archived });
    slots.set(archived.id, list);
  }
  for (const list of slots.values()) list.sort((a, b) => semver.rcompare(a.version, b.version));
  const newest = () => [...current.values()].map((list) => list[0] as Clause);
  const references = new Map(data.references.map((ref) => [ref.id, ref]));

  const load = (slot: Slot): Clause | undefined => {
    if (!slot.clause && slot.archived) slot.clause = loadArchived?.(slot.archived.hash);
    return slot.clause;
  };
  const allVersions = () => [...slots.values()].flat().flatMap((slot) => load(slot) ?? []);

  const get = (id: string, range?: string): Clause | undefined => {
    const list = slots.get(id);
    if (!list) return undefined;
    if (!range || range === '*' || range === 'latest') return current.get(id)?.[0] ?? load(list[0] as Slot);
    if (!semver.validRange(range)) return undefined;
    const slot = list.find((candidate) => semver.satisfies(candidate.version, range));
    return slot ? load(slot) : undefined;
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
      (query.allVersions ? allVersions() : newest()).filter((clause) => matches(clause, query)),
    ids: () => [...slots.keys()],
    has: (id) => slots.has(id),
    versions: (id) => (slots.get(id) ?? []).map((slot) => slot.version),
    get,
    resolve(reference) {
      const { id, range } = splitClauseReference(reference);
      const list = slots.get(id);
      if (!list) {
        const suggestion = closest(id, slots.keys());
        return fail([
          {
            code: 'CLAUSE_UNKNOWN',
            severity: 'error',
            message: `There is no clause "${id}".${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
            ...(suggestion ? { suggestion } : {}),
          },
        ]);
      }
      const available = list.map((slot) => slot.version);
      if (range && range !== '*' && range !== 'latest' && !semver.validRange(range)) {
        return fail([
          {
            code: 'CLAUSE_RANGE_INVALID',
            severity: 'error',
            message: `"${range}" is not a version range. Use e.g. ^2, ~2.1 or 2.1.0.`,
          },
        ]);
      }
      const clause = get(id, range);
      if (!clause) {
        return fail([
          {
            code: 'CLAUSE_VERSION_NO_MATCH',
            severity: 'error',
            message: `No version of "${id}" matches ${range}. Versions available: ${available.join(', ')}.`,
          },
        ]);
      }
      return ok(clause);
    },
    changelog(id) {
      const seen = new Map<string, ChangelogEntry>();
      for (const slot of slots.get(id) ?? [])
        for (const entry of load(slot)?.changelog ?? [])
          if (!seen.has(entry.version)) seen.set(entry.version, entry);
      return [...seen.values()].sort((a, b) => semver.rcompare(a.version, b.version));
    },
    topics: () => data.topics,
    topic: (id) => data.topics.find((topic) => topic.id === id),
    profiles: () => data.profiles,
    profile: (id) => data.profiles.find((profile) => profile.id === id),
    references: () => data.references,
    reference: (id) => references.get(id),
    definitions: () => data.definitions,
    applicable: (tender, options) => {
      const context = toContext(tender);
      return newest().filter((clause) => appliesTo(clause, context, options));
    },
    search: (query) => searchClauses(newest(), query),
  };
}

/** Whether key facts bring this clause into a tender: see ClauseCatalog.applicable. */
export function appliesTo(
  clause: Clause,
  tender: TenderFacts | ApplicabilityContext,
  options: { includeAlways?: boolean } = {},
): boolean {
  return (
    clause.appliesWhen !== undefined &&
    (options.includeAlways !== false || clause.appliesWhen !== 'always') &&
    clause.status !== 'withdrawn' &&
    clause.status !== 'draft' &&
    evaluateAppliesWhen(clause.appliesWhen, tender)
  );
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
