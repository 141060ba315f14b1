/** Everything the demo uses from the generator, in one place. */
export type {
  BuildModelResult,
  DocBlock,
  DocClause,
  DocInline,
  SpecIssue,
  TenderDocument,
  TenderSpec,
} from '@loti/tender-generator';
export {
  buildTenderModelFromText,
  HTML_PREVIEW_CSS,
  renderDocx,
  renderHtmlBody,
  renderOdt,
  renderPack,
  SPEC_LIMITS,
  tenderSpecJsonSchema,
  zipPack,
} from '@loti/tender-generator';
