import type { IncidentRecord, LocationFlag, PlacedIncident } from '@vigia/domain';
import { UnitLocator, type LocatableUnit } from '../units/unit-locator.js';

/** A unit of the agency's hierarchy, as placement needs it. */
export interface PlacementUnit extends LocatableUnit {
  level: string;
  parentId: number | null;
}

/** Placement rules from the import mapping. */
export interface PlacementRules {
  /** Which unit counts when the polygon and the source disagree (default polygon). */
  unitOfRecord: 'polygon' | 'source';
  /** Level that the source's unit column names; default: the deepest level having that code. */
  sourceUnitLevel?: string | undefined;
}

/**
 * Matching key of a unit code: numeric codes lose leading zeros ("011" matches "11"), others are
 * upper-cased ("15e30" matches "15E30"), both trimmed.
 */
export function unitCodeKey(code: string): string {
  const t = code.trim();
  // Strip the zeros as text: Number() would round codes longer than 15 digits into each other.
  return /^\d+$/.test(t) ? t.replace(/^0+(?=\d)/, '') : t.toUpperCase();
}

/**
 * Builds the placement function of an import: for each incident record, the polygon unit (lowest unit
 * containing its point), the unit the source names, the unit it counts in, and its location flag.
 *
 * Rules (docs/methods/unit-assignment.md):
 * - a point inside a unit → flag "ok"; the unit of record is the polygon's unless the profile says
 *   `unitOfRecord: "source"` and the source names a known unit: then the source unit, or the polygon
 *   unit when it lies inside the source unit (a beat of the named district is more precise);
 * - no usable coordinates → flag "no_location"; counts in the unit the source names (COMPSTAT books
 *   count unmappable reports in their precinct), or only in the agency total when there is none;
 * - a point outside every polygon → flag "outside_jurisdiction" (often swapped or sign-less
 *   coordinates); counts like a no-location incident;
 * - when both exist, the source unit is compared with the polygon unit's ancestor at the source's level
 *   (or, when the polygon unit is higher, e.g. a point in a gap between beats, with the source unit's
 *   ancestor at the polygon unit's level): a difference sets `unitDisagrees` (counted in the import
 *   summary).
 * When the agency has no polygons at all, points cannot be placed: incidents count in the source unit
 * and are flagged "ok" when they have coordinates.
 */
export function createPlacer(
  units: readonly PlacementUnit[],
  rules: PlacementRules,
): (record: IncidentRecord) => PlacedIncident {
  const placeLocation = createLocationPlacer(units, rules);
  return (record) => {
    const p = placeLocation(record.lon, record.lat, record.sourceUnit);
    return {
      sourceId: record.sourceId,
      sourceIdDerived: record.sourceIdDerived,
      occurredAt: record.occurredAt,
      occurredLocal: record.occurredLocal,
      reportedLocalDate: record.reportedLocalDate,
      offenses: record.offenses,
      lon: record.lon,
      lat: record.lat,
      sourceUnit: record.sourceUnit,
      status: record.status,
      arrest: record.arrest,
      polygonUnitId: p.polygonUnitId,
      sourceUnitId: p.sourceUnitId,
      unitId: p.unitId,
      locationFlag: p.locationFlag,
      unitDisagrees: p.unitDisagrees,
    };
  };
}

/** Where one location places an incident (the derived fields of {@link PlacedIncident}). */
export interface Placement {
  polygonUnitId: number | null;
  sourceUnitId: number | null;
  unitId: number | null;
  locationFlag: LocationFlag;
  unitDisagrees: boolean;
}

/**
 * The placement rules of {@link createPlacer} applied to a bare location: WGS84 lon/lat (or null) and the
 * unit code the source names (or null). Used to re-place stored incidents when units change.
 */
export function createLocationPlacer(
  units: readonly PlacementUnit[],
  rules: PlacementRules,
): (lon: number | null, lat: number | null, sourceUnit: string | null) => Placement {
  const placer = new LocationPlacer(units, rules);
  return (lon, lat, sourceUnit) =>
    placer.place(lon, lat, sourceUnit === null ? undefined : placer.sourceUnit(sourceUnit));
}

/**
 * The rules of {@link createLocationPlacer} in two steps, so a caller that sees the same source unit
 * texts again and again (see BatchPlacer) looks each up once: `sourceUnit` finds the unit a text
 * names, `place` places a location given that unit.
 */
export class LocationPlacer {
  private readonly locator: UnitLocator;
  private readonly rules: PlacementRules;
  private readonly sourceIndex = new Map<string, PlacementUnit>();
  /** Ancestors of each unit by depth (itself at its own depth): placement asks for them every row. */
  private readonly ancestry = new Map<number, { depth: number; up: (number | null)[] }>();
  /** Source unit texts as written, looked up once each (null: not a known unit). */
  private readonly sourceByText = new Map<string, PlacementUnit | null>();

  constructor(units: readonly PlacementUnit[], rules: PlacementRules) {
    this.rules = rules;
    this.locator = new UnitLocator(units);
    const byId = new Map(units.map((u) => [u.id, u]));
    const candidates = [...units]
      .filter((u) => !rules.sourceUnitLevel || u.level === rules.sourceUnitLevel)
      .sort((a, b) => a.depth - b.depth); // deepest last, so it wins
    for (const u of candidates) this.sourceIndex.set(unitCodeKey(u.code), u);
    // The unit's ancestor at `depth` (itself at its own depth), or null.
    const walkUp = (id: number, depth: number): number | null => {
      let u = byId.get(id);
      while (u && u.depth > depth) u = u.parentId === null ? undefined : byId.get(u.parentId);
      return u && u.depth === depth ? u.id : null;
    };
    for (const u of units) {
      const up = Array.from({ length: u.depth + 1 }, (_, d) => walkUp(u.id, d));
      this.ancestry.set(u.id, { depth: u.depth, up });
    }
  }

  /** The unit a source's unit text names (see {@link unitCodeKey}), or undefined. */
  sourceUnit(text: string): PlacementUnit | undefined {
    const known = this.sourceByText.get(text);
    if (known !== undefined) return known ?? undefined;
    const u = this.sourceIndex.get(unitCodeKey(text));
    if (this.sourceByText.size < 100_000) this.sourceByText.set(text, u ?? null);
    return u;
  }

  /** Where a location goes, given the unit its source names ({@link sourceUnit}; undefined: none or unknown). */
  place(lon: number | null, lat: number | null, source: PlacementUnit | undefined): Placement {
    const sourceUnitId = source?.id ?? null;
    let polygonUnitId: number | null = null;
    let locationFlag: LocationFlag;
    if (lon === null || lat === null) {
      locationFlag = 'no_location';
    } else if (!this.locator.hasPolygons) {
      locationFlag = 'ok';
    } else {
      polygonUnitId = this.locator.locate(lon, lat);
      locationFlag = polygonUnitId === null ? 'outside_jurisdiction' : 'ok';
    }
    const unitDisagrees =
      source !== undefined && polygonUnitId !== null && this.disagrees(polygonUnitId, source);
    // Source rule: the source unit decides, but a polygon unit inside it (a beat of the source's
    // district) is more precise and consistent with it, so the incident counts there.
    let unitId: number | null;
    if (polygonUnitId === null) unitId = sourceUnitId;
    else if (this.rules.unitOfRecord === 'source' && source !== undefined) {
      unitId = this.ancestorAtDepth(polygonUnitId, source.depth) === source.id ? polygonUnitId : source.id;
    } else unitId = polygonUnitId;
    return { polygonUnitId, sourceUnitId, unitId, locationFlag, unitDisagrees };
  }

  private ancestorAtDepth(id: number, depth: number): number | null {
    return this.ancestry.get(id)?.up[depth] ?? null;
  }

  // Compared at the source's level, or at the polygon unit's when that is higher (a point in a gap
  // between beats lands in its district: a source beat of that district does not disagree).
  private disagrees(polygonUnitId: number, source: PlacementUnit): boolean {
    const depth = Math.min(source.depth, this.ancestry.get(polygonUnitId)?.depth ?? source.depth);
    return this.ancestorAtDepth(polygonUnitId, depth) !== this.ancestorAtDepth(source.id, depth);
  }
}
