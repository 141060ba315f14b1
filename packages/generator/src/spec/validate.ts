import { closest, formatPath, type PathSegment } from '@loti/clauses';
import type { z } from 'zod';
import { lotKey, unknownLot } from '../rules/lots.js';
import { isRealDate } from '../text/format.js';
import { findForbiddenCharacter } from '../text/sanitise.js';
import type { SpecIssue } from './issues.js';
import { tenderSpecJsonSchema } from './json-schema.js';
import type { LoadedSpec } from './load.js';
import { type Criterion, type TenderSpec, tenderSpecSchema } from './schema.js';
import { checkPack } from './validate-pack.js';

const MAX_REPORTED_ISSUES = 100;

/** Validates a loaded spec: shape (zod), then the rules zod cannot express. */
export function validateSpec(loaded: LoadedSpec): { spec?: TenderSpec; issues: SpecIssue[] } {
  const issues: SpecIssue[] = [];
  const at = (path: readonly PathSegment[], options?: { keyInstead?: boolean }) =>
    loaded.locate(path, options);

  if (typeof loaded.value !== 'object' || loaded.value === null || Array.isArray(loaded.value)) {
    return {
      issues: [
        {
          code: 'NOT_A_MAPPING',
          severity: 'error',
          message:
            'The spec must be a YAML mapping that starts with "tender:". Run `tender init` for a template.',
          position: at([]),
        },
      ],
    };
  }
  issues.push(...forbiddenCharacters(loaded.value, [], at));

  const result = tenderSpecSchema.safeParse(loaded.value);
  if (!result.success) {
    // Hostile input can produce hundreds of thousands of issues; the first ones are what an officer fixes first.
    const shown = result.error.issues.slice(0, MAX_REPORTED_ISSUES);
    for (const issue of shown) issues.push(...zodIssueToSpecIssues(issue, loaded.value, at));
    const hidden = result.error.issues.length - shown.length;
    if (hidden > 0) {
      issues.push({
        code: 'FIELD_INVALID',
        severity: 'error',
        message: `…and ${hidden} more problems like these. Fix the ones above first.`,
        position: at([]),
      });
    }
    return { issues: sortIssues(issues) };
  }
  const spec = result.data;
  issues.push(...checkTimetable(spec, at), ...checkRequirements(spec, at), ...checkEvaluation(spec, at));
  issues.push(...checkPack(spec, at));
  return {
    spec: issues.some((issue) => issue.severity === 'error') ? undefined : spec,
    issues: sortIssues(issues),
  } as {
    spec?: TenderSpec;
    issues: SpecIssue[];
  };
}

type Locate = LoadedSpec['locate'];

function zodIssueToSpecIssues(issue: z.core.$ZodIssue, input: unknown, at: Locate): SpecIssue[] {
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

function checkTimetable(spec: TenderSpec, at: Locate): SpecIssue[] {
  const issues: SpecIssue[] = [];
  spec.timetable.forEach((milestone, index) => {
    if (!isRealDate(milestone.date)) {
      issues.push({
        code: 'DATE_INVALID',
        severity: 'error',
        message: `${milestone.date} is not a real date or time. Check the day, month and hour.`,
        position: at(['timetable', index, 'date']),
        field: `timetable[${index}].date`,
      });
    }
    const previous = spec.timetable[index - 1];
    if (previous && milestone.date < previous.date) {
      issues.push({
        code: 'TIMETABLE_ORDER',
        severity: 'error',
        message: `This milestone (${milestone.date}) is before the one above it (${previous.date}). List milestones in date order and check both dates.`,
        position: at(['timetable', index, 'date']),
        field: `timetable[${index}].date`,
      });
    }
  });
  const find = (kind: string) => spec.timetable.findIndex((m) => m.kind === kind);
  const clarification = find('clarification-deadline');
  const submission = find('submission-deadline');
  if (clarification >= 0 && submission >= 0) {
    const c = spec.timetable[clarification]?.date ?? '';
    const s = spec.timetable[submission]?.date ?? '';
    if (c >= s) {
      issues.push({
        code: 'TIMETABLE_ORDER',
        severity: 'error',
        message: `The clarification deadline (${c}) must be before the submission deadline (${s}), so answers reach Bidders in time.`,
        position: at(['timetable', clarification, 'date']),
        field: `timetable[${clarification}].date`,
      });
    }
  }
  if (spec.document.issueDate && !isRealDate(spec.document.issueDate)) {
    issues.push({
      code: 'DATE_INVALID',
      severity: 'error',
      message: `${spec.document.issueDate} is not a real date.`,
      position: at(['document', 'issueDate']),
      field: 'document.issueDate',
    });
  }
  return issues;
}

function checkRequirements(spec: TenderSpec, at: Locate): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const seen = new Map<string, number>();
  const lots = new Set((spec.tender.lots ?? []).map((lot) => lotKey(lot.id)));
  spec.requirements.forEach((requirement, index) => {
    const first = seen.get(requirement.id);
    if (first !== undefined) {
      issues.push({
        code: 'DUPLICATE_ID',
        severity: 'error',
        message: `Requirement id "${requirement.id}" is already used by requirement ${first + 1}. Give each requirement its own id.`,
        position: at(['requirements', index, 'id']),
        field: `requirements[${index}].id`,
      });
    } else seen.set(requirement.id, index);
    if (requirement.lot !== undefined && !lots.has(lotKey(requirement.lot)))
      issues.push(unknownLot(requirement.lot, [...lots], ['requirements', index, 'lot'], at));
  });
  return issues;
}

function checkEvaluation(spec: TenderSpec, at: Locate): SpecIssue[] {
  const issues: SpecIssue[] = [];
  if (!spec.evaluation) return issues;
  const checkLevel = (criteria: readonly Criterion[], path: PathSegment[]) => {
    const total = criteria.reduce((sum, c) => sum + c.weight, 0);
    if (Math.abs(total - 100) > 1e-9) {
      issues.push({
        code: 'WEIGHTS_TOTAL',
        severity: 'error',
        message: `The weights in ${formatPath(path)} add up to ${round(total)}, not 100. Adjust them (${criteria.map((c) => `${c.name} ${c.weight}`).join(', ')}).`,
        position: at(path),
        field: formatPath(path),
      });
    }
    criteria.forEach((c, i) => {
      if (c.subcriteria?.length) checkLevel(c.subcriteria, [...path, i, 'subcriteria']);
    });
  };
  checkLevel(spec.evaluation.criteria, ['evaluation', 'criteria']);
  if (spec.tender.facts.socialValueApplies) {
    const index = spec.evaluation.criteria.findIndex(
      (c) => c.kind === 'social-value' || /social value/i.test(c.name),
    );
    const criterion = spec.evaluation.criteria[index];
    if (!criterion) {
      issues.push({
        code: 'SOCIAL_VALUE_MISSING',
        severity: 'warning',
        message:
          'socialValueApplies is true but no criterion evaluates social value. Add one (kind: social-value); PPN 002 suggests at least 10%.',
        position: at(['evaluation', 'criteria']),
        field: 'evaluation.criteria',
      });
    } else if (criterion.weight < 10) {
      issues.push({
        code: 'SOCIAL_VALUE_LOW',
        severity: 'warning',
        message: `Social value is weighted ${criterion.weight}%. PPN 002 sets a minimum of 10% where its model is applied; local authorities may choose otherwise, so record why.`,
        position: at(['evaluation', 'criteria', index, 'weight']),
        field: `evaluation.criteria[${index}].weight`,
      });
    }
  }
  return issues;
}

function forbiddenCharacters(value: unknown, path: PathSegment[], at: Locate): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const stack: { value: unknown; path: PathSegment[] }[] = [{ value, path }];
  while (stack.length > 0 && issues.length < 20) {
    const item = stack.pop() as { value: unknown; path: PathSegment[] };
    if (typeof item.value === 'string') {
      const match = findForbiddenCharacter(item.value);
      if (match) {
        const code = match.codePoint;
        issues.push({
          code: 'TEXT_FORBIDDEN_CHARACTER',
          severity: 'error',
          message: `${formatPath(item.path)} contains the character U+${code.toString(16).toUpperCase().padStart(4, '0')} at position ${match.index + 1}, which documents cannot hold. Delete it (it is often pasted in by accident).`,
          position: at(item.path),
          field: formatPath(item.path),
        });
      }
    } else if (Array.isArray(item.value)) {
      item.value.forEach((child, i) => {
        stack.push({ value: child, path: [...item.path, i] });
      });
    } else if (typeof item.value === 'object' && item.value !== null) {
      for (const [key, child] of Object.entries(item.value))
        stack.push({ value: child, path: [...item.path, key] });
    }
  }
  return issues;
}

function sortIssues(issues: SpecIssue[]): SpecIssue[] {
  return issues.sort(
    (a, b) =>
      (a.position?.file ?? '').localeCompare(b.position?.file ?? '') ||
      (a.position?.line ?? 0) - (b.position?.line ?? 0) ||
      (a.position?.column ?? 0) - (b.position?.column ?? 0),
  );
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

function round(value: number): string {
  return String(Math.round(value * 100) / 100);
}
