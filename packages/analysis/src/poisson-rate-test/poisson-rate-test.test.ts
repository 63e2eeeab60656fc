import { describe, expect, it } from 'vitest';
import { isVigiaError } from '@vigia/domain';
import { parseRNumber, readSharedCsv, relativeError } from '../../../../test/shared-reference.js';
import { poissonRateTest, type PoissonRateTestResult } from './poisson-rate-test.js';

const REL_TOL = 1e-9;

// Golden values: R 4.2.2 stats::poisson.test(c(current, previous), T = c(T1, T2)), written by
// ../shared/reference/poisson/make_poisson.R (20 count pairs × exposures 1:1, 28:29 and 7:14 days).
const rows = readSharedCsv('reference/poisson/poisson_test_results.csv');

const columns: [string, (r: PoissonRateTestResult) => number | null][] = [
  ['p_two_sided', (r) => r.pValue],
  ['p_less', (r) => r.pLess],
  ['p_greater', (r) => r.pGreater],
  ['rate_ratio', (r) => r.rateRatio],
  ['ci95_lower', (r) => r.ci95Lower],
  ['ci95_upper', (r) => r.ci95Upper],
];

describe('poissonRateTest against R 4.2.2 stats::poisson.test (make_poisson.R)', () => {
  it('reads all 60 reference rows (3 exposure sets × 20 pairs)', () => {
    expect(rows).toHaveLength(60);
    expect(new Set(rows.map((r) => r.exposure))).toEqual(
      new Set(['equal_1_1', 'days_28_vs_29', 'days_7_vs_14']),
    );
  });

  it.each(rows.map((r) => [`${r.exposure} case ${r.case}: ${r.current} vs ${r.previous}`, r] as const))(
    '%s',
    (_label, row) => {
      const result = poissonRateTest(
        Number(row.current),
        Number(row.previous),
        Number(row.exposure_current),
        Number(row.exposure_previous),
      );
      for (const [column, pick] of columns) {
        const expected = parseRNumber(row[column]);
        const error = relativeError(pick(result), expected);
        expect(error, `${column}: got ${pick(result)}, R ${row[column]}`).toBeLessThanOrEqual(REL_TOL);
      }
      expect(result.testable).toBe(Number(row.current) + Number(row.previous) > 0);
    },
  );
});

describe('poissonRateTest edge cases', () => {
  it('0 vs 0 is not testable: p = 1, no rate ratio, CI [0, ∞)', () => {
    expect(poissonRateTest(0, 0, 28, 27)).toEqual({
      pValue: 1,
      pLess: 1,
      pGreater: 1,
      rateRatio: null,
      ci95Lower: 0,
      ci95Upper: Infinity,
      testable: false,
    });
  });

  it('previous = 0 gives an infinite rate ratio and upper limit', () => {
    const r = poissonRateTest(5, 0);
    expect(r.rateRatio).toBe(Infinity);
    expect(r.ci95Upper).toBe(Infinity);
    expect(r.ci95Lower).toBeGreaterThan(0);
    expect(r.testable).toBe(true);
  });

  it('current = 0 gives a rate ratio and lower limit of 0', () => {
    const r = poissonRateTest(0, 5);
    expect(r.rateRatio).toBe(0);
    expect(r.ci95Lower).toBe(0);
  });

  it.each([
    ['current', -1, 2, 1, 1],
    ['current', 1.5, 2, 1, 1],
    ['current', NaN, 2, 1, 1],
    ['previous', 1, -3, 1, 1],
    ['previous', 1, Infinity, 1, 1],
    ['exposureCurrent', 1, 2, 0, 1],
    ['exposurePrevious', 1, 2, 1, -7],
    ['exposurePrevious', 1, 2, 1, NaN],
  ])('rejects a bad %s (%s, %s, %s, %s)', (name, x1, x2, t1, t2) => {
    let caught: unknown;
    try {
      poissonRateTest(x1, x2, t1, t2);
    } catch (e) {
      caught = e;
    }
    expect(isVigiaError(caught, 'INVALID_ARGUMENT')).toBe(true);
    expect(isVigiaError(caught) && caught.params.name).toBe(name);
  });
});

describe('poissonRateTest properties', () => {
  const pairs: [number, number][] = [];
  for (let a = 0; a <= 40; a += 3) for (let b = 0; b <= 40; b += 4) pairs.push([a, b]);
  pairs.push([1000, 1100], [12345, 12000], [99_000, 101_000]);

  it('gives the same two-sided p when the counts swap, with equal exposure', () => {
    for (const [a, b] of pairs) {
      const ab = poissonRateTest(a, b);
      const ba = poissonRateTest(b, a);
      expect(relativeError(ab.pValue, ba.pValue), `${a} vs ${b}`).toBeLessThanOrEqual(1e-12);
      expect(relativeError(ab.pLess, ba.pGreater), `${a} vs ${b}`).toBeLessThanOrEqual(1e-12);
    }
  });

  it('keeps every p-value in [0, 1] and the interval around the rate ratio', () => {
    for (const [t1, t2] of [
      [1, 1],
      [28, 27],
      [7, 14],
      [349, 365],
    ] as const) {
      for (const [a, b] of pairs) {
        const r = poissonRateTest(a, b, t1, t2);
        for (const p of [r.pValue, r.pLess, r.pGreater]) {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
        }
        expect(r.pValue).toBeGreaterThanOrEqual(Math.min(r.pLess, r.pGreater) - 1e-15);
        if (r.rateRatio !== null) {
          expect(r.ci95Lower).toBeLessThanOrEqual(r.rateRatio);
          expect(r.ci95Upper).toBeGreaterThanOrEqual(r.rateRatio);
        }
      }
    }
  });

  it('equals min(1, 2 × smaller tail) when the exposures are equal', () => {
    for (const [a, b] of pairs) {
      const r = poissonRateTest(a, b);
      if (!r.testable) continue;
      const twice = Math.min(1, 2 * Math.min(r.pLess, r.pGreater));
      expect(relativeError(r.pValue, twice), `${a} vs ${b}`).toBeLessThanOrEqual(1e-12);
    }
  });
});
