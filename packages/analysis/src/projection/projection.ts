import proj4 from 'proj4';
import EPSG_DEFINITIONS from 'proj4js-definitions';
import { VigiaError } from '@vigia/domain';

/**
 * A metric coordinate reference system: an EPSG code of a WGS 84 UTM zone (32601–32660 north,
 * 32701–32760 south), one of the few other codes listed in {@link KNOWN_CRS}, or a PROJ string for
 * anything else (e.g. a national grid). All distances downstream are in its metres.
 */
export type MetricCrs = number | { proj4: string };

/** Metric CRSs known by EPSG code besides the UTM zones (PROJ definitions from epsg.io). */
export const KNOWN_CRS: Readonly<Record<number, string>> = {
  // Web Mercator is not distance-true (scale 1/cos φ): only for display.
  3857: '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs',
  // CRTM05, Costa Rica
  5367: '+proj=tmerc +lat_0=0 +lon_0=-84 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +units=m +no_defs',
};

/**
 * The PROJ definition of a metric CRS: WGS 84 UTM zones and {@link KNOWN_CRS} built in, any other EPSG
 * code looked up in the EPSG list of proj4js-definitions (4,758 codes, from epsg.io) and checked by
 * {@link metricCrsDefinition}.
 * @throws VigiaError CRS_UNKNOWN, CRS_NOT_METRIC (see metricCrsDefinition).
 */
export function crsDefinition(crs: MetricCrs): string {
  if (typeof crs !== 'number') return crs.proj4;
  if (crs >= 32601 && crs <= 32660) return `+proj=utm +zone=${crs - 32600} +datum=WGS84 +units=m +no_defs`;
  if (crs >= 32701 && crs <= 32760)
    return `+proj=utm +zone=${crs - 32700} +south +datum=WGS84 +units=m +no_defs`;
  return KNOWN_CRS[crs] ?? metricCrsDefinition(crs);
}

let epsgList: Map<number, string> | undefined;

/**
 * The PROJ definition of EPSG code `code` when it is a projected CRS in metres that proj4js can use:
 * listed in proj4js-definitions, `+units=m` (not feet, not degrees, not geocentric), and accepted by
 * proj4. The check an agency's configured EPSG code goes through.
 * @throws VigiaError CRS_UNKNOWN (not an EPSG code in the list, or one proj4 cannot use);
 *   CRS_NOT_METRIC (geographic, geocentric, or another unit: `unit` says which).
 * @see proj4js-definitions (https://github.com/DanielJDufour/proj4js-definitions, CC0).
 */
export function metricCrsDefinition(code: number): string {
  epsgList ??= new Map(EPSG_DEFINITIONS.map(([k, v]) => [Number(k.replace('EPSG:', '')), v]));
  const def = Number.isInteger(code) ? epsgList.get(code) : undefined;
  if (def === undefined) throw new VigiaError('CRS_UNKNOWN', { value: String(code) });
  const proj = /\+proj=(\w+)/.exec(def)?.[1] ?? '';
  if (proj === 'longlat' || proj === 'latlong')
    throw new VigiaError('CRS_NOT_METRIC', { value: String(code), unit: 'degree' });
  if (proj === 'geocent') throw new VigiaError('CRS_NOT_METRIC', { value: String(code), unit: 'geocentric' });
  if (!/\+units=m(\s|$)/.test(def)) {
    const unit = /\+units=(\S+)/.exec(def)?.[1] ?? /\+to_meter=\S+/.exec(def)?.[0] ?? '?';
    throw new VigiaError('CRS_NOT_METRIC', { value: String(code), unit });
  }
  try {
    proj4('EPSG:4326', def); // parses the definition: throws for a projection proj4js does not implement
  } catch (e) {
    throw new VigiaError('CRS_UNKNOWN', { value: String(code) }, { cause: e });
  }
  return def;
}

/**
 * EPSG code of the WGS 84 UTM zone containing a point (zone = ⌊(lon + 180)/6⌋ + 1; 326zz north of the
 * equator, 327zz south; the Norway/Svalbard exceptions are ignored). The default metric CRS of an
 * agency is the zone of the median of its incident coordinates.
 *
 * @param lon - longitude in degrees, −180..180; lat - latitude in degrees.
 * @throws VigiaError INVALID_ARGUMENT when the coordinates are out of range.
 */
export function utmEpsgFor(lon: number, lat: number): number {
  if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
    throw new VigiaError('INVALID_ARGUMENT', { name: 'lon/lat', value: `${lon}, ${lat}` });
  }
  const zone = Math.min(60, Math.floor((lon + 180) / 6) + 1);
  return (lat >= 0 ? 32600 : 32700) + zone;
}

/**
 * Projects WGS 84 longitude/latitude (EPSG:4326, degrees) to a metric CRS with proj4js (a maintained
 * port of PROJ; UTM uses the extended transverse Mercator of Poder/Engsager, as PROJ ≥ 4.9).
 *
 * @param lons - longitudes in degrees; lats - latitudes in degrees, same length.
 * @param crs - target CRS, see {@link MetricCrs}.
 * @returns x and y in metres. O(n).
 * @throws VigiaError INVALID_ARGUMENT when lengths differ or the CRS is unknown.
 * @see proj4js (https://github.com/proj4js/proj4js). Agrees with sf/PROJ 9.1.0 on the 15,328 Chicago
 *   points of ../shared/reference/gistar to the millimetre.
 */
export function projectLonLat(
  lons: ArrayLike<number>,
  lats: ArrayLike<number>,
  crs: MetricCrs,
): { xs: Float64Array; ys: Float64Array } {
  return transform(lons, lats, proj4('EPSG:4326', crsDefinition(crs)).forward);
}

/** The inverse of {@link projectLonLat}: metres of `crs` to WGS 84 longitude/latitude in degrees. */
export function unprojectToLonLat(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  crs: MetricCrs,
): { lons: Float64Array; lats: Float64Array } {
  const r = transform(xs, ys, proj4('EPSG:4326', crsDefinition(crs)).inverse);
  return { lons: r.xs, lats: r.ys };
}

function transform(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  fn: (p: [number, number]) => [number, number],
): { xs: Float64Array; ys: Float64Array } {
  if (a.length !== b.length)
    throw new VigiaError('INVALID_ARGUMENT', { name: 'coordinates', value: `${a.length} ≠ ${b.length}` });
  const xs = new Float64Array(a.length);
  const ys = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const [x, y] = fn([a[i]!, b[i]!]);
    xs[i] = x;
    ys[i] = y;
  }
  return { xs, ys };
}
