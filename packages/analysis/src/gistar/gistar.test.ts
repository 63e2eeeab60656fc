import { describe, expect, it } from 'vitest';
import { parseRNumber, readSharedCsv } from '../../../../test/shared-reference.js';
import { distanceBandNeighbours } from '../weights/distance-band.js';
import { knnNeighbours } from '../weights/knn.js';
import { neighboursFromLists } from '../weights/neighbours.js';
import { benjaminiHochbergThreshold } from './fdr.js';
import { getisOrdGiStar } from './gistar.js';

// Golden values: R 4.2.2, spdep 1.2-7 localG with nb2listw(include.self(nb), style = "B"), written by
// ../shared/reference/gistar/make_gistar.R (Chicago aggravated assaults 2019, 500 m grid, 2,669 cells).
const cells = readSharedCsv('reference/gistar/cells.csv');
const results = readSharedCsv('reference/gistar/gistar_results.csv');
const knnRef = readSharedCsv('reference/gistar/knn8_neighbours.csv');
const xs = cells.map((c) => Number(c.x));
const ys = cells.map((c) => Number(c.y));
const ids = cells.map((c) => Number(c.cell_id));
const counts = cells.map((c) => Number(c.count));
const ABS_TOL = 1e-9;

function maxAbsDiff(actual: Float64Array, column: string): number {
  let worst = 0;
  results.forEach((r, i) => {
    worst = Math.max(worst, Math.abs(actual[i]! - parseRNumber(r[column])!));
  });
  return worst;
}

describe('getisOrdGiStar against spdep::localG (make_gistar.R)', () => {
  it('uses the same 2,669 cells in the same order, 15,328 incidents', () => {
    expect(results.map((r) => r.cell_id)).toEqual(cells.map((c) => c.cell_id));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(15328);
  });

  it('distance band ≤ 1000 m (inclusive): neighbour counts exact, z within 1e-9', () => {
    const nb = distanceBandNeighbours(xs, ys, 1000);
    results.forEach((r, i) => expect(nb.offsets[i + 1]! - nb.offsets[i]!).toBe(Number(r.nb_band1000)));
    const g = getisOrdGiStar(counts, nb);
    expect(maxAbsDiff(g.z, 'z_band1000')).toBeLessThan(ABS_TOL);
    const max = Math.max(...g.z);
    expect(max).toBeCloseTo(11.78836, 5);
    expect(ids[g.z.indexOf(max)]).toBe(3622);
    expect(Array.from(g.z).filter((z) => z > 1.959964).length).toBe(479);
    expect(Array.from(g.z).filter((z) => z > 2.575829).length).toBe(391);
  });

  it('queen contiguity (band 750 m on the 500 m grid)', () => {
    const nb = distanceBandNeighbours(xs, ys, 750);
    results.forEach((r, i) => expect(nb.offsets[i + 1]! - nb.offsets[i]!).toBe(Number(r.nb_queen)));
    expect(maxAbsDiff(getisOrdGiStar(counts, nb).z, 'z_queen')).toBeLessThan(ABS_TOL);
  });

  it('k = 8 nearest neighbours, ties by squared distance then cell id: the same sets as R', () => {
    const nb = knnNeighbours(xs, ys, 8, ids);
    const position = new Map(ids.map((id, i) => [id, i]));
    knnRef.forEach((r, i) => {
      const expected = r.knn8_cell_ids!.split(' ').map((id) => position.get(Number(id))!);
      const got = Array.from(nb.indices.subarray(nb.offsets[i], nb.offsets[i + 1]));
      expect(got).toEqual(expected.sort((a, b) => a - b));
    });
    expect(maxAbsDiff(getisOrdGiStar(counts, nb).z, 'z_knn8')).toBeLessThan(ABS_TOL);
  });

  it('classes follow the ArcGIS 90/95/99 % bins, and FDR only removes cells', () => {
    const g = getisOrdGiStar(counts, distanceBandNeighbours(xs, ys, 1000));
    const hot99 = Array.from(g.classes).filter((c) => c === 3).length;
    expect(hot99).toBe(391); // z > 2.575829 ⇔ p < 0.01 on the hot side
    const f = getisOrdGiStar(counts, distanceBandNeighbours(xs, ys, 1000), { fdr: true });
    expect(f.thresholds.p95).toBeLessThan(0.05);
    for (let i = 0; i < counts.length; i++)
      expect(Math.abs(f.classes[i]!)).toBeLessThanOrEqual(Math.abs(g.classes[i]!));
  });
});

describe('getisOrdGiStar edge cases', () => {
  it('all-zero counts: z is NaN, nothing is classed, NO_VARIATION', () => {
    const nb = neighboursFromLists([[1], [0, 2], [1]]);
    const g = getisOrdGiStar([0, 0, 0], nb);
    expect(Array.from(g.z).every(Number.isNaN)).toBe(true);
    expect(Array.from(g.classes)).toEqual([0, 0, 0]);
    expect(g.warnings).toEqual(['FEW_LOCATIONS', 'NO_VARIATION']);
  });

  it('fewer than 30 cells warns but still computes the formula (checked by hand)', () => {
    // 5 cells in a row, neighbours = adjacent cells. Cell 2: W = 3, Σ = 1 + 9 + 1 = 11, x̄ = 12/5,
    // S = √(84/5 − 5.76) = √11.04; z = (11 − 7.2) / (√11.04 · √((15 − 9)/4)).
    const nb = neighboursFromLists([[1], [0, 2], [1, 3], [2, 4], [3]]);
    const g = getisOrdGiStar([0, 1, 9, 1, 1], nb);
    expect(g.z[2]).toBeCloseTo((11 - 7.2) / (Math.sqrt(11.04) * Math.sqrt(1.5)), 12);
    expect(g.warnings).toEqual(['FEW_LOCATIONS']);
  });

  it('refuses mismatched lengths', () => {
    expect(() => getisOrdGiStar([1, 2], neighboursFromLists([[1], [0], []]))).toThrow(/neighbours/);
  });

  it('Benjamini–Hochberg threshold on a textbook example', () => {
    // p sorted: 0.001 (≤ 0.01), 0.008 (≤ 0.02), 0.039 (> 0.03), 0.04 (≤ 0.04), 0.09 (> 0.05): step-up → 0.04
    expect(benjaminiHochbergThreshold([0.09, 0.04, 0.001, 0.039, 0.008], 0.05)).toBe(0.04);
    expect(benjaminiHochbergThreshold([0.09, 0.041, 0.001, 0.039, 0.008], 0.05)).toBe(0.008);
    expect(benjaminiHochbergThreshold([0.5, 0.9], 0.05)).toBe(0);
  });
});
