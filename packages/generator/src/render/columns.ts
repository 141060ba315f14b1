/**
 * Table column widths. The model promises percentages that add up to 100; renderers still normalise them (zero,
 * negative or non-finite widths count as nothing, an all-zero table splits evenly) so a bad table never breaks layout.
 */
export function columnShares(percentages: readonly number[]): number[] {
  const positive = percentages.map((p) => (Number.isFinite(p) && p > 0 ? p : 0));
  const sum = positive.reduce((a, b) => a + b, 0);
  return sum > 0 ? positive.map((p) => p / sum) : positive.map(() => 1 / Math.max(positive.length, 1));
}

/** Percentages that add up to 100, for HTML <col> widths. */
export function columnPercentages(percentages: readonly number[]): number[] {
  return columnShares(percentages).map((share) => share * 100);
}

/** Splits a width in twips; the last column takes the rounding so the columns add up to the width exactly. */
export function columnTwips(percentages: readonly number[], total: number): number[] {
  const widths = columnShares(percentages).map((share) => Math.floor(share * total));
  const used = widths.slice(0, -1).reduce((a, b) => a + b, 0);
  if (widths.length > 0) widths[widths.length - 1] = total - used;
  return widths;
}
