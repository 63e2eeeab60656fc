import type pg from 'pg';
import type { ChainedAuditRecord } from '@vigia/domain';
import type { AuditEntry, AuditQuery, ReplaceAudit, UnitImportAudit } from '../port/audit.js';
import {
  agencyCreateEntry,
  agencyUpdateEntry,
  replaceEntry,
  unitsImportEntry,
} from '../audit/audit-entries.js';
import { appendAuditPg, listAuditPg, readAuditChainPg } from './audit-log.js';
import type {
  LockoutRule,
  NewUser,
  SessionRecord,
  UserChanges,
  UserRecord,
  UserWithHash,
} from '../port/users.js';
import { PgUsers } from './users.js';
import { SqlMeetings } from '../meetings/sql-meetings.js';
import { PgMeetingBackend } from './meeting-backend.js';
import type {
  ActionItemChange,
  ActionItemChanges,
  ActionItemQuery,
  ActionItemRecord,
  AgendaItemRecord,
  MeetingChanges,
  MeetingRecord,
  MeetingWithAgenda,
  NewActionItem,
  NewMeeting,
} from '../port/meetings.js';
import {
  VigiaError,
  type IncidentStatus,
  type Locale,
  type LocationFlag,
  type OffenseCategory,
  type UnitLevel,
} from '@vigia/domain';
import type {
  AgencyChanges,
  AgencyRecord,
  BackupInfo,
  CountQuery,
  CountRow,
  CountWindow,
  ImportMeta,
  IncidentPointQuery,
  IncidentPoints,
  ImportRecord,
  IncidentImportSession,
  PlacementInput,
  PlacementRulesRecord,
  PlacementUpdate,
  QuarantinedRow,
  Store,
  StoredIncident,
  StoredUnit,
  UnitInput,
} from '../port/store.js';
import type { CallFacts, CallImportSession, CallStore, StoredCall } from '../port/call-store.js';
import { countIncidentsSql, countRows } from '../duckdb/count-sql.js';
import { PgCallImport } from './calls/call-import.js';
import {
  callDateRangePg,
  countCurrentCallsPg,
  listCallFactsPg,
  listCallVersionsPg,
} from './calls/call-queries.js';
import { applyPlacementsPg } from './apply-placements.js';
import { backupPostgres, restorePostgres } from './backup.js';
import { CopyWriter } from './copy-writer.js';
import { PgIncidentImport } from './incident-import.js';
import { openPostgres, parsePostgresUrl } from './open-postgres.js';
import { agencyQueries, upsertUnitsPg } from './agency-units.js';
import { dailyCountsPg, listIncidentPointsPg, listIncidentsPg, qualityFiguresPg } from './explore-queries.js';
import type {
  DailyCount,
  DailyCountQuery,
  IncidentPage,
  IncidentQuery,
  QualityFigures,
} from '../port/explore.js';

const AGENCY = 1;

/**
 * The server store: one PostgreSQL database (or one schema of it, `?schema=NAME`) shared by any number
 * of Vigía instances. Same contracts as the DuckDB store (Store and CallStore, packages/store/test/contract); imports stream
 * through COPY and merge in one transaction, so every instance sees an import whole or not at all.
 * Open with {@link PostgresStore.open}.
 */
export class PostgresStore implements Store, CallStore {
  /** Keyset cursors of listPlacementInputs: opaque number → last source id of the page. */
  private readonly cursors = new Map<number, string>();
  private nextCursor = 1;

  private constructor(
    readonly location: string,
    private readonly pool: pg.Pool,
  ) {
    this.users = new PgUsers(pool, AGENCY);
    this.meetings = new SqlMeetings(new PgMeetingBackend(AGENCY, pool));
  }

  /** Users and sessions (see PgUsers). */
  private readonly users: PgUsers;

  // UserStore: SQL in users/user-sql.ts, shared with DuckDB.
  createUser(user: NewUser, actor: string): Promise<UserRecord> {
    return this.users.createUser(user, actor);
  }
  getUser(id: number): Promise<UserRecord | null> {
    return this.users.getUser(id);
  }
  findUserByUsername(username: string): Promise<UserWithHash | null> {
    return this.users.findUserByUsername(username);
  }
  listUsers(): Promise<UserRecord[]> {
    return this.users.listUsers();
  }
  updateUser(id: number, changes: UserChanges, actor: string): Promise<UserRecord> {
    return this.users.updateUser(id, changes, actor);
  }
  recordLoginFailure(userId: number, rule: LockoutRule, actor: string): Promise<UserRecord> {
    return this.users.recordLoginFailure(userId, rule, actor);
  }
  createSession(session: SessionRecord, actor: string): Promise<void> {
    return this.users.createSession(session, actor);
  }
  getSession(tokenHash: string): Promise<{ session: SessionRecord; user: UserRecord } | null> {
    return this.users.getSession(tokenHash);
  }
  touchSession(tokenHash: string, lastSeenAt: number, expiresAt: number): Promise<void> {
    return this.users.touchSession(tokenHash, lastSeenAt, expiresAt);
  }
  deleteSession(tokenHash: string, actor: string): Promise<boolean> {
    return this.users.deleteSession(tokenHash, actor);
  }
  purgeExpiredSessions(at: number, actor: string): Promise<number> {
    return this.users.purgeExpiredSessions(at, actor);
  }

  /** Meetings and action items (SQL shared with DuckDB in meetings/sql-meetings.ts). */
  private readonly meetings: SqlMeetings;

  /**
   * Connects to `url` (`postgres://user@host:port/db[?schema=NAME]`) and migrates its schema.
   * @param options.create - false: a database without Vigía's tables is NO_DATABASE (default true).
   * @throws VigiaError INVALID_ARGUMENT (bad URL or schema name), STORE_OPEN_FAILED, NO_DATABASE,
   *   STORE_SCHEMA_NEWER.
   */
  static async open(url: string, options: { create?: boolean } = {}): Promise<PostgresStore> {
    const target = parsePostgresUrl(url);
    const pool = await openPostgres(target, options);
    return new PostgresStore(target.display, pool);
  }

  listIncidents(query: IncidentQuery): Promise<IncidentPage> {
    return listIncidentsPg(this.pool, AGENCY, query);
  }

  dailyCounts(query: DailyCountQuery): Promise<DailyCount[]> {
    return dailyCountsPg(this.pool, AGENCY, query);
  }

  qualityFigures(): Promise<QualityFigures> {
    return qualityFiguresPg(this.pool, AGENCY);
  }

  listIncidentPoints(query: IncidentPointQuery): Promise<IncidentPoints> {
    return listIncidentPointsPg(this.pool, AGENCY, query);
  }

  close(): Promise<void> {
    return this.pool.end();
  }

  appendAudit(entry: AuditEntry): Promise<ChainedAuditRecord> {
    return this.inTransaction((client) => appendAuditPg(client, AGENCY, entry));
  }

  listAudit(query: AuditQuery = {}): Promise<ChainedAuditRecord[]> {
    return listAuditPg(this.pool, AGENCY, query);
  }

  readAuditChain(): AsyncIterable<ChainedAuditRecord> {
    return readAuditChainPg(this.pool, AGENCY);
  }

  createMeeting(input: NewMeeting, actor: string): Promise<MeetingWithAgenda> {
    return this.meetings.createMeeting(input, actor);
  }

  listMeetings(): Promise<MeetingRecord[]> {
    return this.meetings.listMeetings();
  }

  getMeeting(id: number): Promise<MeetingWithAgenda | null> {
    return this.meetings.getMeeting(id);
  }

  updateMeeting(
    id: number,
    changes: MeetingChanges,
    actor: string,
    expectedVersion?: number,
  ): Promise<MeetingRecord> {
    return this.meetings.updateMeeting(id, changes, actor, expectedVersion);
  }

  updateAgendaNotes(
    meetingId: number,
    agendaItemId: number,
    notes: string,
    actor: string,
  ): Promise<AgendaItemRecord> {
    return this.meetings.updateAgendaNotes(meetingId, agendaItemId, notes, actor);
  }

  createActionItem(input: NewActionItem, actor: string): Promise<ActionItemRecord> {
    return this.meetings.createActionItem(input, actor);
  }

  getActionItem(id: number): Promise<ActionItemRecord | null> {
    return this.meetings.getActionItem(id);
  }

  updateActionItem(
    id: number,
    changes: ActionItemChanges,
    actor: string,
    expectedVersion?: number,
  ): Promise<ActionItemRecord> {
    return this.meetings.updateActionItem(id, changes, actor, expectedVersion);
  }

  listActionItems(query?: ActionItemQuery): Promise<ActionItemRecord[]> {
    return this.meetings.listActionItems(query);
  }

  listActionItemHistory(id: number): Promise<ActionItemChange[]> {
    return this.meetings.listActionItemHistory(id);
  }

  private async rows<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
    return (await this.pool.query<R>(sql, params)).rows;
  }

  /** Runs `work` on one connection inside BEGIN/COMMIT (ROLLBACK and rethrow on error). */
  private async inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  getAgency(): Promise<AgencyRecord | null> {
    return agencyQueries.get((sql, params) => this.rows(sql, params));
  }

  async createAgency(input: {
    name: string;
    country: string;
    timeZone: string;
    locale: Locale;
    actor?: string;
    epsg?: number | null;
  }): Promise<AgencyRecord> {
    const { actor, ...settings } = input;
    const epsg = settings.epsg ?? null;
    return this.inTransaction(async (client) => {
      await client.query('LOCK TABLE agency IN EXCLUSIVE MODE');
      const existing = await agencyQueries.get(
        async (sql, p) => (await client.query<Record<string, unknown>>(sql, p)).rows,
      );
      if (existing) throw new VigiaError('AGENCY_EXISTS', { db: this.location, name: existing.name });
      await client.query(
        `INSERT INTO agency (agency_id, name, country, time_zone, locale, epsg)
         VALUES (${AGENCY}, $1, $2, $3, $4, $5)`,
        [settings.name, settings.country, settings.timeZone, settings.locale, epsg],
      );
      const agency: AgencyRecord = { id: AGENCY, ...settings, epsg, weekStart: 'monday', version: 1 };
      await appendAuditPg(client, AGENCY, agencyCreateEntry(agency, actor));
      return agency;
    });
  }

  /** The agency row locked, the conditional UPDATE and its audit row, in one transaction. */
  updateAgency(changes: AgencyChanges, expectedVersion: number, actor?: string): Promise<AgencyRecord> {
    return this.inTransaction(async (client) => {
      const query = async (sql: string, p: unknown[]) =>
        (await client.query<Record<string, unknown>>(sql, p)).rows;
      const previous = await agencyQueries.get(query, { forUpdate: true });
      if (!previous) throw new VigiaError('NOT_INITIALIZED', { db: this.location });
      const saved = await agencyQueries.update(query, this.location, changes, expectedVersion);
      await appendAuditPg(client, AGENCY, agencyUpdateEntry(previous, saved, changes, actor));
      return saved;
    });
  }

  async listUnitLevels(): Promise<UnitLevel[]> {
    const rows = await this.rows<{ level: string; depth: number; parent_level: string | null }>(
      `SELECT level, depth, parent_level FROM unit_level WHERE agency_id = ${AGENCY} ORDER BY depth, level`,
    );
    return rows.map((r) => ({ name: r.level, depth: r.depth, parentLevel: r.parent_level }));
  }

  async listUnits(options: { withGeometry?: boolean } = {}): Promise<StoredUnit[]> {
    const withGeometry = options.withGeometry ?? true;
    const rows = await this.rows<{
      unit_id: number;
      code: string;
      name: string;
      level: string;
      depth: number;
      parent_id: number | null;
      geometry: string | null;
    }>(
      `SELECT u.unit_id, u.code, u.name, u.level, l.depth, u.parent_id, ${withGeometry ? 'u.geometry' : 'NULL AS geometry'}
       FROM unit u JOIN unit_level l ON l.agency_id = u.agency_id AND l.level = u.level
       WHERE u.agency_id = ${AGENCY} ORDER BY l.depth, u.code`,
    );
    return rows.map((r) => ({
      id: r.unit_id,
      code: r.code,
      name: r.name,
      level: r.level,
      depth: r.depth,
      parentId: r.parent_id,
      geometry: r.geometry === null ? null : (JSON.parse(r.geometry) as StoredUnit['geometry']),
    }));
  }

  upsertUnits(
    level: string,
    parentLevel: string | null,
    units: readonly UnitInput[],
    audit?: UnitImportAudit,
  ): Promise<{ created: number; updated: number }> {
    return this.inTransaction(async (client) => {
      const outcome = await upsertUnitsPg(client, level, parentLevel, units);
      await appendAuditPg(client, AGENCY, unitsImportEntry(level, parentLevel, outcome, audit));
      return outcome;
    });
  }

  async beginIncidentImport(meta: ImportMeta): Promise<IncidentImportSession> {
    return PgIncidentImport.begin(this.pool, meta);
  }

  async listImports(): Promise<ImportRecord[]> {
    const rows = await this.rows<Record<string, string | number>>(
      `SELECT import_id, file, profile, to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS started,
              rows_read, rows_stored, rows_updated, rows_unchanged, rows_quarantined
       FROM import_batch WHERE agency_id = ${AGENCY} AND status = 'done' ORDER BY import_id`,
    );
    return rows.map((r) => ({
      importId: Number(r['import_id']),
      file: String(r['file']),
      profile: String(r['profile']),
      startedAt: String(r['started']),
      read: Number(r['rows_read']),
      stored: Number(r['rows_stored']),
      updated: Number(r['rows_updated']),
      unchanged: Number(r['rows_unchanged']),
      quarantined: Number(r['rows_quarantined']),
    }));
  }

  async listQuarantine(
    options: { importId?: number; limit?: number; offset?: number } = {},
  ): Promise<QuarantinedRow[]> {
    const rows = await this.rows<Record<string, string | number>>(
      `SELECT q.import_id, b.file, q.row_no, q.reasons, q.columns, q."values", q.raw, q.status
       FROM quarantine q JOIN import_batch b ON b.agency_id = q.agency_id AND b.import_id = q.import_id
       WHERE q.agency_id = ${AGENCY} AND (q.import_id = $1::integer OR ($1::integer IS NULL AND q.status = 'open'))
       ORDER BY q.import_id, q.row_no LIMIT $2 OFFSET $3`,
      [options.importId ?? null, options.limit ?? 1_000_000, options.offset ?? 0],
    );
    const SEP = '\u001f';
    return rows.map((r) => ({
      importId: Number(r['import_id']),
      file: String(r['file']),
      row: Number(r['row_no']),
      reasons: String(r['reasons']).split(',') as QuarantinedRow['reasons'],
      columns: String(r['columns']).split(SEP),
      values: String(r['values']).split(SEP),
      raw: JSON.parse(String(r['raw'])) as Record<string, string>,
      status: r['status'] as QuarantinedRow['status'],
    }));
  }

  async countIncidents(query: CountQuery): Promise<CountRow[]> {
    const { sql, params } = countIncidentsSql(AGENCY, query);
    const result = await this.pool.query({ text: sql, values: params, rowMode: 'array' });
    return countRows(result.rows as unknown[][]);
  }

  async countArrests(query: CountQuery): Promise<CountRow[]> {
    const { sql, params } = countIncidentsSql(AGENCY, query, 'arrests');
    const result = await this.pool.query({ text: sql, values: params, rowMode: 'array' });
    return countRows(result.rows as unknown[][]);
  }

  async listIncidentVersions(source: string, sourceId?: string): Promise<StoredIncident[]> {
    const rows = await this.rows<Record<string, unknown>>(
      `SELECT source, source_id, version, is_current, to_char(occurred_local, 'YYYY-MM-DD"T"HH24:MI:SS') AS local,
              category, offense_categories, status, unit_id, location_flag, import_id, arrest
       FROM incident WHERE agency_id = ${AGENCY} AND source = $1 AND ($2::text IS NULL OR source_id = $2)
       ORDER BY source_id, version`,
      [source, sourceId ?? null],
    );
    return rows.map((r) => ({
      source: String(r['source']),
      sourceId: String(r['source_id']),
      version: Number(r['version']),
      isCurrent: Boolean(r['is_current']),
      occurredLocal: String(r['local']),
      category: String(r['category']) as OffenseCategory,
      offenseCategories: r['offense_categories'] as OffenseCategory[],
      status: String(r['status']) as IncidentStatus,
      unitId: r['unit_id'] === null ? null : Number(r['unit_id']),
      locationFlag: String(r['location_flag']) as LocationFlag,
      importId: Number(r['import_id']),
      arrest: r['arrest'] === null ? null : Boolean(r['arrest']),
    }));
  }

  async occurrenceDateRanges(): Promise<{ category: OffenseCategory; first: string; last: string }[]> {
    // Per category, min and max are two probes of incident_category_dates, not a scan of every row.
    return this.rows<{ category: OffenseCategory; first: string; last: string }>(
      `SELECT oc.category, to_char(r.first, 'YYYY-MM-DD') AS first, to_char(r.last, 'YYYY-MM-DD') AS last
       FROM offense_category oc CROSS JOIN LATERAL (
         SELECT min(occurred_date) AS first, max(occurred_date) AS last FROM incident
         WHERE agency_id = ${AGENCY} AND category = oc.category AND is_current AND status <> 'unfounded'
       ) r
       WHERE r.first IS NOT NULL ORDER BY oc.category`,
    );
  }

  async listSourcePlacements(): Promise<{ source: string; rules: PlacementRulesRecord }[]> {
    const rows = await this.rows<{
      source: string;
      unit_of_record: string;
      source_unit_level: string | null;
    }>(
      `SELECT source, unit_of_record, source_unit_level FROM source_placement
       WHERE agency_id = ${AGENCY} ORDER BY source`,
    );
    return rows.map((r) => ({
      source: r.source,
      rules: {
        unitOfRecord: r.unit_of_record as PlacementRulesRecord['unitOfRecord'],
        sourceUnitLevel: r.source_unit_level ?? undefined,
      },
    }));
  }

  // Keyset pages in source id order through the incident_current index; the cursor number stands for
  // the last source id of the previous page (PostgreSQL has no stable numeric row position).
  async listPlacementInputs(source: string, cursor: number | null, limit: number): Promise<PlacementInput[]> {
    const after = cursor === null ? null : (this.cursors.get(cursor) ?? null);
    if (cursor !== null) this.cursors.delete(cursor);
    const rows = await this.rows<{
      source_id: string;
      lon: number | null;
      lat: number | null;
      source_unit: string | null;
    }>(
      `SELECT source_id, lon, lat, source_unit FROM incident
       WHERE agency_id = ${AGENCY} AND source = $1 AND is_current AND ($2::text IS NULL OR source_id > $2)
       ORDER BY source_id LIMIT $3`,
      [source, after, limit],
    );
    const last = rows.at(-1);
    const next = this.nextCursor++;
    if (last) this.cursors.set(next, last.source_id);
    return rows.map((r, i) => ({
      cursor: i === rows.length - 1 ? next : 0,
      sourceId: r.source_id,
      lon: r.lon,
      lat: r.lat,
      sourceUnit: r.source_unit,
    }));
  }

  updatePlacements(
    source: string,
    updates: readonly PlacementUpdate[],
    audit?: ReplaceAudit,
  ): Promise<number> {
    return this.inTransaction(async (client) => {
      await client.query(
        `CREATE TEMP TABLE placement_update (source_id text COLLATE "C", polygon_unit_id integer,
           source_unit_id integer, unit_id integer, location_flag text, unit_disagrees boolean) ON COMMIT DROP`,
      );
      const w = new CopyWriter(client, 'COPY placement_update FROM STDIN');
      for (const u of updates) {
        w.add([u.sourceId, u.polygonUnitId, u.sourceUnitId, u.unitId, u.locationFlag, u.unitDisagrees]);
      }
      await w.end();
      await client.query('ANALYZE placement_update');
      const changed = await applyPlacementsPg(client, 'placement_update', source);
      if (changed > 0) await appendAuditPg(client, AGENCY, replaceEntry(source, changed, audit));
      return changed;
    });
  }

  async countCurrentIncidents(source?: string): Promise<number> {
    const r = await this.rows<{ n: string }>(
      `SELECT count(*) AS n FROM incident
       WHERE agency_id = ${AGENCY} AND is_current AND ($1::text IS NULL OR source = $1)`,
      [source ?? null],
    );
    return Number(r[0]?.n ?? 0);
  }

  backup(file: string): Promise<BackupInfo> {
    return backupPostgres(this.pool, file);
  }

  async restore(file: string, options: { replace?: boolean; actor?: string } = {}): Promise<BackupInfo> {
    const replaced = (await this.listAudit({ limit: 1 }))[0];
    return restorePostgres(this.pool, this.location, file, {
      replace: options.replace ?? false,
      actor: options.actor,
      replacedHead: replaced ? { seq: replaced.seq, hash: replaced.hash } : null,
    });
  }

  // CallStore (calls for service): SQL in postgres/calls/.
  beginCallImport(meta: ImportMeta): Promise<CallImportSession> {
    return PgCallImport.begin(this.pool, meta);
  }

  listCallFacts(query: { windows: readonly CountWindow[] }): Promise<CallFacts> {
    return listCallFactsPg(this.pool, query.windows);
  }

  countCurrentCalls(): Promise<number> {
    return countCurrentCallsPg(this.pool);
  }

  callDateRange(): Promise<{ first: string; last: string } | null> {
    return callDateRangePg(this.pool);
  }

  listCallVersions(source: string, sourceId?: string): Promise<StoredCall[]> {
    return listCallVersionsPg(this.pool, source, sourceId);
  }
}
