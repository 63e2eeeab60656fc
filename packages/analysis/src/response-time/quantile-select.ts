/**
 * Several p-quantiles of unsorted values, each exactly as {@link quantileSorted} would give on the sorted
 * values (Hyndman & Fan 1996 definition 7: h = (n − 1)·p, Q = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋])),
 * found by selection instead of a full sort: O(n) on average instead of O(n log n). A report of a
 * million calls asks for a median and a 90th percentile of hundreds of groups; sorting them all was
 * most of its time (bench/calls.js).
 *
 * Selection is Floyd and Rivest's SELECT (see `select`), which copes with many equal values such as
 * response times in whole seconds; a range that keeps partitioning badly is sorted instead, so the worst
 * case stays O(n log n).
 *
 * @param values - any order, no NaN; REORDERED in place (pass a copy to keep the order).
 * @param ps - probabilities in [0, 1], any order.
 * @returns one quantile per p, in the order of `ps`; all null when `values` is empty.
 * @throws RangeError when a p is outside [0, 1].
 * @see Floyd, R. W. & Rivest, R. L. (1975) Algorithm 489: SELECT, Commun. ACM 18(3).
 */
export function quantilesInPlace(values: Float64Array, ps: readonly number[]): (number | null)[] {
  for (const p of ps) {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`quantilesInPlace: p must be in [0, 1], got ${p}`);
  }
  const n = values.length;
  const out: (number | null)[] = ps.map(() => null);
  if (n === 0) return out;
  const order = ps.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  // Invariant: every value left of `from` is ≤ every value from `from` on, so the next (larger) order
  // statistic is found in [from, n − 1] alone.
  let from = 0;
  for (const { p, i } of order) {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    if (lo >= from) {
      select(values, lo, from, n - 1);
      from = lo;
    }
    const a = values[lo]!;
    if (h === lo || lo + 1 >= n) {
      out[i] = a;
      continue;
    }
    // x[lo + 1] is the smallest value right of lo (all of them are ≥ x[lo] after the selection).
    let b = values[lo + 1]!;
    let at = lo + 1;
    for (let k = lo + 2; k < n; k++) {
      if (values[k]! < b) {
        b = values[k]!;
        at = k;
      }
    }
    // Move it to lo + 1 so the invariant holds from lo + 1 for a later p.
    values[at] = values[lo + 1]!;
    values[lo + 1] = b;
    from = lo + 1;
    out[i] = a + (h - lo) * (b - a);
  }
  return out;
}

/**
 * Puts the k-th smallest of a[left..right] at k, smaller-or-equal values left of it and larger-or-equal
 * right of it: Floyd and Rivest's SELECT, which first narrows the range around k on a sample (for ranges
 * over 600 values) so each pass partitions close to k; about 1.5 n comparisons on average, against 3.4 n
 * for plain quickselect. A range that keeps partitioning badly is sorted instead (worst case
 * O(n log n)).
 * @see Floyd, R. W. & Rivest, R. L. (1975) Algorithm 489: SELECT, Commun. ACM 18(3).
 */
function select(a: Float64Array, k: number, left: number, right: number, depth = 0): void {
  let budget = 2 * Math.ceil(Math.log2(right - left + 2)) + 16;
  while (right > left) {
    if (--budget < 0 || depth > 64) {
      a.subarray(left, right + 1).sort();
      return;
    }
    if (right - left > 600) {
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      const newLeft = Math.max(left, Math.floor(k - (m * s) / n + sd));
      const newRight = Math.min(right, Math.floor(k + ((n - m) * s) / n + sd));
      select(a, k, newLeft, newRight, depth + 1);
    }
    const t = a[k]!;
    let i = left;
    let j = right;
    swap(a, left, k);
    if (a[right]! > t) swap(a, left, right);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while (a[i]! < t) i++;
      while (a[j]! > t) j--;
    }
    if (a[left] === t) swap(a, left, j);
    else {
      j++;
      swap(a, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}
