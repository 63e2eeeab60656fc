import { VigiaError } from '@vigia/domain';
import { normalTails } from '../normal/normal-cdf.js';
import { SeededRandom } from '../random/seeded-random.js';
import { checkSameLength, neighbourCount, type Neighbours } from '../weights/neighbours.js';
import { deviations, rowStandardisedWeights } from './row-standardised.js';

/** One inference of global Moran's I. */
export interface MoranInference {
  variance: number;
  z: number;
  /** P(Z ≥ z): positive autocorrelation (clustering). */
  pGreater: number;
  pTwoSided: number;
}

/** Result of {@link moranGlobal}. */
export interface MoranGlobalResult {
  I: number;
  /** E[I] = −1/(n − 1). */
  expectation: number;
  normality: MoranInference;
  randomisation: MoranInference;
  S0: number;
  S1: number;
  S2: number;
  /** Kurtosis b2 = n Σz⁴ / (Σz²)². */
  b2: number;
  /** Permutation p-value (1 + #{I_perm ≥ I})/(B + 1), when permutations > 0. */
  permutation?: { pGreater: number; permutations: number; seed: number };
}

/**
 * Global Moran's I with row-standardised weights (w_ij = 1/|N(i)|), under the normality and the
 * randomisation assumptions, and optionally a seeded permutation test.
 *
 * I = (n/S0)·Σ_ij w_ij z_i z_j / Σ z_i²; E[I] = −1/(n−1);
 * Var_N = (n²S1 − nS2 + 3S0²)/((n²−1)S0²) − E²;
 * Var_R = [n((n²−3n+3)S1 − nS2 + 3S0²) − b2((n²−n)S1 − 2nS2 + 6S0²)]/((n−1)(n−2)(n−3)S0²) − E².
 * Use it for values over areas (units, grid cells); I > E[I] means similar values cluster.
 *
 * @param values - one value per location (e.g. incidents per unit, or a rate), n ≥ 4.
 * @param neighbours - contiguity or distance neighbours (e.g. queenContiguity of the unit polygons).
 * @param options.permutations - number of random permutations of the values (default 0 = none).
 * @param options.seed - seed of the permutations (default 1).
 * @throws VigiaError INVALID_ARGUMENT when lengths differ, n < 4, or all values are equal.
 * @see Moran (1950); Cliff & Ord (1981) Spatial Processes. Matches R spdep 1.2-7 moran.test on
 *   ../shared/reference/moran (Columbus CRIME) to 1e-10; moran.mc within Monte Carlo error.
 */
export function moranGlobal(
  values: ArrayLike<number>,
  neighbours: Neighbours,
  options: { permutations?: number; seed?: number } = {},
): MoranGlobalResult {
  const n = values.length;
  checkSameLength('moranGlobal', 'neighbours', n, neighbourCount(neighbours));
  if (n < 4)
    throw new VigiaError('INVALID_ARGUMENT', { name: 'moranGlobal: values.length', value: String(n) });
  const { z, m2, m4 } = deviations(values);
  if (m2 === 0)
    throw new VigiaError('INVALID_ARGUMENT', {
      name: 'moranGlobal: values (all equal)',
      value: String(values[0]),
    });
  const w = rowStandardisedWeights(neighbours);
  const { offsets, indices } = neighbours;
  let S0 = 0;
  for (const v of w) S0 += v;
  // S1 = ½ Σ (w_ij + w_ji)², S2 = Σ_i (row_i + col_i)²
  const weightOf = new Map<number, number>();
  for (let i = 0; i < n; i++)
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) weightOf.set(i * n + indices[e]!, w[e]!);
  let S1 = 0;
  for (const [key, wij] of weightOf) {
    const i = Math.floor(key / n);
    const j = key % n;
    const wji = weightOf.get(j * n + i) ?? 0;
    S1 += (wij + wji) ** 2;
    if (wji === 0) S1 += wij ** 2; // the (j, i) term of the sum, absent from the map
  }
  S1 /= 2;
  const rowSum = new Float64Array(n);
  const colSum = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
      rowSum[i] = rowSum[i]! + w[e]!;
      colSum[indices[e]!] = colSum[indices[e]!]! + w[e]!;
    }
  }
  let S2 = 0;
  for (let i = 0; i < n; i++) S2 += (rowSum[i]! + colSum[i]!) ** 2;
  const statistic = (zz: Float64Array): number => {
    let num = 0;
    for (let i = 0; i < n; i++) {
      let lag = 0;
      for (let e = offsets[i]!; e < offsets[i + 1]!; e++) lag += w[e]! * zz[indices[e]!]!;
      num += zz[i]! * lag;
    }
    return ((n / S0) * num) / (n * m2);
  };
  const I = statistic(z);
  const E = -1 / (n - 1);
  const b2 = m4 / (m2 * m2);
  const varN = (n * n * S1 - n * S2 + 3 * S0 * S0) / ((n * n - 1) * S0 * S0) - E * E;
  const varR =
    (n * ((n * n - 3 * n + 3) * S1 - n * S2 + 3 * S0 * S0) -
      b2 * ((n * n - n) * S1 - 2 * n * S2 + 6 * S0 * S0)) /
      ((n - 1) * (n - 2) * (n - 3) * S0 * S0) -
    E * E;
  const infer = (variance: number): MoranInference => {
    const zz = (I - E) / Math.sqrt(variance);
    const t = normalTails(zz);
    return { variance, z: zz, pGreater: t.upper, pTwoSided: 2 * Math.min(t.lower, t.upper) };
  };
  const result: MoranGlobalResult = {
    I,
    expectation: E,
    normality: infer(varN),
    randomisation: infer(varR),
    S0,
    S1,
    S2,
    b2,
  };
  const B = options.permutations ?? 0;
  if (B > 0) {
    const seed = options.seed ?? 1;
    const rng = new SeededRandom(seed);
    const perm = Float64Array.from(z);
    let atLeast = 0;
    for (let b = 0; b < B; b++) if (statistic(rng.shuffle(perm)) >= I) atLeast++;
    result.permutation = { pGreater: (1 + atLeast) / (B + 1), permutations: B, seed };
  }
  return result;
}
