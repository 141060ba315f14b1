import { closest, formatPath, type PathSegment, type TenderFacts } from '@loti/clauses';
import type { SpecIssue } from '../spec/issues.js';
import type { LoadedSpec } from '../spec/load.js';
import type { Criterion, TenderSpec } from '../spec/schema.js';
import { formatMoney } from '../text/format.js';
import type { SelectionRule } from './types.js';

/** How lot ids compare: as trimmed text, so 1, "1" and 1.0 (which YAML reads as 1) are the same lot. */
export function lotKey(id: string | number): string {
  return String(id).trim();
}

/** "Lot 1", or the id as written when it already says "Lot". */
export function lotLabel(id: string | number): string {
  const key = lotKey(id);
  return /^lot\b/i.test(key) ? key : `Lot ${key}`;
}

/** "This clause applies to Lot 1 only." / "… to Lots 1 and 2 only." */
export function lotScopeSentence(what: string, ids: readonly (string | number)[]): string {
  const keys = [...new Set(ids.map(lotKey))];
  const names = keys.map((key) => (/^lot\b/i.test(key) ? key.replace(/^lot\s*/i, '') : key));
  const list =
    names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `This ${what} applies to ${keys.length === 1 ? 'Lot' : 'Lots'} ${list} only.`;
}

/** The key facts with `hasLots` switched on when the spec lists lots and does not say otherwise. */
export function impliedFacts(spec: TenderSpec): { facts: TenderFacts; implied: readonly 'hasLots'[] } {
  const facts = spec.tender.facts;
  if ((spec.tender.lots?.length ?? 0) > 0 && facts.hasLots === undefined)
    return { facts: { ...facts, hasLots: true }, implied: ['hasLots'] };
  return { facts, implied: [] };
}

/** A LOT_UNKNOWN issue for a reference to a lot the spec does not list, with a did-you-mean. */
export function unknownLot(
  id: string | number,
  known: readonly string[],
  path: readonly PathSegment[],
  at: LoadedSpec['locate'],
): SpecIssue {
  const guess = closest(lotKey(id), known);
  return {
    code: 'LOT_UNKNOWN',
    severity: 'error',
    message: `Lot "${lotKey(id)}" is not defined.${guess ? ` Did you mean "${guess}"?` : ''} ${known.length ? `Lots are: ${known.join(', ')}.` : 'Add it under tender.lots or remove the lot field.'}`,
    position: at(path),
    field: formatPath(path),
  };
}

/**
 * Lots: unique ids, lots listed agree with the hasLots fact, lot values within the total, and every lot a
 * criterion or clause names is listed. (Requirements' lots are checked with the requirements, in validation.)
 */
export const lotRules: SelectionRule = (spec, loaded) => {
  const at = loaded.locate;
  const issues: SpecIssue[] = [];
  const lots = spec.tender.lots ?? [];
  const first = new Map<string, number>();
  lots.forEach((lot, index) => {
    const key = lotKey(lot.id);
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, index);
      return;
    }
    issues.push({
      code: 'DUPLICATE_ID',
      severity: 'error',
      message: `Lot id "${key}" is already used by lot ${earlier + 1} (${lots[earlier]?.title}). Lot ids are compared as text, so 1, "1" and 1.0 are the same. Give each lot its own id.`,
      position: at(['tender', 'lots', index, 'id']),
      field: `tender.lots[${index}].id`,
    });
  });

  if (lots.length > 0 && spec.tender.facts.hasLots === false) {
    issues.push({
      code: 'LOTS_FACT_CONFLICT',
      severity: 'error',
      message: `hasLots is false but tender.lots lists ${lots.length} lot${lots.length === 1 ? '' : 's'}, so the lots wording would be left out. Remove hasLots (listing lots implies it) or remove the lots.`,
      position: at(['tender', 'facts', 'hasLots']),
      field: 'tender.facts.hasLots',
    });
  }

  const total = spec.tender.estimatedValue;
  const valued = lots.filter((lot) => lot.value !== undefined);
  const sum = valued.reduce((a, lot) => a + (lot.value ?? 0), 0);
  if (total && valued.length > 0 && sum > total.amount) {
    issues.push({
      code: 'LOT_VALUE_TOTAL',
      severity: 'warning',
      message: `The lots' values add up to ${formatMoney(sum, total.currency)}, more than the estimated value of ${formatMoney(total.amount, total.currency)}. Raise tender.estimatedValue.amount or correct the lot values.`,
      position: at(['tender', 'estimatedValue', 'amount']),
      field: 'tender.estimatedValue.amount',
    });
  }

  const known = [...first.keys()];
  const check = (ids: readonly (string | number)[] | undefined, path: PathSegment[]) => {
    ids?.forEach((id, index) => {
      if (!first.has(lotKey(id))) issues.push(unknownLot(id, known, [...path, index], at));
    });
  };
  const walk = (criteria: readonly Criterion[], path: PathSegment[]) => {
    criteria.forEach((criterion, index) => {
      check(criterion.lots, [...path, index, 'lots']);
      if (criterion.subcriteria) walk(criterion.subcriteria, [...path, index, 'subcriteria']);
    });
  };
  walk(spec.evaluation?.criteria ?? [], ['evaluation', 'criteria']);
  spec.clauses.include.forEach((entry, index) => {
    if (typeof entry === 'object') check(entry.lots, ['clauses', 'include', index, 'lots']);
  });
  return issues;
};
