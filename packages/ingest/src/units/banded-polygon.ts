import type { UnitGeometry } from '@vigia/domain';

/**
 * A (multi)polygon prepared for fast point-in-polygon tests by even–odd ray casting over horizontal
 * bands: the bounding box is cut into `bands` strips of equal height and each strip keeps the edges that
 * cross it, so a test looks at a few edges instead of all of them (police beat outlines have hundreds
 * of vertices, and an import tests millions of points).
 *
 * Semantics, matching Turf's booleanPointInPolygon (its tests are the oracle, see
 * banded-polygon.test.ts): rings after the first of each polygon are holes; a point on any edge —
 * outer or hole boundary — counts as inside. Coordinates in degrees, compared as given.
 *
 * @see W. R. Franklin, PNPOLY (crossing test); "slab" decomposition in point-location literature.
 */
export class BandedPolygon {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  private readonly bandHeight: number;
  private readonly bandCount: number;
  /** Edges as flat [x1, y1, x2, y2] per edge. */
  private readonly edges: Float64Array;
  /** For each band, the indexes of the edges crossing it. */
  private readonly bandEdges: Uint32Array[];

  constructor(geometry: UnitGeometry, bands?: number) {
    const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    const flat: number[] = [];
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const poly of polys) {
      for (const ring of poly) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const [x1, y1] = ring[i]! as [number, number];
          const [x2, y2] = ring[i + 1]! as [number, number];
          if (x1 === x2 && y1 === y2) continue;
          flat.push(x1, y1, x2, y2);
          minX = Math.min(minX, x1, x2);
          maxX = Math.max(maxX, x1, x2);
          minY = Math.min(minY, y1, y2);
          maxY = Math.max(maxY, y1, y2);
        }
      }
    }
    this.minX = minX;
    this.minY = minY;
    this.maxX = maxX;
    this.maxY = maxY;
    this.edges = Float64Array.from(flat);
    const edgeCount = flat.length / 4;
    const n = Math.max(1, bands ?? Math.min(1024, Math.ceil(edgeCount / 4)));
    this.bandCount = n;
    this.bandHeight = (maxY - minY) / n || 1;
    const lists: number[][] = Array.from({ length: n }, () => []);
    for (let e = 0; e < edgeCount; e++) {
      const y1 = flat[4 * e + 1]!;
      const y2 = flat[4 * e + 3]!;
      const b0 = this.band(Math.min(y1, y2));
      const b1 = this.band(Math.max(y1, y2));
      for (let b = b0; b <= b1; b++) lists[b]!.push(e);
    }
    this.bandEdges = lists.map((l) => Uint32Array.from(l));
  }

  private band(y: number): number {
    const b = Math.floor((y - this.minY) / this.bandHeight);
    return b < 0 ? 0 : b >= this.bandCount ? this.bandCount - 1 : b;
  }

  /** True when (x, y) is inside or on the boundary. */
  contains(x: number, y: number): boolean {
    if (x < this.minX || x > this.maxX || y < this.minY || y > this.maxY) return false;
    const e = this.edges;
    let inside = false;
    for (const k of this.bandEdges[this.band(y)]!) {
      const x1 = e[4 * k]!;
      const y1 = e[4 * k + 1]!;
      const x2 = e[4 * k + 2]!;
      const y2 = e[4 * k + 3]!;
      // On the edge: collinear and within its bounding box.
      if (
        (x2 - x1) * (y - y1) - (y2 - y1) * (x - x1) === 0 &&
        x >= Math.min(x1, x2) &&
        x <= Math.max(x1, x2) &&
        y >= Math.min(y1, y2) &&
        y <= Math.max(y1, y2)
      ) {
        return true;
      }
      // Crossing test with the half-open rule (y1 <= y < y2 or y2 <= y < y1).
      if (y1 > y !== y2 > y && x < ((x2 - x1) * (y - y1)) / (y2 - y1) + x1) inside = !inside;
    }
    return inside;
  }
}
