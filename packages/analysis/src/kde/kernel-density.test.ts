import { describe, expect, it } from 'vitest';
import { readSharedCsv, relativeError } from '../../../../test/shared-reference.js';
import { gridAroundPoints, type SquareGrid } from '../grid/square-grid.js';
import { defaultBandwidthMeters, kernelDensity } from './kernel-density.js';

// Golden values: ../shared/reference/kde/make_kde.R (R 4.2.2 direct sums, agreeing with spatstat 3.0-3
// density.ppp at the cell centres to 3e-13): Chicago district 11, 2019, 1,390 points, 100 m grid.
const points = readSharedCsv('reference/kde/points_d11_2019_utm16n.csv');
const ref = readSharedCsv('reference/kde/kde_grid.csv');
const xs = points.map((p) => Number(p.x));
const ys = points.map((p) => Number(p.y));
const grid = gridAroundPoints(xs, ys, 100, 1000);

function worst(actual: Float64Array, column: string): number {
  let w = 0;
  ref.forEach((r, k) => {
    const expected = Number(r[column]);
    // README: relative 1e-9, or 1e-12 points/km² absolute where the value is ~0.
    w = Math.max(w, Math.abs(actual[k]! - expected) <= 1e-12 ? 0 : relativeError(actual[k]!, expected));
  });
  return w;
}

describe('kernelDensity against make_kde.R (district 11, 2019)', () => {
  it('builds the same grid: x0 437100, y0 4634100, 70 × 62 cells, centres in the same order', () => {
    expect(grid).toEqual({ x0: 437100, y0: 4634100, cellSizeMeters: 100, nCols: 70, nRows: 62 });
    expect(ref).toHaveLength(4340);
    expect(Number(ref[71]!.x)).toBe(437100 + 150);
    expect(Number(ref[71]!.y)).toBe(4634100 + 150);
  });

  it('Gaussian σ = 300 m, summed exactly: within 1e-9 relative of every cell', () => {
    const r = kernelDensity(xs, ys, grid, {
      kernel: 'gaussian',
      bandwidthMeters: 300,
      gaussianCutoffSigmas: Infinity,
    });
    expect(worst(r.density, 'gauss_s300_per_km2')).toBeLessThan(1e-9);
    expect(Math.max(...r.density)).toBeCloseTo(229.079, 3);
    expect(r.capturedFraction).toBeCloseTo(0.99999, 5);
  });

  it('Gaussian with the default 6σ cutoff stays within 1e-8 of the maximum', () => {
    const exact = kernelDensity(xs, ys, grid, {
      kernel: 'gaussian',
      bandwidthMeters: 300,
      gaussianCutoffSigmas: Infinity,
    });
    const cut = kernelDensity(xs, ys, grid, { kernel: 'gaussian', bandwidthMeters: 300 });
    let d = 0;
    for (let k = 0; k < cut.density.length; k++)
      d = Math.max(d, Math.abs(cut.density[k]! - exact.density[k]!));
    expect(d / 229.079).toBeLessThan(1e-8);
  });

  it('quartic r = 500 m: within 1e-9 relative of every cell', () => {
    const r = kernelDensity(xs, ys, grid, { kernel: 'quartic', bandwidthMeters: 500 });
    expect(worst(r.density, 'quartic_r500_per_km2')).toBeLessThan(1e-9);
    expect(Math.max(...r.density)).toBeCloseTo(312.606, 3);
    expect(r.capturedFraction).toBeCloseTo(0.99992, 5);
    expect(r.warnings).toEqual([]);
  });
});

describe('kernelDensity edge cases', () => {
  const g: SquareGrid = { x0: 0, y0: 0, cellSizeMeters: 100, nCols: 21, nRows: 21 };

  it('many points at one spot: n times one kernel, peak at the cell of the spot', () => {
    const n = 50;
    const r = kernelDensity(new Array<number>(n).fill(1050), new Array<number>(n).fill(1050), g, {
      bandwidthMeters: 500,
    });
    // quartic peak 3/(π r²) per m² × 10⁶ per km², times n
    expect(r.density[10 * 21 + 10]).toBeCloseTo((n * 3 * 1e6) / (Math.PI * 500 * 500), 9);
    expect(r.capturedFraction).toBeGreaterThan(0.99);
  });

  it('a bandwidth smaller than the cell is flagged (the point can fall between centres)', () => {
    const r = kernelDensity([1000], [1000], g, { bandwidthMeters: 40 });
    expect(r.warnings).toContain('BANDWIDTH_BELOW_CELL');
    expect(r.capturedFraction).toBe(0); // 1000,1000 is 70.7 m from every centre: lost, and the fraction says so
  });

  it('points outside the grid are counted and still reach cells within the bandwidth', () => {
    const r = kernelDensity([-100, 50_000], [1050, 50_000], g, { bandwidthMeters: 300 });
    expect(r.pointsOutsideGrid).toBe(2);
    expect(r.density[10 * 21]).toBeGreaterThan(0); // cell (0, 10), 150 m from the first point
  });

  it('no points: a zero surface with a warning; the default bandwidth needs spread', () => {
    const r = kernelDensity([], [], g, { bandwidthMeters: 300 });
    expect(r.warnings).toContain('NO_POINTS');
    expect(Math.max(...r.density)).toBe(0);
    expect(() => defaultBandwidthMeters([5, 5], [5, 5])).toThrow(/bandwidth/);
  });

  it('default bandwidth follows the ArcGIS rule (checked by hand on 4 points)', () => {
    // square of side 200 centred at the origin: SD = Dm = 141.42; min(SD, 1.2011·Dm) = SD; h = 0.9·SD·4^-0.2
    expect(defaultBandwidthMeters([-100, 100, 100, -100], [-100, -100, 100, 100])).toBeCloseTo(
      0.9 * Math.SQRT2 * 100 * 4 ** -0.2,
      9,
    );
  });
});
