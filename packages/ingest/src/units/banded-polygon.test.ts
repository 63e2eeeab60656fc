import { describe, expect, it } from 'vitest';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { UnitGeometry } from '@vigia/domain';
import { sharedPath } from '../../../../test/shared-reference.js';
import { readUnitLayer } from './read-unit-layer.js';
import { BandedPolygon } from './banded-polygon.js';

/** Deterministic LCG in [0, 1). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
}

const donut: UnitGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ],
    [
      [3, 3],
      [7, 3],
      [7, 7],
      [3, 7],
      [3, 3],
    ],
  ],
};

describe('BandedPolygon', () => {
  it('handles holes and boundaries like Turf', () => {
    const p = new BandedPolygon(donut);
    expect(p.contains(1, 1)).toBe(true);
    expect(p.contains(5, 5)).toBe(false); // in the hole
    expect(p.contains(3, 5)).toBe(true); // on the hole's edge
    expect(p.contains(0, 5)).toBe(true); // on the outer edge
    expect(p.contains(10, 10)).toBe(true); // a vertex
    expect(p.contains(11, 5)).toBe(false);
    for (const [x, y] of [
      [1, 1],
      [5, 5],
      [3, 5],
      [0, 5],
      [10, 10],
      [11, 5],
    ] as const) {
      expect(p.contains(x, y)).toBe(booleanPointInPolygon([x, y], donut));
    }
  });

  it('handles multipolygons', () => {
    const multi: UnitGeometry = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 0],
          ],
        ],
        [
          [
            [5, 5],
            [6, 5],
            [6, 6],
            [5, 5],
          ],
        ],
      ],
    };
    const p = new BandedPolygon(multi);
    expect([p.contains(0.9, 0.1), p.contains(5.9, 5.1), p.contains(3, 3)]).toEqual([true, true, false]);
  });

  it('agrees with Turf on 20,000 random points and every vertex of the real Chicago beats', async () => {
    // Oracle: @turf/boolean-point-in-polygon (point-in-polygon-hao), on ../shared/data/chicago beats 2012.
    const beats = await readUnitLayer(sharedPath('data/chicago/police_beats_2012.geojson'), {
      codeProperty: 'BEAT_NUM',
    });
    const prepared = beats.map((b) => ({ geometry: b.geometry, banded: new BandedPolygon(b.geometry) }));
    const next = rng(7);
    let disagreements = 0;
    let insideHits = 0;
    const check = (x: number, y: number) => {
      for (const p of prepared) {
        if (x < p.banded.minX || x > p.banded.maxX || y < p.banded.minY || y > p.banded.maxY) continue;
        const mine = p.banded.contains(x, y);
        if (mine) insideHits++;
        if (mine !== booleanPointInPolygon([x, y], p.geometry)) disagreements++;
      }
    };
    for (let i = 0; i < 20_000; i++) check(-87.94 + next() * 0.42, 41.64 + next() * 0.39);
    for (const b of beats.slice(0, 40)) {
      const rings = b.geometry.type === 'Polygon' ? [b.geometry.coordinates] : b.geometry.coordinates;
      for (const ring of rings.flat()) for (const [x, y] of ring) check(x!, y!);
    }
    expect(insideHits).toBeGreaterThan(10_000);
    expect(disagreements).toBe(0);
  });
});
