/**
 * The p-quantile of values sorted ascending, by linear interpolation between order statistics:
 * h = (n − 1)·p, Q = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]) (0-based).
 *
 * This is Hyndman & Fan (1996) definition 7: the default of R `quantile()`, NumPy `percentile()`,
 * Excel `PERCENTILE.INC` and PostgreSQL/DuckDB `percentile_cont`, so an analyst who recomputes a
 * 90th percentile by hand with any of them gets the same number. The median (p = 0.5) is the usual one.
 *
 * @param sorted - values in ascending order (not checked, for speed), any unit.
 * @param p - probability in [0, 1].
 * @returns the quantile in the unit of the values, or null when `sorted` is empty.
 * @throws RangeError when p is outside [0, 1].
 * @see Hyndman, R. J. & Fan, Y. (1996) Sample quantiles in statistical packages, Am. Stat. 50(4).
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantileSorted: p must be in [0, 1], got ${p}`);
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  if (lo + 1 >= n) return a;
  return a + (h - lo) * (sorted[lo + 1]! - a);
}
