import { VigiaError } from '@vigia/domain';
import { twoSidedNormalP } from '../normal/normal-cdf.js';
import { SeededRandom } from '../random/seeded-random.js';
import { checkSameLength, neighbourCount, type Neighbours } from '../weights/neighbours.js';
import { deviations, rowStandardisedWeights } from './row-standardised.js';

/** LISA cluster quadrant: the value (first letter) and its neighbours' mean (second), high or low. */
export type LisaQuadrant = 'HH' | 'LL' | 'HL' | 'LH';

/** Moments and z of one local Moran randomisation hypothesis, per location. */
export interface LocalMoranInference {
  expectation: Float64Array;
  variance: Float64Array;
  z: Float64Array;
  /** Two-sided normal p-value. */
  p: Float64Array;
}

/** Result of {@link moranLocal}. */
export interface LocalMoranResult {
  /** Local Moran's I_i (Σ I_i / S0 = global I). */
  Ii: Float64Array;
  /** Total randomisation (Anselin 1995; GeoDa, PySAL). */
  total: LocalMoranInference;
  /** Conditional randomisation (Sokal et al. 1998; spdep ≥ 1.2 default). */
  conditional: LocalMoranInference;
  /**
   * Quadrant by the mean: x_i vs x̄ and the spatial lag Σ w_ij x_j vs its mean (spdep "mean"); HH and LL
   * are clusters, HL and LH outliers.
   */
  quadrant: LisaQuadrant[];
  /** Conditional-permutation results when permutations > 0. */
  permutation?: {
    /**
     * Folded pseudo p-value (PySAL Moran_Local): (min(#≥, #≤) + 1)/(B + 1) over B draws that keep x_i
     * and give i's neighbours |N(i)| values drawn without replacement from the other n − 1.
     */
    pseudoP: Float64Array;
    /** Mean and variance of the permuted I_i (they estimate the conditional moments). */
    mean: Float64Array;
    variance: Float64Array;
    permutations: number;
    seed: number;
  };
}

/**
 * Local Moran's I (LISA) for each location with row-standardised weights, its analytic moments under
 * total and conditional randomisation, the HH/LL/HL/LH quadrant, and optional conditional-permutation
 * pseudo p-values from a seeded generator.
 *
 * With z = x − x̄, m2 = Σz²/n, b2 = (Σz⁴/n)/m2², W_i = Σ_j w_ij, W_i2 = Σ_j w_ij²:
 * I_i = (z_i/m2)·Σ_j w_ij z_j. Total: E = −W_i/(n−1), Var = W_i2(n−b2)/(n−1) + (W_i²−W_i2)(2b2−n)/((n−1)(n−2)) − E².
 * Conditional: E = −z_i²W_i/((n−1)m2), Var = (z_i/m2)²·n/(n−2)·(W_i2 − W_i²/(n−1))·(m2 − z_i²/(n−1)).
 * Many locations are tested at once: read p-values with a multiple-testing correction in mind.
 *
 * @param values - one value per location, n ≥ 3.
 * @param neighbours - the neighbour list (e.g. queenContiguity).
 * @param options.permutations - conditional permutations per location (default 0; 999 is usual).
 * @param options.seed - seed (default 1).
 * @throws VigiaError INVALID_ARGUMENT when lengths differ, n < 3 or all values are equal.
 * @see Anselin (1995) Geogr. Anal. 27; Sokal, Oden & Thomson (1998) Geogr. Anal. 30. Matches R spdep 1.2-7
 *   localmoran (conditional = FALSE / TRUE) on ../shared/reference/moran to 1e-10.
 */
export function moranLocal(
  values: ArrayLike<number>,
  neighbours: Neighbours,
  options: { permutations?: number; seed?: number } = {},
): LocalMoranResult {
  const n = values.length;
  checkSameLength('moranLocal', 'neighbours', n, neighbourCount(neighbours));
  if (n < 3)
    throw new VigiaError('INVALID_ARGUMENT', { name: 'moranLocal: values.length', value: String(n) });
  const { z, m2, m4 } = deviations(values);
  if (m2 === 0)
    throw new VigiaError('INVALID_ARGUMENT', {
      name: 'moranLocal: values (all equal)',
      value: String(values[0]),
    });
  const b2 = m4 / (m2 * m2);
  const w = rowStandardisedWeights(neighbours);
  const { offsets, indices } = neighbours;
  const Ii = new Float64Array(n);
  const lagX = new Float64Array(n);
  const total = inference(n);
  const conditional = inference(n);
  for (let i = 0; i < n; i++) {
    let lag = 0;
    let Wi = 0;
    let Wi2 = 0;
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
      lag += w[e]! * z[indices[e]!]!;
      lagX[i] = lagX[i]! + w[e]! * values[indices[e]!]!;
      Wi += w[e]!;
      Wi2 += w[e]! * w[e]!;
    }
    const zi = z[i]!;
    Ii[i] = (zi / m2) * lag;
    const Et = -Wi / (n - 1);
    const Vt = (Wi2 * (n - b2)) / (n - 1) + ((Wi * Wi - Wi2) * (2 * b2 - n)) / ((n - 1) * (n - 2)) - Et * Et;
    const Ec = (-(zi * zi) * Wi) / ((n - 1) * m2);
    const Vc = (zi / m2) ** 2 * (n / (n - 2)) * (Wi2 - (Wi * Wi) / (n - 1)) * (m2 - (zi * zi) / (n - 1));
    set(total, i, Ii[i]!, Et, Vt);
    set(conditional, i, Ii[i]!, Ec, Vc);
  }
  let lagMean = 0;
  for (const v of lagX) lagMean += v;
  lagMean /= n;
  const quadrant = Array.from(z, (zi, i): LisaQuadrant => {
    const high = zi > 0;
    const lagHigh = lagX[i]! - lagMean > 0;
    return high ? (lagHigh ? 'HH' : 'HL') : lagHigh ? 'LH' : 'LL';
  });
  const result: LocalMoranResult = { Ii, total, conditional, quadrant };
  const B = options.permutations ?? 0;
  if (B > 0) result.permutation = conditionalPermutations(z, m2, w, neighbours, Ii, B, options.seed ?? 1);
  return result;
}

function inference(n: number): LocalMoranInference {
  return {
    expectation: new Float64Array(n),
    variance: new Float64Array(n),
    z: new Float64Array(n),
    p: new Float64Array(n),
  };
}

function set(r: LocalMoranInference, i: number, I: number, E: number, V: number): void {
  r.expectation[i] = E;
  r.variance[i] = V;
  r.z[i] = (I - E) / Math.sqrt(V);
  r.p[i] = twoSidedNormalP(r.z[i]);
}

function conditionalPermutations(
  z: Float64Array,
  m2: number,
  w: Float64Array,
  nb: Neighbours,
  Ii: Float64Array,
  B: number,
  seed: number,
): NonNullable<LocalMoranResult['permutation']> {
  const n = z.length;
  const rng = new SeededRandom(seed);
  const pseudoP = new Float64Array(n);
  const mean = new Float64Array(n);
  const variance = new Float64Array(n);
  const pool = new Int32Array(n - 1);
  for (let i = 0; i < n; i++) {
    const start = nb.offsets[i]!;
    const k = nb.offsets[i + 1]! - start;
    for (let j = 0, q = 0; j < n; j++) if (j !== i) pool[q++] = j;
    let ge = 0;
    let le = 0;
    let s = 0;
    let ss = 0;
    for (let b = 0; b < B; b++) {
      // partial Fisher–Yates: the first k entries of the pool become a random k-subset
      let lag = 0;
      for (let t = 0; t < k; t++) {
        const r = t + rng.nextInt(n - 1 - t);
        const tmp = pool[t]!;
        pool[t] = pool[r]!;
        pool[r] = tmp;
        lag += w[start + t]! * z[pool[t]!]!;
      }
      const v = (z[i]! / m2) * lag;
      s += v;
      ss += v * v;
      if (v >= Ii[i]!) ge++;
      if (v <= Ii[i]!) le++;
    }
    pseudoP[i] = (Math.min(ge, le) + 1) / (B + 1);
    mean[i] = s / B;
    variance[i] = ss / B - (s / B) ** 2;
  }
  return { pseudoP, mean, variance, permutations: B, seed };
}
