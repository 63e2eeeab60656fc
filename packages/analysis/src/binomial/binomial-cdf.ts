import { binomialPmf } from './binomial-pmf.js';

/** A term this small relative to the running sum no longer changes a double (2^-64 ≈ 5.4e-20). */
const NEGLIGIBLE = 2 ** -64;

/**
 * Binomial distribution function: P(X ≤ k) (`lowerTail`, the default) or P(X > k), X ~ Binomial(n, p).
 *
 * The tail that does not hold the mode ⌊(n + 1)p⌋ is summed directly, starting from an exact
 * {@link binomialPmf} at its inner end and walking outwards with the ratio P(j ± 1)/P(j), until the terms
 * stop changing the sum; the other tail is 1 minus that sum. Every tail probability is therefore accurate
 * in relative terms (about 1e-14), however small. Terms are visited only where they matter: about
 * 9·√(npq) of them near the centre, far fewer in the tails: n = 200,000 costs a few thousand multiplications.
 *
 * @param k - a whole number (any sign; values outside 0..n give 0 or 1).
 * @param n - number of trials, a whole number ≥ 0.
 * @param p - success probability in [0, 1].
 * @param lowerTail - true for P(X ≤ k), false for P(X > k).
 * @returns a probability in [0, 1].
 * @see R stats::pbinom (same quantity; R evaluates it through the incomplete beta function, TOMS 708).
 */
export function binomialCdf(k: number, n: number, p: number, lowerTail = true): number {
  let lower: number | undefined;
  let upper: number | undefined;
  if (k < 0) lower = 0;
  else if (k >= n) lower = 1;
  else if (p === 0) lower = 1;
  else if (p === 1) lower = 0;
  else if (k < Math.floor((n + 1) * p)) lower = sumDownwards(k, n, p);
  else upper = sumUpwards(k + 1, n, p);
  if (lowerTail) return lower ?? 1 - (upper ?? 0);
  return upper ?? 1 - (lower ?? 0);
}

/** P(X ≤ k) for k below the mode: terms shrink from k down to 0. */
function sumDownwards(k: number, n: number, p: number): number {
  const ratio = (1 - p) / p;
  let term = binomialPmf(k, n, p);
  let sum = term;
  for (let j = k; j > 0 && term > sum * NEGLIGIBLE; j--) {
    term *= (j / (n - j + 1)) * ratio;
    sum += term;
  }
  return sum;
}

/** P(X ≥ k) for k above the mode: terms shrink from k up to n. */
function sumUpwards(k: number, n: number, p: number): number {
  const ratio = p / (1 - p);
  let term = binomialPmf(k, n, p);
  let sum = term;
  for (let j = k; j < n && term > sum * NEGLIGIBLE; j++) {
    term *= ((n - j) / (j + 1)) * ratio;
    sum += term;
  }
  return sum;
}
