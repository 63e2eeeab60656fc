/** Counts of values in equal bins from 0, and how many fell beyond the last bin. */
export interface Histogram {
  /** Width of every bin, in the unit of the values. */
  binWidth: number;
  /** counts[i] = values in [i·binWidth, (i + 1)·binWidth). */
  counts: number[];
  /** Values ≥ bins·binWidth. */
  overflow: number;
}

/**
 * A histogram of non-negative values (e.g. response times in seconds) in `bins` bins of `binWidth`
 * starting at 0, each closed on the left and open on the right, plus an overflow count; negative values
 * and NaN are not expected (callers exclude them) and are not counted.
 *
 * @throws RangeError when binWidth is not positive or bins is not a positive integer.
 */
export function histogram(values: ArrayLike<number>, binWidth: number, bins: number): Histogram {
  if (!(binWidth > 0)) throw new RangeError(`histogram: binWidth must be positive, got ${binWidth}`);
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`histogram: bins must be ≥ 1, got ${bins}`);
  const counts = new Array<number>(bins).fill(0);
  let overflow = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!(v >= 0)) continue;
    const b = Math.floor(v / binWidth);
    if (b >= bins) overflow++;
    else counts[b]!++;
  }
  return { binWidth, counts, overflow };
}
