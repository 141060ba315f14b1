import { fail, formatPath, isError, ok, type PathSegment, type Result } from '@loti/clauses';
import { lotKey, unknownLot } from '../rules/lots.js';
import { isRealDate } from '../text/format.js';
import { findForbiddenCharacter } from '../text/sanitise.js';
import type { SpecIssue, SpecIssueCode } from './issues.js';
import type { LoadedSpec } from './load.js';
import { type Criterion, type TenderSpec, tenderSpecSchema } from './schema.js';
import { checkPack } from './validate-pack.js';
import { zodIssueToSpecIssues } from './zod-issues.js';

const MAX_REPORTED_ISSUES = 100;

/**
 * Validating, the second stage of {@link buildTenderModel}: the shape of a loaded spec (zod), then the rules zod
 * cannot express (timetable order, weights, lots, the pack).
 */
export function validateSpec(loaded: LoadedSpec): Result<TenderSpec, SpecIssueCode, SpecIssue> {
  const issues: SpecIssue[] = [];
  const at = (path: readonly PathSegment[], options?: { keyInstead?: boolean }) =>
    loaded.locate(path, options);

  if (typeof loaded.value !== 'object' || loaded.value === null || Array.isArray(loaded.value)) {
    return fail([
      {
        code: 'NOT_A_MAPPING',
        severity: 'error',
        message:
          'The spec must be a YAML mapping that starts with "tender:". Run `tender init` for a template.',
        position: at([]),
      },
    ]);
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
        code: 'ISSUES_TRUNCATED',
        severity: 'error',
        message: `…and ${hidden} more problems like these. Fix the ones above first.`,
        position: at([]),
      });
    }
    return fail(sortIssues(issues));
  }
  const spec = result.data;
  issues.push(...checkTimetable(spec, at), ...checkRequirements(spec, at), ...checkEvaluation(spec, at));
  issues.push(...checkPack(spec, at));
  const sorted = sortIssues(issues);
  return sorted.some(isError) ? fail(sorted) : ok(spec, sorted);
}

type Locate = LoadedSpec['locate'];

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

function round(value: number): string {
  return String(Math.round(value * 100) / 100);
}
