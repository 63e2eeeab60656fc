import { describe, expect, it } from 'vitest';
import { rect, rectRing } from '../../../../test/geometry.js';
import { UnitLocator, type LocatableUnit } from './unit-locator.js';

function unit(id: number, code: string, geometry: LocatableUnit['geometry'], depth = 0): LocatableUnit {
  return { id, code, depth, geometry };
}

describe('UnitLocator', () => {
  it('finds the unit containing a point, and null outside every polygon', () => {
    const loc = new UnitLocator([unit(1, 'A', rect(0, 0, 1, 1)), unit(2, 'B', rect(2, 0, 3, 1))]);
    expect(loc.hasPolygons).toBe(true);
    expect(loc.locate(0.5, 0.5)).toBe(1);
    expect(loc.locate(2.5, 0.5)).toBe(2);
    expect(loc.locate(1.5, 0.5)).toBeNull(); // between them
    expect(loc.locate(0.5, 1.5)).toBeNull(); // inside neither bbox
    expect(loc.locate(-87.6, 41.8)).toBeNull();
    // Corners and edges of a single unit count as inside.
    expect(loc.locate(0, 0)).toBe(1);
    expect(loc.locate(1, 0.5)).toBe(1);
  });

  it('does not place a point in a hole, but does on the hole boundary', () => {
    const loc = new UnitLocator([unit(1, 'A', rect(0, 0, 4, 4, [[1, 1, 3, 3]]))]);
    expect(loc.locate(2, 2)).toBeNull();
    expect(loc.locate(0.5, 2)).toBe(1);
    expect(loc.locate(3.5, 3.5)).toBe(1);
    expect(loc.locate(1, 2)).toBe(1);
  });

  it('finds points in every part of a multipolygon, not between them', () => {
    const loc = new UnitLocator([
      unit(7, '31', {
        type: 'MultiPolygon',
        coordinates: [
          [rectRing(0, 0, 1, 1)],
          [rectRing(5, 5, 6, 6)],
          [rectRing(10, 0, 12, 2), rectRing(10.5, 0.5, 11.5, 1.5)],
        ],
      }),
    ]);
    expect(loc.locate(0.5, 0.5)).toBe(7);
    expect(loc.locate(5.5, 5.5)).toBe(7);
    expect(loc.locate(10.2, 1)).toBe(7);
    expect(loc.locate(11, 1)).toBeNull(); // hole of the third part
    expect(loc.locate(3, 3)).toBeNull(); // inside the multipolygon's bounding box only
  });

  it('gives a point on the shared edge of "10" and "2" to "2" (numeric-aware order), whatever the input order', () => {
    const ten = unit(100, '10', rect(0, 0, 1, 1));
    const two = unit(200, '2', rect(1, 0, 2, 1));
    for (const units of [
      [ten, two],
      [two, ten],
    ]) {
      const loc = new UnitLocator(units);
      expect(loc.locate(1, 0.5)).toBe(200);
      expect(loc.locate(1, 0)).toBe(200);
      expect(loc.locate(1, 1)).toBe(200);
      expect(loc.locate(0.999, 0.5)).toBe(100);
      expect(loc.locate(1.001, 0.5)).toBe(200);
    }
  });

  it('gives points on the edges of a grid of units to the lowest code, whatever the input order', () => {
    // 6 × 6 unit squares coded 1..36 row by row, shuffled; the corner shared by four squares goes to
    // the smallest of their codes, an edge shared by two to the smaller.
    const units: LocatableUnit[] = [];
    for (let r = 0; r < 6; r++)
      for (let c = 0; c < 6; c++)
        units.push(unit(1000 + r * 6 + c + 1, String(r * 6 + c + 1), rect(c, r, c + 1, r + 1)));
    const shuffled = [...units].sort((a, b) => ((a.id * 7919) % 37) - ((b.id * 7919) % 37));
    const loc = new UnitLocator(shuffled);
    const codeAt = (x: number, y: number): string | undefined =>
      units.find((u) => u.id === loc.locate(x, y))?.code;
    for (let r = 0; r < 6; r++)
      for (let c = 0; c < 6; c++) {
        const own = r * 6 + c + 1;
        expect(codeAt(c + 0.5, r + 0.5)).toBe(String(own));
        // Left edge: shared with the square to the left (a lower code) unless on the grid boundary.
        expect(codeAt(c, r + 0.5)).toBe(String(c > 0 ? own - 1 : own));
        // Bottom-left corner: the lowest code among the squares meeting there.
        expect(codeAt(c, r)).toBe(String(own - (r > 0 ? 6 : 0) - (c > 0 ? 1 : 0)));
      }
  });

  it('searches from the deepest level up: a gap between beats falls back to the district', () => {
    const loc = new UnitLocator([
      unit(1, 'D1', rect(0, 0, 10, 10), 0),
      unit(2, 'D2', rect(10, 0, 20, 10), 0),
      unit(11, 'B11', rect(0, 0, 5, 10), 1),
      unit(12, 'B12', rect(5, 0, 8, 10, [[6, 4, 7, 6]]), 1), // a hole: a park with no beat
      unit(21, 'B21', rect(10, 0, 20, 10), 1),
    ]);
    expect(loc.locate(2, 5)).toBe(11);
    expect(loc.locate(6, 2)).toBe(12);
    expect(loc.locate(9, 5)).toBe(1); // gap between beats
    expect(loc.locate(6.5, 5)).toBe(1); // in the beat's hole
    expect(loc.locate(15, 5)).toBe(21);
    expect(loc.locate(25, 5)).toBeNull();
  });

  it('ignores units without a polygon', () => {
    const none = new UnitLocator([unit(1, 'A', null), unit(2, 'B', null, 1)]);
    expect(none.hasPolygons).toBe(false);
    expect(none.locate(0, 0)).toBeNull();
    const some = new UnitLocator([unit(1, 'A', null, 1), unit(2, 'B', rect(0, 0, 1, 1), 0)]);
    expect(some.locate(0.5, 0.5)).toBe(2);
  });

  it('answers repeated points the same (cached) way', () => {
    const loc = new UnitLocator([unit(1, 'A', rect(0, 0, 1, 1))]);
    for (let i = 0; i < 3; i++) {
      expect(loc.locate(0.5, 0.5)).toBe(1);
      expect(loc.locate(0.5, 1.5)).toBeNull();
      expect(loc.locate(0.5, -0.5)).toBeNull();
    }
  });
});
