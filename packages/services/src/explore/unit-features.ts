import { VigiaError, type UnitGeometry } from '@vigia/domain';
import type { Store } from '@vigia/store';
import { requireAgency } from '../agency/require-agency.js';

/** Units as a GeoJSON FeatureCollection (RFC 7946, WGS84), one feature per unit. */
export interface UnitFeatureCollection {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    id: number;
    geometry: UnitGeometry | null;
    properties: { code: string; name: string; level: string; depth: number; parent: string | null };
  }[];
}

/**
 * The agency's units with their polygons, top level first, optionally of one level only. `parent` is the
 * parent unit's code.
 * @throws VigiaError UNKNOWN_LEVEL, NOT_INITIALIZED.
 */
export async function unitFeatures(
  store: Store,
  options: { level?: string | undefined; withGeometry?: boolean } = {},
): Promise<UnitFeatureCollection> {
  await requireAgency(store);
  const levels = await store.listUnitLevels();
  if (options.level !== undefined && !levels.some((l) => l.name === options.level)) {
    throw new VigiaError('UNKNOWN_LEVEL', {
      value: options.level,
      available: levels.map((l) => l.name).join(', '),
    });
  }
  const units = await store.listUnits({ withGeometry: options.withGeometry ?? true });
  const codeOf = new Map(units.map((u) => [u.id, u.code]));
  return {
    type: 'FeatureCollection',
    features: units
      .filter((u) => options.level === undefined || u.level === options.level)
      .map((u) => ({
        type: 'Feature',
        id: u.id,
        geometry: u.geometry,
        properties: {
          code: u.code,
          name: u.name,
          level: u.level,
          depth: u.depth,
          parent: u.parentId === null ? null : (codeOf.get(u.parentId) ?? null),
        },
      })),
  };
}
