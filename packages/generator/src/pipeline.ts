import {
  type ClauseCatalog,
  catalog as defaultCatalog,
  fail,
  isError,
  issuesOf,
  ok,
  type Result,
} from '@loti/clauses';
import { assembleTender } from './assemble/assemble.js';
import { imageInfo, toBase64 } from './assemble/image-size.js';
import type { Branding, TenderDocument } from './model/types.js';
import { specSourceHash } from './spec/hash.js';
import type { SpecIssue, SpecIssueCode } from './spec/issues.js';
import { type LoadedSpec, loadSpec } from './spec/load.js';
import { orderByCause } from './spec/order-issues.js';
import { dirname, isInside, resolvePath } from './spec/paths.js';
import { inMemoryReader, type SpecFileReader } from './spec/reader.js';
import type { TenderSpec } from './spec/schema.js';
import { validateSpec } from './spec/validate.js';
import { GENERATOR } from './version.js';

/** What a successful build gives: the document model, the validated spec and the files it was read from. */
export interface BuiltTender {
  readonly document: TenderDocument;
  readonly spec: TenderSpec;
  readonly loaded: LoadedSpec;
}

/** The outcome of {@link buildTenderModel}: the built tender and its warnings, or every issue found. */
export type BuildModelResult = Result<BuiltTender, SpecIssueCode, SpecIssue>;

/** Options for {@link buildTenderModel}. */
export interface BuildModelOptions {
  /** The clause library to build from; default: the one installed with `@loti/clauses`. */
  readonly catalog?: ClauseCatalog;
  /** Build the issued version whatever the spec says (`tender build --final`): no placeholders, no DRAFT mark. */
  readonly final?: boolean;
}

/** Options for {@link buildTenderModelFromText}: where the text is, the files it may include, and the build options. */
export interface BuildFromTextOptions extends BuildModelOptions {
  /** The path the spec text is known by, for positions and includes; default `tender.yaml`. */
  readonly file?: string;
  /** Other files the spec may include or name (a logo), by path: text or bytes. */
  readonly files?: Readonly<Record<string, string | Uint8Array>>;
}

/**
 * parse → validate → assemble, reading the spec and the files it includes through an injected reader.
 * Never throws for bad input: wrong arguments, unreadable files and invalid specs are issues in the result.
 */
export async function buildTenderModel(
  path: string,
  reader: SpecFileReader,
  options: BuildModelOptions = {},
): Promise<BuildModelResult> {
  const wrong = checkArguments(path, reader, options);
  if (wrong) return fail([wrong]);
  const catalog = options?.catalog ?? defaultCatalog;
  const load = await loadSpec(path, reader);
  if (!load.ok) return settle(load.issues);
  const loaded = load.value;
  await turn();
  const validation = validateSpec(loaded);
  const issues = [...load.warnings, ...issuesOf(validation)];
  if (!validation.ok) return settle(issues);
  const validated = validation.value;
  const spec: TenderSpec = options?.final
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
  issues.push(...issuesOf(assembled));
  return settle(issues, assembled.ok ? { document: assembled.value, spec, loaded } : undefined);
}

/**
 * Builds the model from spec text held in memory (an editor, tests). `options.files` holds the files the spec
 * includes, by path relative to `options.file`.
 */
export function buildTenderModelFromText(
  text: string,
  options: BuildFromTextOptions = {},
): Promise<BuildModelResult> {
  if (typeof text !== 'string')
    return Promise.resolve(
      fail([
        argumentIssue(
          'SPEC_TEXT_INVALID',
          `The spec text must be a string, not ${kindOf(text)}.`,
          'tender.yaml',
        ),
      ]),
    );
  // null for the optional options means "not given", as undefined does.
  const given = (options ?? {}) as BuildFromTextOptions;
  if (typeof given !== 'object' || Array.isArray(given))
    return Promise.resolve(
      fail([
        argumentIssue(
          'OPTIONS_INVALID',
          `The options must be an object like { file: 'tender.yaml' }, not ${kindOf(given)}.`,
          'tender.yaml',
        ),
      ]),
    );
  const name = given.file ?? 'tender.yaml';
  if (typeof name !== 'string' || name === '')
    return Promise.resolve(
      fail([
        argumentIssue(
          'SPEC_PATH_INVALID',
          `options.file must be a non-empty string, not ${kindOf(name)}.`,
          'tender.yaml',
        ),
      ]),
    );
  const files = given.files ?? {};
  const badFile = filesIssue(files, name);
  if (badFile) return Promise.resolve(fail([badFile]));
  const { file: _file, files: _files, ...buildOptions } = given;
  return buildTenderModel(name, inMemoryReader({ ...files, [name]: text }), buildOptions);
}

/**
 * Gives the event loop a turn between stages: a caller's Ctrl-C handler (or a browser's input events) runs
 * between parse, validation and assembly instead of after the whole build. setTimeout exists in Node and browsers.
 */
function turn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The library is called from JavaScript too: wrong argument types are issues with their own codes, never a TypeError. */
function checkArguments(path: unknown, reader: unknown, options: unknown): SpecIssue | undefined {
  if (typeof path !== 'string' || path === '')
    return argumentIssue(
      'SPEC_PATH_INVALID',
      `The spec path must be a non-empty string, not ${kindOf(path)}.`,
      'tender.yaml',
    );
  const r = reader as Partial<SpecFileReader> | null;
  if (typeof r !== 'object' || r === null || typeof r.readText !== 'function')
    return argumentIssue(
      'READER_INVALID',
      `The reader must be a SpecFileReader (an object with readText), not ${kindOf(reader)}. Use inMemoryReader for text you already have.`,
      path,
    );
  if (options !== undefined && options !== null && (typeof options !== 'object' || Array.isArray(options)))
    return argumentIssue(
      'OPTIONS_INVALID',
      `The options must be an object like { final: true }, not ${kindOf(options)}.`,
      path,
    );
  return undefined;
}

/** Every file beside the spec text must be text or bytes: anything else is named, not reported as unreadable later. */
function filesIssue(files: unknown, file: string): SpecIssue | undefined {
  if (typeof files !== 'object' || files === null || Array.isArray(files))
    return argumentIssue(
      'FILES_INVALID',
      `options.files must map paths to text or bytes, not ${kindOf(files)}.`,
      file,
    );
  for (const [path, value] of Object.entries(files))
    if (typeof value !== 'string' && !(value instanceof Uint8Array))
      return argumentIssue(
        'FILES_INVALID',
        `options.files["${path}"] must be text (a string) or bytes (a Uint8Array), not ${kindOf(value)}.`,
        file,
      );
  return undefined;
}

function argumentIssue(code: SpecIssueCode, message: string, file: string): SpecIssue {
  return { code, severity: 'error', message, position: { file, line: 1, column: 1 } };
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

/** Issues in cause order; the build succeeds only with a value and no errors. */
function settle(issues: readonly SpecIssue[], value?: BuiltTender): BuildModelResult {
  const ordered = orderByCause(issues);
  if (value && !ordered.some(isError)) return ok(value, ordered);
  return fail(ordered);
}
