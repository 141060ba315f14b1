/**
 * Table column widths. The model promises percentages that add up to 100; renderers still normalise them (zero,
 * negative or non-finite widths count as nothing, an all-zero table splits evenly) so a bad table never breaks layout.
 */
function columnShares(percentages: readonly number[]): number[] {
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

/**
 * Widens columns narrower than their minimum (twips) by taking width from the others in proportion to what they
 * have above their own minimum; the total stays the same. When the minimums cannot all fit, the widths are unchanged.
 */
export function fitMinimums(widths: readonly number[], minimums: readonly number[], total: number): number[] {
  const need = minimums.map((m, i) => Math.max(0, Math.min(m, total) - (widths[i] ?? 0)));
  const deficit = need.reduce((a, b) => a + b, 0);
  if (deficit === 0) return [...widths];
  const spare = widths.map((w, i) => ((need[i] ?? 0) > 0 ? 0 : Math.max(0, w - (minimums[i] ?? 0))));
  const available = spare.reduce((a, b) => a + b, 0);
  if (available < deficit) return [...widths];
  const out = widths.map((w, i) =>
    (need[i] ?? 0) > 0 ? w + (need[i] ?? 0) : Math.floor(w - ((spare[i] ?? 0) * deficit) / available),
  );
  // Rounding: the widest column absorbs the difference so the columns still add up to the total.
  const drift = total - out.reduce((a, b) => a + b, 0);
  const widest = out.indexOf(Math.max(...out));
  out[widest] = (out[widest] ?? 0) + drift;
  return out;
}
