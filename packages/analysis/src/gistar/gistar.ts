import { VigiaError } from '@vigia/domain';
import { twoSidedNormalP } from '../normal/normal-cdf.js';
import { checkSameLength, neighbourCount, type Neighbours } from '../weights/neighbours.js';
import { benjaminiHochbergThreshold } from './fdr.js';

/** Options of {@link getisOrdGiStar}. */
export interface GiStarOptions {
  /**
   * Apply the Benjamini–Hochberg false-discovery-rate correction to the hot/cold classes (default
   * false): a cell is then significant at 90/95/99 % when its p-value is below the BH threshold of
   * 0.10/0.05/0.01 over all cells.
   */
  fdr?: boolean;
}

/** Result of {@link getisOrdGiStar}, one entry per location in input order. */
export interface GiStarResult {
  /** Gi* z-scores (unitless); NaN when every value is the same (e.g. all zero: no variation to test). */
  z: Float64Array;
  /** Two-sided normal p-values; NaN with z. */
  p: Float64Array;
  /**
   * ArcGIS "Gi_Bin" classes: +3/+2/+1 hot spot at 99/95/90 % confidence, −3/−2/−1 cold spot, 0 not
   * significant (after FDR when asked).
   */
  classes: Int8Array;
  /** The p thresholds used for the 90, 95 and 99 % classes (0.10/0.05/0.01 without FDR). */
  thresholds: { p90: number; p95: number; p99: number };
  /**
   * `FEW_LOCATIONS` when n < 30 (ArcGIS' rule of thumb: the normal approximation is unreliable);
   * `NO_VARIATION` when all values are equal (z undefined).
   */
  warnings: ('FEW_LOCATIONS' | 'NO_VARIATION')[];
}

/**
 * Local Getis-Ord Gi* hot-spot statistic for each location (usually grid cells with incident counts).
 *
 * With binary weights and the location itself included (w_ii = 1), x̄ the mean and S the population
 * standard deviation of all n values (zeros included), W_i = |N(i)| + 1:
 * Gi*_i = (Σ_{j∈N(i)∪{i}} x_j − x̄·W_i) / (S·√((n·W_i − W_i²)/(n − 1))), a z-score. Large positive z:
 * high values cluster around i (hot spot); large negative: low values cluster (cold spot). Use it on
 * counts over a grid that covers the study area, zero cells included; cells at the edge have fewer
 * neighbours, so their z-scores rest on less data.
 *
 * @param values - incidents per location (any real values), length n ≥ 2.
 * @param neighbours - neighbour list of the n locations (self excluded; it is added here), e.g. from
 *   distanceBandNeighbours or knnNeighbours.
 * @param options - see {@link GiStarOptions}.
 * @returns z-scores, p-values and classes; see {@link GiStarResult}. O(n + links).
 * @throws VigiaError INVALID_ARGUMENT when the lengths differ or n < 2.
 * @see Getis & Ord (1992) Geogr. Anal. 24; Ord & Getis (1995) Geogr. Anal. 27; ArcGIS Pro "Hot Spot
 *   Analysis (Getis-Ord Gi*)". Matches R spdep 1.2-7 localG (nb2listw(include.self(nb), style = "B")) on
 *   ../shared/reference/gistar to 1e-12.
 */
export function getisOrdGiStar(
  values: ArrayLike<number>,
  neighbours: Neighbours,
  options: GiStarOptions = {},
): GiStarResult {
  const n = values.length;
  checkSameLength('getisOrdGiStar', 'neighbours', n, neighbourCount(neighbours));
  if (n < 2)
    throw new VigiaError('INVALID_ARGUMENT', { name: 'getisOrdGiStar: values.length', value: String(n) });
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    sum += v;
    sumSq += v * v;
  }
  const mean = sum / n;
  const variance = sumSq / n - mean * mean;
  const s = Math.sqrt(Math.max(variance, 0));
  let constant = true;
  for (let i = 1; i < n && constant; i++) constant = values[i] === values[0];
  const z = new Float64Array(n);
  const p = new Float64Array(n);
  const { offsets, indices } = neighbours;
  for (let i = 0; i < n; i++) {
    let local = values[i]!;
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) local += values[indices[k]!]!;
    const w = offsets[i + 1]! - offsets[i]! + 1;
    const denom = s * Math.sqrt((n * w - w * w) / (n - 1));
    z[i] = constant ? NaN : (local - mean * w) / denom;
    p[i] = twoSidedNormalP(z[i]!);
  }
  const thresholds = options.fdr
    ? {
        p90: benjaminiHochbergThreshold(p, 0.1),
        p95: benjaminiHochbergThreshold(p, 0.05),
        p99: benjaminiHochbergThreshold(p, 0.01),
      }
    : { p90: 0.1, p95: 0.05, p99: 0.01 };
  const classes = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    const pi = p[i]!;
    if (Number.isNaN(pi)) continue;
    // Without FDR the cut is strict (p < 0.05), as ArcGIS; with FDR the BH threshold itself counts.
    const within = (t: number): boolean => (options.fdr ? pi <= t && t > 0 : pi < t);
    const level = within(thresholds.p99) ? 3 : within(thresholds.p95) ? 2 : within(thresholds.p90) ? 1 : 0;
    classes[i] = z[i]! > 0 ? level : -level;
  }
  const warnings: GiStarResult['warnings'] = [];
  if (n < 30) warnings.push('FEW_LOCATIONS');
  if (constant) warnings.push('NO_VARIATION');
  return { z, p, classes, thresholds, warnings };
}
