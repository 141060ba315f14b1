/**
 * The procedures a tender spec can name. Clauses select wording by procedure
 * (`appliesWhen.procedures`), so the vocabulary lives with the wording.
 * Below-threshold is not a procedure of the Procurement Act 2023: it names a contract
 * below the threshold, awarded under Part 6 (ss.84–88) by a process the Authority designs.
 */
export const PROCEDURE_IDS = [
  'open',
  'competitive-flexible',
  'below-threshold',
  'framework-competition',
] as const;
/** A procurement procedure: one of {@link PROCEDURE_IDS}. */
export type ProcedureId = (typeof PROCEDURE_IDS)[number];

/** Where the estimated value sits against the threshold for the contract type. */
export const THRESHOLD_POSITIONS = ['above', 'below'] as const;
/** Where a tender's value stands against the threshold: one of {@link THRESHOLD_POSITIONS}. */
export type ThresholdPosition = (typeof THRESHOLD_POSITIONS)[number];
