import {
  fail,
  formatPath,
  isError,
  locateYamlPath,
  ok,
  type PathSegment,
  type Result,
  type SourcePosition,
} from '@loti/clauses';
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { SpecIssue, SpecIssueCode } from './issues.js';
import { type ParsedSpecFile, parseSpecFile, SPEC_LIMITS } from './parse.js';
import { dirname, isInside, normalise, resolvePath } from './paths.js';
import type { SpecFileReader } from './reader.js';

/** A spec and the files it includes, merged, with a way back to source positions. */
export interface LoadedSpec {
  readonly file: string;
  /** The spec first, then each file it includes, in include order. */
  readonly files: readonly ParsedSpecFile[];
  /** The merged value: the spec's own fields override those of the files it includes. */
  readonly value: unknown;
  /** Where a field was written, in whichever file defines it. */
  locate(path: readonly PathSegment[], options?: { keyInstead?: boolean }): SourcePosition;
}

/**
 * Loading, the first stage of {@link buildTenderModel}: reads a spec and follows `include:` chains through the injected reader. Includes resolve
 * relative to the including file, must stay inside the top spec's folder, and may not form
 * a cycle.
 */
export async function loadSpec(
  path: string,
  reader: SpecFileReader,
): Promise<Result<LoadedSpec, SpecIssueCode, SpecIssue>> {
  const file = normalise(path);
  const root = dirname(file);
  const files: ParsedSpecFile[] = [];
  const issues: SpecIssue[] = [];
  const chain: string[] = [];
  let current = file;
  let includedFrom: { file: ParsedSpecFile } | undefined;

  while (true) {
    const read = await reader.readText(current);
    if (!read.ok) {
      issues.push(
        includedFrom
          ? includeIssue(
              includedFrom.file,
              'INCLUDE_NOT_FOUND',
              `The included file ${current} ${read.message}. Check the path, relative to ${includedFrom.file.file}.`,
            )
          : {
              code: 'INPUT_UNREADABLE',
              severity: 'error',
              message: `${current} ${read.message}.`,
              position: { file: current, line: 1, column: 1 },
            },
      );
      break;
    }
    const { parsed, issues: parseIssues } = parseSpecFile(read.value, current);
    issues.push(...parseIssues);
    if (!parsed) break;
    files.push(parsed);
    chain.push(current);
    const include = isRecord(parsed.value) ? parsed.value.include : undefined;
    if (include === undefined) break;
    if (typeof include !== 'string' || include.trim() === '') {
      issues.push(
        includeIssue(
          parsed,
          'FIELD_TYPE',
          'include must be the path of one YAML file, relative to this spec.',
        ),
      );
      break;
    }
    const next = resolvePath(dirname(current), include.trim());
    if (!isInside(root, next)) {
      issues.push(
        includeIssue(
          parsed,
          'INCLUDE_OUTSIDE_FOLDER',
          `"${include}" is outside the spec's folder (${root}). Copy the shared file into that folder or a sub-folder.`,
        ),
      );
      break;
    }
    if (chain.includes(next)) {
      issues.push(
        includeIssue(
          parsed,
          'INCLUDE_CYCLE',
          `Including "${include}" makes a cycle: ${[...chain, next].join(' → ')}. Remove one of the includes.`,
        ),
      );
      break;
    }
    if (chain.length >= SPEC_LIMITS.maxIncludeDepth) {
      issues.push(
        includeIssue(
          parsed,
          'INCLUDE_TOO_DEEP',
          `Includes nest more than ${SPEC_LIMITS.maxIncludeDepth} files deep. Flatten them.`,
        ),
      );
      break;
    }
    includedFrom = { file: parsed };
    current = next;
  }
  if (issues.some(isError) || files.length === 0) return fail(issues);

  let value: unknown = {};
  for (const parsed of [...files].reverse()) value = mergeSpec(value, parsed.value);
  if (isRecord(value)) delete value.include;

  return ok(
    {
      file,
      files,
      value,
      locate(fieldPath, options = {}) {
        // The field's position is in the first file (spec before includes) that defines the longest prefix.
        let best: { parsed: ParsedSpecFile; depth: number } | undefined;
        for (const parsed of files) {
          const depth = existingDepth(parsed.doc.contents as Node | null, fieldPath);
          if (!best || depth > best.depth) best = { parsed, depth };
        }
        const target = best?.parsed ?? (files[0] as ParsedSpecFile);
        return locateYamlPath(target.doc, target.lineCounter, target.file, fieldPath, options);
      },
    },
    issues,
  );
}

function includeIssue(parsed: ParsedSpecFile, code: SpecIssue['code'], message: string): SpecIssue {
  return {
    code,
    severity: 'error',
    message,
    position: locateYamlPath(parsed.doc, parsed.lineCounter, parsed.file, ['include']),
    field: 'include',
  };
}

/** Deep merge: mappings merge key by key; lists and scalars from `override` replace. */
export function mergeSpec(base: unknown, override: unknown): unknown {
  if (!isRecord(base) || !isRecord(override)) return override === undefined ? base : override;
  const out: Record<string, unknown> = {};
  // defineProperty keeps a "__proto__" key an ordinary field, reported later as unknown.
  const set = (key: string, value: unknown) =>
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  for (const [key, value] of Object.entries(base)) set(key, value);
  for (const [key, value] of Object.entries(override))
    set(key, Object.hasOwn(base, key) ? mergeSpec(base[key], value) : value);
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function existingDepth(root: Node | null, path: readonly PathSegment[]): number {
  let node: unknown = root;
  let depth = 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (!pair) break;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
      node = node.items[segment];
    } else break;
    depth++;
  }
  return depth;
}

export { formatPath };
