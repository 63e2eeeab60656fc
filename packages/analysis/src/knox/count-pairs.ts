import { ROW_BITS, ROWS } from './pairs.js';

/** What the pair counter needs besides the dates: the close pairs and the table layout. */
export interface PairTableLayout {
  /** Close pairs grouped by first event (see closePairs). */
  start: Int32Array;
  packed: Int32Array;
  nRows: number;
  nCols: number;
  /** Temporal column of each day difference 0..span. */
  colOf: Uint8Array;
  /** The last temporal edge: larger differences go to the last column by subtraction. */
  maxDelta: number;
  /** Pairs per spatial row (fixed by the locations) and per temporal column over all pairs (fixed by the dates). */
  rowTotals: Float64Array;
  colTotals: Float64Array;
}

/** Lanes counted in one pass over the pairs: each pair is read once for four date assignments. */
export const LANES = 4;

/**
 * The near-repeat tables (nRows × nCols, row-major) of up to four date assignments at once. Only pairs
 * closer than the largest spatial edge are visited, and only differences up to `maxDelta` are counted;
 * the last column of each close row and the last (far) row follow from the fixed totals.
 */
export function countPairTables(layout: PairTableLayout, days: readonly Int32Array[]): Float64Array[] {
  const { start, packed, nRows, nCols, colOf, maxDelta, rowTotals, colTotals } = layout;
  const n = start.length - 1;
  const cells = nRows * nCols;
  const lanes = new Int32Array(n * LANES);
  for (let l = 0; l < LANES; l++) {
    const d = days[Math.min(l, days.length - 1)]!;
    for (let i = 0; i < n; i++) lanes[i * LANES + l] = d[i]!;
  }
  const c0 = new Float64Array(cells);
  const c1 = new Float64Array(cells);
  const c2 = new Float64Array(cells);
  const c3 = new Float64Array(cells);
  for (let a = 0; a < n; a++) {
    const a0 = lanes[a * LANES]!;
    const a1 = lanes[a * LANES + 1]!;
    const a2 = lanes[a * LANES + 2]!;
    const a3 = lanes[a * LANES + 3]!;
    const end = start[a + 1]!;
    for (let e = start[a]!; e < end; e++) {
      const v = packed[e]!;
      const j = (v >>> ROW_BITS) * LANES;
      const row = (v & (ROWS - 1)) * nCols;
      const d0 = Math.abs(a0 - lanes[j]!);
      const d1 = Math.abs(a1 - lanes[j + 1]!);
      const d2 = Math.abs(a2 - lanes[j + 2]!);
      const d3 = Math.abs(a3 - lanes[j + 3]!);
      if (d0 <= maxDelta) {
        const cell = row + colOf[d0]!;
        c0[cell] = c0[cell]! + 1;
      }
      if (d1 <= maxDelta) {
        const cell = row + colOf[d1]!;
        c1[cell] = c1[cell]! + 1;
      }
      if (d2 <= maxDelta) {
        const cell = row + colOf[d2]!;
        c2[cell] = c2[cell]! + 1;
      }
      if (d3 <= maxDelta) {
        const cell = row + colOf[d3]!;
        c3[cell] = c3[cell]! + 1;
      }
    }
  }
  const out = [c0, c1, c2, c3].slice(0, days.length);
  for (const t of out) {
    for (let r = 0; r < nRows - 1; r++) {
      let s = 0;
      for (let c = 0; c < nCols - 1; c++) s += t[r * nCols + c]!;
      t[r * nCols + nCols - 1] = rowTotals[r]! - s;
    }
    const last = (nRows - 1) * nCols;
    for (let c = 0; c < nCols; c++) {
      let s = 0;
      for (let r = 0; r < nRows - 1; r++) s += t[r * nCols + c]!;
      t[last + c] = colTotals[c]! - s;
    }
  }
  return out;
}
