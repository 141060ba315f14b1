import { catalogData } from '../generated/catalog.js';
import { createCatalog, type ClauseCatalog } from './catalog/catalog.js';

export { catalogData };
export type { ClauseId, ProfileId, ReferenceId, TopicId } from '../generated/catalog.js';

/** The clause library shipped in this package version. */
export const catalog: ClauseCatalog = createCatalog(catalogData);

export { createCatalog, evaluateAppliesWhen, splitClauseReference } from './catalog/catalog.js';
export type { ClauseCatalog, ClauseQuery, ResolveResult } from './catalog/catalog.js';
export { diffClauseWording, diffText, formatWordDiff } from './catalog/diff.js';
export type { WordChange } from './catalog/diff.js';
export { compileLibrary, closest, suggest } from './compile/compile-library.js';
export type { CompileInput, CompileResult } from './compile/compile-library.js';
export { parseClauseFile } from './compile/parse-clause-file.js';
export { parseClauseMarkdown, splitPlaceholders } from './compile/markdown.js';
export { parseYamlSource, validateYaml } from './compile/yaml-source.js';
export type { ParsedYaml } from './compile/yaml-source.js';
export { MAX_SENTENCE_WORDS, sentences } from './compile/style-checks.js';
export { blocksText, forEachInline, inlineText } from './content.js';
export type { Block, Inline } from './content.js';
export { TENDER_FACTS, TENDER_FACT_NAMES } from './facts.js';
export type { TenderFact, TenderFacts } from './facts.js';
export { BUILTIN_VARIABLES, isBuiltinVariable } from './builtins.js';
export type { BuiltinVariable } from './builtins.js';
export { CLAUSE_ISSUE_CODES, ClauseLibraryError, formatClauseIssue } from './source/errors.js';
export type { ClauseIssue, ClauseIssueCode } from './source/errors.js';
export { formatPath, locateYamlPath } from './source/position.js';
export type { PathSegment, SourcePosition } from './source/position.js';
export { CLAUSE_PARTS, CLAUSE_STATUSES } from './schema.js';
export type { AppliesWhen, ClausePart, ClauseStatus, Reference, VariableDefinition } from './schema.js';
export type { CatalogData, ChangelogEntry, Clause, Definition, Profile, Topic } from './types.js';
