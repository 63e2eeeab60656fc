import { describe, expect, it } from 'vitest';
import { relativeError } from '../../../../test/shared-reference.js';
import { binomialCdf } from './binomial-cdf.js';
import { binomialPmf } from './binomial-pmf.js';
import { binomialTwoSidedP } from './binomial-two-sided-p.js';
import { clopperPearson } from './clopper-pearson.js';
import { stirlingError } from './stirling-error.js';

// Expected values below were computed with mpmath 1.3.0 at 60 significant digits, from the definitions:
// ln Γ for δ(n); exact sums of C(n, k)·p^k·q^(n−k) for the tails (p = the double nearest 28/57 etc., as R
// sees it); R's two-sided rule with exact probabilities; and mpmath.findroot on the exact tails for the
// Clopper–Pearson limits. They pin the accuracy at n = 200,000, beyond the R reference set (n ≤ 5,800).
const TIGHT = 1e-12;

describe('binomial numerics at large n (mpmath, 60 digits)', () => {
  it.each([
    [16, 0.0052076559196096404],
    [36, 0.002314755290514684],
    [81, 0.0010288013577107774],
    [501, 0.0001663339765799327],
    [200_000, 4.1666666666631943e-7],
  ])('stirlingError(%i) to 2e-16 absolute (it is added into a logarithm)', (n, expected) => {
    expect(Math.abs(stirlingError(n) - expected)).toBeLessThanOrEqual(2e-16);
  });

  it('P(X = 101000), X ~ Bin(200000, 28/57)', () => {
    expect(relativeError(binomialPmf(101_000, 200_000, 28 / 57), 1.9924383435390067e-36)).toBeLessThan(TIGHT);
  });

  it('far tails of Bin(200000, 28/57) in relative terms', () => {
    const p = 28 / 57;
    expect(relativeError(binomialCdf(100_999, 200_000, p, false), 3.693732167953133e-35)).toBeLessThan(TIGHT);
    expect(relativeError(binomialCdf(97_000, 200_000, p), 1.2763406488270598e-8)).toBeLessThan(TIGHT);
  });

  it.each([
    [101_000, 200_000, 28 / 57, 7.365115063674235e-35],
    [99_000, 200_000, 1 / 2, 0.000007824328515380865],
    [66_000, 200_000, 7 / 21, 0.0015568876796217758],
    [40_500, 200_500, 1 / 5, 0.025714753591892563],
  ])('two-sided p for %i of %i at p0 = %f', (x, n, p0, expected) => {
    expect(relativeError(binomialTwoSidedP(x, n, p0), expected)).toBeLessThan(TIGHT);
  });

  it('Clopper–Pearson limits at n = 200000', () => {
    const mid = clopperPearson(100_000, 200_000);
    expect(relativeError(mid.lower, 0.4978062069460849)).toBeLessThan(TIGHT);
    expect(relativeError(mid.upper, 0.5021937930539151)).toBeLessThan(TIGHT);
    const one = clopperPearson(1, 200_000);
    expect(relativeError(one.lower, 1.265890319090572e-7)).toBeLessThan(TIGHT);
    expect(relativeError(one.upper, 0.000027857898562196944)).toBeLessThan(TIGHT);
  });
});

describe('binomial identities', () => {
  it('probabilities sum to 1 and the two tails are complements', () => {
    for (const [n, p] of [
      [1, 0.3],
      [17, 0.5],
      [40, 0.01],
      [300, 28 / 57],
    ] as const) {
      let total = 0;
      for (let k = 0; k <= n; k++) {
        total += binomialPmf(k, n, p);
        expect(binomialCdf(k, n, p) + binomialCdf(k, n, p, false)).toBeCloseTo(1, 14);
        expect(binomialCdf(k, n, p)).toBeCloseTo(total, 13);
      }
      expect(total).toBeCloseTo(1, 14);
    }
  });

  it('Clopper–Pearson closed forms at the ends: x = n and x = 0', () => {
    for (const n of [1, 5, 1000]) {
      expect(relativeError(clopperPearson(n, n).lower, 0.025 ** (1 / n))).toBeLessThan(1e-13);
      expect(relativeError(clopperPearson(0, n).upper, 1 - 0.025 ** (1 / n))).toBeLessThan(1e-12);
      expect(clopperPearson(0, n).lower).toBe(0);
      expect(clopperPearson(n, n).upper).toBe(1);
    }
  });
});
