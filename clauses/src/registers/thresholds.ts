import type { ThresholdKind, ThresholdRegister } from './schema.js';

/** A threshold value in force on a date, with where it comes from. */
export interface ThresholdInForce {
  readonly kind: ThresholdKind;
  /** Including VAT, in pounds. */
  readonly amount: number;
  readonly from: string;
  readonly reference: string;
}

/** The threshold for a kind of contract on a date (ISO), or undefined before the first revision. */
export function thresholdOn(
  register: ThresholdRegister,
  kind: ThresholdKind,
  date: string,
): ThresholdInForce | undefined {
  const day = date.slice(0, 10);
  const revision = [...register.revisions]
    .sort((a, b) => b.from.localeCompare(a.from))
    .find((r) => r.from <= day && (r.until === undefined || day <= r.until));
  return revision
    ? { kind, amount: revision.amounts[kind], from: revision.from, reference: revision.reference }
    : undefined;
}
