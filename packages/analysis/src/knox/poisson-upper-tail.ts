import { devianceTerm } from '../binomial/deviance-term.js';
import { stirlingError } from '../binomial/stirling-error.js';

/**
 * P(X ≥ k) for X ~ Poisson(λ), summing the probabilities from k upward (each by Loader's saddle-point
 * form, full relative precision) until the terms no longer change the sum.
 *
 * @param k - a whole number ≥ 0 (k = 0 gives 1).
 * @param lambda - the mean, ≥ 0.
 * @returns the upper-tail probability in [0, 1]. O(√λ + k·[k < λ]).
 * @see Loader (2000); R `ppois(k − 1, λ, lower.tail = FALSE)`.
 */
export function poissonUpperTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda === 0) return 0;
  if (k < lambda) {
    // the lower tail is the small one: sum it and take the complement
    let lower = 0;
    for (let x = k - 1; x >= 0; x--) {
      const t = poissonPmf(x, lambda);
      lower += t;
      if (t < lower * 1e-17) break;
    }
    return 1 - lower;
  }
  let sum = 0;
  for (let x = k; ; x++) {
    const t = poissonPmf(x, lambda);
    sum += t;
    if (t <= sum * 1e-17 || t === 0) return sum;
  }
}

/** P(X = x) for X ~ Poisson(λ), λ > 0 (R's dpois_raw). */
export function poissonPmf(x: number, lambda: number): number {
  if (x === 0) return Math.exp(-lambda);
  return Math.exp(-stirlingError(x) - devianceTerm(x, lambda)) / Math.sqrt(2 * Math.PI * x);
}
