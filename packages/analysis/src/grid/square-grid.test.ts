import { describe, expect, it } from 'vitest';
import { readSharedCsv } from '../../../../test/shared-reference.js';
import { cellCentre, gridCounts, gridForExtent, type SquareGrid } from './square-grid.js';

// Golden values: ../shared/reference/gistar/make_gistar.R (R 4.2.2, sf 1.0-9): each 2019 point's cell on
// the 500 m grid with origin (422000, 4610000), 69 × 86 cells, and the counts of the 2,669 included cells.
const points = readSharedCsv('reference/gistar/points_2019_utm16n.csv');
const cells = readSharedCsv('reference/gistar/cells.csv');
const chicago: SquareGrid = { x0: 422000, y0: 4610000, cellSizeMeters: 500, nCols: 69, nRows: 86 };

describe('gridCounts against make_gistar.R', () => {
  const g = gridCounts(
    points.map((p) => Number(p.x)),
    points.map((p) => Number(p.y)),
    chicago,
  );

  it('puts every one of the 15,328 points in the same cell as R, including those within 1 mm of a line', () => {
    expect(points).toHaveLength(15328);
    expect(g.outside).toBe(0);
    expect(Array.from(g.cellOf)).toEqual(points.map((p) => Number(p.cell_id)));
  });

  it('reproduces the counts of the 2,669 cells exactly (zeros included)', () => {
    for (const c of cells) expect(g.counts[Number(c.cell_id)]).toBe(Number(c.count));
    expect(cellCentre(chicago, 3622)).toEqual([422000 + 500 * (3622 % 69) + 250, 4610000 + 500 * 52 + 250]);
  });
});

describe('gridCounts edge cases', () => {
  it('counts points outside the grid instead of dropping them; a point on a line goes east / north', () => {
    const g = gridCounts([0, 100, 250, -1, 1000, NaN], [0, 100, 0, 0, 50, 1], {
      x0: 0,
      y0: 0,
      cellSizeMeters: 100,
      nCols: 3,
      nRows: 2,
    });
    expect(Array.from(g.cellOf)).toEqual([0, 4, 2, -1, -1, -1]);
    expect(g.outside).toBe(3);
    expect(Array.from(g.counts)).toEqual([1, 0, 1, 0, 1, 0]);
  });

  it('snaps an extent outward to multiples of the cell size', () => {
    expect(gridForExtent({ minX: 422130.9, minY: 4610445.9, maxX: 456200, maxY: 4652900 }, 500)).toEqual(
      chicago,
    );
  });
});
