/**
 * Response shapes of the Vigía HTTP API (/api/v1), mirroring packages/api/src/app/schemas.ts (the
 * source of truth, also published as OpenAPI at /api/docs). Dates are local to the agency time zone
 * (YYYY-MM-DD), weeks are ISO weeks (YYYY-Www, Monday–Sunday).
 */

export type Locale = 'es' | 'en';

/** GET /agency */
export interface Agency {
  name: string;
  country: string;
  timeZone: string;
  locale: Locale;
  weekStart: 'monday';
  levels: { name: string; depth: number; parentLevel: string | null }[];
  latestCompleteWeek: string;
  /** The week pages open on: the latest complete week, or the last week the data cover whole. */
  defaultWeek: string;
  dataRange: { first: string; last: string } | null;
  /** The week the police response page opens on: as defaultWeek, by the calls' dates. */
  responseDefaultWeek: string;
  /** First and last local dates of the calls for service; null without calls. */
  callDataRange: { first: string; last: string } | null;
  /** True for the synthetic demo agency: every screen says so. */
  demo: boolean;
  /** Metric CRS (EPSG code) of spatial analyses; null = the UTM zone of the data. */
  epsg: number | null;
}

/** GeoJSON polygon geometry in WGS84 degrees. */
export type UnitGeometry =
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] }
  | null;

/** GET /units: one feature per unit, top level first. */
export interface UnitFeature {
  type: 'Feature';
  id: number;
  geometry: UnitGeometry;
  properties: { code: string; name: string; level: string; depth: number; parent: string | null };
}
export interface UnitCollection {
  type: 'FeatureCollection';
  features: UnitFeature[];
}

/** GET /categories, most serious first. */
export interface Category {
  code: string;
  label: string;
  severityRank: number;
  iccs: string | null;
  iccsLabel: string | null;
  nibrs: string | null;
  ucr: string | null;
}

/** One COMPSTAT window: counts this period and the same period a year earlier, with the exact test. */
export interface Cell {
  current: number;
  previous: number;
  change: number;
  /** Percent change; null when the previous count is 0. */
  pctChange: number | null;
  pValue: number;
  significant: boolean;
}
export type WindowKey = 'wtd' | 'd28' | 'ytd';
export interface ReportRow {
  /** Unit code, or "*" for the agency total. */
  unit: string;
  unitName: string;
  level: string;
  /** Category code, or "*" for all categories. */
  category: string;
  wtd: Cell;
  d28: Cell;
  ytd: Cell;
}
export interface Period {
  start: string;
  end: string;
  previousStart: string;
  previousEnd: string;
}
/** Clearance by arrest of one unit and category in one window (see the API's CompstatReport schema). */
export interface Clearance {
  incidents: number;
  /** Incidents whose source carries an arrest flag: the rate's denominator. */
  withArrestData: number;
  clearedByArrest: number;
  /** 0–1; null when no incident of the window carries the flag. */
  clearanceRate: number | null;
}
/** The enforcement row of a report row: this year and last year per window. */
export type ClearanceRow = Pick<ReportRow, 'unit' | 'unitName' | 'level' | 'category'> &
  Record<WindowKey, { current: Clearance; previous: Clearance }>;
/** GET /reports/compstat */
export interface CompstatReport {
  week: string;
  timeZone: string;
  periods: Record<WindowKey, Period>;
  rows: ReportRow[];
  dataRange: { first: string; last: string } | null;
  /** How much of the week the data cover: unless whole, no change is marked significant. */
  weekCoverage: 'whole' | 'partial' | 'none';
  /** Cleared by arrest as flagged in the source; null when no incident of the windows carries a flag. */
  enforcement: { rows: ClearanceRow[] } | null;
  /** Per shown unit level: what its sub-units do not account for. */
  remainder: ReportRow[];
}

/** GET /incidents: points of a date range (geometry null = no location: counted, not drawn). */
export interface IncidentCollection {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    id: string;
    geometry: { type: 'Point'; coordinates: number[] } | null;
    properties: { occurredLocal: string; category: string; unit: string | null; locationFlag: string };
  }[];
  matched: number;
  withoutLocation: number;
  limit: number;
  offset: number;
  nextOffset: number | null;
}

/** GET /series/weekly */
export interface WeeklySeries {
  unit: string;
  category: string;
  week: string;
  timeZone: string;
  years: {
    isoYear: number;
    weeks: { week: number; start: string; end: string; count: number; rolling28: number }[];
  }[];
}

/** GET /quality */
export interface DataQuality {
  incidents: number;
  located: number;
  noLocation: number;
  outsideJurisdiction: number;
  unitDisagreements: number;
  unfounded: number;
  shareLocated: number | null;
  unclassifiedLabels: { label: string; count: number }[];
  quarantineByReason: { reason: string; label: string; count: number }[];
  quarantinedRows: number;
  imports: {
    importId: number;
    file: string;
    profile: string;
    startedAt: string;
    read: number;
    stored: number;
    updated: number;
    unchanged: number;
    quarantined: number;
  }[];
}

/** GET /quarantine */
export interface QuarantinePage {
  rows: {
    importId: number;
    file: string;
    row: number;
    reasons: string[];
    reasonLabels: string[];
    columns: string[];
    values: string[];
    status: string;
  }[];
  limit: number;
  offset: number;
}

/** What an uploaded export holds: incidents, or calls for service (CAD). */
export type ImportKind = 'incidents' | 'calls';

/** POST /imports and GET /imports/{jobId} */
export interface ImportJob {
  jobId: string;
  state: 'queued' | 'running' | 'merging' | 'done' | 'failed';
  kind: ImportKind;
  file: string;
  profile: string;
  bytesRead: number;
  totalBytes: number;
  /** As `vigia import incidents|calls --json` prints it. */
  summary: Record<string, unknown> | null;
  /** Labels of the quarantine reasons and interval flags the summary counts, by code. */
  labels: Record<string, string>;
  error: { code: string; message: string } | null;
}

/** GET /map-config: optional basemap (absent = no tiles fetched, the map stays offline). */
export interface MapConfig {
  styleUrl: string | null;
  tileUrl: string | null;
  attribution: string | null;
}

/** One row of the audit log (GET /audit): who did what to what, when, before and after. */
export interface AuditRow {
  seq: number;
  /** UTC instant, ISO 8601. */
  at: string;
  actor: string;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
  prevHash: string;
  hash: string;
}

/** GET /audit: newest first; `nextBeforeSeq` pages on (null on the last page). */
export interface AuditPage {
  rows: AuditRow[];
  nextBeforeSeq: number | null;
}

/** GET /audit/verify: the chain check, with its outcome in words in the request language. */
export interface AuditVerification {
  ok: boolean;
  rows: number;
  head: { seq: number; hash: string; at: string } | null;
  break: { seq: number; reason: 'edited' | 'missing' | 'relinked' } | null;
  anchor: { seq: number; hash: string; status: string; restoredAtSeq?: number } | null;
  findings: string[];
  problems: string[];
}

/** A role (packages/domain access/policy.ts). */
export type Role = 'admin' | 'analyst' | 'command_staff' | 'commander' | 'viewer';

/** An account as GET /users lists it (never its password). */
export interface UserView {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitCode: string | null;
  unitName: string | null;
  disabled: boolean;
  failedAttempts: number;
  /** UTC instant while locked after failed sign-ins. */
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

/** GET /auth/me and POST /auth/login: the signed-in user and the session's CSRF token. */
export interface Me {
  user: UserView;
  csrfToken: string;
  expiresAt: string;
}

/** What every analysis was run on (GET /analysis/*: `selection`). */
export interface AnalysisSelection {
  unit: { code: string; name: string; level: string } | null;
  category: string | null;
  from: string;
  to: string;
  crs: string;
  incidents: number;
  withoutLocation: number;
  recurringLocations: { lon: number; lat: number; count: number; expected: number; pValue: number }[];
  recurringExcluded: boolean;
  analysed: number;
}

/** A GeoJSON collection of grid cells (WGS84 polygons) with their properties. */
export interface CellCollection<P> {
  type: 'FeatureCollection';
  features: { type: 'Feature'; geometry: { type: 'Polygon'; coordinates: number[][][] }; properties: P }[];
}

/** GET /analysis/hotspots: Gi* per cell; class ±3/±2/±1 = hot/cold at 99/95/90 %, 0 not significant. */
export interface HotspotsResponse {
  analysis: 'hotspots';
  selection: AnalysisSelection;
  grid: { cellSizeMeters: number; nCols: number; nRows: number };
  weights: { kind: 'distance'; distanceBandMeters: number } | { kind: 'knn'; k: number };
  cells: CellCollection<{ id: number; count: number; z: number | null; p: number | null; class: number }>;
  outsideStudyArea: number;
  warnings: string[];
}

/** GET /analysis/kde?output=raster: the surface as an image (density per km², rows from the north). */
export interface KdeRasterResponse {
  analysis: 'kde';
  selection: AnalysisSelection;
  kernel: 'quartic' | 'gaussian';
  bandwidthMeters: number;
  grid: { cellSizeMeters: number; nCols: number; nRows: number };
  raster: { corners: [number, number][]; nCols: number; nRows: number; density: number[]; max: number };
  warnings: string[];
}

/** GET /analysis/emerging: cells with their emerging hot spot category. */
export interface EmergingResponse {
  analysis: 'emerging';
  selection: AnalysisSelection;
  step: 'week' | 'month';
  steps: { start: string; end: string; incidents: number }[];
  categories: Record<string, number>;
  cells: CellCollection<{ id: number; count: number; category: string; hotSteps: number; coldSteps: number }>;
  outsideStudyArea: number;
  outsideSteps: number;
  warnings: string[];
}

/** GET /analysis/knox: the near-repeat table (bands [from, to]; to null = open-ended) and its summary. */
export interface KnoxResponse {
  analysis: 'knox';
  selection: AnalysisSelection;
  pairs: number;
  permutations: number;
  spatialBands: [number, number | null][];
  temporalBands: [number, number | null][];
  table: { observed: number; expected: number | null; ratio: number | null; pValue: number }[][];
  summary: string[];
}

/** Response statistics of one group in one window (GET /reports/response). Seconds; null = none. */
export interface ResponseStats {
  calls: number;
  excluded: { dateOnly: number; officerInitiated: number; outOfOrder: number; noOnScene: number };
  measured: number;
  medianSec: number | null;
  p90Sec: number | null;
  processingMedianSec: number | null;
  travelMedianSec: number | null;
  /** Share on scene within the row's target (0–1); null when the row has no single priority's target. */
  withinTargetShare: number | null;
  withTarget: number;
}

/** Histogram of response times: counts[i] in [i·binWidth, (i+1)·binWidth) seconds, then the rest. */
export interface ResponseHistogram {
  binWidth: number;
  counts: number[];
  overflow: number;
}

/** One row of the response report: the agency ("*"), a priority, a channel or a unit. */
export interface ResponseRow {
  dimension: 'agency' | 'priority' | 'channel' | 'unit';
  key: string;
  targetSec: number | null;
  periods: Record<string, { current: ResponseStats; previous: ResponseStats }>;
}

/** GET /reports/response (packages/api/src/app/response-schemas.ts; only the fields the page reads). */
export interface ResponseReport {
  week: string | null;
  timeZone: string;
  periodKeys: string[];
  periods: Record<
    string,
    { start: string; end: string; previousStart: string; previousEnd: string; outsideData: boolean }
  >;
  options: {
    targetsSec: Record<string, number>;
    includeOfficerInitiated: boolean;
    unit: string | null;
    priority: string | null;
  };
  priorities: string[];
  dataRange: { first: string; last: string } | null;
  rows: ResponseRow[];
  hourWeekday: Record<
    string,
    { weekday: number; hour: number; calls: number; measured: number; medianSec: number | null }[]
  >;
  distribution: Record<string, { current: ResponseHistogram; previous: ResponseHistogram }>;
}

/** Action item status (open → in_progress → done, or dropped). */
export type ActionItemStatus = 'open' | 'in_progress' | 'done' | 'dropped';
export const ACTION_ITEM_STATUSES: readonly ActionItemStatus[] = ['open', 'in_progress', 'done', 'dropped'];

/** Why an item is on the agenda (docs/meetings.md). */
export type AgendaKind =
  'significant_increase' | 'volume_increase' | 'response_time' | 'hot_spot' | 'action_item';

/** Owner of an action item: both null = the unit's commander. */
export interface Owner {
  name: string | null;
  userId: number | null;
}

/** GET /meetings: one meeting without its agenda. */
export interface MeetingSummary {
  id: number;
  week: string;
  title: string;
  status: 'open' | 'closed';
  units: { id: number; code: string; name: string; level: string }[];
  createdBy: string;
  createdAt: string;
  version: number;
}

/** One agenda item; `figures` depends on `kind` (the shapes below). */
export interface AgendaItem {
  id: number;
  position: number;
  unitId: number;
  unit: string;
  kind: AgendaKind;
  category: string | null;
  figures: unknown;
  notes: string;
  notesBy: string | null;
  notesAt: string | null;
}

/** Figures of a significant increase: the report's cells and the windows whose rise is significant. */
export interface SignificantFigures {
  windows: ('wtd' | 'd28' | 'ytd')[];
  wtd: Cell;
  d28: Cell;
  ytd: Cell;
}
/** Figures of a rise with volume. */
export interface VolumeFigures {
  rank: number;
  d28: Cell;
}
/** Figures of a slipping response time (seconds). */
export interface ResponseFigures {
  current: { measured: number; medianSec: number | null; p90Sec: number };
  previous: { measured: number; medianSec: number | null; p90Sec: number };
  p90ChangeSec: number;
  p90ChangeShare: number;
}
/** A new or intensifying hot spot cell of a `hot_spot` item (centroid in WGS84 degrees). */
export interface HotSpotPlace {
  category: 'new' | 'intensifying';
  lon: number;
  lat: number;
  count: number;
}
/** Figures of a `hot_spot` item: emerging hot spots of the unit over 52 weeks (cells of `cellSizeMeters`). */
export interface HotSpotFigures {
  from: string;
  to: string;
  step: 'week';
  cellSizeMeters: number;
  new: number;
  intensifying: number;
  places: HotSpotPlace[];
}
/** A 28-day window and its count. */
export interface FollowUpWindow {
  start: string;
  end: string;
  count: number;
}
/** Figures of an earlier action item on the agenda. */
export interface ActionItemFigures {
  actionItemId: number;
  meetingId: number;
  title: string;
  status: ActionItemStatus;
  owner: Owner;
  dueDate: string | null;
  overdue: boolean;
  followUp: {
    category: string;
    before: FollowUpWindow;
    after: FollowUpWindow;
    change: number;
    pctChange: number | null;
    significant: boolean;
    overlapDays: number;
  };
}

/** An action item. */
export interface ActionItem {
  id: number;
  meetingId: number;
  agendaItemId: number | null;
  unitId: number;
  unit: string;
  unitName: string;
  category: string | null;
  title: string;
  owner: Owner;
  dueDate: string | null;
  status: ActionItemStatus;
  overdue: boolean;
  notes: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  statusChangedAt: string;
  version: number;
}

/** GET /action-items/{id}: an item with every change. */
export interface ActionItemDetail extends ActionItem {
  history: { seq: number; at: string; actor: string; field: string; before: unknown; after: unknown }[];
}

/** GET /meetings/{id} */
export interface MeetingDetail extends MeetingSummary {
  agenda: AgendaItem[];
  actionItems: ActionItem[];
}

/** GET /action-items, /action-items/mine, /action-items/overdue */
export interface ActionItemList {
  today: string;
  items: ActionItem[];
}
