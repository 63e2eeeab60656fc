import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
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
  CountWindow,
  CountRow,
  ImportMeta,
  ImportRecord,
  IncidentImportSession,
  IncidentPointQuery,
  IncidentPoints,
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
import { DuckDbCallImport } from './calls/call-import.js';
import { callDateRange, countCurrentCalls, listCallFacts, listCallVersions } from './calls/call-queries.js';
import { DuckDbIncidentImport } from './incident-import.js';
import { ImportSettings } from './import-settings.js';
import { openDuckDb } from './open-duckdb.js';
import { recoverInterruptedImports } from './interrupted-imports.js';
import { applyPlacements } from './apply-placements.js';
import { nullableInteger } from './appender-values.js';
import { countIncidentsSql, countRows } from './count-sql.js';
import { dailyCountsQuery, listIncidentsQuery, qualityFiguresQuery } from './explore-queries.js';
import type {
  DailyCount,
  DailyCountQuery,
  IncidentPage,
  IncidentQuery,
  QualityFigures,
} from '../port/explore.js';
import { listIncidentPoints } from './incident-points.js';
import { backupDuckDb, restoreDuckDb } from './backup.js';
import { DuckDbAuditLog, listAuditDuckDb, readAuditChainDuckDb } from './audit-log.js';
import type { AuditEntry, AuditQuery, ReplaceAudit, UnitImportAudit } from '../port/audit.js';
import type { ChainedAuditRecord } from '@vigia/domain';
import {
  agencyCreateEntry,
  agencyUpdateEntry,
  replaceEntry,
  unitsImportEntry,
} from '../audit/audit-entries.js';
import type {
  LockoutRule,
  NewUser,
  SessionRecord,
  UserChanges,
  UserRecord,
  UserWithHash,
} from '../port/users.js';
import { DuckDbUsers } from './users.js';
import { idHashOf, idNOf, sameIdAsText, sourceIdText, sourceKeyOf } from './source-key.js';
import { INCIDENT_TABLE } from './incident-numeric-ids.js';
import { SqlMeetings } from '../meetings/sql-meetings.js';
import { DuckDbMeetingBackend } from './meeting-backend.js';
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

const AGENCY = 1;

/** "source_id = $2" on the stored id columns (no text formatted per row: see source-key.ts). */
const SAME_ID_AS_2 = sameIdAsText('$2');

type Row = unknown[];

/**
 * The embedded store: one DuckDB file (DESIGN.md: ingest 1.1 s and COMPSTAT aggregation 33 ms for
 * 2 M incidents on 2 cores). Open with {@link DuckDbStore.open}; one process at a time may open a file.
 */
export class DuckDbStore implements Store, CallStore {
  private constructor(
    readonly location: string,
    private readonly instance: DuckDBInstance,
    private readonly db: DuckDBConnection,
  ) {
    this.audit = new DuckDbAuditLog(instance, AGENCY);
    this.users = new DuckDbUsers(instance, this.audit, AGENCY);
    this.meetingBackend = new DuckDbMeetingBackend(AGENCY, instance, db, this.audit);
    this.meetings = new SqlMeetings(this.meetingBackend);
  }

  /** Users and sessions, on a connection of their own (see DuckDbUsers). */
  private readonly users: DuckDbUsers;

  private readonly meetingBackend: DuckDbMeetingBackend;
  /** Meetings and action items (SQL shared with PostgreSQL in meetings/sql-meetings.ts). */
  private readonly meetings: SqlMeetings;

  /** The audit log's writer: every audited change commits through it (see DuckDbAuditLog). */
  private readonly audit: DuckDbAuditLog;

  /** DuckDB's settings while imports insert blocks during reading (see ImportSettings). */
  private readonly importSettings = new ImportSettings();

  /** Tail of the queue of transactions on the shared connection `db` (one open transaction at a time). */
  private writes: Promise<unknown> = Promise.resolve();

  /**
   * Runs `work` (which opens a transaction on `db`) after the previous one has ended: two transactions
   * on one connection would nest, which DuckDB refuses.
   */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.writes.then(work, work);
    this.writes = run.catch(() => undefined);
    return run;
  }

  /**
   * Opens or creates the database file at `path` (":memory:" for a throw-away store).
   * @throws VigiaError STORE_LOCKED when another process holds the file; STORE_OPEN_FAILED otherwise.
   */
  static async open(path: string): Promise<DuckDbStore> {
    const { instance, connection } = await openDuckDb(path);
    const store = new DuckDbStore(path, instance, connection);
    try {
      await recoverInterruptedImports(connection, store.audit);
    } catch (e) {
      await store.close();
      throw e;
    }
    return store;
  }

  close(): Promise<void> {
    this.users.close();
    this.meetingBackend.close();
    this.audit.close();
    this.db.closeSync();
    this.instance.closeSync();
    return Promise.resolve();
  }

  private async rows(sql: string, params: (string | number | boolean | null)[] = []): Promise<Row[]> {
    return (await this.db.runAndReadAll(sql, params)).getRows();
  }

  async getAgency(): Promise<AgencyRecord | null> {
    const r = (await this.rows(`SELECT ${AGENCY_COLUMNS} FROM agency WHERE agency_id = ${AGENCY}`))[0];
    return r ? toAgency(r) : null;
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
    return this.serial(() =>
      this.audit.inAuditedTransaction(
        this.db,
        async (): Promise<AgencyRecord> => {
          const existing = await this.getAgency();
          if (existing) throw new VigiaError('AGENCY_EXISTS', { db: this.location, name: existing.name });
          await this.db.run(
            `INSERT INTO agency (agency_id, name, country, time_zone, locale, version, epsg)
             VALUES (${AGENCY}, $1, $2, $3, $4, 1, $5)`,
            [settings.name, settings.country, settings.timeZone, settings.locale, epsg],
          );
          return { id: AGENCY, ...settings, epsg, weekStart: 'monday', version: 1 };
        },
        (agency) => agencyCreateEntry(agency, actor),
      ),
    );
  }

  /** The version check and the UPDATE in one transaction with its audit row; see Store.updateAgency. */
  async updateAgency(changes: AgencyChanges, expectedVersion: number, actor?: string): Promise<AgencyRecord> {
    const { saved } = await this.serial(() =>
      this.audit.inAuditedTransaction(
        this.db,
        async () => {
          const previous = await this.getAgency();
          if (!previous) throw new VigiaError('NOT_INITIALIZED', { db: this.location });
          const r = (
            await this.rows(
              `UPDATE agency SET name = coalesce(CAST($2 AS VARCHAR), name),
                 country = coalesce(CAST($3 AS VARCHAR), country), locale = coalesce(CAST($4 AS VARCHAR), locale),
                 epsg = CASE WHEN CAST($5 AS BOOLEAN) THEN CAST($6 AS INTEGER) ELSE epsg END,
                 version = version + 1
               WHERE agency_id = ${AGENCY} AND version = $1 RETURNING ${AGENCY_COLUMNS}`,
              [
                expectedVersion,
                changes.name ?? null,
                changes.country ?? null,
                changes.locale ?? null,
                changes.epsg !== undefined,
                changes.epsg ?? null,
              ],
            )
          )[0];
          if (!r) {
            throw new VigiaError('STORE_CONFLICT', {
              record: 'agency',
              expected: expectedVersion,
              actual: previous.version,
            });
          }
          return { previous, saved: toAgency(r) };
        },
        ({ previous, saved }) => agencyUpdateEntry(previous, saved, changes, actor),
      ),
    );
    return saved;
  }

  async listUnitLevels(): Promise<UnitLevel[]> {
    const rows = await this.rows(
      `SELECT level, depth, parent_level FROM unit_level WHERE agency_id = ${AGENCY} ORDER BY depth, level`,
    );
    return rows.map((r) => ({
      name: String(r[0]),
      depth: Number(r[1]),
      parentLevel: r[2] === null ? null : (r[2] as string),
    }));
  }

  async listUnits(options: { withGeometry?: boolean } = {}): Promise<StoredUnit[]> {
    const withGeometry = options.withGeometry ?? true;
    const rows = await this.rows(
      `SELECT u.unit_id, u.code, u.name, u.level, l.depth, u.parent_id, ${withGeometry ? 'u.geometry' : 'NULL'}
       FROM unit u JOIN unit_level l ON l.agency_id = u.agency_id AND l.level = u.level
       WHERE u.agency_id = ${AGENCY} ORDER BY l.depth, u.code`,
    );
    return rows.map((r) => ({
      id: Number(r[0]),
      code: String(r[1]),
      name: String(r[2]),
      level: String(r[3]),
      depth: Number(r[4]),
      parentId: r[5] === null ? null : Number(r[5]),
      geometry: r[6] === null ? null : (JSON.parse(r[6] as string) as StoredUnit['geometry']),
    }));
  }

  async upsertUnits(
    level: string,
    parentLevel: string | null,
    units: readonly UnitInput[],
    audit?: UnitImportAudit,
  ): Promise<{ created: number; updated: number }> {
    return this.serial(() => this.upsertUnitsAudited(level, parentLevel, units, audit));
  }

  private upsertUnitsAudited(
    level: string,
    parentLevel: string | null,
    units: readonly UnitInput[],
    audit: UnitImportAudit | undefined,
  ): Promise<{ created: number; updated: number }> {
    const entryOf = (r: { created: number; updated: number }) =>
      unitsImportEntry(level, parentLevel, r, audit);
    return this.audit.inAuditedTransaction(
      this.db,
      async () => {
        const levels = await this.listUnitLevels();
        const existing = levels.find((l) => l.name === level);
        if (!existing) {
          const parent = parentLevel === null ? null : levels.find((l) => l.name === parentLevel);
          if (parentLevel !== null && !parent)
            throw new VigiaError('PARENT_LEVEL_UNKNOWN', { level: parentLevel });
          const depth = parent ? parent.depth + 1 : 0;
          await this.db.run(`INSERT INTO unit_level VALUES (${AGENCY}, $1, $2, $3)`, [
            level,
            depth,
            parentLevel,
          ]);
        }
        const codes = new Map(
          (
            await this.rows(`SELECT code, unit_id FROM unit WHERE agency_id = ${AGENCY} AND level = $1`, [
              level,
            ])
          ).map((r) => [String(r[0]), Number(r[1])]),
        );
        let nextId = Number((await this.rows(`SELECT coalesce(max(unit_id), 0) + 1 FROM unit`))[0]?.[0] ?? 1);
        let created = 0;
        let updated = 0;
        for (const u of units) {
          const geometry = u.geometry ? JSON.stringify(u.geometry) : null;
          const id = codes.get(u.code);
          if (id === undefined) {
            await this.db.run(`INSERT INTO unit VALUES (${AGENCY}, $1, $2, $3, $4, $5, $6)`, [
              nextId++,
              level,
              u.code,
              u.name,
              u.parentId,
              geometry,
            ]);
            created++;
          } else {
            await this.db.run(
              `UPDATE unit SET name = $2, parent_id = $3, geometry = $4 WHERE agency_id = ${AGENCY} AND unit_id = $1`,
              [id, u.name, u.parentId, geometry],
            );
            updated++;
          }
        }
        await this.rebuildClosure();
        return { created, updated };
      },
      entryOf,
    );
  }

  /** Rebuilds unit_ancestor: every (unit, ancestor-or-self) pair, walking parent links. */
  private async rebuildClosure(): Promise<void> {
    await this.db.run(`DELETE FROM unit_ancestor WHERE agency_id = ${AGENCY}`);
    await this.db.run(
      `INSERT INTO unit_ancestor
       WITH RECURSIVE up(unit_id, ancestor_id) AS (
         SELECT unit_id, unit_id FROM unit WHERE agency_id = ${AGENCY}
         UNION ALL
         SELECT up.unit_id, u.parent_id FROM up JOIN unit u ON u.agency_id = ${AGENCY} AND u.unit_id = up.ancestor_id
         WHERE u.parent_id IS NOT NULL
       )
       SELECT ${AGENCY}, unit_id, ancestor_id FROM up`,
    );
  }

  async beginIncidentImport(meta: ImportMeta): Promise<IncidentImportSession> {
    const connection = await this.instance.connect();
    try {
      return await DuckDbIncidentImport.begin(connection, meta, this.audit, this.importSettings, () =>
        connection.closeSync(),
      );
    } catch (e) {
      connection.closeSync();
      throw e;
    }
  }

  async listImports(): Promise<ImportRecord[]> {
    const rows = await this.rows(
      `SELECT import_id, file, profile, strftime(started_at, '%Y-%m-%dT%H:%M:%SZ'), rows_read, rows_stored,
              rows_updated, rows_unchanged, rows_quarantined
       FROM import_batch WHERE agency_id = ${AGENCY} AND status = 'done' ORDER BY import_id`,
    );
    return rows.map((r) => ({
      importId: Number(r[0]),
      file: String(r[1]),
      profile: String(r[2]),
      startedAt: String(r[3]),
      read: Number(r[4]),
      stored: Number(r[5]),
      updated: Number(r[6]),
      unchanged: Number(r[7]),
      quarantined: Number(r[8]),
    }));
  }

  async listQuarantine(
    options: { importId?: number; limit?: number; offset?: number } = {},
  ): Promise<QuarantinedRow[]> {
    const rows = await this.rows(
      `SELECT q.import_id, b.file, q.row_no, q.reasons, q.columns, q."values", q.raw, q.status
       FROM quarantine q JOIN import_batch b ON b.agency_id = q.agency_id AND b.import_id = q.import_id
       WHERE q.agency_id = ${AGENCY} AND (q.import_id = $1 OR ($1 IS NULL AND q.status = 'open'))
       ORDER BY q.import_id, q.row_no LIMIT $2 OFFSET $3`,
      [options.importId ?? null, options.limit ?? 1_000_000, options.offset ?? 0],
    );
    const SEP = '\u001f';
    return rows.map((r) => ({
      importId: Number(r[0]),
      file: r[1] as string,
      row: Number(r[2]),
      reasons: (r[3] as string).split(',') as QuarantinedRow['reasons'],
      columns: (r[4] as string).split(SEP),
      values: (r[5] as string).split(SEP),
      raw: JSON.parse(r[6] as string) as Record<string, string>,
      status: r[7] as QuarantinedRow['status'],
    }));
  }

  async countIncidents(query: CountQuery): Promise<CountRow[]> {
    const { sql, params } = countIncidentsSql(AGENCY, query);
    return countRows(await this.rows(sql, params));
  }

  async countArrests(query: CountQuery): Promise<CountRow[]> {
    const { sql, params } = countIncidentsSql(AGENCY, query, 'arrests');
    return countRows(await this.rows(sql, params));
  }

  async listIncidentVersions(source: string, sourceId?: string): Promise<StoredIncident[]> {
    const rows = await this.rows(
      `SELECT source, source_id, version, is_current, strftime(occurred_local, '%Y-%m-%dT%H:%M:%S'), category,
              offense_categories, status, unit_id, location_flag, import_id, arrest
       FROM incident WHERE agency_id = ${AGENCY} AND source = $1 AND ($2 IS NULL OR (${SAME_ID_AS_2}))
       ORDER BY source_id, version`,
      [source, sourceId ?? null],
    );
    return rows.map((r) => ({
      source: String(r[0]),
      sourceId: String(r[1]),
      version: Number(r[2]),
      isCurrent: Boolean(r[3]),
      occurredLocal: String(r[4]),
      category: String(r[5]) as OffenseCategory,
      offenseCategories: listOf(r[6]) as OffenseCategory[],
      status: String(r[7]) as IncidentStatus,
      unitId: r[8] === null ? null : Number(r[8]),
      locationFlag: String(r[9]) as LocationFlag,
      importId: Number(r[10]),
      arrest: r[11] === null ? null : Boolean(r[11]),
    }));
  }

  async occurrenceDateRanges(): Promise<{ category: OffenseCategory; first: string; last: string }[]> {
    const rows = await this.rows(
      `SELECT category, strftime(min(occurred_date), '%Y-%m-%d'), strftime(max(occurred_date), '%Y-%m-%d')
       FROM incident WHERE agency_id = ${AGENCY} AND is_current AND status <> 'unfounded'
       GROUP BY category ORDER BY category`,
    );
    return rows.map((r) => ({
      category: r[0] as OffenseCategory,
      first: r[1] as string,
      last: r[2] as string,
    }));
  }

  listIncidentPoints(query: IncidentPointQuery): Promise<IncidentPoints> {
    return listIncidentPoints(this.db, AGENCY, query);
  }

  async listSourcePlacements(): Promise<{ source: string; rules: PlacementRulesRecord }[]> {
    const rows = await this.rows(
      `SELECT source, unit_of_record, source_unit_level FROM source_placement
       WHERE agency_id = ${AGENCY} ORDER BY source`,
    );
    return rows.map((r) => ({
      source: r[0] as string,
      rules: {
        unitOfRecord: r[1] as PlacementRulesRecord['unitOfRecord'],
        sourceUnitLevel: r[2] === null ? undefined : (r[2] as string),
      },
    }));
  }

  // Paged by rowid: an UPDATE whose rows arrive in physical order took 0.6 s for 150,000 incidents,
  // in source id order 7.3 s (DuckDB writes update segments row group by row group).
  async listPlacementInputs(source: string, cursor: number | null, limit: number): Promise<PlacementInput[]> {
    const rows = await this.rows(
      `SELECT rowid, ${sourceIdText()}, lon, lat, source_unit FROM ${INCIDENT_TABLE}
       WHERE agency_id = ${AGENCY} AND source = $1 AND is_current
         AND ($2 IS NULL OR rowid > CAST($2 AS BIGINT))
       ORDER BY rowid LIMIT $3`,
      [source, cursor, limit],
    );
    return rows.map((r) => ({
      cursor: Number(r[0]),
      sourceId: r[1] as string,
      lon: r[2] === null ? null : Number(r[2]),
      lat: r[3] === null ? null : Number(r[3]),
      sourceUnit: r[4] === null ? null : (r[4] as string),
    }));
  }

  updatePlacements(
    source: string,
    updates: readonly PlacementUpdate[],
    audit?: ReplaceAudit,
  ): Promise<number> {
    return this.serial(() => this.updatePlacementsAudited(source, updates, audit));
  }

  private async updatePlacementsAudited(
    source: string,
    updates: readonly PlacementUpdate[],
    audit: ReplaceAudit | undefined,
  ): Promise<number> {
    await this.db.run(
      `CREATE OR REPLACE TEMP TABLE placement_input (source_id VARCHAR, polygon_unit_id INTEGER,
         source_unit_id INTEGER, unit_id INTEGER, location_flag VARCHAR, unit_disagrees BOOLEAN)`,
    );
    const a = await this.db.createAppender('placement_input', 'main', 'temp');
    for (const u of updates) {
      a.appendVarchar(u.sourceId);
      nullableInteger(a, u.polygonUnitId);
      nullableInteger(a, u.sourceUnitId);
      nullableInteger(a, u.unitId);
      a.appendVarchar(u.locationFlag);
      a.appendBoolean(u.unitDisagrees);
      a.endRow();
    }
    a.closeSync();
    // The ids as the incident table keeps them, so the update joins on numbers (see source-key.ts).
    await this.db.run(
      `CREATE OR REPLACE TEMP TABLE placement_update AS
       SELECT ${sourceKeyOf('source_id')} AS source_key, ${idHashOf('source_id')} AS id_hash,
              ${idNOf('source_id')} AS id_n, * EXCLUDE (source_id)
       FROM placement_input`,
    );
    await this.db.run('DROP TABLE placement_input');
    return this.audit.inAuditedTransaction(
      this.db,
      async () => {
        const changed = await applyPlacements(this.db, 'placement_update', source);
        await this.db.run('DROP TABLE IF EXISTS placement_update');
        return changed;
      },
      (changed) => (changed > 0 ? replaceEntry(source, changed, audit) : null),
    );
  }

  async countCurrentIncidents(source?: string): Promise<number> {
    const r = await this.rows(
      `SELECT count(*) FROM incident WHERE agency_id = ${AGENCY} AND is_current AND ($1 IS NULL OR source = $1)`,
      [source ?? null],
    );
    return Number(r[0]?.[0] ?? 0);
  }

  listIncidents(query: IncidentQuery): Promise<IncidentPage> {
    return listIncidentsQuery((sql, params) => this.rows(sql, params), AGENCY, query);
  }

  dailyCounts(query: DailyCountQuery): Promise<DailyCount[]> {
    return dailyCountsQuery((sql, params) => this.rows(sql, params), AGENCY, query);
  }

  qualityFigures(): Promise<QualityFigures> {
    return qualityFiguresQuery((sql, params) => this.rows(sql, params), AGENCY);
  }
  backup(file: string): Promise<BackupInfo> {
    return backupDuckDb(this.db, file);
  }

  async restore(file: string, options: { replace?: boolean; actor?: string } = {}): Promise<BackupInfo> {
    return this.serial(async () => {
      const replaced = (await this.listAudit({ limit: 1 }))[0];
      try {
        return await restoreDuckDb(this.db, this.location, file, {
          replace: options.replace ?? false,
          log: this.audit,
          actor: options.actor,
          replacedHead: replaced ? { seq: replaced.seq, hash: replaced.hash } : null,
        });
      } catch (e) {
        this.audit.reset();
        throw e;
      }
    });
  }

  appendAudit(entry: AuditEntry): Promise<ChainedAuditRecord> {
    return this.audit.append(entry);
  }

  listAudit(query: AuditQuery = {}): Promise<ChainedAuditRecord[]> {
    return listAuditDuckDb(this.db, AGENCY, query);
  }

  readAuditChain(): AsyncIterable<ChainedAuditRecord> {
    return readAuditChainDuckDb(this.db, AGENCY);
  }

  // UserStore: SQL in users/user-sql.ts, shared with PostgreSQL.
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

  // MeetingStore: SQL in meetings/sql-meetings.ts, writes serialized by DuckDbMeetingBackend.
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

  // CallStore (calls for service): SQL in duckdb/calls/.
  // Each import on a connection of its own, as incident imports (readers never see a merge half done).
  async beginCallImport(meta: ImportMeta): Promise<CallImportSession> {
    const connection = await this.instance.connect();
    try {
      return await DuckDbCallImport.begin(connection, meta, this.audit, () => connection.closeSync());
    } catch (e) {
      connection.closeSync();
      throw e;
    }
  }

  listCallFacts(query: { windows: readonly CountWindow[] }): Promise<CallFacts> {
    return listCallFacts(this.db, query.windows);
  }

  countCurrentCalls(): Promise<number> {
    return countCurrentCalls(this.db);
  }

  callDateRange(): Promise<{ first: string; last: string } | null> {
    return callDateRange(this.db);
  }

  listCallVersions(source: string, sourceId?: string): Promise<StoredCall[]> {
    return listCallVersions(this.db, source, sourceId);
  }
}

const AGENCY_COLUMNS = 'agency_id, name, country, time_zone, locale, version, epsg';

function toAgency(r: Row): AgencyRecord {
  return {
    id: Number(r[0]),
    name: String(r[1]),
    country: String(r[2]),
    timeZone: String(r[3]),
    locale: String(r[4]) as Locale,
    weekStart: 'monday',
    version: Number(r[5]),
    epsg: r[6] === null ? null : Number(r[6]),
  };
}

function listOf(v: unknown): string[] {
  const items = (v as { items?: unknown[] } | null)?.items ?? [];
  return items.map(String);
}
