import type { Neighbours } from '../weights/neighbours.js';

/** Row-standardised weights of a neighbour list: w_ij = 1/|N(i)| (0 for a location with no neighbours), parallel to `nb.indices`. */
export function rowStandardisedWeights(nb: Neighbours): Float64Array {
  const w = new Float64Array(nb.indices.length);
  for (let i = 0; i + 1 < nb.offsets.length; i++) {
    const k = nb.offsets[i + 1]! - nb.offsets[i]!;
    for (let e = nb.offsets[i]!; e < nb.offsets[i + 1]!; e++) w[e] = 1 / k;
  }
  return w;
}

/** Deviations z_i = x_i − x̄ and the moments m2 = Σz²/n, m4 = Σz⁴/n. */
export function deviations(values: ArrayLike<number>): { z: Float64Array; m2: number; m4: number } {
  const n = values.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i]!;
  mean /= n;
  const z = new Float64Array(n);
  let m2 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - mean;
    z[i] = d;
    m2 += d * d;
    m4 += d * d * d * d;
  }
  return { z, m2: m2 / n, m4: m4 / n };
}
