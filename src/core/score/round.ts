/**
 * Rounds to 2 decimals the way the NACC documents print scores. Scores are kept unrounded
 * internally; this is for display and for comparing with band edges (DESIGN.md §4).
 * The epsilon keeps 84.995 from becoming 84.99 through binary floating point.
 */
export function round2(value: number): number {
  return Math.round((value + Number.EPSILON * Math.abs(value) * 4) * 100) / 100;
}

/** Formats a score with two decimals, e.g. 91.5 → "91.50". */
export function formatScore(value: number): string {
  return round2(value).toFixed(2);
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return 0;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}
