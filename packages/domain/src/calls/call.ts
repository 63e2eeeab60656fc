import type { LocationFlag } from '../incident/incident.js';

/**
 * How precise a call's timestamps are: `second` when the source gives clock times, `date` when it gives
 * dates only (e.g. the Sacramento dispatch extract). Date-only calls count in volume and never in
 * response-time statistics.
 */
export type CallTimePrecision = 'second' | 'date';

/**
 * One call for service (CAD record) as it comes out of import validation.
 *
 * Times are UTC instants in epoch milliseconds (null when the source has none), converted from the
 * source's local wall times with the agency's (or the profile's) IANA time zone, never the host's.
 * `receivedLocal` keeps the local wall time the call was received (`YYYY-MM-DDTHH:mm:ss`), so the
 * day, hour and weekday of a call are never recomputed in another zone. When several rows share a call
 * id (one row per responding unit), the store merges them: earliest dispatch and arrival, latest
 * clearance (the first unit to arrive defines arrival).
 */
export interface CallRecord {
  /** The source's CAD event number, or one derived from the row content (see ingest/stable-id). */
  sourceId: string;
  sourceIdDerived: boolean;
  /** Received (queued) instant; required. */
  receivedAt: number;
  receivedLocal: string;
  dispatchedAt: number | null;
  enRouteAt: number | null;
  /** First unit on scene. */
  onSceneAt: number | null;
  clearedAt: number | null;
  timePrecision: CallTimePrecision;
  /** CAD priority as written (e.g. "1" highest), or null. */
  priority: string | null;
  /** How the call arrived (e.g. "911", "TELEPHONE OTHER, NOT 911", "ONVIEW"), or null. */
  channel: string | null;
  /** Call type at intake and at clearance. */
  initialType: string | null;
  finalType: string | null;
  /** Disposition (clearance) label, or null. */
  disposition: string | null;
  /** Officer-initiated (on-view) call: excluded from response time by default. */
  officerInitiated: boolean;
  /** True/false when the source says whether an arrest was made; null when it does not. */
  arrest: boolean | null;
  /** CAD unit ids (patrol units) that responded, as written; may be empty. */
  respondingUnits: string[];
  /** WGS84 degrees, or null. */
  lon: number | null;
  lat: number | null;
  /** Organizational unit code the source names (e.g. beat), or null. */
  sourceUnit: string | null;
}

/** A call placed in the unit hierarchy (same rules as incidents: docs/methods/unit-assignment.md). */
export interface PlacedCall extends CallRecord {
  polygonUnitId: number | null;
  sourceUnitId: number | null;
  unitId: number | null;
  locationFlag: LocationFlag;
  unitDisagrees: boolean;
}
