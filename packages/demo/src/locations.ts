import type { Rng } from './prng.js';
import { findSector, sectorByCode, type Bbox, type DemoSector, type DemoUnits } from './units.js';

/** A generated location: the sector (source unit) and a point strictly inside it, 6 decimals. */
export interface DemoPoint {
  sector: DemoSector;
  /** Longitude, WGS84 degrees, rounded to 1e-6 (≈ 0.1 m). */
  lon: number;
  /** Latitude, WGS84 degrees, rounded to 1e-6. */
  lat: number;
}

const M_PER_DEG_LAT = 110_574;
const M_PER_DEG_LON_EQUATOR = 111_320;
/** Keeps uniform points this far (degrees, ≈ 1 m) from sector edges so rounding never lands on one. */
const EDGE_MARGIN_DEG = 1e-5;

/** Rounds to 6 decimals, the precision written to the CSV. */
export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** Point at fractions (fx, fy) of a rectangle. */
export function pointInBbox(bbox: Bbox, fx: number, fy: number): [number, number] {
  return [bbox[0] + fx * (bbox[2] - bbox[0]), bbox[1] + fy * (bbox[3] - bbox[1])];
}

/** A point drawn uniformly inside `sector`, at least about 1 m from its edges. */
export function uniformInSector(rng: Rng, sector: DemoSector): DemoPoint {
  const [x0, y0, x1, y1] = sector.bbox;
  return {
    sector,
    lon: round6(rng.uniform(x0 + EDGE_MARGIN_DEG, x1 - EDGE_MARGIN_DEG)),
    lat: round6(rng.uniform(y0 + EDGE_MARGIN_DEG, y1 - EDGE_MARGIN_DEG)),
  };
}

/**
 * A point around a place: Gaussian with standard deviation `sigmaMeters` around `centre`, or around a
 * uniformly chosen point of the segment centre→`to` when `to` is given (a street). Draws again when the
 * point falls outside the city or on a sector edge; after 50 misses it falls back to a uniform point of
 * `fallbackSector` (never reached with the demo's places, which sit well inside the city).
 */
export function pointNear(
  rng: Rng,
  units: DemoUnits,
  centre: readonly [number, number],
  to: readonly [number, number] | undefined,
  sigmaMeters: number,
  fallbackSector: DemoSector,
): DemoPoint {
  const mPerDegLon = M_PER_DEG_LON_EQUATOR * Math.cos((centre[1] * Math.PI) / 180);
  for (let attempt = 0; attempt < 50; attempt++) {
    let [x, y] = centre;
    if (to) {
      const t = rng.next();
      x += t * (to[0] - x);
      y += t * (to[1] - y);
    }
    const lon = round6(x + (sigmaMeters * rng.normal()) / mPerDegLon);
    const lat = round6(y + (sigmaMeters * rng.normal()) / M_PER_DEG_LAT);
    const sector = findSector(units, lon, lat);
    if (sector) return { sector, lon, lat };
  }
  return uniformInSector(rng, fallbackSector);
}

/** A place given relative to a sector (see DemoHotSpot.at), as lon/lat degrees. */
export function placeInSector(
  units: DemoUnits,
  sectorCode: string,
  at: readonly [number, number],
): [number, number] {
  return pointInBbox(sectorByCode(units, sectorCode).bbox, at[0], at[1]);
}
