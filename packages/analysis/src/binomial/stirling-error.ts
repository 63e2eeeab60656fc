/** ln √(2π). */
const LN_SQRT_2PI = 0.9189385332046728;

/**
 * δ(k) for k = 0..15, from ln k! − (k + ½)·ln k + k − ln √(2π) evaluated with 40-digit arithmetic
 * (mpmath 1.3.0), as the nearest doubles; δ(0) is a placeholder, never used. Same values as R's
 * `sferr_halves` at whole numbers.
 */
const SMALL: readonly number[] = [
  0, 0.08106146679532726, 0.0413406959554093, 0.02767792568499834, 0.020790672103765093, 0.016644691189821193,
  0.013876128823070748, 0.01189670994589177, 0.010411265261972096, 0.009255462182712733, 0.00833056343336287,
  0.007573675487951841, 0.00694284010720953, 0.006408994188004207, 0.0059513701127588475,
  0.005554733551962801,
];

// Stirling-series coefficients |B(2j)| / (2j·(2j − 1)): 1/12, 1/360, 1/1260, 1/1680, 1/1188 (signs alternate).
const S0 = 1 / 12;
const S1 = 1 / 360;
const S2 = 1 / 1260;
const S3 = 1 / 1680;
const S4 = 1 / 1188;

/**
 * Error of Stirling's approximation to ln n!, δ(n) = ln n! − [(n + ½)·ln n − n + ln √(2π)].
 *
 * Exact table for n ≤ 15, otherwise the asymptotic Stirling series with as many terms as n needs (R's
 * cut-offs 35, 80, 500): the first omitted term is below 1.2e-16 in absolute value, which is what matters
 * because δ is added into a logarithm. Used by {@link binomialPmf} so that ln C(n, k) never comes from the
 * difference of three large ln Γ values.
 *
 * @param n - a whole number ≥ 1 (the value at 0 is 0 by convention; callers never need it).
 * @returns δ(n), positive, ≈ 1/(12n), to within 1.2e-16 absolute. O(1).
 * @see Loader, C. (2000) "Fast and accurate computation of binomial probabilities"; R nmath/stirlerr.c.
 */
export function stirlingError(n: number): number {
  if (n <= 15) {
    const tabled = SMALL[n];
    if (tabled !== undefined) return tabled;
    return lnFactorialSmall(n) - (n + 0.5) * Math.log(n) + n - LN_SQRT_2PI;
  }
  const nn = n * n;
  if (n > 500) return (S0 - S1 / nn) / n;
  if (n > 80) return (S0 - (S1 - S2 / nn) / nn) / n;
  if (n > 35) return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}

/** ln Γ(n + 1) for 0 < n ≤ 15 not a whole number; only reached if a caller passes a fraction. */
function lnFactorialSmall(n: number): number {
  // Shift up to n + 16 > 15 where the series is accurate, then divide out (n + 1)(n + 2)···(n + 16).
  let shift = 0;
  let x = n;
  while (x <= 15) {
    x += 1;
    shift += Math.log(x);
  }
  return (x + 0.5) * Math.log(x) - x + LN_SQRT_2PI + stirlingError(x) - shift;
}
