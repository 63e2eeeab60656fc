import { binomialCdf } from './binomial-cdf.js';
import { binomialPmf } from './binomial-pmf.js';

/** Exact (Clopper–Pearson) confidence limits for a binomial proportion. */
export interface ProportionInterval {
  /** Lower limit in [0, 1]; 0 when x = 0. */
  lower: number;
  /** Upper limit in [0, 1]; 1 when x = n. */
  upper: number;
}

/**
 * Clopper–Pearson exact two-sided interval for the success probability after x successes in n trials.
 *
 * The lower limit solves P(X ≥ x | pL) = α/2 and the upper solves P(X ≤ x | pU) = α/2 with α = 1 − level,
 * i.e. the α/2 and 1 − α/2 quantiles of Beta(x, n − x + 1) and Beta(x + 1, n − x) (R's qbeta calls in
 * binom.test). Each equation is solved by Newton's method on the exact binomial tail ({@link binomialCdf},
 * whose derivative in p is n·P(Binomial(n − 1, p) = x − 1)), kept inside a shrinking bracket and falling back
 * to bisection whenever a step leaves it or stalls, so it converges for any x, n to a few ulps.
 *
 * @param x - successes, a whole number in 0..n.
 * @param n - trials, a whole number ≥ 1.
 * @param level - confidence level in (0, 1) (default 0.95).
 * @returns `{ lower, upper }` limits for the proportion. About 10–30 tail evaluations per limit.
 * @see Clopper, C. J. & Pearson, E. S. (1934) Biometrika 26, 404–413; R stats::binom.test.
 */
export function clopperPearson(x: number, n: number, level = 0.95): ProportionInterval {
  const halfAlpha = (1 - level) / 2;
  const lower =
    x === 0
      ? 0
      : solveIncreasing(
          (p) => binomialCdf(x - 1, n, p, false) - halfAlpha,
          (p) => n * binomialPmf(x - 1, n - 1, p),
          x / n,
        );
  const upper =
    x === n
      ? 1
      : solveIncreasing(
          (p) => halfAlpha - binomialCdf(x, n, p),
          (p) => n * binomialPmf(x, n - 1, p),
          (x + 1) / (n + 1),
        );
  return { lower, upper };
}

/**
 * Root in (0, 1) of an increasing f with f(0) < 0 < f(1) (safeguarded Newton, Numerical Recipes `rtsafe`).
 */
function solveIncreasing(f: (p: number) => number, slope: (p: number) => number, start: number): number {
  let lo = 0;
  let hi = 1;
  let p = start;
  let previousStep = 1;
  let step = 1;
  for (let iteration = 0; iteration < 2000; iteration++) {
    const value = f(p);
    if (value === 0) return p;
    if (value < 0) lo = p;
    else hi = p;
    const derivative = slope(p);
    const newton = p - value / derivative;
    const stalls = Math.abs(2 * value) > Math.abs(previousStep * derivative);
    previousStep = step;
    let next: number;
    if (!(newton > lo && newton < hi) || stalls) {
      next = lo + (hi - lo) / 2;
      if (next === lo || next === hi) return next;
    } else {
      next = newton;
    }
    step = next - p;
    if (Math.abs(step) <= 2 * Number.EPSILON * Math.abs(next)) return next;
    p = next;
  }
  return p;
}
