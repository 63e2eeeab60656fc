import type { OffenseCategory } from '../taxonomy/offense-categories.js';

/**
 * Record status. Only `unfounded` changes counting: an unfounded incident counts in neither year
 * (UCR: a report that investigation shows did not happen is removed from the counts).
 */
export type IncidentStatus = 'reported' | 'unfounded' | 'cleared';

/** Flags raised while placing an incident; the incident is always kept. */
export type LocationFlag = 'ok' | 'no_location' | 'outside_jurisdiction';

/** One offense of an incident: the canonical category and the label the source used. */
export interface Offense {
  category: OffenseCategory;
  /** The label exactly as in the source (after trimming), e.g. "ROBO A MANO ARMADA". */
  sourceLabel: string;
}

/**
 * One reported event (NIBRS sense), as it comes out of import validation.
 *
 * Times: `occurredAt` is the UTC instant in epoch milliseconds; `occurredLocal` is the local wall time
 * it came from (`YYYY-MM-DDTHH:mm:ss`, agency time zone), kept so a date is never recomputed in the
 * host's zone. `reportedLocalDate` is the report date when the source has one.
 */
export interface IncidentRecord {
  /** The source's record id, or one derived from the row content (see ingest/stable-id). */
  sourceId: string;
  /** True when `sourceId` was derived because the source has no id column. */
  sourceIdDerived: boolean;
  occurredAt: number;
  occurredLocal: string;
  reportedLocalDate: string | null;
  /** All offenses, most serious first; never empty (an unmapped label is `unclassified`). */
  offenses: Offense[];
  /** WGS84 degrees, or null when the source has none usable (empty, 0,0). */
  lon: number | null;
  lat: number | null;
  /** Unit code as the source names it (any level), or null. */
  sourceUnit: string | null;
  status: IncidentStatus;
  /**
   * Whether the source marks the incident as cleared by arrest (its arrest flag, e.g. Chicago's
   * `Arrest` column), as the export stood when it was extracted; null when the source does not say
   * (no arrest column mapped, an empty cell, or a value the mapping cannot read). Not a UCR clearance:
   * see docs/methods/clearance.md.
   */
  arrest: boolean | null;
}

/** An incident placed in the unit hierarchy: what the store keeps. Unit ids are the store's. */
export interface PlacedIncident extends IncidentRecord {
  /** Lowest unit whose polygon contains the point, or null. */
  polygonUnitId: number | null;
  /** Unit the source names, when it matches a known unit, or null. */
  sourceUnitId: number | null;
  /** Unit the incident counts in (profile rule: polygon by default, source unit when unmappable). */
  unitId: number | null;
  locationFlag: LocationFlag;
  /** True when the source names a unit and it differs from the polygon's at that level. */
  unitDisagrees: boolean;
}
