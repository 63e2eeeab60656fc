import type { UnitGeometry } from '@vigia/domain';
import { neighboursFromLists, type Neighbours } from './neighbours.js';

/**
 * Queen contiguity between polygons: two polygons are neighbours when any vertex of one lies within
 * `snap` of a vertex of the other along both x and y (they share at least a corner).
 * Bounding boxes (grown by `snap`) are compared first.
 *
 * @param polygons - GeoJSON Polygon / MultiPolygon geometries (any planar units; holes included).
 * @param snap - coordinate tolerance in the polygons' units (default 1.49e-8, spdep's
 *   sqrt(.Machine$double.eps)).
 * @returns the neighbour list in input order. O(n² · bbox overlap test + v_a·v_b for overlapping pairs).
 * @see spdep::poly2nb(queen = TRUE); reproduces ../shared/reference/moran/columbus_queen_from_polygons.gal
 *   (236 links; PySAL Queen gives the same).
 */
export function queenContiguity(
  polygons: readonly UnitGeometry[],
  snap = Math.sqrt(2.220446049250313e-16),
): Neighbours {
  const verts = polygons.map((g) => {
    const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
    const pts = rings.flat();
    const xs = Float64Array.from(pts, (p) => p[0]!);
    const ys = Float64Array.from(pts, (p) => p[1]!);
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let k = 0; k < xs.length; k++) {
      minX = Math.min(minX, xs[k]!);
      maxX = Math.max(maxX, xs[k]!);
      minY = Math.min(minY, ys[k]!);
      maxY = Math.max(maxY, ys[k]!);
    }
    return { xs, ys, minX, minY, maxX, maxY };
  });
  const lists: number[][] = polygons.map(() => []);
  for (let a = 0; a < verts.length; a++) {
    const A = verts[a]!;
    for (let b = a + 1; b < verts.length; b++) {
      const B = verts[b]!;
      if (
        A.minX > B.maxX + snap ||
        B.minX > A.maxX + snap ||
        A.minY > B.maxY + snap ||
        B.minY > A.maxY + snap
      )
        continue;
      if (shareVertex(A.xs, A.ys, B.xs, B.ys, snap)) {
        lists[a]!.push(b);
        lists[b]!.push(a);
      }
    }
  }
  return neighboursFromLists(lists);
}

function shareVertex(
  ax: Float64Array,
  ay: Float64Array,
  bx: Float64Array,
  by: Float64Array,
  snap: number,
): boolean {
  for (let i = 0; i < ax.length; i++) {
    for (let j = 0; j < bx.length; j++) {
      if (Math.abs(ax[i]! - bx[j]!) <= snap && Math.abs(ay[i]! - by[j]!) <= snap) return true;
    }
  }
  return false;
}
