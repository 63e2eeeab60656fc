import { VigiaError } from '@vigia/domain';
import type { SquareGrid } from '../grid/square-grid.js';

/** Kernels of {@link kernelDensity}. */
export type KdeKernel = 'quartic' | 'gaussian';

/** Options of {@link kernelDensity}. */
export interface KdeOptions {
  /** `quartic` (biweight, ArcGIS and CrimeStat; default) or `gaussian`. */
  kernel?: KdeKernel;
  /**
   * Quartic: the search radius r in metres (the kernel is 0 beyond it). Gaussian: the standard
   * deviation σ in metres. Default: {@link defaultBandwidthMeters} of the points.
   */
  bandwidthMeters?: number;
  /**
   * Gaussian only: ignore points farther than this many σ from a cell along x or y (default 6: the
   * dropped kernel weight is below 2e-9 of its peak). `Infinity` sums every point exactly.
   */
  gaussianCutoffSigmas?: number;
}

/** Result of {@link kernelDensity}. */
export interface KdeResult {
  /** Density at each cell centre in incidents per km², indexed by cell id (row·nCols + col). */
  density: Float64Array;
  kernel: KdeKernel;
  bandwidthMeters: number;
  /**
   * Σ density × cell area / n: the share of the points' mass the grid holds (≈ 1 when the grid covers
   * the points with a margin of one bandwidth and the bandwidth is a few cells wide).
   */
  capturedFraction: number;
  /** Points outside the grid (they still contribute to cells within reach). */
  pointsOutsideGrid: number;
  /**
   * `BANDWIDTH_BELOW_CELL`: the bandwidth is smaller than the cell, so the surface samples the kernels
   * too coarsely (a point may fall between cell centres and vanish); use a larger bandwidth or smaller
   * cells. `NO_POINTS`: the surface is 0.
   */
  warnings: ('BANDWIDTH_BELOW_CELL' | 'NO_POINTS')[];
}

/**
 * Kernel density estimate of incident points on a square grid, evaluated at cell centres, in
 * incidents per km² (no edge correction, every point has weight 1, planar distances).
 *
 * Quartic: f(s) = Σ_{d_i < r} 3/(π r²)·(1 − d_i²/r²)². Gaussian: f(s) = Σ_i 1/(2πσ²)·exp(−d_i²/(2σ²)).
 * Both kernels integrate to 1, so the surface integrates to the number of incidents. The Gaussian is
 * computed as a product of x and y factors over a window of ±cutoff·σ: O(n·(2·cutoff·σ/c)²); the
 * quartic over its radius: O(n·(2r/c)²).
 *
 * @param xs - x in metres (projected CRS); ys - y in metres, same length.
 * @param grid - the grid to evaluate on (see grid/square-grid).
 * @param options - see {@link KdeOptions}.
 * @throws VigiaError INVALID_ARGUMENT when lengths differ, the bandwidth is not positive, or no
 *   bandwidth is given for fewer than 2 points.
 * @see Silverman (1986) Density Estimation; ArcGIS Pro "How Kernel Density works"; Levine, CrimeStat
 *   IV ch. 10. Matches ../shared/reference/kde (R direct sums, = spatstat density.ppp at points) to 1e-12.
 */
export function kernelDensity(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  grid: SquareGrid,
  options: KdeOptions = {},
): KdeResult {
  if (xs.length !== ys.length) {
    throw new VigiaError('INVALID_ARGUMENT', {
      name: 'kernelDensity: ys.length',
      value: `${ys.length} ≠ ${xs.length}`,
    });
  }
  const kernel = options.kernel ?? 'quartic';
  const h = options.bandwidthMeters ?? defaultBandwidthMeters(xs, ys);
  if (!(h > 0) || !Number.isFinite(h))
    throw new VigiaError('INVALID_ARGUMENT', { name: 'bandwidthMeters', value: String(h) });
  const density = new Float64Array(grid.nCols * grid.nRows);
  const order = cellOrder(xs, ys, grid);
  if (kernel === 'quartic') addQuartic(xs, ys, order, grid, h, density);
  else addGaussian(xs, ys, order, grid, h, options.gaussianCutoffSigmas ?? 6, density);
  const c = grid.cellSizeMeters;
  let outside = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    const y = ys[i]!;
    if (x < grid.x0 || y < grid.y0 || x >= grid.x0 + grid.nCols * c || y >= grid.y0 + grid.nRows * c)
      outside++;
  }
  let total = 0;
  for (const v of density) total += v;
  const warnings: KdeResult['warnings'] = [];
  if (h < c) warnings.push('BANDWIDTH_BELOW_CELL');
  if (xs.length === 0) warnings.push('NO_POINTS');
  return {
    density,
    kernel,
    bandwidthMeters: h,
    capturedFraction: xs.length === 0 ? 0 : (total * (c * c) * 1e-6) / xs.length,
    pointsOutsideGrid: outside,
    warnings,
  };
}

/**
 * The points in row-major order of the cell they fall in (counting sort; points outside the grid last),
 * so that consecutive kernels update nearby memory: 4× faster on a 1000 × 1000 grid than input order.
 */
function cellOrder(xs: ArrayLike<number>, ys: ArrayLike<number>, g: SquareGrid): Int32Array {
  const n = xs.length;
  const cells = g.nCols * g.nRows;
  const key = new Int32Array(n);
  const start = new Int32Array(cells + 2);
  for (let p = 0; p < n; p++) {
    const col = Math.floor((xs[p]! - g.x0) / g.cellSizeMeters);
    const row = Math.floor((ys[p]! - g.y0) / g.cellSizeMeters);
    const k = col >= 0 && row >= 0 && col < g.nCols && row < g.nRows ? row * g.nCols + col : cells;
    key[p] = k;
    start[k + 1] = start[k + 1]! + 1;
  }
  for (let k = 1; k < start.length; k++) start[k] = start[k]! + start[k - 1]!;
  const order = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    const k = key[p]!;
    order[start[k]!] = p;
    start[k] = start[k]! + 1;
  }
  return order;
}

function addQuartic(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  order: Int32Array,
  g: SquareGrid,
  r: number,
  out: Float64Array,
): void {
  const c = g.cellSizeMeters;
  const r2 = r * r;
  const scale = (3 / (Math.PI * r2)) * 1e6;
  const dx2 = new Float64Array(g.nCols);
  for (const p of order) {
    const x = xs[p]!;
    const y = ys[p]!;
    const c0 = Math.max(0, Math.ceil((x - r - g.x0) / c - 0.5));
    const c1 = Math.min(g.nCols - 1, Math.floor((x + r - g.x0) / c - 0.5));
    const r0 = Math.max(0, Math.ceil((y - r - g.y0) / c - 0.5));
    const r1 = Math.min(g.nRows - 1, Math.floor((y + r - g.y0) / c - 0.5));
    if (c0 > c1 || r0 > r1) continue;
    for (let i = c0; i <= c1; i++) {
      const d = g.x0 + (i + 0.5) * c - x;
      dx2[i] = d * d;
    }
    for (let j = r0; j <= r1; j++) {
      const dy = g.y0 + (j + 0.5) * c - y;
      const dy2 = dy * dy;
      if (dy2 >= r2) continue;
      const base = j * g.nCols;
      for (let i = c0; i <= c1; i++) {
        const d2 = dx2[i]! + dy2;
        if (d2 < r2) {
          const u = 1 - d2 / r2;
          out[base + i] = out[base + i]! + u * u;
        }
      }
    }
  }
  for (let k = 0; k < out.length; k++) out[k]! *= scale;
}

function addGaussian(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  order: Int32Array,
  g: SquareGrid,
  sigma: number,
  cutoff: number,
  out: Float64Array,
): void {
  if (!(cutoff > 0))
    throw new VigiaError('INVALID_ARGUMENT', { name: 'gaussianCutoffSigmas', value: String(cutoff) });
  const c = g.cellSizeMeters;
  const reach = cutoff * sigma;
  const k = -1 / (2 * sigma * sigma);
  const gx = new Float64Array(g.nCols);
  const gy = new Float64Array(g.nRows);
  for (const p of order) {
    const x = xs[p]!;
    const y = ys[p]!;
    const c0 = Math.max(0, Math.ceil((x - reach - g.x0) / c - 0.5));
    const c1 = Math.min(g.nCols - 1, Math.floor((x + reach - g.x0) / c - 0.5));
    const r0 = Math.max(0, Math.ceil((y - reach - g.y0) / c - 0.5));
    const r1 = Math.min(g.nRows - 1, Math.floor((y + reach - g.y0) / c - 0.5));
    if (c0 > c1 || r0 > r1) continue;
    for (let i = c0; i <= c1; i++) {
      const d = g.x0 + (i + 0.5) * c - x;
      gx[i] = Math.exp(k * d * d);
    }
    for (let j = r0; j <= r1; j++) {
      const d = g.y0 + (j + 0.5) * c - y;
      gy[j] = Math.exp(k * d * d);
    }
    // Two rows per pass: each x factor is loaded once for both (a third less CPU than row by row).
    let j = r0;
    for (; j < r1; j += 2) {
      const fa = gy[j]!;
      const fb = gy[j + 1]!;
      const a = j * g.nCols;
      const b = a + g.nCols;
      for (let i = c0; i <= c1; i++) {
        const v = gx[i]!;
        out[a + i] = out[a + i]! + fa * v;
        out[b + i] = out[b + i]! + fb * v;
      }
    }
    if (j === r1) {
      const fy = gy[j]!;
      const base = j * g.nCols;
      for (let i = c0; i <= c1; i++) out[base + i] = out[base + i]! + fy * gx[i]!;
    }
  }
  const scale = (1 / (2 * Math.PI * sigma * sigma)) * 1e6;
  for (let q = 0; q < out.length; q++) out[q]! *= scale;
}

/**
 * Default KDE bandwidth in metres: the spatial form of Silverman's rule of thumb that ArcGIS Pro uses
 * for its default search radius: h = 0.9 · min(SD, √(1/ln 2) · Dm) · n^(−1/5), with SD the standard
 * distance of the points from their mean centre and Dm the median of those distances (SD alone when
 * Dm = 0, i.e. when more than half of the points share one location).
 *
 * @param xs - x in metres; ys - y in metres, same length, n ≥ 2 with some spread.
 * @returns h in metres, > 0.
 * @throws VigiaError INVALID_ARGUMENT for fewer than 2 points or when all points coincide (h would be 0).
 * @see ArcGIS Pro "How Kernel Density works" (default search radius); Silverman (1986) eq. 3.31.
 */
export function defaultBandwidthMeters(xs: ArrayLike<number>, ys: ArrayLike<number>): number {
  const n = xs.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i]!;
    my += ys[i]!;
  }
  mx /= n;
  my /= n;
  const d = new Float64Array(n);
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    ss += dx * dx + dy * dy;
    d[i] = Math.sqrt(dx * dx + dy * dy);
  }
  d.sort();
  const median = n % 2 === 1 ? d[(n - 1) / 2]! : (d[n / 2 - 1]! + d[n / 2]!) / 2;
  const sd = Math.sqrt(ss / n);
  // More than half the points at one spot (a fallback geocode) makes Dm = 0: use SD alone then.
  const spread = median > 0 ? Math.min(sd, Math.sqrt(1 / Math.LN2) * median) : sd;
  const h = 0.9 * spread * n ** -0.2;
  if (!(h > 0))
    throw new VigiaError('INVALID_ARGUMENT', {
      name: 'bandwidthMeters (default rule: points coincide)',
      value: String(n),
    });
  return h;
}
