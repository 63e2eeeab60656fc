import { locationFlagCode, type IncidentBatch } from '@vigia/domain';
import { LocationPlacer, type Placement, type PlacementRules, type PlacementUnit } from './place-incident.js';

/** Placement figures of the rows placed so far (the same names as in IncidentRowsSummary). */
export interface PlacementCounts {
  noLocation: number;
  outsideJurisdiction: number;
  unitDisagreements: number;
  /** Rows naming a source unit that is not a known unit. */
  unknownSourceUnits: number;
}

/**
 * Adds one placed row to `counts`: its location flag, a disagreement between polygon and source unit,
 * and a source unit named (`namesSourceUnit`) that is not a known unit. The same figures whether rows
 * are placed as they are mapped (IncidentRows) or later (BatchPlacer).
 */
export function countPlacement(counts: PlacementCounts, p: Placement, namesSourceUnit: boolean): void {
  if (p.locationFlag === 'no_location') counts.noLocation++;
  else if (p.locationFlag === 'outside_jurisdiction') counts.outsideJurisdiction++;
  if (p.unitDisagrees) counts.unitDisagreements++;
  if (namesSourceUnit && p.sourceUnitId === null) counts.unknownSourceUnits++;
}

/**
 * Places the incidents of {@link IncidentBatch}es whose rows were mapped but not placed (see
 * IncidentRows' `place: false`): fills each row's `sourceUnitId`, `polygonUnitId`, `unitId`,
 * `locationFlag` and `unitDisagrees` from its `lon`, `lat` (NaN: none) and `sourceUnit`, by the rules
 * of {@link createLocationPlacer}, and counts what IncidentRows would have counted.
 *
 * Why: the point-in-polygon work then runs in the thread that stores the batches rather than in the
 * import's worker thread, which reads and maps the file and bounds the import's speed.
 *
 * Batches must come in the order their builder made them (source unit texts arrive once each, in
 * `newSourceUnits`).
 *
 * @throws Error from `place` when a batch comes out of order.
 */
export class BatchPlacer {
  readonly counts: PlacementCounts = {
    noLocation: 0,
    outsideJurisdiction: 0,
    unitDisagreements: 0,
    unknownSourceUnits: 0,
  };
  private readonly placer: LocationPlacer;
  /** The unit each source unit text of the batches names, by the texts' index (undefined: unknown). */
  private readonly sources: (PlacementUnit | undefined)[] = [];

  constructor(units: readonly PlacementUnit[], rules: PlacementRules) {
    this.placer = new LocationPlacer(units, rules);
  }

  /** Places every row of `b` in place. */
  place(b: IncidentBatch): void {
    if (b.sourceUnitsFrom !== this.sources.length) {
      throw new Error('incident batches must be placed in the order they were built');
    }
    for (const text of b.newSourceUnits) this.sources.push(this.placer.sourceUnit(text));
    for (let i = 0; i < b.length; i++) {
      const lon = b.lon[i]!;
      const lat = b.lat[i]!;
      const su = b.sourceUnit[i]!;
      const source = su < 0 ? undefined : this.sources[su];
      const p = this.placer.place(Number.isNaN(lon) ? null : lon, Number.isNaN(lat) ? null : lat, source);
      b.sourceUnitId[i] = p.sourceUnitId ?? -1;
      b.polygonUnitId[i] = p.polygonUnitId ?? -1;
      b.unitId[i] = p.unitId ?? -1;
      b.locationFlag[i] = locationFlagCode(p.locationFlag);
      b.unitDisagrees[i] = p.unitDisagrees ? 1 : 0;
      countPlacement(this.counts, p, su >= 0);
    }
  }
}
