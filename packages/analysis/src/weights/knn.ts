import { VigiaError } from '@vigia/domain';
import { checkSameLength, type Neighbours } from './neighbours.js';

/**
 * k-nearest-neighbour lists: for each location the k other locations closest to it (Euclidean).
 * Ties are broken by squared distance, then by `ids` ascending (the location's position when `ids` is
 * not given), so the result never depends on input order or on floating-point noise in a sqrt. The
 * relation is not symmetric.
 *
 * @param xs - x coordinates in metres of a projected CRS.
 * @param ys - y coordinates in metres, same length and order.
 * @param k - neighbours per location, a whole number 1 ≤ k < n.
 * @param ids - optional tie-break keys (e.g. grid cell ids), same length.
 * @returns neighbour positions (ascending within each location). Points are bucketed (about k per
 *   bucket) and searched ring by ring: O(n·k) for evenly spread points.
 * @throws VigiaError INVALID_ARGUMENT when lengths differ or k is not in 1..n−1.
 * @see spdep::knearneigh; ../shared/reference/gistar/knn8_neighbours.csv (tie rule: squared distance,
 *   then cell_id) is reproduced exactly.
 */
export function knnNeighbours(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  k: number,
  ids?: ArrayLike<number>,
): Neighbours {
  const n = xs.length;
  checkSameLength('knnNeighbours', 'ys', n, ys.length);
  if (ids) checkSameLength('knnNeighbours', 'ids', n, ids.length);
  if (!Number.isInteger(k) || k < 1 || k >= n) {
    throw new VigiaError('INVALID_ARGUMENT', { name: 'k', value: String(k) });
  }
  const key = (j: number): number => (ids ? ids[j]! : j);
  const buckets = bucketGrid(xs, ys, k);
  const { size, nx, ny, start: bStart, items, bx, by } = buckets;
  const offsets = new Int32Array(n + 1);
  const indices = new Int32Array(n * k);
  const bestD = new Float64Array(k);
  const bestJ = new Int32Array(k);
  for (let i = 0; i < n; i++) {
    let filled = 0;
    const xi = xs[i]!;
    const yi = ys[i]!;
    const consider = (j: number): void => {
      const dx = xs[j]! - xi;
      const dy = ys[j]! - yi;
      const d = dx * dx + dy * dy;
      if (filled === k) {
        const last = bestD[k - 1]!;
        if (d > last || (d === last && key(j) > key(bestJ[k - 1]!))) return;
      }
      // insertion into the sorted list (distance, then key)
      let pos = filled < k ? filled : k - 1;
      while (pos > 0) {
        const pd = bestD[pos - 1]!;
        if (pd < d || (pd === d && key(bestJ[pos - 1]!) < key(j))) break;
        bestD[pos] = pd;
        bestJ[pos] = bestJ[pos - 1]!;
        pos--;
      }
      bestD[pos] = d;
      bestJ[pos] = j;
      if (filled < k) filled++;
    };
    // rings of buckets around i's bucket; a point in ring r + 1 or beyond is at least r·size away, so
    // once the k-th distance is strictly below that, no unexamined point can enter (nor tie).
    for (let r = 0; r <= Math.max(nx, ny); r++) {
      if (filled === k && bestD[k - 1]! < ((r - 1) * size) ** 2) break;
      for (let gy = by[i]! - r; gy <= by[i]! + r; gy++) {
        if (gy < 0 || gy >= ny) continue;
        const edgeRow = gy === by[i]! - r || gy === by[i]! + r;
        for (let gx = bx[i]! - r; gx <= bx[i]! + r; gx += edgeRow ? 1 : 2 * r || 1) {
          if (gx < 0 || gx >= nx) continue;
          const b = gy * nx + gx;
          for (let e = bStart[b]!; e < bStart[b + 1]!; e++) if (items[e] !== i) consider(items[e]!);
        }
      }
    }
    const sorted = Array.from(bestJ).sort((a, b) => a - b);
    indices.set(sorted, i * k);
    offsets[i + 1] = (i + 1) * k;
  }
  return { offsets, indices };
}

/** Points bucketed in a regular grid with about k points per bucket (CSR: start/items), and each point's bucket. */
function bucketGrid(xs: ArrayLike<number>, ys: ArrayLike<number>, k: number) {
  const n = xs.length;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, xs[i]!);
    maxX = Math.max(maxX, xs[i]!);
    minY = Math.min(minY, ys[i]!);
    maxY = Math.max(maxY, ys[i]!);
  }
  const w = Math.max(maxX - minX, 1e-9);
  const h = Math.max(maxY - minY, 1e-9);
  const size = Math.max(Math.sqrt((w * h * Math.max(k, 1)) / n), Math.max(w, h) / 4096);
  const nx = Math.floor(w / size) + 1;
  const ny = Math.floor(h / size) + 1;
  const bx = new Int32Array(n);
  const by = new Int32Array(n);
  const start = new Int32Array(nx * ny + 1);
  for (let i = 0; i < n; i++) {
    bx[i] = Math.floor((xs[i]! - minX) / size);
    by[i] = Math.floor((ys[i]! - minY) / size);
    const b = by[i]! * nx + bx[i]!;
    start[b + 1] = start[b + 1]! + 1;
  }
  for (let b = 1; b <= nx * ny; b++) start[b] = start[b]! + start[b - 1]!;
  const fill = start.slice(0, nx * ny);
  const items = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const b = by[i]! * nx + bx[i]!;
    items[fill[b]!] = i;
    fill[b] = fill[b]! + 1;
  }
  return { size, nx, ny, start, items, bx, by };
}
