/**
 * Benjamini–Hochberg step-up rule: the largest p-value threshold at which the false discovery rate is
 * controlled at `q`. A test is significant at FDR q when its p ≤ the returned threshold (0 when none is).
 *
 * Sort the m p-values ascending, find the largest k with p_(k) ≤ k·q/m, and return p_(k).
 * NaN p-values are left out (they are not tests).
 *
 * @param pValues - p-values in [0, 1].
 * @param q - false discovery rate in (0, 1), e.g. 0.05.
 * @returns the p-value threshold (unitless). O(m log m).
 * @see Benjamini, Y. & Hochberg, Y. (1995) J. R. Stat. Soc. B 57, 289–300; the "FDR correction" of
 *   ArcGIS Hot Spot Analysis applies this rule at its 90/95/99 % levels.
 */
export function benjaminiHochbergThreshold(pValues: ArrayLike<number>, q: number): number {
  const sorted = Array.from(pValues)
    .filter((p) => !Number.isNaN(p))
    .sort((a, b) => a - b);
  const m = sorted.length;
  let threshold = 0;
  for (let k = 1; k <= m; k++) {
    const p = sorted[k - 1]!;
    if (p <= (k * q) / m) threshold = p;
  }
  return threshold;
}
