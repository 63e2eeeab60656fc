import { devianceTerm } from './deviance-term.js';
import { stirlingError } from './stirling-error.js';

const LN_2PI = 1.8378770664093456;

/**
 * Binomial probability P(X = k) for X ~ Binomial(n, p), to full relative precision for any n.
 *
 * Loader's saddle-point form: P = √(n / (2π·k·(n − k))) · exp(δ(n) − δ(k) − δ(n − k) − bd0(k, np) −
 * bd0(n − k, nq)), with δ the Stirling error and bd0 the deviance term. Unlike exp(ln C(n, k) + ...) built
 * from three ln Γ values of size ~n·ln n, nothing here cancels, so the result keeps ~1e-15 relative accuracy
 * at n = 200,000 and beyond, and it underflows to 0 only where the true value does.
 *
 * @param k - number of successes, a whole number (outside 0..n gives 0).
 * @param n - number of trials, a whole number ≥ 0.
 * @param p - success probability in [0, 1].
 * @returns P(X = k). O(1).
 * @see Loader, C. (2000) "Fast and accurate computation of binomial probabilities"; R nmath/dbinom.c
 *   (dbinom_raw), which R's binom.test uses.
 */
export function binomialPmf(k: number, n: number, p: number): number {
  const q = 1 - p;
  if (k < 0 || k > n) return 0;
  if (p === 0) return k === 0 ? 1 : 0;
  if (q === 0) return k === n ? 1 : 0;
  if (k === 0) {
    if (n === 0) return 1;
    return Math.exp(p < 0.1 ? -devianceTerm(n, n * q) - n * p : n * Math.log(q));
  }
  if (k === n) {
    return Math.exp(q < 0.1 ? -devianceTerm(n, n * p) - n * q : n * Math.log(p));
  }
  const lc =
    stirlingError(n) -
    stirlingError(k) -
    stirlingError(n - k) -
    devianceTerm(k, n * p) -
    devianceTerm(n - k, n * q);
  const lf = LN_2PI + Math.log(k) + Math.log1p(-k / n);
  return Math.exp(lc - 0.5 * lf);
}
