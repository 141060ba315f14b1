import semver from 'semver';
import { type Block, blocksText, forEachInline } from '../content.js';
import { fail as failed, isError, ok, type Result } from '../issues/issue.js';
import {
  canonicalClauseText,
  LEDGER_FILE,
  type LedgerEntry,
  ledgerKey,
  ledgerTextPath,
  parseLedger,
} from '../ledger/ledger.js';
import { bankHolidaysFileSchema, type Registers, thresholdsFileSchema } from '../registers/schema.js';
import { definitionsFileSchema, libraryFileSchema, type Reference, referencesFileSchema } from '../schema.js';
import type { ClauseIssue, ClauseIssueCode } from '../source/errors.js';
import { suggest } from '../suggest.js';
import type { ArchivedVersion, CatalogData, Clause, Definition, Profile, Topic } from '../types.js';
import { splitPlaceholders } from './markdown.js';
import { parseClauseFile } from './parse-clause-file.js';
import { styleIssues } from './style-checks.js';
import { parseYamlSource, validateYaml } from './yaml-source.js';

/** What {@link compileLibrary} compiles: the library's files by path, the package version, and a hash function. */
export interface CompileInput {
  /**
   * Files by path relative to the clauses folder, e.g. `exit/exit-plan.md`, `library.yaml`, and the
   * release ledger (`published/ledger.json` with `published/texts/<sha256>.md`) when there is one.
   */
  readonly files: Readonly<Record<string, string>>;
  readonly packageVersion: string;
  /** sha256 hex of a string; injected so the compiler stays free of Node APIs. */
  readonly sha256: (text: string) => string;
}

/** A compiled clause library: the catalog data and the published versions only the ledger holds. */
export interface CompiledLibrary {
  readonly catalog: CatalogData;
  /** Compiled published versions that no clause file holds any more, by hash (see `catalog.archived`). */
  readonly archive: Readonly<Record<string, Clause>>;
}

/** The library and its warnings, or every issue: a half catalog is never produced. */
export type CompileResult = Result<CompiledLibrary, ClauseIssueCode>;

const CLAUSE_FILE = /^([a-z0-9-]+)\/([a-z0-9-]+)(?:\.v(\d+))?\.md$/;

/**
 * Compiles the clause library from its source files (clause Markdown, registers, the release ledger). Pure: file
 * access and hashing are injected. Runs at build time; the installed package ships the compiled catalog.
 */
export function compileLibrary(input: CompileInput): CompileResult {
  const issues: ClauseIssue[] = [];
  const library = loadYamlFile(input.files, 'library.yaml', libraryFileSchema, issues);
  const referencesFile = loadYamlFile(input.files, 'references.yaml', referencesFileSchema, issues);
  const definitionsFile = loadYamlFile(input.files, 'definitions.yaml', definitionsFileSchema, issues);

  // The dated registers are optional so that small test libraries need not carry them.
  const registers: Registers = {
    ...(input.files['thresholds.yaml'] !== undefined
      ? { thresholds: loadYamlFile(input.files, 'thresholds.yaml', thresholdsFileSchema, issues) }
      : {}),
    ...(input.files['bank-holidays.yaml'] !== undefined
      ? { bankHolidays: loadYamlFile(input.files, 'bank-holidays.yaml', bankHolidaysFileSchema, issues) }
      : {}),
  };

  const topics: Topic[] = Object.entries(library?.topics ?? {}).map(([id, topic], order) => ({
    id,
    ...topic,
    order,
  }));
  const topicOrder = new Map(topics.map((topic) => [topic.id, topic.order]));
  const references: Reference[] = Object.entries(referencesFile ?? {}).map(([id, ref]) => ({ id, ...ref }));
  const referenceIds = new Set(references.map((ref) => ref.id));
  for (const [file, cited] of [
    ['thresholds.yaml', registers.thresholds?.revisions.map((r) => r.reference) ?? []],
    ['bank-holidays.yaml', registers.bankHolidays ? [registers.bankHolidays.reference] : []],
  ] as const) {
    for (const ref of cited)
      if (!referenceIds.has(ref))
        issues.push(error('REFERENCE_UNKNOWN', `Reference "${ref}" is not in references.yaml.`, file));
  }
  for (const ref of references) {
    if (ref.supersededBy && !referenceIds.has(ref.supersededBy)) {
      issues.push(
        error(
          'REFERENCE_UNKNOWN',
          `Reference "${ref.id}" is superseded by unknown reference "${ref.supersededBy}".`,
          'references.yaml',
        ),
      );
    }
  }

  const definitions: Definition[] = Object.entries(definitionsFile ?? {}).map(([term, text]) => ({
    term,
    text: splitPlaceholders(text.replace(/\s+/g, ' ').trim()),
  }));

  const clauses: Clause[] = [];
  const styleByClause: { id: string; major: number; issues: ClauseIssue[] }[] = [];
  const seen = new Map<string, string>();
  for (const path of Object.keys(input.files).sort()) {
    const match = CLAUSE_FILE.exec(path);
    if (!match) continue;
    const [, topic, name, majorInName] = match as unknown as [string, string, string, string | undefined];
    const text = input.files[path] as string;
    const parsed = parseClauseFile(text, path, `${topic}/${name}`);
    issues.push(...parsed.issues);
    if (!parsed.clause) continue;
    const fm = parsed.clause.frontMatter;
    const major = semver.major(fm.version);
    if (library && !topicOrder.has(topic)) {
      issues.push(
        error(
          'TOPIC_UNKNOWN',
          `The folder "${topic}" is not a topic. Add it under "topics" in library.yaml.`,
          path,
        ),
      );
    }
    if (majorInName !== undefined && Number(majorInName) !== major) {
      issues.push(
        error(
          'ID_MISMATCH',
          `The file name says major ${majorInName} but the version is ${fm.version}.`,
          path,
        ),
      );
    }
    const key = `${fm.id}@${major}`;
    const other = seen.get(key);
    if (other) {
      issues.push(
        error(
          'DUPLICATE_VERSION',
          `Major version ${major} of ${fm.id} is also in ${other}. Keep one file per major; older majors go in <name>.v<major>.md.`,
          path,
        ),
      );
    }
    seen.set(key, path);
    for (const ref of fm.references) {
      if (!referenceIds.has(ref)) {
        issues.push(
          error(
            'REFERENCE_UNKNOWN',
            `Reference "${ref}" is not in references.yaml. ${suggest(ref, referenceIds)}`,
            path,
          ),
        );
      }
    }
    clauses.push(toClause(parsed.clause, text, path, topic, definitions, input.sha256));
    styleByClause.push({
      id: fm.id,
      major,
      issues: styleIssues(
        path,
        parsed.clause.bodySource,
        parsed.clause.body,
        fm.references,
        references,
        parsed.clause.bodyLineOffset,
      ),
    });
  }
  // An older major kept as <name>.v<major>.md is frozen: its wording can never change, so
  // style and currency warnings about it could never be fixed. Only the newest major is checked.
  const newestMajor = new Map<string, number>();
  for (const { id, major } of styleByClause)
    newestMajor.set(id, Math.max(major, newestMajor.get(id) ?? major));
  for (const { id, major, issues: style } of styleByClause)
    if (newestMajor.get(id) === major) issues.push(...style);

  const { archived, archive } = checkAgainstLedger(
    input,
    clauses,
    topicOrder,
    referenceIds,
    definitions,
    issues,
  );
  const archivedClauses = Object.values(archive);
  const ids = new Set([...clauses, ...archivedClauses].map((clause) => clause.id));
  for (const clause of [...clauses, ...archivedClauses]) {
    for (const ref of clause.crossReferences) {
      if (!ids.has(ref)) {
        issues.push(
          error(
            'CLAUSE_REF_UNKNOWN',
            `Cross-reference to "${ref}" but no such clause exists. ${suggest(ref, ids)}`,
            clause.source,
          ),
        );
      }
    }
    if (clause.replacedBy && !ids.has(clause.replacedBy)) {
      issues.push(
        error(
          'REPLACED_BY_UNKNOWN',
          `replacedBy names "${clause.replacedBy}", which does not exist.`,
          clause.source,
        ),
      );
    }
  }

  const profiles: Profile[] = Object.entries(library?.profiles ?? {}).map(([id, profile]) => ({
    id,
    ...profile,
  }));
  for (const profile of profiles) {
    for (const entry of profile.clauses) {
      const [id, range] = entry.split('@') as [string, string | undefined];
      const versions = [...clauses, ...archivedClauses]
        .filter((clause) => clause.id === id)
        .map((clause) => clause.version);
      if (versions.length === 0 || (range && !semver.maxSatisfying(versions, range))) {
        issues.push(
          error(
            'PROFILE_CLAUSE_UNKNOWN',
            versions.length === 0
              ? `Profile "${profile.id}" lists "${id}", which does not exist. ${suggest(id, ids)}`
              : `Profile "${profile.id}" asks for ${entry} but the library has ${versions.join(', ')}.`,
            'library.yaml',
          ),
        );
      }
    }
  }

  clauses.sort(
    (a, b) =>
      (topicOrder.get(a.topic) ?? 999) - (topicOrder.get(b.topic) ?? 999) ||
      a.order - b.order ||
      a.id.localeCompare(b.id) ||
      semver.rcompare(a.version, b.version),
  );
  if (issues.some(isError)) return failed(issues);
  return ok(
    {
      catalog: {
        packageVersion: input.packageVersion,
        clauses,
        topics,
        profiles,
        references,
        definitions,
        registers,
        archived,
      },
      archive,
    },
    issues,
  );
}

function toClause(
  parsed: NonNullable<ReturnType<typeof parseClauseFile>['clause']>,
  text: string,
  path: string,
  topic: string,
  definitions: readonly Definition[],
  sha256: (text: string) => string,
): Clause {
  const fm = parsed.frontMatter;
  const crossReferences = new Set<string>();
  const placeholders = new Set<string>();
  forEachInline(parsed.body, (node) => {
    if (node.type === 'clauseRef') crossReferences.add(node.id);
    if (node.type === 'placeholder') placeholders.add(node.name);
  });
  return {
    id: fm.id,
    topic,
    title: fm.title,
    version: fm.version,
    status: fm.status,
    ...(fm.replacedBy ? { replacedBy: fm.replacedBy } : {}),
    summary: fm.summary,
    part: fm.part,
    order: fm.order,
    guidance: parsed.guidance,
    ...(fm.appliesWhen ? { appliesWhen: fm.appliesWhen } : {}),
    variables: fm.variables,
    references: fm.references,
    tags: fm.tags,
    changelog: [...fm.changelog].sort((a, b) => semver.rcompare(a.version, b.version)),
    body: parsed.body,
    terms: termsUsed(parsed.body, definitions),
    crossReferences: [...crossReferences].sort(),
    placeholders: [...placeholders].sort(),
    hash: `sha256:${sha256(canonicalClauseText(text))}`,
    source: path,
  };
}

/**
 * Published wording never changes: a clause file whose id@version is in the ledger must hash to
 * the ledger's entry (its `published` date is recorded on the clause). Ledger versions no file
 * holds any more are compiled from their stored text so they keep resolving.
 */
function checkAgainstLedger(
  input: CompileInput,
  clauses: Clause[],
  topicOrder: ReadonlyMap<string, number>,
  referenceIds: ReadonlySet<string>,
  definitions: readonly Definition[],
  issues: ClauseIssue[],
): { archived: ArchivedVersion[]; archive: Record<string, Clause> } {
  const archived: ArchivedVersion[] = [];
  const archive: Record<string, Clause> = {};
  const json = input.files[LEDGER_FILE];
  if (json === undefined) return { archived, archive };
  const { ledger, problem } = parseLedger(json);
  if (!ledger) {
    issues.push(
      error('LEDGER_INVALID', `${LEDGER_FILE} ${problem}. Restore it from version control.`, LEDGER_FILE),
    );
    return { archived, archive };
  }
  const current = new Map(clauses.map((clause, index) => [ledgerKey(clause.id, clause.version), index]));
  for (const entry of ledger.versions) {
    const index = current.get(ledgerKey(entry.id, entry.version));
    if (index !== undefined) {
      const clause = clauses[index] as Clause;
      if (clause.hash !== entry.hash) {
        issues.push(publishedChanged(clause, entry));
      } else clauses[index] = { ...clause, published: entry.date };
      continue;
    }
    const clause = compileLedgerText(input, entry, topicOrder, referenceIds, definitions, issues);
    if (!clause) continue;
    archive[entry.hash] = clause;
    archived.push({ id: entry.id, version: entry.version, hash: entry.hash, published: entry.date });
  }
  return { archived, archive };
}

function publishedChanged(clause: Clause, entry: LedgerEntry): ClauseIssue {
  return error(
    'PUBLISHED_CHANGED',
    `${clause.id}@${clause.version} was published on ${entry.date} (@loti/clauses ${entry.release}) and its text cannot change. Put it back as it was (${ledgerTextPath(entry.hash)} holds it), or give the change a new version and a changelog entry.`,
    clause.source,
  );
}

function compileLedgerText(
  input: CompileInput,
  entry: LedgerEntry,
  topicOrder: ReadonlyMap<string, number>,
  referenceIds: ReadonlySet<string>,
  definitions: readonly Definition[],
  issues: ClauseIssue[],
): Clause | undefined {
  const path = ledgerTextPath(entry.hash);
  const text = input.files[path];
  const fail = (message: string) => {
    issues.push(error('LEDGER_INVALID', `${entry.id}@${entry.version}: ${message}`, path));
    return undefined;
  };
  if (text === undefined)
    return fail(`the published text ${path} is missing. Restore it from version control.`);
  if (`sha256:${input.sha256(canonicalClauseText(text))}` !== entry.hash)
    return fail(`${path} does not match its hash: published texts never change. Restore it.`);
  const topic = entry.id.split('/')[0] as string;
  const parsed = parseClauseFile(text, path, entry.id);
  for (const issue of parsed.issues) if (issue.severity === 'error') issues.push(issue);
  if (!parsed.clause) return undefined;
  if (parsed.clause.frontMatter.version !== entry.version)
    return fail(`${path} says version ${parsed.clause.frontMatter.version}, the ledger ${entry.version}.`);
  if (!topicOrder.has(topic))
    return fail(`its topic "${topic}" is no longer in library.yaml. Published versions keep their topic.`);
  for (const ref of parsed.clause.frontMatter.references)
    if (!referenceIds.has(ref))
      fail(
        `it cites "${ref}", which is no longer in references.yaml. Keep cited references in the register.`,
      );
  return { ...toClause(parsed.clause, text, path, topic, definitions, input.sha256), published: entry.date };
}

function loadYamlFile<T>(
  files: Readonly<Record<string, string>>,
  path: string,
  schema: import('zod').ZodType<T>,
  issues: ClauseIssue[],
): T | undefined {
  const text = files[path];
  if (text === undefined) {
    issues.push(error('FIELD_INVALID', `${path} is missing from the clauses folder.`, path));
    return undefined;
  }
  const { parsed, issues: syntax } = parseYamlSource(text, path);
  issues.push(...syntax);
  if (syntax.length > 0) return undefined;
  const validated = validateYaml(parsed, schema);
  issues.push(...validated.issues);
  return validated.value as T | undefined;
}

function error(code: ClauseIssue['code'], message: string, file: string): ClauseIssue {
  return { code, severity: 'error', message, position: { file, line: 1, column: 1 } };
}

/** Defined terms whose exact, capitalised wording appears in the text. */
function termsUsed(body: readonly Block[], definitions: readonly Definition[]): string[] {
  const text = blocksText(body);
  return definitions
    .filter((definition) => new RegExp(`(^|[^\\w])${escapeRegExp(definition.term)}s?(?![\\w])`).test(text))
    .map((definition) => definition.term)
    .sort();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
