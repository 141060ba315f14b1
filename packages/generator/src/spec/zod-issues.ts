import { closest, formatPath, type PathSegment } from '@loti/clauses';
import type { z } from 'zod';
import type { SpecIssue } from './issues.js';
import { tenderSpecJsonSchema } from './json-schema.js';
import type { LoadedSpec } from './load.js';

/** The translation of zod's messages into spec issues; the rules zod cannot express are in validate.ts. */

type Locate = LoadedSpec['locate'];

/**
 * Translates one zod issue into spec issues an officer can act on: the field as a dotted path, what it must be,
 * a "did you mean" for misspelt names, and where it is in the YAML.
 */
export function zodIssueToSpecIssues(issue: z.core.$ZodIssue, input: unknown, at: Locate): SpecIssue[] {
  if (issue.code !== 'unrecognized_keys') return [zodIssueToSpecIssue(issue, input, at)];
  const path = issue.path.filter((segment): segment is PathSegment => typeof segment !== 'symbol');
  const known = knownKeysAt(path);
  return issue.keys.slice(0, 20).map((key) => {
    const guess = closest(key, known);
    return {
      code: 'FIELD_UNKNOWN' as const,
      severity: 'error' as const,
      message: `"${key}" is not a field of ${formatPath(path)}.${guess ? ` Did you mean "${guess}"?` : known.length ? ` Allowed: ${known.join(', ')}.` : ''}`,
      position: at([...path, key], { keyInstead: true }),
      field: formatPath([...path, key]),
    };
  });
}

/** What a union accepts, from the type each branch expected: "string or number". */
function unionExpected(issue: z.core.$ZodIssueInvalidUnion): string {
  const types = new Set<string>();
  for (const branch of issue.errors) {
    const first = branch[0];
    if (first?.code === 'invalid_type') types.add(first.expected);
  }
  return types.size > 0 ? [...types].join(' or ') : 'see schema.json for its forms';
}

function zodIssueToSpecIssue(issue: z.core.$ZodIssue, input: unknown, at: Locate): SpecIssue {
  const path = issue.path.filter((segment): segment is PathSegment => typeof segment !== 'symbol');
  const field = formatPath(path);
  const actual = valueAt(input, path);
  // zod reports a missing enum as an invalid value and a missing union as a union mismatch: all are "required".
  const missing =
    actual === undefined &&
    (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union');
  if (missing) {
    const expected =
      issue.code === 'invalid_type'
        ? issue.expected
        : issue.code === 'invalid_value'
          ? `one of: ${issue.values.map(String).join(', ')}`
          : unionExpected(issue);
    return {
      code: 'FIELD_REQUIRED',
      severity: 'error',
      message: `${field} is required: add it (${expected}).`,
      position: at(path),
      field,
    };
  }
  if (issue.code === 'invalid_value') {
    const allowed = issue.values.map(String);
    const guess = typeof actual === 'string' ? closest(actual, allowed) : undefined;
    return {
      code: 'ENUM_INVALID',
      severity: 'error',
      message: `${field} is ${JSON.stringify(typeof actual === 'string' && actual.length > 60 ? `${actual.slice(0, 60)}…` : actual)} but must be one of: ${allowed.join(', ')}.${guess ? ` Did you mean "${guess}"?` : ''}`,
      position: at(path),
      field,
    };
  }
  if (issue.code === 'invalid_type') {
    return {
      code: 'FIELD_TYPE',
      severity: 'error',
      message: `${field} must be ${article(issue.expected)}, not ${describe(actual)}.`,
      position: at(path),
      field,
    };
  }
  if (issue.code === 'invalid_union') {
    return {
      code: 'FIELD_TYPE',
      severity: 'error',
      message: `${field} has the wrong form (${describe(actual)}). Check the spec format in the README.`,
      position: at(path),
      field,
    };
  }
  return {
    code: 'FIELD_INVALID',
    severity: 'error',
    message: `${field}: ${issue.message}`,
    position: at(path),
    field,
  };
}

let keyIndex: Map<string, string[]> | undefined;
/** Field names allowed at a path, from the JSON Schema, for "did you mean" hints. */
function knownKeysAt(path: readonly PathSegment[]): string[] {
  keyIndex ??= indexKeys(tenderSpecJsonSchema());
  const key = path.map((segment) => (typeof segment === 'number' ? '[]' : segment)).join('.');
  return keyIndex.get(key) ?? [];
}

function indexKeys(schema: Record<string, unknown>): Map<string, string[]> {
  const defs = (schema.$defs ?? {}) as Record<string, Record<string, unknown>>;
  const index = new Map<string, string[]>();
  const walk = (node: Record<string, unknown> | undefined, path: string, depth: number) => {
    if (!node || depth > 12) return;
    const ref = node.$ref as string | undefined;
    if (ref?.startsWith('#/$defs/')) return walk(defs[ref.slice(8)], path, depth + 1);
    for (const variant of [
      ...((node.anyOf as Record<string, unknown>[]) ?? []),
      ...((node.oneOf as Record<string, unknown>[]) ?? []),
    ])
      walk(variant, path, depth + 1);
    const properties = node.properties as Record<string, Record<string, unknown>> | undefined;
    if (properties) {
      index.set(path, Object.keys(properties));
      for (const [name, child] of Object.entries(properties))
        walk(child, path ? `${path}.${name}` : name, depth + 1);
    }
    if (node.items) walk(node.items as Record<string, unknown>, path ? `${path}.[]` : '[]', depth + 1);
  };
  walk(schema, '', 0);
  return index;
}

function valueAt(input: unknown, path: readonly PathSegment[]): unknown {
  let node = input;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

function describe(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string')
    return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}

function article(expected: string): string {
  const words: Record<string, string> = {
    string: 'text',
    number: 'a number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping',
  };
  return words[expected] ?? expected;
}
