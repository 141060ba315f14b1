// The compiled catalog is data, shipped once as JSON beside dist/ and loaded, not inlined, by both builds
// (the ESM build keeps this import attribute; the CommonJS build turns it into require).
import archiveJson from '../generated/archive.json' with { type: 'json' };
import catalogJson from '../generated/catalog.json' with { type: 'json' };
import { type ClauseCatalog, createCatalog } from './catalog/catalog.js';
import type { CatalogData, Clause } from './types.js';

export type { ClauseId, ProfileId, ReferenceId, TopicId } from '../generated/catalog-ids.js';

/** The compiled clause library of this package version, as plain data. */
export const catalogData: CatalogData = catalogJson as unknown as CatalogData;
const archivedClauseJson: Readonly<Record<string, string>> = archiveJson;

/** The clause library shipped in this package version. */
export const catalog: ClauseCatalog = createCatalog(catalogData, (hash) => {
  const json = archivedClauseJson[hash];
  return json === undefined ? undefined : (JSON.parse(json) as Clause);
});

export type { BuiltinVariable } from './builtins.js';
export { BUILTIN_VARIABLES } from './builtins.js';
export type {
  ApplicabilityContext,
  ArchiveLoader,
  ClauseCatalog,
  ClauseQuery,
  ResolveCode,
  ResolveIssue,
  ResolveResult,
} from './catalog/catalog.js';
export { createCatalog, RESOLVE_CODES, splitClauseReference } from './catalog/catalog.js';
export type { WordChange } from './catalog/diff.js';
export { diffClauseWording, formatWordDiff } from './catalog/diff.js';
export type { ClausePin, UnresolvedPin } from './catalog/pinned.js';
export { pinCatalog } from './catalog/pinned.js';
export type { SearchHit } from './catalog/search.js';
export type { Block, Inline } from './content.js';
export { forEachInline, inlineText } from './content.js';
export type { TenderFact, TenderFacts } from './facts.js';
export { TENDER_FACT_NAMES, TENDER_FACTS } from './facts.js';
export type {
  FormatIssueOptions,
  Issue,
  IssuePart,
  IssuePosition,
  Result,
  Severity,
} from './issues/index.js';
export { codeFrame, fail, formatIssue, isError, issuesOf, ok, SEVERITIES } from './issues/index.js';
export type { ProcedureId, ThresholdPosition } from './procedures.js';
export { PROCEDURE_IDS, THRESHOLD_POSITIONS } from './procedures.js';
export type { WorkingCalendar, WorkingDayRule } from './registers/calendar.js';
export { addDays, daysBetween, weekdayName, workingCalendar } from './registers/calendar.js';
export type { BankHolidayRegister, Registers, ThresholdKind, ThresholdRegister } from './registers/schema.js';
export { THRESHOLD_KINDS } from './registers/schema.js';
export type { ThresholdInForce } from './registers/thresholds.js';
export { thresholdOn } from './registers/thresholds.js';
export type { AppliesWhen, ClausePart, ClauseStatus, Reference, VariableDefinition } from './schema.js';
export { CLAUSE_PARTS, CLAUSE_STATUSES } from './schema.js';
export type { ClauseIssue, ClauseIssueCode } from './source/errors.js';
export { CLAUSE_ISSUE_CODES } from './source/errors.js';
export type { PathSegment, SourcePosition } from './source/position.js';
export { formatPath, locateYamlPath } from './source/position.js';
export { closest } from './suggest.js';
export type {
  ArchivedVersion,
  CatalogData,
  ChangelogEntry,
  Clause,
  Definition,
  Profile,
  Topic,
} from './types.js';
