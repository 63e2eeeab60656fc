/** Spatial rows are packed with the partner's index as j·ROWS + row: at most 64 rows (62 band edges). */
export const ROW_BITS = 6;
export const ROWS = 1 << ROW_BITS;

/**
 * Pairs i < j closer than the largest spatial edge, grouped by i (CSR: the partners of i are
 * `packed[start[i]] … packed[start[i + 1] − 1]`, each j·ROWS + spatial row): row 0 = same location
 * (d = 0), row k = (edge[k−2], edge[k−1]] metres. Distances are Euclidean, √(dx² + dy²), compared
 * with the edges (inclusive), as R's `dist`. A hash grid of the largest edge limits the search to the
 * 3 × 3 neighbouring buckets. The packed form keeps the Monte Carlo loop in cache (~0.7 MB for a
 * district-year).
 */
export function closePairs(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  edges: readonly number[],
): { start: Int32Array; packed: Int32Array } {
  const n = xs.length;
  const maxEdge = edges.at(-1)!;
  let minX = Infinity;
  let minY = Infinity;
  for (let k = 0; k < n; k++) {
    minX = Math.min(minX, xs[k]!);
    minY = Math.min(minY, ys[k]!);
  }
  const buckets = new Map<number, number[]>();
  const key = (bx: number, by: number): number => bx * 1_048_576 + by;
  const bxs = new Int32Array(n);
  const bys = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    bxs[k] = Math.floor((xs[k]! - minX) / maxEdge);
    bys[k] = Math.floor((ys[k]! - minY) / maxEdge);
    const kk = key(bxs[k]!, bys[k]!);
    const b = buckets.get(kk);
    if (b) b.push(k);
    else buckets.set(kk, [k]);
  }
  let cap = 1024;
  let P: Int32Array<ArrayBuffer> = new Int32Array(cap);
  const start = new Int32Array(n + 1);
  let m = 0;
  for (let a = 0; a < n; a++) {
    start[a] = m;
    const xa = xs[a]!;
    const ya = ys[a]!;
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const b = buckets.get(key(bxs[a]! + dx, bys[a]! + dy));
        if (!b) continue;
        for (const o of b) {
          if (o <= a) continue;
          const ex = xs[o]! - xa;
          const ey = ys[o]! - ya;
          const d = Math.sqrt(ex * ex + ey * ey);
          if (d > maxEdge) continue;
          let row = 0;
          if (d > 0) {
            row = 1;
            while (d > edges[row - 1]!) row++;
          }
          if (m === cap) {
            cap *= 2;
            P = grow(P, cap);
          }
          P[m++] = o * ROWS + row;
        }
      }
    }
  }
  start[n] = m;
  return { start, packed: P.subarray(0, m) };
}

function grow(a: Int32Array, cap: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(cap);
  b.set(a);
  return b;
}

/**
 * Number of pairs i < j in each temporal column over ALL pairs, from the histogram of days:
 * Σ_d h(d)·h(d + Δ) for Δ > 0 and Σ_d h(d)(h(d) − 1)/2 for Δ = 0. These totals do not change when the
 * dates are permuted among the events. O(n + span²).
 */
export function dayDifferenceTotals(
  days: Int32Array,
  minDay: number,
  span: number,
  colOf: Uint8Array,
  nCols: number,
): Float64Array {
  const h = new Float64Array(span + 1);
  for (const d of days) h[d - minDay] = h[d - minDay]! + 1;
  const totals = new Float64Array(nCols);
  for (let a = 0; a <= span; a++) {
    const ha = h[a]!;
    if (ha === 0) continue;
    totals[colOf[0]!] = totals[colOf[0]!]! + (ha * (ha - 1)) / 2;
    for (let b = a + 1; b <= span; b++) {
      const hb = h[b]!;
      if (hb !== 0) totals[colOf[b - a]!] = totals[colOf[b - a]!]! + ha * hb;
    }
  }
  return totals;
}
