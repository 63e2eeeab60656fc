import { VigiaError } from '@vigia/domain';
import { checkSameLength, type Neighbours } from './neighbours.js';

/**
 * Fixed-distance neighbours: j ≠ i is a neighbour of i when the Euclidean distance d_ij ≤ maxMeters
 * (inclusive, compared on squared distances, so integer centroids are compared exactly).
 *
 * Points are bucketed in a hash grid of cell `maxMeters`, so each point only looks at the 3 × 3 buckets
 * around it: O(n·k) for k neighbours per point instead of O(n²).
 *
 * @param xs - x coordinates in metres of a projected CRS.
 * @param ys - y coordinates in metres, same length and order as `xs`.
 * @param maxMeters - neighbour radius in metres, > 0 (e.g. 1000; 1.5 × cell size gives queen
 *   contiguity on a square grid: the 8 cells sharing an edge or a corner).
 * @returns the neighbour list (positions ascending). Duplicate locations are neighbours at distance 0.
 * @throws VigiaError INVALID_ARGUMENT when the lengths differ or `maxMeters` is not a positive number.
 * @see spdep::dnearneigh(xy, 0, maxMeters) (bounds "GE"/"LE"); matches it on ../shared/reference/gistar.
 */
export function distanceBandNeighbours(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  maxMeters: number,
): Neighbours {
  checkSameLength('distanceBandNeighbours', 'ys', xs.length, ys.length);
  if (!(maxMeters > 0) || !Number.isFinite(maxMeters)) {
    throw new VigiaError('INVALID_ARGUMENT', { name: 'maxMeters', value: String(maxMeters) });
  }
  const n = xs.length;
  const max2 = maxMeters * maxMeters;
  const buckets = new Map<string, number[]>();
  let minX = Infinity;
  let minY = Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, xs[i]!);
    minY = Math.min(minY, ys[i]!);
  }
  const bx = new Int32Array(n);
  const by = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    bx[i] = Math.floor((xs[i]! - minX) / maxMeters);
    by[i] = Math.floor((ys[i]! - minY) / maxMeters);
    const key = `${bx[i]},${by[i]}`;
    const b = buckets.get(key);
    if (b) b.push(i);
    else buckets.set(key, [i]);
  }
  const offsets = new Int32Array(n + 1);
  const out: number[] = [];
  const found: number[] = [];
  for (let i = 0; i < n; i++) {
    found.length = 0;
    const xi = xs[i]!;
    const yi = ys[i]!;
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const b = buckets.get(`${bx[i]! + dx},${by[i]! + dy}`);
        if (!b) continue;
        for (const j of b) {
          if (j === i) continue;
          const ddx = xs[j]! - xi;
          const ddy = ys[j]! - yi;
          if (ddx * ddx + ddy * ddy <= max2) found.push(j);
        }
      }
    }
    found.sort((a, b) => a - b);
    for (const j of found) out.push(j);
    offsets[i + 1] = out.length;
  }
  return { offsets, indices: Int32Array.from(out) };
}
