/**
 * Deviance term bd0(x, m) = x·ln(x/m) + m − x, computed without cancellation when x is close to m.
 *
 * When |x − m| < 0.1·(x + m) it sums the series 2x·Σ v^(2j+1)/(2j+1) − (x − m) with v = (x − m)/(x + m),
 * which keeps full relative precision where the direct formula would subtract two nearly equal numbers.
 *
 * @param x - an observed count, ≥ 0.
 * @param m - its expectation, > 0.
 * @returns bd0 ≥ 0 (unitless). O(1); the series needs at most ~20 terms.
 * @see Loader, C. (2000) "Fast and accurate computation of binomial probabilities"; R nmath/bd0.c.
 */
export function devianceTerm(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    let v = (x - m) / (x + m);
    let s = (x - m) * v;
    if (Math.abs(s) < Number.MIN_VALUE) return s;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const next = s + ej / (2 * j + 1);
      if (next === s) return next;
      s = next;
    }
    return s;
  }
  return x * Math.log(x / m) + m - x;
}
