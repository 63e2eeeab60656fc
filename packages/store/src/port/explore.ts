import type { IncidentStatus, LocationFlag, OffenseCategory, QuarantineReason } from '@vigia/domain';

/**
 * Read queries behind the dashboard and the HTTP API (map, trends, data quality). Part of the Store
 * port; every adapter answers them with the same results (the contract tests hold both to it).
 */

/** Filter of an incident listing. Dates are local `YYYY-MM-DD` (agency time zone), inclusive. */
export interface IncidentQuery {
  from: string;
  to: string;
  /** A unit and its whole subtree; absent = the whole agency (incidents in no unit included). */
  unitId?: number | undefined;
  category?: OffenseCategory | undefined;
  /** WGS84 bounding box [west, south, east, north] in degrees; incidents without location never match. */
  bbox?: readonly [number, number, number, number] | undefined;
  /** Page size (at most 10,000) and 0-based offset, in occurrence order. */
  limit: number;
  offset: number;
}

/** One current, founded incident as the map and the incident list show it. */
export interface IncidentListItem {
  source: string;
  sourceId: string;
  /** Occurrence instant, ISO 8601 UTC. */
  occurredAt: string;
  /** Local occurrence date-time in the agency time zone, `YYYY-MM-DDTHH:mm:ss`. */
  occurredLocal: string;
  reportedDate: string | null;
  category: OffenseCategory;
  offenseLabels: string[];
  status: IncidentStatus;
  unitId: number | null;
  lon: number | null;
  lat: number | null;
  locationFlag: LocationFlag;
}

/** A page of incidents plus what the whole selection holds. */
export interface IncidentPage {
  items: IncidentListItem[];
  /** Incidents matching the filter (bbox included), all pages. */
  matched: number;
  /** Incidents matching every filter except the bbox that have no coordinates (counted, not drawn). */
  withoutLocation: number;
}

/** Daily counts query; dates local `YYYY-MM-DD`, inclusive. */
export interface DailyCountQuery {
  from: string;
  to: string;
  unitId?: number | undefined;
  category?: OffenseCategory | undefined;
  dateBasis: 'occurred' | 'reported';
  countEveryOffense: boolean;
}

/** Counts per local day (days with no incident are absent). */
export interface DailyCount {
  date: string;
  count: number;
}

/** The figures of the data-quality page, over current incidents of every status. */
export interface QualityFigures {
  incidents: number;
  /** With coordinates inside a unit polygon (location flag `ok`). */
  located: number;
  noLocation: number;
  outsideJurisdiction: number;
  /** Incidents whose source-named unit differs from the polygon that contains them. */
  unitDisagreements: number;
  unfounded: number;
  /** Source offense labels stored as unclassified, most frequent first (at most 100). */
  unclassifiedLabels: { label: string; count: number }[];
  /** Open quarantined rows by reason (a row with two reasons counts under each). */
  quarantineByReason: { reason: QuarantineReason; count: number }[];
  /** Open quarantined rows. */
  quarantinedRows: number;
}
