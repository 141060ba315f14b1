import { basename, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type ClauseCatalog, codeFrame, type Issue, isError } from '@loti/clauses';
import {
  buildTenderModel,
  estimatePageCount,
  renderDocx,
  renderHtml,
  renderMarkdown,
  renderOcds,
  renderOdt,
  renderPack,
  renderRegisterCsv,
  type SpecIssue,
  type TenderDocument,
  zipPack,
} from '@loti/tender-generator';
import { createNodeReader, specRoot } from '@loti/tender-generator/node';
import type { ReportedIssue, ReportedIssueCode } from '../issues.js';
import type { Format } from './formats.js';

export interface BuildSpecResult {
  readonly spec: string;
  readonly ok: boolean;
  readonly errors: readonly ReportedIssue[];
  readonly warnings: readonly ReportedIssue[];
  /** Absolute paths of the spec and every file it includes, for --watch. */
  readonly files: readonly string[];
  /** The rendered output, when a format was asked for and there were no errors. */
  readonly bytes?: Uint8Array;
  readonly pages?: number;
  readonly clauses?: number;
  /** The spec source hash recorded in the manifest. */
  readonly specHash?: string;
  readonly ms: number;
  /** The model itself; kept in-process only (workers do not send it back). */
  readonly document?: TenderDocument;
  /** An unexpected failure while rendering, as one line. */
  readonly crash?: string;
}

export interface BuildSpecOptions {
  readonly format?: Format;
  readonly catalog?: ClauseCatalog;
  /** Build the issued version (`--final`): placeholders and drafting notes are errors, no DRAFT mark. */
  readonly final?: boolean;
}

/** parse → validate → assemble → render one spec, reading files through the Node reader. Never throws. */
export async function buildSpec(spec: string, options: BuildSpecOptions = {}): Promise<BuildSpecResult> {
  const started = performance.now();
  const texts = new Map<string, string>();
  const reader = createNodeReader({
    root: await specRoot(spec),
    onText: (path, text) => texts.set(path, text),
  });
  const path = spec.split('\\').join('/');
  const result = await buildTenderModel(path, reader, {
    ...(options.catalog ? { catalog: options.catalog } : {}),
    ...(options.final ? { final: true } : {}),
  });
  const report = (issue: SpecIssue) => reportIssue(issue, (file) => texts.get(file));
  const issues = result.ok ? result.warnings : result.issues;
  const errors = issues.filter(isError).map(report);
  const warnings = issues.filter((issue) => !isError(issue)).map(report);
  // Every text file the reader gave (the spec and its includes), whether or not the build succeeded.
  const files = [...texts.keys()].map((file) => resolve(file));
  if (files.length === 0) files.push(resolve(spec));
  const base = { spec, errors, warnings, files };
  const document = result.ok ? result.value.document : undefined;
  if (!document) return { ...base, ok: false, ms: performance.now() - started };
  // The generator's page layout: the same figure the contents' page numbers come from.
  const pages = estimatePageCount(document);
  const clauses = document.manifest.clauses.length;
  const built = {
    ...base,
    ok: true,
    document,
    pages,
    clauses,
    ...(document.manifest.specHash ? { specHash: document.manifest.specHash } : {}),
  };
  if (!options.format) return { ...built, ms: performance.now() - started };
  try {
    const bytes = await render(document, options.format, basename(spec).replace(/\.ya?ml$/i, ''));
    return { ...built, bytes, ms: performance.now() - started };
  } catch (error) {
    const crash = `Rendering ${options.format} failed: ${error instanceof Error ? error.message : String(error)}`;
    return { ...base, ok: false, crash, ms: performance.now() - started };
  }
}

/** `baseName` names the files the OCDS release lists, as `tender build` names them (the spec's base name). */
async function render(document: TenderDocument, format: Format, baseName: string): Promise<Uint8Array> {
  const text = (value: string) => new TextEncoder().encode(value);
  switch (format) {
    case 'docx':
      return renderDocx(document);
    case 'html':
      return new TextEncoder().encode(renderHtml(document));
    case 'md':
      return new TextEncoder().encode(renderMarkdown(document));
    case 'json':
      return new TextEncoder().encode(`${JSON.stringify(document, null, 2)}\n`);
    case 'pack':
      // One zip of the pack's files: one buffer crosses from a worker thread; build-files writes them as a folder.
      return zipPack(await renderPack(document), document.meta.issueDate);
    case 'odt':
      return renderOdt(document);
    case 'ocds':
      return text(renderOcds(document, { baseName }));
    case 'register-csv':
      return text(renderRegisterCsv(document));
  }
}

/** A spec or clause issue as the CLI reports it, with a code frame when `sourceOf` has the file's text. */
export function reportIssue(
  issue: Issue<ReportedIssueCode>,
  sourceOf: (file: string) => string | undefined,
): ReportedIssue {
  const position = issue.position;
  const source = position ? sourceOf(position.file) : undefined;
  return {
    code: issue.code,
    severity: issue.severity,
    message: issue.message,
    ...(issue.field ? { field: issue.field } : {}),
    ...(position ? { file: position.file, line: position.line, column: position.column } : {}),
    ...(position && source !== undefined && source.length > 0
      ? { frame: codeFrame(source, position.line, position.column) }
      : {}),
  };
}
