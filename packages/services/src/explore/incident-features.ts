import { VigiaError, isOffenseCategory, parseLocalDate, type OffenseCategory } from '@vigia/domain';
import type { IncidentListItem, Store } from '@vigia/store';
import { requireAgency } from '../agency/require-agency.js';
import { findUnit } from '../units/find-unit.js';

/** Largest page the incident listing returns. */
export const MAX_INCIDENT_PAGE = 10_000;

/** Filter of {@link incidentFeatures}: local dates `YYYY-MM-DD` (agency time zone), inclusive. */
export interface IncidentFeaturesInput {
  from: string;
  to: string;
  /** Unit code: the unit and its subtree. */
  unit?: string | undefined;
  category?: string | undefined;
  /** [west, south, east, north] in WGS84 degrees. */
  bbox?: readonly number[] | undefined;
  /** Page size, 1–10,000 (default 1,000), and 0-based offset (default 0). */
  limit?: number | undefined;
  offset?: number | undefined;
}

/** A GeoJSON point feature per incident with a location (RFC 7946), plus paging and the unmapped count. */
export interface IncidentFeatureCollection {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    id: string;
    geometry: { type: 'Point'; coordinates: [number, number] } | null;
    properties: Omit<IncidentListItem, 'lon' | 'lat'> & { unit: string | null };
  }[];
  /** Incidents of the selection (all pages), those without location (counted, never drawn), paging. */
  matched: number;
  withoutLocation: number;
  limit: number;
  offset: number;
  nextOffset: number | null;
}

/**
 * Current, founded incidents of a date range as GeoJSON, filtered by unit subtree, category and bounding
 * box, one page at a time in occurrence order. Incidents without coordinates are listed with a null
 * geometry (GeoJSON allows it) and counted in `withoutLocation`, so a map can say what it cannot draw.
 * @throws VigiaError INVALID_DATE, INVALID_ARGUMENT (from after to, bad bbox, limit, offset or
 * category), UNKNOWN_UNIT, NOT_INITIALIZED.
 */
export async function incidentFeatures(
  store: Store,
  input: IncidentFeaturesInput,
): Promise<IncidentFeatureCollection> {
  await requireAgency(store);
  if (parseLocalDate(input.from) > parseLocalDate(input.to)) {
    throw new VigiaError('INVALID_ARGUMENT', { name: 'from', value: `${input.from} > ${input.to}` });
  }
  const limit = input.limit ?? 1000;
  const offset = input.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_INCIDENT_PAGE) {
    throw new VigiaError('INVALID_ARGUMENT', { name: 'limit', value: String(limit) });
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw new VigiaError('INVALID_ARGUMENT', { name: 'offset', value: String(offset) });
  }
  let category: OffenseCategory | undefined;
  if (input.category !== undefined) {
    if (!isOffenseCategory(input.category)) {
      throw new VigiaError('INVALID_ARGUMENT', { name: 'category', value: input.category });
    }
    category = input.category;
  }
  const bbox = input.bbox === undefined ? undefined : checkBbox(input.bbox);
  const units = await store.listUnits({ withGeometry: false });
  const unitId = input.unit === undefined ? undefined : findUnit(units, input.unit).id;
  const codeOf = new Map(units.map((u) => [u.id, u.code]));
  const page = await store.listIncidents({
    from: input.from,
    to: input.to,
    unitId,
    category,
    bbox,
    limit,
    offset,
  });
  return {
    type: 'FeatureCollection',
    features: page.items.map(({ lon, lat, ...p }) => ({
      type: 'Feature',
      id: `${p.source}/${p.sourceId}`,
      geometry: lon === null || lat === null ? null : { type: 'Point', coordinates: [lon, lat] },
      properties: { ...p, unit: p.unitId === null ? null : (codeOf.get(p.unitId) ?? null) },
    })),
    matched: page.matched,
    withoutLocation: page.withoutLocation,
    limit,
    offset,
    nextOffset: offset + page.items.length < page.matched ? offset + page.items.length : null,
  };
}

function checkBbox(b: readonly number[]): [number, number, number, number] {
  const [w, s, e, n] = b;
  const ok =
    b.length === 4 &&
    b.every((v) => Number.isFinite(v)) &&
    w! >= -180 &&
    e! <= 180 &&
    s! >= -90 &&
    n! <= 90 &&
    w! <= e! &&
    s! <= n!;
  if (!ok) throw new VigiaError('INVALID_ARGUMENT', { name: 'bbox', value: b.join(',') });
  return [w!, s!, e!, n!];
}
