import { VigiaError } from '@vigia/domain';
import { twoSidedNormalP } from '../normal/normal-cdf.js';

/** Result of {@link mannKendall}. */
export interface MannKendallResult {
  n: number;
  /** S = Σ_{i<j} sign(x_j − x_i). */
  s: number;
  /** var(S) with the ties correction. */
  varS: number;
  /** Continuity-corrected z: (S − 1)/√var if S > 0, 0 if S = 0, (S + 1)/√var if S < 0. */
  z: number;
  /** Two-sided normal p-value of `z`. */
  p: number;
  /** z and p without continuity correction (R cor.test(..., continuity = FALSE)). */
  zNoCorrection: number;
  pNoCorrection: number;
  tauA: number;
  tauB: number;
  /** Sen's slope: median of (x_j − x_i)/(j − i), in units of x per time step. */
  senSlope: number;
  /** Number of groups of tied values. */
  tieGroups: number;
}

/**
 * Mann–Kendall trend test on a series in time order (equal time steps, e.g. incidents per month of a
 * cell or a district), with the ties correction of var(S), Kendall's tau and Sen's slope.
 *
 * var(S) = [n(n−1)(2n+5) − Σ_k t_k(t_k−1)(2t_k+5)]/18 over groups of t_k equal values. The normal
 * approximation is fair from n ≈ 10; for shorter series use the exact distribution (not provided).
 * Seasonality is not removed: test a deseasonalised series or compare like months.
 *
 * @param series - values in time order, n ≥ 2 (NaN not allowed).
 * @returns the statistics above. O(n²).
 * @throws VigiaError INVALID_ARGUMENT when n < 2 or a value is not a finite number.
 * @see Mann (1945) Econometrica 13; Kendall (1975) Rank Correlation Methods; Sen (1968) JASA 63.
 *   Matches ../shared/reference/mann_kendall (R 4.2.2, cor.test method = "kendall") to 1e-9.
 */
export function mannKendall(series: ArrayLike<number>): MannKendallResult {
  const n = series.length;
  if (n < 2)
    throw new VigiaError('INVALID_ARGUMENT', { name: 'mannKendall: series.length', value: String(n) });
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(series[i]!))
      throw new VigiaError('INVALID_ARGUMENT', {
        name: `mannKendall: series[${i}]`,
        value: String(series[i]),
      });
  }
  let s = 0;
  const slopes = new Float64Array((n * (n - 1)) / 2);
  let k = 0;
  for (let i = 0; i < n - 1; i++) {
    for (let j = i + 1; j < n; j++) {
      const d = series[j]! - series[i]!;
      s += d > 0 ? 1 : d < 0 ? -1 : 0;
      slopes[k++] = d / (j - i);
    }
  }
  const groups = new Map<number, number>();
  for (let i = 0; i < n; i++) groups.set(series[i]!, (groups.get(series[i]!) ?? 0) + 1);
  let tiesTerm = 0;
  let tiedPairs = 0;
  let tieGroups = 0;
  for (const t of groups.values()) {
    if (t < 2) continue;
    tieGroups++;
    tiesTerm += t * (t - 1) * (2 * t + 5);
    tiedPairs += (t * (t - 1)) / 2;
  }
  const varS = (n * (n - 1) * (2 * n + 5) - tiesTerm) / 18;
  const sd = Math.sqrt(varS);
  const z = varS === 0 ? 0 : s > 0 ? (s - 1) / sd : s < 0 ? (s + 1) / sd : 0;
  const zNoCorrection = varS === 0 ? 0 : s / sd;
  const n0 = (n * (n - 1)) / 2;
  slopes.sort();
  const m = slopes.length;
  const senSlope = m % 2 === 1 ? slopes[(m - 1) / 2]! : (slopes[m / 2 - 1]! + slopes[m / 2]!) / 2;
  return {
    n,
    s,
    varS,
    z,
    p: twoSidedNormalP(z),
    zNoCorrection,
    pNoCorrection: twoSidedNormalP(zNoCorrection),
    tauA: s / n0,
    tauB: s / Math.sqrt((n0 - tiedPairs) * n0),
    senSlope,
    tieGroups,
  };
}
