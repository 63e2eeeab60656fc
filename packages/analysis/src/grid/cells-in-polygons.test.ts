import { readFileSync } from 'node:fs';
import type { UnitGeometry } from '@vigia/domain';
import { describe, expect, it } from 'vitest';
import { readSharedCsv, sharedPath } from '../../../../test/shared-reference.js';
import { projectLonLat } from '../projection/projection.js';
import { cellsInPolygons } from './cells-in-polygons.js';

function project(g: UnitGeometry): UnitGeometry {
  const ring = (r: number[][]): number[][] => {
    const { xs, ys } = projectLonLat(
      r.map((p) => p[0]!),
      r.map((p) => p[1]!),
      32616,
    );
    return Array.from(xs, (x, i) => [x, ys[i]!]);
  };
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(ring)) };
}

describe('cellsInPolygons', () => {
  it('selects the 2,669 cells of make_gistar.R (sf::st_intersects with the Chicago districts)', () => {
    const fc = JSON.parse(
      readFileSync(sharedPath('data/chicago/police_districts_current.geojson'), 'utf8'),
    ) as {
      features: { geometry: UnitGeometry }[];
    };
    const ids = cellsInPolygons(
      { x0: 422000, y0: 4610000, cellSizeMeters: 500, nCols: 69, nRows: 86 },
      fc.features.map((f) => project(f.geometry)),
    );
    const expected = readSharedCsv('reference/gistar/cells.csv').map((c) => Number(c.cell_id));
    expect(Array.from(ids)).toEqual(expected);
  });

  it('keeps a cell touched only at a corner or an edge, and leaves out a hole', () => {
    const grid = { x0: 0, y0: 0, cellSizeMeters: 10, nCols: 5, nRows: 5 };
    const square = [
      [10, 10],
      [40, 10],
      [40, 40],
      [10, 40],
      [10, 10],
    ];
    const hole = [
      [15, 15],
      [35, 15],
      [35, 35],
      [15, 35],
      [15, 15],
    ];
    const ids = Array.from(cellsInPolygons(grid, [{ type: 'Polygon', coordinates: [square, hole] }]));
    expect(ids).toContain(0); // touches (10, 10) at its corner
    expect(ids).toContain(2); // shares the edge y = 10
    expect(ids).not.toContain(12); // cell 20–30 × 20–30 lies strictly inside the hole
    expect(ids).toHaveLength(24);
  });
});
