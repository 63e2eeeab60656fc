import type { UnitGeometry } from '@vigia/domain';

/** A closed counter-clockwise ring of the axis-aligned rectangle [x0, x1] × [y0, y1]. */
export function rectRing(x0: number, y0: number, x1: number, y1: number): number[][] {
  return [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ];
}

/** A Polygon geometry of one rectangle, with optional rectangular holes. */
export function rect(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  holes: [number, number, number, number][] = [],
): UnitGeometry {
  return { type: 'Polygon', coordinates: [rectRing(x0, y0, x1, y1), ...holes.map((h) => rectRing(...h))] };
}
