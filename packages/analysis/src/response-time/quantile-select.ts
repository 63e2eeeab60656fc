/**
 * Several p-quantiles of unsorted values, each exactly as {@link quantileSorted} would give on the sorted
 * values (Hyndman & Fan 1996 definition 7: h = (n − 1)·p, Q = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋])),
 * found by selection instead of a full sort: O(n) on average instead of O(n log n). A report of a
 * million calls asks for a median and a 90th percentile of hundreds of groups; sorting them all was
 * most of its time (bench/calls.js).
 *
 * Selection is Hoare's quickselect (median-of-three pivot, which copes with many equal values such as
 * response times in whole seconds); a range that keeps partitioning badly is sorted instead, so the worst
 * case stays O(n log n).
 *
 * @param values - any order, no NaN; REORDERED in place (pass a copy to keep the order).
 * @param ps - probabilities in [0, 1], any order.
 * @returns one quantile per p, in the order of `ps`; all null when `values` is empty.
 * @throws RangeError when a p is outside [0, 1].
 * @see Hoare, C. A. R. (1961) Algorithm 65: Find, Commun. ACM 4(7).
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

/** Puts the k-th smallest of values[left..right] at k, smaller ones left of it, larger right. */
function select(a: Float64Array, k: number, left: number, right: number): void {
  let budget = 2 * Math.ceil(Math.log2(right - left + 2)) + 16;
  while (right > left) {
    if (--budget < 0) {
      a.subarray(left, right + 1).sort();
      return;
    }
    const mid = (left + right) >>> 1;
    if (a[mid]! < a[left]!) swap(a, mid, left);
    if (a[right]! < a[left]!) swap(a, right, left);
    if (a[right]! < a[mid]!) swap(a, right, mid);
    const pivot = a[mid]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}
