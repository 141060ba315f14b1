export type { AssembleOptions } from './assemble/assemble.js';
export { assembleTender, clauseAnchor } from './assemble/assemble.js';
export type {
  ChangeKind,
  ClauseUpdateDocumentOptions,
  ClauseUpdateText,
  DocumentChange,
  DocumentDiff,
  FlatDocument,
  FlatParagraph,
  ManifestChanges,
  RevisionOptions,
  TextUnit,
  UnitScope,
  WordPart,
} from './compare/index.js';
export {
  CHANGE_KINDS,
  clauseUpdateDocuments,
  DEFAULT_REDLINE_AUTHOR,
  diffDocuments,
  diffManifests,
  docxParagraphs,
  flattenDocx,
  flattenModel,
  flattenParagraphs,
  modelParagraphs,
  PLACEHOLDER_NOTE,
  redlineDocumentXml,
  redlineDocx,
  revisionDate,
  updatesDate,
  wordParts,
} from './compare/index.js';
export type * from './model/types.js';
export type { OcdsDocumentFile, OcdsOptions } from './opendata/index.js';
export {
  DEFAULT_OCID_PREFIX,
  MEDIA_TYPES,
  PROCUREMENT_METHOD,
  REGISTER_COLUMNS,
  registerRow,
  renderOcds,
  renderRegisterCsv,
  toOcdsRelease,
} from './opendata/index.js';
export type { PackPart, PackPartId } from './pack/registry.js';
export { fileStem, PACK_PART_IDS, PACK_PARTS } from './pack/registry.js';
export type { BuildModelOptions, BuildModelResult } from './pipeline.js';
export { buildTenderModel, buildTenderModelFromText } from './pipeline.js';
export { RenderInputError } from './render/document-guard.js';
export type {
  ManifestReadCode,
  ManifestReadResult,
  NormaliseOptions,
  PageNumberMode,
  RenderDocxOptions,
  ZipLimits,
} from './render/index.js';
export {
  estimatePageCount,
  HTML_PREVIEW_CSS,
  MANIFEST_READ_CODES,
  normaliseDocx,
  readManifest,
  readManifestChecked,
  renderDocx,
  renderHtml,
  renderHtmlBody,
  renderMarkdown,
  renderOdt,
  ZIP_LIMITS,
} from './render/index.js';
export type { PackFileBytes } from './render/pack/index.js';
export {
  renderCommerciallySensitiveForm,
  renderEvaluationWorkbook,
  renderFormOfTender,
  renderPack,
  renderPricingSchedule,
  renderResponseForm,
  unzipPack,
  zipPack,
} from './render/pack/index.js';
export { specSourceHash } from './spec/hash.js';
export type { SpecIssue, SpecIssueCode } from './spec/issues.js';
export { codeFrame, formatSpecIssue, SPEC_ISSUE_CODES } from './spec/issues.js';
export { tenderSpecJsonSchema } from './spec/json-schema.js';
export type { LoadedSpec } from './spec/load.js';
export { loadSpec, mergeSpec } from './spec/load.js';
export type { ParsedSpecFile } from './spec/parse.js';
export { parseSpecFile, SPEC_LIMITS } from './spec/parse.js';
export { dirname, isInside, normalise, resolvePath } from './spec/paths.js';
export type { ReadResult, SpecFileReader } from './spec/reader.js';
export { inMemoryReader } from './spec/reader.js';
export type { MilestoneKind, PriceFormula, Procedure, TenderSpec, TenderSpecInput } from './spec/schema.js';
export {
  MILESTONE_KINDS,
  PRICE_FORMULAS,
  PROCEDURE_SUMMARIES,
  PROCEDURES,
  tenderSpecSchema,
} from './spec/schema.js';
export { validateSpec } from './spec/validate.js';
export { formatDate, isRealDate } from './text/format.js';
export { sanitiseLine, sanitiseText } from './text/sanitise.js';
export { GENERATOR, GENERATOR_VERSION } from './version.js';
