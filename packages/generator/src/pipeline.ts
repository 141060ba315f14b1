import { type ClauseCatalog, catalog as defaultCatalog } from '@loti/clauses';
import { assembleTender } from './assemble/assemble.js';
import { imageInfo, toBase64 } from './assemble/image-size.js';
import type { Branding, TenderDocument } from './model/types.js';
import { specSourceHash } from './spec/hash.js';
import type { SpecIssue } from './spec/issues.js';
import { type LoadedSpec, loadSpec } from './spec/load.js';
import { orderByCause } from './spec/order-issues.js';
import { dirname, isInside, resolvePath } from './spec/paths.js';
import { inMemoryReader, type SpecFileReader } from './spec/reader.js';
import type { TenderSpec } from './spec/schema.js';
import { validateSpec } from './spec/validate.js';
import { GENERATOR } from './version.js';

export interface BuildModelResult {
  /** Present only when there are no errors. */
  readonly document?: TenderDocument;
  readonly spec?: TenderSpec;
  readonly loaded?: LoadedSpec;
  readonly errors: readonly SpecIssue[];
  readonly warnings: readonly SpecIssue[];
}

export interface BuildModelOptions {
  readonly catalog?: ClauseCatalog;
  /** Build the issued version whatever the spec says (`tender build --final`): no placeholders, no DRAFT mark. */
  readonly final?: boolean;
}

/** parse → validate → assemble, through an injected reader. Never throws for bad input. */
export async function buildTenderModel(
  path: string,
  reader: SpecFileReader,
  options: BuildModelOptions = {},
): Promise<BuildModelResult> {
  const wrong = checkArguments(path, reader);
  if (wrong) return split([wrong]);
  const catalog = options?.catalog ?? defaultCatalog;
  const { loaded, issues: loadIssues } = await loadSpec(path, reader);
  if (!loaded) return split(loadIssues);
  await turn();
  const { spec: validated, issues: validationIssues } = validateSpec(loaded);
  const issues = [...loadIssues, ...validationIssues];
  if (!validated) return { ...split(issues), loaded };
  const spec: TenderSpec = options.final
    ? { ...validated, document: { ...validated.document, status: 'final' } }
    : validated;

  let logo: Branding['logo'];
  const logoPath = spec.document.branding?.logo;
  if (logoPath) {
    const result = await loadLogo(
      loaded,
      logoPath,
      spec.document.branding?.logoAltText ?? `${spec.tender.authority.name} logo`,
      reader,
    );
    if ('issue' in result) issues.push(result.issue);
    else logo = result.logo;
  }
  await turn();
  const assembled = assembleTender(spec, loaded, {
    catalog,
    generator: GENERATOR,
    specHash: specSourceHash(loaded.files.map((file) => file.text)),
    ...(logo ? { logo } : {}),
  });
  issues.push(...assembled.issues);
  const result = split(issues);
  return result.errors.length === 0 && assembled.document
    ? { ...result, document: assembled.document, spec, loaded }
    : { ...result, spec, loaded };
}

/** Builds the model from spec text held in memory (the demo's editor, tests). */
export function buildTenderModelFromText(
  text: string,
  file = 'tender.yaml',
  extraFiles: Readonly<Record<string, string | Uint8Array>> = {},
  options: BuildModelOptions = {},
): Promise<BuildModelResult> {
  // null for an optional argument means "not given", as undefined does.
  const name = file ?? 'tender.yaml';
  if (typeof text !== 'string')
    return Promise.resolve(
      split([argumentIssue(`The spec text must be a string, not ${kindOf(text)}.`, name)]),
    );
  return buildTenderModel(name, inMemoryReader({ ...(extraFiles ?? {}), [name]: text }), options ?? {});
}

/**
 * Gives the event loop a turn between stages: a caller's Ctrl-C handler (or a browser's input events) runs
 * between parse, validation and assembly instead of after the whole build. setTimeout exists in Node and browsers.
 */
function turn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The library is called from JavaScript too: wrong argument types are issues, never a TypeError. */
function checkArguments(path: unknown, reader: unknown): SpecIssue | undefined {
  if (typeof path !== 'string' || path === '')
    return argumentIssue(`The spec path must be a non-empty string, not ${kindOf(path)}.`, 'tender.yaml');
  const r = reader as Partial<SpecFileReader> | null;
  if (typeof r !== 'object' || r === null || typeof r.readText !== 'function')
    return argumentIssue(
      `The reader must be a SpecFileReader (an object with readText), not ${kindOf(reader)}. Use inMemoryReader for text you already have.`,
      path,
    );
  return undefined;
}

function argumentIssue(message: string, file: string): SpecIssue {
  return { code: 'ARGUMENT_INVALID', severity: 'error', message, position: { file, line: 1, column: 1 } };
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'string'
    ? 'an empty string'
    : `${/^[aeiou]/.test(typeof value) ? 'an' : 'a'} ${typeof value}`;
}

async function loadLogo(
  loaded: LoadedSpec,
  logoPath: string,
  altText: string,
  reader: SpecFileReader,
): Promise<{ logo: NonNullable<Branding['logo']> } | { issue: SpecIssue }> {
  const fail = (message: string): { issue: SpecIssue } => ({
    issue: {
      code: 'LOGO_UNREADABLE',
      severity: 'error',
      message,
      position: loaded.locate(['document', 'branding', 'logo']),
      field: 'document.branding.logo',
    },
  });
  const path = resolvePath(dirname(loaded.file), logoPath);
  if (!isInside(dirname(loaded.file), path))
    return fail(`The logo "${logoPath}" is outside the spec's folder. Copy it next to the spec.`);
  if (!reader.readBinary) return fail('Logos cannot be loaded here.');
  const read = await reader.readBinary(path);
  if (!read.ok) return fail(`The logo ${path} ${read.message}.`);
  const info = imageInfo(read.value);
  if (!info) return fail(`The logo ${path} is not a PNG or JPEG image.`);
  return {
    logo: {
      base64: toBase64(read.value),
      mediaType: info.mediaType,
      altText,
      widthPx: info.width,
      heightPx: info.height,
    },
  };
}

function split(issues: readonly SpecIssue[]): { errors: SpecIssue[]; warnings: SpecIssue[] } {
  const ordered = orderByCause(issues);
  return {
    errors: ordered.filter((i) => i.severity === 'error'),
    warnings: ordered.filter((i) => i.severity === 'warning'),
  };
}
