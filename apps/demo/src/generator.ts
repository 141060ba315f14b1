/** Everything the demo uses from the generator, in one place. */
import {
  buildTenderModelFromText,
  type SpecIssue,
  type TenderDocument,
  type TenderSpec,
} from '@loti/tender-generator';

export type {
  DocBlock,
  DocClause,
  DocInline,
  SpecIssue,
  TenderDocument,
  TenderSpec,
} from '@loti/tender-generator';
export {
  HTML_PREVIEW_CSS,
  renderDocx,
  renderHtmlBody,
  renderOdt,
  renderPack,
  SPEC_LIMITS,
  tenderSpecJsonSchema,
  zipPack,
} from '@loti/tender-generator';

/** A build as the editor shows it: the document when there is one, and the issues split for the status line. */
export interface SpecBuild {
  readonly document?: TenderDocument;
  /** The validated spec, when the build got that far. */
  readonly spec?: TenderSpec;
  readonly errors: readonly SpecIssue[];
  readonly warnings: readonly SpecIssue[];
}

/** Builds the editor's text with the other example files it may include. */
export async function buildSpecText(
  text: string,
  file: string,
  files: Readonly<Record<string, string | Uint8Array>>,
): Promise<SpecBuild> {
  const result = await buildTenderModelFromText(text, { file, files });
  if (result.ok)
    return {
      document: result.value.document,
      spec: result.value.spec,
      errors: [],
      warnings: result.warnings,
    };
  return {
    errors: result.issues.filter((issue) => issue.severity === 'error'),
    warnings: result.issues.filter((issue) => issue.severity === 'warning'),
  };
}
