import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../random/seeded-random.js';
import { nearestNeighbourIndex } from './nearest-neighbour-index.js';
import { polygonArea } from './polygon-area.js';

describe('nearestNeighbourIndex (Clark–Evans)', () => {
  it('a square lattice of spacing s in its own area: observed s, expected s/2, R = 2', () => {
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < 40; i++)
      for (let j = 0; j < 40; j++) {
        xs.push(i * 100 + 50);
        ys.push(j * 100 + 50);
      }
    const r = nearestNeighbourIndex(xs, ys, 4000 * 4000);
    expect(r.observedMeanMeters).toBeCloseTo(100, 9);
    expect(r.expectedMeanMeters).toBeCloseTo(50, 9);
    expect(r.ratio).toBeCloseTo(2, 9);
    expect(r.standardErrorMeters).toBeCloseTo(0.26136 / Math.sqrt((1600 * 1600) / 16e6), 9);
    expect(r.z).toBeGreaterThan(10);
  });

  it('complete spatial randomness (seeded): R within 3 standard errors of 1 after a boundary allowance', () => {
    const rng = new SeededRandom(7);
    const n = 4000;
    const side = 10_000;
    const xs = Array.from({ length: n }, () => rng.nextFloat() * side);
    const ys = Array.from({ length: n }, () => rng.nextFloat() * side);
    const r = nearestNeighbourIndex(xs, ys, side * side);
    // Donnelly (1978): boundary bias of the mean ≈ (0.0514 + 0.041/√n)·P/n with P the perimeter
    const bias = ((0.0514 + 0.041 / Math.sqrt(n)) * 4 * side) / n;
    expect(Math.abs(r.observedMeanMeters - bias - r.expectedMeanMeters)).toBeLessThan(
      3 * r.standardErrorMeters,
    );
  });

  it('many points at one spot: zero distances, R well below 1, twins counted', () => {
    const xs = [...new Array<number>(30).fill(500), 100, 900];
    const ys = [...new Array<number>(30).fill(500), 100, 900];
    const r = nearestNeighbourIndex(xs, ys, 1000 * 1000);
    expect(r.pointsWithTwin).toBe(30);
    expect(r.ratio).toBeLessThan(0.5);
  });

  it('an isolated point far from the rest is still measured', () => {
    const r = nearestNeighbourIndex([0, 1, 1e7], [0, 0, 0], 100);
    expect(r.observedMeanMeters).toBeCloseTo((1 + 1 + (1e7 - 1)) / 3, 6);
  });

  it('refuses fewer than two points and a non-positive area', () => {
    expect(() => nearestNeighbourIndex([1], [1], 10)).toThrow(/points/);
    expect(() => nearestNeighbourIndex([1, 2], [1, 2], 0)).toThrow(/areaSquareMeters/);
  });
});

describe('polygonArea', () => {
  it('outer ring minus holes, any orientation, multipolygons added', () => {
    const square = [
      [0, 0],
      [100, 0],
      [100, 100],
      [0, 100],
      [0, 0],
    ];
    const hole = [
      [10, 10],
      [10, 20],
      [20, 20],
      [20, 10],
      [10, 10],
    ];
    expect(polygonArea({ type: 'Polygon', coordinates: [square, hole] })).toBe(10_000 - 100);
    expect(polygonArea({ type: 'MultiPolygon', coordinates: [[square], [[...square].reverse()]] })).toBe(
      20_000,
    );
  });
});
