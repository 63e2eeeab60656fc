import {
  projectLonLat,
  recurringLocations,
  unprojectToLonLat,
  utmEpsgFor,
  type MetricCrs,
  type RecurringLocationsResult,
} from '@vigia/analysis';
import {
  VigiaError,
  isOffenseCategory,
  parseLocalDate,
  type OffenseCategory,
  type UnitGeometry,
} from '@vigia/domain';
import { unitCodeKey } from '@vigia/ingest';
import type { Store, StoredUnit } from '@vigia/store';
import { requireAgency } from '../agency/require-agency.js';

/** What every spatial analysis selects: a unit subtree, a category and a period. */
export interface SpatialSelectionInput {
  /** Unit code (its subtree; default the whole agency). */
  unit?: string | undefined;
  /** Offense category code (most serious offense; default all). */
  category?: string | undefined;
  /** First and last local occurrence dates, `YYYY-MM-DD`, inclusive. */
  from: string;
  to: string;
  /**
   * Metric CRS as an EPSG code (default: the agency's configured code, else the UTM zone of the median
   * incident location).
   */
  epsg?: number | undefined;
  /** Leave out incidents at locations that recur far more than chance (fallback geocodes). Default false. */
  excludeRecurring?: boolean | undefined;
}

/** A recurring location as reported (WGS84 and metres). */
export interface RecurringLocationReport {
  lon: number;
  lat: number;
  count: number;
  expected: number;
  pValue: number;
}

/** What the analyses were run on: the echo of the selection and the fate of every incident. */
export interface SpatialSelection {
  unit: { code: string; name: string; level: string } | null;
  category: OffenseCategory | null;
  from: string;
  to: string;
  /** `EPSG:326zz` or another code: the CRS of every x/y in metres. */
  crs: string;
  /** Incidents matching unit, category and period. */
  incidents: number;
  /** Of those, without a location (not analysed). */
  withoutLocation: number;
  /** Locations flagged as recurring far more than chance (possible fallback geocodes). */
  recurringLocations: RecurringLocationReport[];
  /** True when the incidents at those locations were left out. */
  recurringExcluded: boolean;
  /** Incidents analysed: incidents − withoutLocation − (excluded recurring ones). */
  analysed: number;
}

/** The analysed incidents: projected coordinates and local day numbers, plus context for the routines. */
export interface LoadedSelection {
  selection: SpatialSelection;
  xs: Float64Array;
  ys: Float64Array;
  days: Int32Array;
  epsg: number;
  /** Projected polygons of the study area (the unit, or every top-level unit); empty without polygons. */
  studyArea: UnitGeometry[];
}

/**
 * Loads the incidents of a selection from the store, projects them to metres, flags recurring
 * locations (and leaves them out when asked), and projects the study-area polygons.
 * @throws VigiaError NOT_INITIALIZED, UNKNOWN_UNIT, INVALID_ARGUMENT (category, dates), INVALID_DATE,
 *   CRS_UNKNOWN / CRS_NOT_METRIC (EPSG).
 */
export async function loadSelection(store: Store, input: SpatialSelectionInput): Promise<LoadedSelection> {
  const agency = await requireAgency(store);
  const fromDay = parseLocalDate(input.from);
  const toDay = parseLocalDate(input.to);
  if (toDay < fromDay)
    throw new VigiaError('INVALID_ARGUMENT', { name: '--from/--to', value: `${input.from} > ${input.to}` });
  let category: OffenseCategory | null = null;
  if (input.category !== undefined && input.category !== '*') {
    if (!isOffenseCategory(input.category))
      throw new VigiaError('INVALID_ARGUMENT', { name: '--category', value: input.category });
    category = input.category;
  }
  const units = await store.listUnits({ withGeometry: true });
  let root: StoredUnit | null = null;
  if (input.unit !== undefined) {
    const wanted = unitCodeKey(input.unit);
    root = units.filter((u) => unitCodeKey(u.code) === wanted).sort((a, b) => a.depth - b.depth)[0] ?? null;
    if (!root) throw new VigiaError('UNKNOWN_UNIT', { value: input.unit });
  }
  const pts = await store.listIncidentPoints({
    from: input.from,
    to: input.to,
    unitId: root?.id ?? null,
    category,
  });
  const located: number[] = [];
  for (let i = 0; i < pts.lon.length; i++)
    if (Number.isFinite(pts.lon[i]!) && Number.isFinite(pts.lat[i]!)) located.push(i);
  const lons = Float64Array.from(located, (i) => pts.lon[i]!);
  const lats = Float64Array.from(located, (i) => pts.lat[i]!);
  const epsg =
    input.epsg ?? agency.epsg ?? (located.length > 0 ? utmEpsgFor(median(lons), median(lats)) : 32616);
  const projected = projectLonLat(lons, lats, epsg);
  const recurring = recurringLocations(projected.xs, projected.ys);
  const keep = located.map((_, k) => k).filter((k) => !(input.excludeRecurring && recurring.isFlagged[k]));
  const areaUnits = root ? [root] : units.filter((u) => u.depth === 0);
  const studyArea = areaUnits.flatMap((u) => (u.geometry ? [projectGeometry(u.geometry, epsg)] : []));
  return {
    selection: {
      unit: root ? { code: root.code, name: root.name, level: root.level } : null,
      category,
      from: input.from,
      to: input.to,
      crs: `EPSG:${epsg}`,
      incidents: pts.lon.length,
      withoutLocation: pts.lon.length - located.length,
      recurringLocations: report(recurring, epsg),
      recurringExcluded: input.excludeRecurring === true,
      analysed: keep.length,
    },
    xs: Float64Array.from(keep, (k) => projected.xs[k]!),
    ys: Float64Array.from(keep, (k) => projected.ys[k]!),
    days: Int32Array.from(keep, (k) => pts.day[located[k]!]!),
    epsg,
    studyArea,
  };
}

/** Refuses an analysis with fewer than `min` located incidents, naming the selection. */
export function requireIncidents(loaded: LoadedSelection, min: number, analysis: string): void {
  if (loaded.xs.length >= min) return;
  const s = loaded.selection;
  throw new VigiaError('TOO_FEW_INCIDENTS', {
    count: loaded.xs.length,
    selection: `${s.unit ? `${s.unit.level} ${s.unit.code}` : '*'}, ${s.category ?? '*'}, ${s.from}..${s.to}`,
    analysis,
    min,
  });
}

function report(r: RecurringLocationsResult, epsg: MetricCrs): RecurringLocationReport[] {
  if (r.flagged.length === 0) return [];
  const back = unprojectToLonLat(
    r.flagged.map((f) => f.x),
    r.flagged.map((f) => f.y),
    epsg,
  );
  return r.flagged.map((f, k) => ({
    lon: round(back.lons[k]!, 6),
    lat: round(back.lats[k]!, 6),
    count: f.count,
    expected: f.expected,
    pValue: f.pValue,
  }));
}

function projectGeometry(g: UnitGeometry, epsg: MetricCrs): UnitGeometry {
  const ring = (r: number[][]): number[][] => {
    const p = projectLonLat(
      r.map((c) => c[0]!),
      r.map((c) => c[1]!),
      epsg,
    );
    return Array.from(p.xs, (x, i) => [x, p.ys[i]!]);
  };
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map(ring)) };
}

function median(v: Float64Array): number {
  const s = Float64Array.from(v).sort();
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

/** Rounds to `digits` decimals (coordinates in output: 6 decimals of a degree ≈ 0.1 m). */
export function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
