import { binomialCdf } from './binomial-cdf.js';
import { binomialPmf } from './binomial-pmf.js';

/** R's tolerance for "no more likely than the observed outcome". */
const REL_ERR = 1 + 1e-7;

/**
 * Two-sided exact binomial p-value exactly as R's `binom.test` computes it: the total probability of all
 * outcomes no more likely than the observed one, with a relative tolerance of 1e-7 for ties.
 *
 * With d = P(X = x) and m = n·p: if x = m, p = 1; if x < m, p = P(X ≤ x) + P(X ≥ n − y + 1) where y counts
 * the outcomes i ≥ ⌈m⌉ with P(X = i) ≤ d·(1 + 1e-7); if x > m, p = P(X ≤ y − 1) + P(X ≥ x) where y counts
 * those with i ≤ ⌊m⌋. The probabilities are monotone on each of those ranges, so y is found by bisection
 * (O(log n) probabilities) instead of R's full scan. This is not "twice the smaller tail" unless p = ½.
 *
 * @param x - observed successes, a whole number in 0..n.
 * @param n - number of trials, a whole number ≥ 1.
 * @param p - success probability under the null hypothesis, in [0, 1].
 * @returns the two-sided p-value in [0, 1]. O(log n + √n).
 * @see R stats::binom.test (R 4.2.2, alternative = "two.sided"); ../shared/reference/poisson/README.md.
 */
export function binomialTwoSidedP(x: number, n: number, p: number): number {
  if (p === 0) return x === 0 ? 1 : 0;
  if (p === 1) return x === n ? 1 : 0;
  const threshold = binomialPmf(x, n, p) * REL_ERR;
  const m = n * p;
  if (x === m) return 1;
  if (x < m) {
    // First i in [⌈m⌉, n] with P(X = i) ≤ threshold (probabilities fall on that range); n + 1 if none.
    let lo = Math.ceil(m);
    let hi = n + 1;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (binomialPmf(mid, n, p) <= threshold) hi = mid;
      else lo = mid + 1;
    }
    return Math.min(1, binomialCdf(x, n, p) + binomialCdf(lo - 1, n, p, false));
  }
  // Last i in [0, ⌊m⌋] with P(X = i) ≤ threshold (probabilities rise on that range); −1 if none.
  let lo = -1;
  let hi = Math.floor(m);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (binomialPmf(mid, n, p) <= threshold) lo = mid;
    else hi = mid - 1;
  }
  return Math.min(1, binomialCdf(lo, n, p) + binomialCdf(x - 1, n, p, false));
}
