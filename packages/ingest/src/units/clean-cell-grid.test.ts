import { describe, expect, it } from 'vitest';
import { rect } from '../../../../test/geometry.js';
import { sharedPath } from '../../../../test/shared-reference.js';
import { readUnitLayer } from './read-unit-layer.js';
import { UnitLocator, type LocatableUnit } from './unit-locator.js';

/** Deterministic pseudo-random numbers in [0, 1). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
}

/**
 * Points that test a grid hardest: every vertex, edge midpoints, points a hair off both, and random
 * points over the extent (twice, so the second pass reads remembered cells).
 */
function hardPoints(units: readonly LocatableUnit[], randomCount: number): [number, number][] {
  const pts: [number, number][] = [];
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const u of units) {
    const g = u.geometry!;
    for (const poly of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) {
      for (const ring of poly) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const [x1, y1] = ring[i] as [number, number];
          const [x2, y2] = ring[i + 1] as [number, number];
          const mx = (x1 + x2) / 2;
          const my = (y1 + y2) / 2;
          pts.push([x1, y1], [mx, my], [mx + 1e-9, my], [mx, my - 1e-9], [x1 - 1e-12, y1 + 1e-12]);
          minX = Math.min(minX, x1);
          minY = Math.min(minY, y1);
          maxX = Math.max(maxX, x1);
          maxY = Math.max(maxY, y1);
        }
      }
    }
  }
  const r = random(7);
  for (let i = 0; i < randomCount; i++) {
    pts.push([minX + (maxX - minX) * (1.2 * r() - 0.1), minY + (maxY - minY) * (1.2 * r() - 0.1)]);
  }
  return [...pts, ...pts.slice().reverse()];
}

function expectGridMatchesExact(units: readonly LocatableUnit[], randomCount: number): number {
  const locator = new UnitLocator(units);
  let placed = 0;
  for (const [x, y] of hardPoints(units, randomCount)) {
    const exact = locator.locateExactly(x, y);
    const viaGrid = locator.locate(x, y);
    if (viaGrid !== exact) expect({ x, y, viaGrid }).toEqual({ x, y, viaGrid: exact });
    if (exact !== null) placed++;
  }
  return placed;
}

describe('UnitLocator grid of remembered cells', () => {
  it('answers exactly as the polygon tests on shared edges, holes and gaps', () => {
    const units: LocatableUnit[] = [
      { id: 1, code: '1', depth: 0, geometry: rect(0, 0, 2, 2) },
      { id: 2, code: '2', depth: 0, geometry: rect(2, 0, 4, 2, [[2.5, 0.5, 3.5, 1.5]]) },
      { id: 3, code: '11', depth: 1, geometry: rect(0, 0, 1, 1) },
      { id: 4, code: '12', depth: 1, geometry: rect(1, 0, 2, 1) },
      { id: 0, code: '0', depth: 1, geometry: rect(3, 1, 3.2, 1.2) },
    ];
    expect(expectGridMatchesExact(units, 20_000)).toBeGreaterThan(10_000);
  });

  it('answers exactly as the polygon tests on the real Chicago districts and beats', async () => {
    const layer = async (file: string, codeProperty: string, depth: number, firstId: number) =>
      (await readUnitLayer(sharedPath(`data/chicago/${file}`), { codeProperty })).map(
        (u, i): LocatableUnit => ({ id: firstId + i, code: u.code, depth, geometry: u.geometry }),
      );
    const units = [
      ...(await layer('police_districts_current.geojson', 'district', 0, 1)),
      ...(await layer('police_beats_2012.geojson', 'BEAT_NUM', 1, 100)),
    ];
    expect(expectGridMatchesExact(units, 100_000)).toBeGreaterThan(100_000);
  });
});
