import { unprojectToLonLat, type MetricCrs, type SquareGrid } from '@vigia/analysis';
import { round } from './selection.js';

/** The closed ring of grid cell `id` in WGS84 [lon, lat] (corners SW, SE, NE, NW, SW; 6 decimals). */
export function cellRing(grid: SquareGrid, id: number, crs: MetricCrs): number[][] {
  const col = id % grid.nCols;
  const row = Math.floor(id / grid.nCols);
  const c = grid.cellSizeMeters;
  const x0 = grid.x0 + col * c;
  const y0 = grid.y0 + row * c;
  const { lons, lats } = unprojectToLonLat([x0, x0 + c, x0 + c, x0, x0], [y0, y0, y0 + c, y0 + c, y0], crs);
  return Array.from(lons, (lon, k) => [round(lon, 6), round(lats[k]!, 6)]);
}
