import type {
  Agency,
  IncidentBatch,
  IncidentStatus,
  Locale,
  LocationFlag,
  OffenseCategory,
  PlacedIncident,
  QuarantineReason,
  RowIssue,
  UnitGeometry,
  UnitLevel,
} from '@vigia/domain';
import type { DailyCount, DailyCountQuery, IncidentPage, IncidentQuery, QualityFigures } from './explore.js';
import type { AuditStore, ReplaceAudit, UnitImportAudit } from './audit.js';
import type { UserStore } from './users.js';
import type { MeetingStore } from './meetings.js';

/** A unit as stored: the domain unit plus the store's numeric id and hierarchy links. */
export interface StoredUnit {
  id: number;
  code: string;
  name: string;
  level: string;
  depth: number;
  parentId: number | null;
  geometry: UnitGeometry | null;
}

/** A unit to create or update on import of one level. */
export interface UnitInput {
  code: string;
  name: string;
  parentId: number | null;
  geometry: UnitGeometry | null;
}

/** What an import records about itself (the "traceable numbers" rule: every count knows its import). */
export interface ImportMeta {
  file: string;
  profile: string;
  /** Namespace of source ids (profile or mapping name): ids only match within one source. */
  source: string;
  startedAt: number;
  /** Placement rules of the source's mapping, kept so later unit imports can re-place its incidents. */
  placement: PlacementRulesRecord;
  /**
   * Who runs the import, for its audit row (`import.incidents` / `import.calls`, written in the merge's
   * transaction): `cli:<user>@<host>`, `user:<id>:<name>`, `system:demo`. Default UNKNOWN_ACTOR.
   */
  actor?: string;
}

/** The placement rules of one source (see ingest PlacementRules). */
export interface PlacementRulesRecord {
  unitOfRecord: 'polygon' | 'source';
  sourceUnitLevel?: string | undefined;
}

/** What placement needs of a current incident, and where it was placed. */
export interface PlacementInput {
  /** The store's own position of the row: pass the last one back to get the next page. */
  cursor: number;
  sourceId: string;
  lon: number | null;
  lat: number | null;
  sourceUnit: string | null;
}

/** A new placement for a current incident. */
export interface PlacementUpdate {
  sourceId: string;
  polygonUnitId: number | null;
  sourceUnitId: number | null;
  unitId: number | null;
  locationFlag: LocationFlag;
  unitDisagrees: boolean;
}

/** Row outcomes of a finished import; `read` = stored + updated + unchanged + quarantined. */
export interface ImportCounts {
  stored: number;
  updated: number;
  unchanged: number;
  quarantined: number;
  /** Distinct incidents the stored, updated and unchanged rows make (rows sharing a source id are one). */
  incidents: number;
  /**
   * Unchanged incidents whose placement changed (units imported or redrawn since they were stored):
   * placement is derived, so it is updated in place, not versioned.
   */
  replaced: number;
  /**
   * Record ids whose rows in this file disagree on when or where (date-time, coordinates, unit): the
   * incident keeps its first row's, so these deserve a look. With up to 5 example ids.
   */
  conflictingIds: number;
  conflictingIdSamples: string[];
}

/**
 * One incident import in progress. Rows are appended synchronously (buffered by the store) and become
 * visible atomically at {@link IncidentImportSession.finish}; until then a crash leaves nothing behind
 * but staging rows that the next open discards.
 */
export interface IncidentImportSession {
  readonly importId: number;
  /** Stages one validated, placed input row. `rowNo` is the spreadsheet row (header = 1). */
  addIncident(rowNo: number, incident: PlacedIncident): void;
  /**
   * Stages a batch of validated, placed rows in columns (what import pipelines produce: far cheaper
   * per row than {@link IncidentImportSession.addIncident}). Give the batches of one
   * IncidentBatchBuilder in the order it built them, and do not mix them with addIncident rows.
   */
  addIncidentBatch(batch: IncidentBatch): void;
  /** Stages one quarantined row with its issues and raw fields (header names as keys). */
  addQuarantine(rowNo: number, issues: readonly RowIssue[], raw: Record<string, string>): void;
  /**
   * Resolves when the store has taken the rows added so far (back-pressure for a server store that
   * streams them): call it between batches so memory stays bounded. Immediate for DuckDB.
   */
  drain(): Promise<void>;
  /**
   * Merges staged rows into the incident table in one transaction: new source ids are stored, changed
   * ones get a new version (the old one kept, no longer current), identical ones are unchanged. Rows
   * sharing a source id within the file are one incident with all their offenses, cleared by arrest
   * when any of them says so (no arrest when they all say none; unknown when none says).
   */
  finish(summary: Record<string, unknown>): Promise<ImportCounts>;
  /** Discards everything staged. */
  abort(): Promise<void>;
}

/** The six date windows of a COMPSTAT report, as local dates `YYYY-MM-DD` (inclusive). */
export interface CountWindow {
  start: string;
  end: string;
}

/** Options of a count query. */
export interface CountQuery {
  windows: readonly CountWindow[];
  /** Count by occurrence date (default) or by report date. */
  dateBasis: 'occurred' | 'reported';
  /** Count every offense instead of one per incident (its most serious). */
  countEveryOffense: boolean;
}

/**
 * Counts per unit (rolled up: each unit's count includes its whole subtree; `unitId` null = the agency
 * total, which also includes incidents in no unit) and category, one number per window, in
 * `windows` order. Unfounded incidents and superseded versions are never counted.
 */
export interface CountRow {
  unitId: number | null;
  category: OffenseCategory;
  counts: number[];
}

/** Selection of {@link Store.listIncidentPoints}: local occurrence dates `YYYY-MM-DD`, inclusive. */
export interface IncidentPointQuery {
  from: string;
  to: string;
  /** Only incidents counted in this unit's subtree (null = the whole agency, unplaced ones included). */
  unitId: number | null;
  /** Only incidents whose most serious offense is this category (null = all). */
  category: OffenseCategory | null;
}

/**
 * Locations and dates of the selected incidents, column by column (one entry per current, founded
 * incident, in no particular order). `lon`/`lat` are WGS84 degrees, NaN when the incident has no
 * location; `day` is the local occurrence date as days since 1970-01-01.
 */
export interface IncidentPoints {
  lon: Float64Array;
  lat: Float64Array;
  day: Int32Array;
}

/** Summary of an import as kept in the store. */
export interface ImportRecord {
  importId: number;
  file: string;
  profile: string;
  startedAt: string;
  read: number;
  stored: number;
  updated: number;
  unchanged: number;
  quarantined: number;
}

/** One quarantined input row, as kept until fixed or dismissed. */
export interface QuarantinedRow {
  importId: number;
  file: string;
  /** Spreadsheet row number (header = row 1 unless blank rows precede it). */
  row: number;
  reasons: QuarantineReason[];
  /** Column of each issue ("" for the whole row), parallel to `values`. */
  columns: string[];
  values: string[];
  /** The row's raw fields by header name. */
  raw: Record<string, string>;
  /** `superseded`: a later import of the same file has its own quarantine. */
  status: 'open' | 'fixed' | 'dismissed' | 'superseded';
}

/** The agency as stored, with the version number that optimistic concurrency checks. */
export interface AgencyRecord extends Agency {
  /** 1 when created, +1 on every update: an edit names the version it read. */
  version: number;
}

/** Agency settings that may change after `init` (the time zone may not: local dates depend on it). */
export interface AgencyChanges {
  name?: string;
  country?: string;
  locale?: Locale;
  /** Metric CRS of analyses (EPSG code); null clears it (back to the UTM zone of the data). */
  epsg?: number | null;
}

/** What a backup wrote. */
export interface BackupInfo {
  file: string;
  /** Store kind the file can be restored into ("duckdb" or "postgres"). */
  store: 'duckdb' | 'postgres';
  schemaVersion: number;
  /** Rows per table. */
  tables: Record<string, number>;
}

/** Facts about one stored incident version, for tests and tracing. */
export interface StoredIncident {
  source: string;
  sourceId: string;
  version: number;
  isCurrent: boolean;
  occurredLocal: string;
  category: OffenseCategory;
  offenseCategories: OffenseCategory[];
  status: IncidentStatus;
  unitId: number | null;
  locationFlag: LocationFlag;
  importId: number;
  /** The source's arrest flag (null: the source does not say). */
  arrest: boolean | null;
}

/**
 * The storage port, implemented by the DuckDB adapter (embedded, one file, the default) and the
 * PostgreSQL adapter (a server shared by several Vigía instances); all SQL lives behind it and one
 * contract test suite (packages/store/test/contract) runs against both. One store holds one agency for now (agency id 1), but every large table is
 * keyed by agency_id so a multi-agency store and Citus distribution need no schema change.
 */
export interface Store extends AuditStore, UserStore, MeetingStore {
  /** Where the store lives (file path or URL), for messages. */
  readonly location: string;
  close(): Promise<void>;

  getAgency(): Promise<AgencyRecord | null>;
  /**
   * Creates the agency and its `agency.create` audit row in one transaction (`actor` as in ImportMeta).
   * @throws VigiaError AGENCY_EXISTS when the store already has an agency.
   */
  createAgency(input: {
    name: string;
    country: string;
    timeZone: string;
    locale: Locale;
    actor?: string;
    /** Metric CRS of analyses (EPSG code, validated by the caller); default null. */
    epsg?: number | null;
  }): Promise<AgencyRecord>;
  /**
   * Changes agency settings if the stored version is still `expectedVersion` (optimistic concurrency:
   * two people editing the same settings get a conflict, not a silent overwrite). Returns the new record
   * (version + 1). Writes `agency.update` (before/after of the fields that changed) in the same
   * transaction, as `actor`.
   * @throws VigiaError STORE_CONFLICT when someone saved a newer version first (HTTP 409);
   *   NOT_INITIALIZED when there is no agency.
   */
  updateAgency(changes: AgencyChanges, expectedVersion: number, actor?: string): Promise<AgencyRecord>;

  listUnitLevels(): Promise<UnitLevel[]>;
  /** Units, top level first. `withGeometry: false` skips parsing polygons (reports do not need them). */
  listUnits(options?: { withGeometry?: boolean }): Promise<StoredUnit[]>;
  /**
   * Creates or updates (by code) the units of one level in one transaction and rebuilds the hierarchy
   * closure. A new level goes below `parentLevel` (or at the top when null). Writes `units.import`
   * (level, created, updated, file) in the same transaction.
   */
  upsertUnits(
    level: string,
    parentLevel: string | null,
    units: readonly UnitInput[],
    audit?: UnitImportAudit,
  ): Promise<{ created: number; updated: number }>;

  beginIncidentImport(meta: ImportMeta): Promise<IncidentImportSession>;
  listImports(): Promise<ImportRecord[]>;
  /**
   * Quarantined rows in import and row order, at most `limit`: every row of one import, or the open
   * rows of all imports (those of a file imported again are superseded by the new import's).
   */
  listQuarantine(options?: { importId?: number; limit?: number; offset?: number }): Promise<QuarantinedRow[]>;

  countIncidents(query: CountQuery): Promise<CountRow[]>;
  /**
   * Clearance counts with the same selection and roll-up as {@link Store.countIncidents}, counting only
   * incidents whose source carries an arrest flag (`arrest` not null): `counts` holds two numbers per
   * window, in `windows` order: flagged incidents, then those flagged as cleared by arrest. A unit and
   * category without flagged incidents may have no row. Not a UCR clearance count
   * (docs/methods/clearance.md).
   */
  countArrests(query: CountQuery): Promise<CountRow[]>;
  /** Every stored version of the incidents of one source (tests and tracing). */
  listIncidentVersions(source: string, sourceId?: string): Promise<StoredIncident[]>;
  /** Every source with incidents and the placement rules it was last imported with. */
  listSourcePlacements(): Promise<{ source: string; rules: PlacementRulesRecord }[]>;
  /**
   * Location fields of the current incidents of one source, a page of at most `limit` after `cursor`
   * (null for the first page), in the store's physical order.
   */
  listPlacementInputs(source: string, cursor: number | null, limit: number): Promise<PlacementInput[]>;
  /**
   * Sets the placement of current incidents of one source (derived data: no new version) and returns how
   * many actually changed. Give updates in the order listPlacementInputs returned them (much faster).
   * When some changed, writes `incidents.replace` (source, count, cause) in the same transaction.
   */
  updatePlacements(
    source: string,
    updates: readonly PlacementUpdate[],
    audit?: ReplaceAudit,
  ): Promise<number>;
  /** Number of current incidents, optionally of one source. */
  countCurrentIncidents(source?: string): Promise<number>;
  /**
   * First and last local occurrence dates (`YYYY-MM-DD`) of current, founded incidents, per category
   * (most serious offense): reports use them to say when a window lies outside the data.
   */
  occurrenceDateRanges(): Promise<{ category: OffenseCategory; first: string; last: string }[]>;

  /** A page of current, founded incidents for the map and lists (see {@link IncidentQuery}). */
  listIncidents(query: IncidentQuery): Promise<IncidentPage>;
  /** Counts per local day, with the COMPSTAT counting rules (trends and rolling 28-day lines). */
  dailyCounts(query: DailyCountQuery): Promise<DailyCount[]>;
  /** Location, classification and quarantine figures of the data-quality page. */
  qualityFigures(): Promise<QualityFigures>;
  /** Points of current, founded incidents for spatial analysis (KDE, Gi*, Knox, NNI). */
  listIncidentPoints(query: IncidentPointQuery): Promise<IncidentPoints>;
  /**
   * Writes a consistent copy of every table to `file` (which must not exist), while the store stays
   * usable. The format is the store's own: a DuckDB backup restores into DuckDB, a PostgreSQL backup
   * into PostgreSQL.
   * @throws VigiaError BACKUP_EXISTS when `file` exists.
   */
  backup(file: string): Promise<BackupInfo>;
  /**
   * Replaces the whole content of this store with the backup in `file`, in one transaction (all or
   * nothing). Refuses a store that has an agency unless `replace` is true. In the same transaction,
   * appends `store.restore` to the restored audit log, chained after its head (its `before` names the
   * head of the log that was replaced), as `actor`.
   * @throws VigiaError FILE_NOT_FOUND, BACKUP_INVALID (not a backup of this kind of store, or of
   *   another schema version), STORE_NOT_EMPTY.
   */
  restore(file: string, options?: { replace?: boolean; actor?: string }): Promise<BackupInfo>;
}
