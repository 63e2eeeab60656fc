import { cellToBoundary, gridDisk, isValidCell, latLngToCell } from 'h3-js';
import { VigiaError } from '@vigia/domain';
import { neighboursFromLists, type Neighbours } from '../weights/neighbours.js';

/** Result of {@link h3Counts}. */
export interface H3Counts {
  /** Distinct H3 cells holding at least one point, sorted (their index strings). */
  cells: string[];
  /** Points per cell, parallel to `cells`. */
  counts: Int32Array;
  /** Position in `cells` of each point, −1 when the point has no valid coordinates. */
  cellOf: Int32Array;
  /** Points without valid coordinates (not placed, counted here). */
  invalid: number;
}

/**
 * Counts WGS 84 points per H3 hexagon of one resolution (Uber's hierarchical hexagonal grid; hexagons
 * of a resolution have nearly equal area: res 8 ≈ 0.74 km², res 9 ≈ 0.105 km²).
 *
 * @param lons - longitudes in degrees; lats - latitudes in degrees, same length.
 * @param resolution - H3 resolution, a whole number 0..15.
 * @throws VigiaError INVALID_ARGUMENT for a bad resolution or mismatched lengths.
 * @see h3-js (https://h3geo.org); cells with no points are not listed: add them with {@link h3Neighbours}
 *   rings or polygonToCells when zeros matter (Gi* needs them).
 */
export function h3Counts(lons: ArrayLike<number>, lats: ArrayLike<number>, resolution: number): H3Counts {
  if (!Number.isInteger(resolution) || resolution < 0 || resolution > 15) {
    throw new VigiaError('INVALID_ARGUMENT', { name: 'resolution', value: String(resolution) });
  }
  if (lons.length !== lats.length)
    throw new VigiaError('INVALID_ARGUMENT', {
      name: 'lats.length',
      value: `${lats.length} ≠ ${lons.length}`,
    });
  const ids: (string | null)[] = [];
  const tally = new Map<string, number>();
  let invalid = 0;
  for (let i = 0; i < lons.length; i++) {
    const lon = lons[i]!;
    const lat = lats[i]!;
    if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) {
      ids.push(null);
      invalid++;
      continue;
    }
    const c = latLngToCell(lat, lon, resolution);
    ids.push(c);
    tally.set(c, (tally.get(c) ?? 0) + 1);
  }
  const cells = [...tally.keys()].sort();
  const pos = new Map(cells.map((c, k) => [c, k]));
  return {
    cells,
    counts: Int32Array.from(cells, (c) => tally.get(c)!),
    cellOf: Int32Array.from(ids, (c) => (c === null ? -1 : pos.get(c)!)),
    invalid,
  };
}

/**
 * Neighbour list of H3 cells: those within `k` grid steps (k = 1: the 6 adjacent hexagons) that are in
 * `cells` too. Use it as Gi* weights over hexagons.
 * @throws VigiaError INVALID_ARGUMENT when a cell index is not valid.
 */
export function h3Neighbours(cells: readonly string[], k = 1): Neighbours {
  const pos = new Map(cells.map((c, i) => [c, i]));
  return neighboursFromLists(
    cells.map((c) => {
      if (!isValidCell(c)) throw new VigiaError('INVALID_ARGUMENT', { name: 'H3 cell', value: c });
      return gridDisk(c, k)
        .map((d) => pos.get(d))
        .filter((j): j is number => j !== undefined);
    }),
  );
}

/** The boundary of an H3 cell as a closed GeoJSON ring of [lon, lat] (degrees). */
export function h3CellRing(cell: string): number[][] {
  const ring = cellToBoundary(cell, true); // GeoJSON order [lon, lat], already closed
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  return first[0] === last[0] && first[1] === last[1] ? ring : [...ring, first];
}
