import { cellArea, gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { readSharedCsv } from '../../../../test/shared-reference.js';
import { h3CellRing, h3Counts, h3Neighbours } from './h3-cells.js';

const points = readSharedCsv('reference/gistar/points_2019_utm16n.csv');

describe('h3Counts', () => {
  it('places every Chicago 2019 point in one resolution-8 hexagon; counts add up', () => {
    const r = h3Counts(
      points.map((p) => Number(p.longitude)),
      points.map((p) => Number(p.latitude)),
      8,
    );
    expect(r.invalid).toBe(0);
    expect(r.counts.reduce((a, b) => a + b, 0)).toBe(15328);
    const first = points[0]!;
    expect(r.cells[r.cellOf[0]!]).toBe(latLngToCell(Number(first.latitude), Number(first.longitude), 8));
    expect(cellArea(r.cells[0]!, 'km2')).toBeGreaterThan(0.6);
    expect(cellArea(r.cells[0]!, 'km2')).toBeLessThan(0.9);
  });

  it('counts points without coordinates instead of dropping them; refuses a bad resolution', () => {
    const r = h3Counts([-87.6, NaN], [41.9, 41.9], 9);
    expect(r.invalid).toBe(1);
    expect(Array.from(r.cellOf)).toEqual([0, -1]);
    expect(() => h3Counts([0], [0], 16)).toThrow(/resolution/);
  });

  it('neighbours are the adjacent hexagons present in the list; rings close', () => {
    const centre = latLngToCell(41.88, -87.63, 8);
    const disk = gridDisk(centre, 1);
    const nb = h3Neighbours(disk);
    const i = disk.indexOf(centre);
    expect(nb.offsets[i + 1]! - nb.offsets[i]!).toBe(6);
    const ring = h3CellRing(centre);
    expect(ring).toHaveLength(7);
    expect(ring[0]).toEqual(ring[6]);
  });
});
