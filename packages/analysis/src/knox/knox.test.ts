import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSharedCsv, relativeError, sharedPath } from '../../../../test/shared-reference.js';
import { knoxNearRepeat } from './knox.js';
import { poissonUpperTail } from './poisson-upper-tail.js';

// Golden values: ../shared/reference/knox/make_knox.R (R 4.2.2; surveillance 1.20.3 for the 2 × 2):
// Chicago district 11, 2019, 1,390 aggravated assaults; Monte Carlo with 999 date permutations
// (set.seed(20191215), Mersenne-Twister): those columns are random and are compared within MC error.
const points = readSharedCsv('reference/knox/points_d11_2019_utm16n.csv');
const table = readSharedCsv('reference/knox/knox_near_repeat_table.csv');
const summary = JSON.parse(readFileSync(sharedPath('reference/knox/knox_summary.json'), 'utf8')) as Record<
  string,
  number
>;
const xs = points.map((p) => Number(p.x));
const ys = points.map((p) => Number(p.y));
const days = points.map(
  (p) => Date.UTC(+p.date!.slice(0, 4), +p.date!.slice(5, 7) - 1, +p.date!.slice(8, 10)) / 86_400_000,
);
const SPATIAL = [
  'same_location_0m',
  '1-200m',
  '201-400m',
  '401-600m',
  '601-800m',
  '801-1000m',
  'more_than_1000m',
];
const TEMPORAL = ['0-7d', '8-14d', '15-21d', '22-28d', 'more_than_28d'];

describe('knoxNearRepeat against make_knox.R (district 11, 2019)', () => {
  const r = knoxNearRepeat(xs, ys, days, { permutations: 999, seed: 20191215 });

  it('observed pair counts: all 35 cells exactly, 965,355 pairs in total', () => {
    expect(r.pairs).toBe(965355);
    let total = 0;
    for (const row of table) {
      const cell = r.table[SPATIAL.indexOf(row.spatial_band!)]![TEMPORAL.indexOf(row.temporal_band!)]!;
      expect(cell.observed, `${row.spatial_band} × ${row.temporal_band}`).toBe(Number(row.observed));
      total += cell.observed;
    }
    expect(total).toBe(965355);
  });

  it('Knox 2 × 2: 475 close pairs, N_s 11,131, N_t 40,738, analytic expectation and Poisson p', () => {
    expect(r.knox.observed).toBe(475);
    expect(r.knox.closeInSpace).toBe(summary.close_in_space_pairs);
    expect(r.knox.closeInTime).toBe(summary.close_in_time_pairs);
    expect(relativeError(r.knox.expectedAnalytic, summary.expected_analytic!)).toBeLessThan(1e-12);
    expect(relativeError(r.knox.pPoisson, summary.p_poisson_upper_P_X_ge_obs!)).toBeLessThan(1e-9);
    // surveillance::knox reports P(X > obs)
    expect(relativeError(poissonUpperTail(476, summary.expected_analytic!), 0.392259892109533)).toBeLessThan(
      1e-9,
    );
  });

  it('Monte Carlo expectations and p-values agree with R within Monte Carlo error (different RNG)', () => {
    const B = 999;
    for (const row of table) {
      const cell = r.table[SPATIAL.indexOf(row.spatial_band!)]![TEMPORAL.indexOf(row.temporal_band!)]!;
      const label = `${row.spatial_band} × ${row.temporal_band}`;
      // two independent means of B draws: SD of their difference = √2·sd/√B; allow 4 SD (+1 for sd = 0 cells)
      const tolMean = (4 * Math.SQRT2 * cell.expectedSd) / Math.sqrt(B) + 1e-9;
      expect(Math.abs(cell.expected - Number(row.expected_mc_mean)), label).toBeLessThanOrEqual(tolMean);
      const pR = Number(row.p_mc_greater);
      const tolP = 4 * Math.sqrt((2 * pR * (1 - pR)) / B) + 2 / (B + 1);
      expect(Math.abs(cell.pValue - pR), label).toBeLessThanOrEqual(tolP);
    }
    expect(Math.abs(r.knox.expected - summary.mc_expected_mean!)).toBeLessThan(
      4 * Math.SQRT2 * Math.sqrt(469 / 999),
    );
    expect(Math.abs(r.knox.pValue - summary.mc_p_greater!)).toBeLessThan(
      4 * Math.sqrt((2 * 0.386 * 0.614) / 999),
    );
    // the one strong cell: same location × 0–7 days, 46 observed vs ≈ 26 expected, p = 0.001
    expect(r.table[0]![0]!.ratio).toBeGreaterThan(1.6);
    expect(r.table[0]![0]!.pValue).toBeLessThan(0.01);
  });

  it('is reproducible from its seed', () => {
    const again = knoxNearRepeat(xs.slice(0, 300), ys.slice(0, 300), days.slice(0, 300), {
      permutations: 50,
      seed: 7,
    });
    const same = knoxNearRepeat(xs.slice(0, 300), ys.slice(0, 300), days.slice(0, 300), {
      permutations: 50,
      seed: 7,
    });
    expect(again.table).toEqual(same.table);
  });
});

describe('knoxNearRepeat edge cases', () => {
  it('many incidents at one spot on one day are all same-location, same-week pairs', () => {
    const r = knoxNearRepeat([5, 5, 5, 5], [5, 5, 5, 5], [100, 100, 100, 100], { permutations: 9 });
    expect(r.table[0]![0]!.observed).toBe(6);
    expect(r.table[0]![0]!.expected).toBe(6); // permuting identical dates changes nothing
    expect(r.table[0]![0]!.pValue).toBe(1);
  });

  it('counts a pair on a band edge in the lower band (edges are inclusive) and puts far pairs in the last row', () => {
    const r = knoxNearRepeat([0, 200, 5000], [0, 0, 0], [0, 7, 8], { permutations: 0 });
    expect(r.table[1]![0]!.observed).toBe(1); // 200 m, 7 days
    expect(r.table[6]![0]!.observed).toBe(1); // 4800 m, 1 day
    expect(r.table[6]![1]!.observed).toBe(1); // 5000 m, 8 days
    expect(Number.isNaN(r.table[1]![0]!.expected)).toBe(true);
  });

  it('refuses fractional days and unsorted bands', () => {
    expect(() => knoxNearRepeat([0, 1], [0, 1], [0, 0.5])).toThrow(/days\[1\]/);
    expect(() => knoxNearRepeat([0, 1], [0, 1], [0, 1], { spatialBandsMeters: [400, 200] })).toThrow(
      /spatialBandsMeters/,
    );
  });
});
