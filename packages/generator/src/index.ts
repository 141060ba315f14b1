/**
 * `@loti/tender-generator`: a YAML tender spec in, a document model out, rendered to DOCX, ODT, HTML, Markdown,
 * the tender pack and open data. Pure and isomorphic: no file system, no clock. Reading specs from disk is in
 * `@loti/tender-generator/node`.
 */

// The issue model and result shape, shared with @loti/clauses so one import serves a generator user.
export type {
  FormatIssueOptions,
  Issue,
  IssuePart,
  IssuePosition,
  Result,
  Severity,
} from '@loti/clauses';
export { formatIssue, issuesOf } from '@loti/clauses';

// Building the model: load → validate → assemble.
export type { AssembleOptions, AssembleResult } from './assemble/assemble.js';
export { assembleTender } from './assemble/assemble.js';
// Comparing documents: word-level diffs, tracked-change redlines, clause updates.
export type {
  ClauseUpdateDocumentOptions,
  ClauseUpdateText,
  DocumentChange,
  DocumentDiff,
  FlatDocument,
  RevisionOptions,
} from './compare/index.js';
export {
  clauseUpdateDocuments,
  DEFAULT_REDLINE_AUTHOR,
  diffDocuments,
  flattenDocx,
  flattenModel,
  redlineDocx,
} from './compare/index.js';
// The document model: the contract between assembly and the renderers.
export type * from './model/types.js';
export type { OcdsOptions } from './opendata/index.js';
export { renderOcds, renderRegisterCsv } from './opendata/index.js';
export type { BuildFromTextOptions, BuildModelOptions, BuildModelResult, BuiltTender } from './pipeline.js';
export { buildTenderModel, buildTenderModelFromText } from './pipeline.js';
// Renderers.
export { RenderInputError } from './render/document-guard.js';
export type {
  ManifestReadCode,
  PageNumberMode,
  ReadManifestOptions,
  RenderDocxOptions,
  ZipLimits,
} from './render/index.js';
export {
  estimatePageCount,
  HTML_PREVIEW_CSS,
  MANIFEST_READ_CODES,
  readManifest,
  renderDocx,
  renderHtml,
  renderHtmlBody,
  renderMarkdown,
  renderOdt,
} from './render/index.js';
export type { PackFileBytes } from './render/pack/index.js';
export { renderPack, unzipPack, zipPack } from './render/pack/index.js';
export type { SpecIssue, SpecIssueCode } from './spec/issues.js';
export { SPEC_ISSUE_CODES } from './spec/issues.js';
export { tenderSpecJsonSchema } from './spec/json-schema.js';
export type { LoadedSpec } from './spec/load.js';
export { loadSpec } from './spec/load.js';
export { SPEC_LIMITS } from './spec/parse.js';
export type { ReadResult, SpecFileReader } from './spec/reader.js';
export { inMemoryReader } from './spec/reader.js';
export type { MilestoneKind, PriceFormula, Procedure, TenderSpec, TenderSpecInput } from './spec/schema.js';
export { PROCEDURES } from './spec/schema.js';
export { validateSpec } from './spec/validate.js';

export { GENERATOR, GENERATOR_VERSION } from './version.js';
