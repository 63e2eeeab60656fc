import { describe, expect, it } from 'vitest';
import { parseRNumber, readSharedCsv, relativeError } from '../../../../test/shared-reference.js';
import { mannKendall, type MannKendallResult } from './mann-kendall.js';

// Golden values: ../shared/reference/mann_kendall/make_mann_kendall.R (R 4.2.2; cross-checked there with
// cor.test(method = "kendall")): 10 monthly district series 2015–2019 (many ties) and 2 yearly series.
const input = readSharedCsv('reference/mann_kendall/series_input.csv');
const expected = readSharedCsv('reference/mann_kendall/mann_kendall_results.csv');
const REL = 1e-9;

const columns: [string, (r: MannKendallResult) => number][] = [
  ['varS', (r) => r.varS],
  ['z_cc', (r) => r.z],
  ['p_two_sided_cc', (r) => r.p],
  ['z_nocc', (r) => r.zNoCorrection],
  ['p_two_sided_nocc', (r) => r.pNoCorrection],
  ['tau_a', (r) => r.tauA],
  ['tau_b', (r) => r.tauB],
  ['sen_slope_per_step', (r) => r.senSlope],
];

describe('mannKendall against make_mann_kendall.R', () => {
  it('has all 12 series', () => expect(expected).toHaveLength(12));

  it.each(expected.map((e) => [e.series!, e] as const))('%s', (name, e) => {
    const series = input
      .filter((r) => r.series === name)
      .sort((a, b) => Number(a.t) - Number(b.t))
      .map((r) => Number(r.count));
    const r = mannKendall(series);
    expect(r.n).toBe(Number(e.n));
    expect(r.s).toBe(Number(e.S)); // exact
    expect(r.tieGroups).toBe(Number(e.tie_groups));
    for (const [col, pick] of columns) {
      expect(
        relativeError(pick(r), parseRNumber(e[col])),
        `${col}: ${pick(r)} vs R ${e[col]}`,
      ).toBeLessThanOrEqual(REL);
    }
  });
});

describe('mannKendall edge cases', () => {
  it('a constant series (all zero) has S = 0, var 0, z = 0, p = 1', () => {
    const r = mannKendall([0, 0, 0, 0]);
    expect([r.s, r.varS, r.z, r.p, r.senSlope]).toEqual([0, 0, 0, 1, 0]);
  });

  it('refuses a series of one value or with a missing value', () => {
    expect(() => mannKendall([3])).toThrow(/series/);
    expect(() => mannKendall([1, NaN, 2])).toThrow(/series\[1\]/);
  });
});
