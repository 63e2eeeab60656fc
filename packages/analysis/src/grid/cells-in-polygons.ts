import type { UnitGeometry } from '@vigia/domain';
import type { SquareGrid } from './square-grid.js';

/**
 * The cells of a grid whose closed square intersects any of the polygons (interior, boundary or a
 * corner touch), e.g. the study area of a hot-spot analysis: the cells covering a unit.
 *
 * A cell is kept when its centre is inside a polygon (even–odd rule per row of centres, holes
 * excluded) or when a polygon edge meets its closed square (each edge is tested against the cells of
 * its bounding box). Polygons must be in the grid's CRS (metres).
 *
 * @param grid - the grid.
 * @param polygons - Polygon / MultiPolygon geometries in the grid's CRS.
 * @returns ascending cell ids (row·nCols + col). O(rows · edges + Σ cells per edge box).
 * @see sf::st_intersects of the cell squares with the union of the polygons, as in
 *   ../shared/reference/gistar/make_gistar.R (2,669 Chicago cells).
 */
export function cellsInPolygons(grid: SquareGrid, polygons: readonly UnitGeometry[]): Int32Array {
  const { x0, y0, cellSizeMeters: c, nCols, nRows } = grid;
  const keep = new Uint8Array(nCols * nRows);
  const rings: number[][][] = [];
  for (const g of polygons)
    for (const r of g.type === 'Polygon' ? g.coordinates : g.coordinates.flat()) rings.push(r);
  // 1. edges: every cell whose closed square meets a segment
  for (const ring of rings) {
    for (let k = 0; k + 1 < ring.length; k++) {
      const [ax, ay] = ring[k] as [number, number];
      const [bx, by] = ring[k + 1] as [number, number];
      const c0 = Math.max(0, Math.floor((Math.min(ax, bx) - x0) / c) - 1);
      const c1 = Math.min(nCols - 1, Math.floor((Math.max(ax, bx) - x0) / c));
      const r0 = Math.max(0, Math.floor((Math.min(ay, by) - y0) / c) - 1);
      const r1 = Math.min(nRows - 1, Math.floor((Math.max(ay, by) - y0) / c));
      for (let row = r0; row <= r1; row++) {
        for (let col = c0; col <= c1; col++) {
          const id = row * nCols + col;
          if (keep[id]) continue;
          const sx = x0 + col * c;
          const sy = y0 + row * c;
          if (segmentMeetsBox(ax, ay, bx, by, sx, sy, sx + c, sy + c)) keep[id] = 1;
        }
      }
    }
  }
  // 2. interior: centres inside (even–odd over all rings of all polygons)
  const xs: number[] = [];
  for (let row = 0; row < nRows; row++) {
    const y = y0 + (row + 0.5) * c;
    xs.length = 0;
    for (const ring of rings) {
      for (let k = 0; k + 1 < ring.length; k++) {
        const [ax, ay] = ring[k] as [number, number];
        const [bx, by] = ring[k + 1] as [number, number];
        if (ay > y !== by > y) xs.push(ax + ((y - ay) * (bx - ax)) / (by - ay));
      }
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const from = Math.max(0, Math.ceil((xs[k]! - x0) / c - 0.5));
      const to = Math.min(nCols - 1, Math.floor((xs[k + 1]! - x0) / c - 0.5));
      for (let col = from; col <= to; col++) keep[row * nCols + col] = 1;
    }
  }
  const ids: number[] = [];
  keep.forEach((v, id) => {
    if (v) ids.push(id);
  });
  return Int32Array.from(ids);
}

/** True when the segment a–b meets the closed box [minX, maxX] × [minY, maxY] (Liang–Barsky clipping). */
function segmentMeetsBox(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  minX: number,
  minY: number,
  maxX: number,
  maxY: number,
): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = bx - ax;
  const dy = by - ay;
  const clip = (p: number, q: number): boolean => {
    if (p === 0) return q >= 0;
    const t = q / p;
    if (p < 0) {
      if (t > t1) return false;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return false;
      if (t < t1) t1 = t;
    }
    return true;
  };
  return clip(-dx, ax - minX) && clip(dx, maxX - ax) && clip(-dy, ay - minY) && clip(dy, maxY - ay);
}
