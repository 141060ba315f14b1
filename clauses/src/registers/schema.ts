import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use an ISO date like 2026-01-01.');

/** Keys of the threshold amounts: the contract type, and for supplies and services who buys. */
export const THRESHOLD_KINDS = [
  'supplies-services-central',
  'supplies-services-sub-central',
  'works',
  'light-touch',
] as const;
/** A kind of procurement threshold (goods and services, works, light-touch …): one of {@link THRESHOLD_KINDS}. */
export type ThresholdKind = (typeof THRESHOLD_KINDS)[number];

export const thresholdsFileSchema = z.strictObject({
  revisions: z
    .array(
      z.strictObject({
        from: isoDate,
        until: isoDate.optional(),
        reference: z.string(),
        amounts: z.strictObject(
          Object.fromEntries(THRESHOLD_KINDS.map((kind) => [kind, z.number().positive()])) as Record<
            ThresholdKind,
            z.ZodNumber
          >,
        ),
      }),
    )
    .min(1),
  notifiable: z.strictObject({ central: z.number().positive(), 'sub-central': z.number().positive() }),
});
/** The threshold register (thresholds.yaml): the values in force from each date, with sources. */
export type ThresholdRegister = z.infer<typeof thresholdsFileSchema>;

export const bankHolidaysFileSchema = z.strictObject({
  reference: z.string(),
  coveredFrom: isoDate,
  coveredUntil: isoDate,
  'england-and-wales': z.array(isoDate),
  scotland: z.array(isoDate),
  'northern-ireland': z.array(isoDate),
});
/** The bank-holiday register (bank-holidays.yaml): the dates by nation, with sources. */
export type BankHolidayRegister = z.infer<typeof bankHolidaysFileSchema>;

/** The dated registers the rules read; empty when a library has none. */
export interface Registers {
  readonly thresholds?: ThresholdRegister;
  readonly bankHolidays?: BankHolidayRegister;
}
