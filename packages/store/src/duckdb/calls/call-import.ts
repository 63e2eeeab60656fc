import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { callContentHash, type PlacedCall, type RowIssue } from '@vigia/domain';
import type { CallImportCounts, CallImportSession } from '../../port/call-store.js';
import type { ImportMeta } from '../../port/store.js';
import { nullableDouble, nullableInteger, nullableVarchar } from '../appender-values.js';
import {
  abortImportBatch,
  appendQuarantineRow,
  closeImportBatch,
  registerImportBatch,
} from '../import-batch.js';
import type { DuckDbAuditLog } from '../audit-log.js';
import { importEntry } from '../../audit/audit-entries.js';

const AGENCY = 1;
const SEP = '\u001f';

/** Rows of the call import in progress: a TEMP table (in memory, gone after a crash). */
const STAGING_DDL = `CREATE OR REPLACE TEMP TABLE call_staging (
    row_no INTEGER NOT NULL,
    source_id VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL,
    source_id_derived BOOLEAN NOT NULL,
    received_ms DOUBLE NOT NULL,
    received_local VARCHAR NOT NULL,
    dispatched_ms DOUBLE,
    en_route_ms DOUBLE,
    on_scene_ms DOUBLE,
    cleared_ms DOUBLE,
    time_precision VARCHAR NOT NULL,
    priority VARCHAR,
    channel VARCHAR,
    initial_type VARCHAR,
    final_type VARCHAR,
    disposition VARCHAR,
    officer_initiated BOOLEAN NOT NULL,
    arrest BOOLEAN,
    responding_units VARCHAR NOT NULL,
    lon DOUBLE,
    lat DOUBLE,
    source_unit VARCHAR,
    source_unit_id INTEGER,
    polygon_unit_id INTEGER,
    unit_id INTEGER,
    location_flag VARCHAR NOT NULL,
    unit_disagrees BOOLEAN NOT NULL
  );`;

/**
 * Merge of staged rows (see CallImportSession.finish): rows sharing a call id become one call, earliest
 * times (first unit to arrive) and latest clearance, every responding unit, the rest from the first row;
 * then new / changed (new version) / unchanged against the current versions. `$1` = source.
 */
const MERGE_SQL = [
  `CREATE OR REPLACE TEMP TABLE call_merged AS
   WITH g AS (
     SELECT source_id, min(row_no) AS first_row, count(*) AS n_rows,
            CASE WHEN count(*) = 1 THEN min(content_hash)
                 ELSE md5(string_agg(content_hash, ',' ORDER BY content_hash)) END AS merged_hash,
            min(received_ms) AS r_ms, arg_min(received_local, received_ms) AS r_local,
            min(dispatched_ms) AS d_ms, min(en_route_ms) AS e_ms, min(on_scene_ms) AS o_ms,
            max(cleared_ms) AS c_ms,
            CASE WHEN bool_or(time_precision = 'date') THEN 'date' ELSE 'second' END AS precision,
            bool_or(officer_initiated) AS oi, bool_or(arrest) AS arr,
            list_sort(list_distinct(flatten(list(
              CASE WHEN responding_units = '' THEN []::VARCHAR[] ELSE string_split(responding_units, chr(31)) END
            )))) AS units
     FROM call_staging GROUP BY source_id
   )
   SELECT s.* EXCLUDE (content_hash, received_ms, received_local, dispatched_ms, en_route_ms, on_scene_ms,
                       cleared_ms, time_precision, officer_initiated, arrest, responding_units),
          g.n_rows, g.merged_hash AS content_hash, g.r_ms AS received_ms, g.r_local AS received_local,
          g.d_ms AS dispatched_ms, g.e_ms AS en_route_ms, g.o_ms AS on_scene_ms, g.c_ms AS cleared_ms,
          g.precision AS time_precision, g.oi AS officer_initiated, g.arr AS arrest, g.units AS responding_units
   FROM call_staging s JOIN g ON g.source_id = s.source_id AND g.first_row = s.row_no`,
  `CREATE OR REPLACE TEMP TABLE call_classified AS
   SELECT m.*, c.version AS cur_version, c.content_hash AS cur_hash
   FROM call_merged m
   LEFT JOIN call_for_service c
     ON c.agency_id = ${AGENCY} AND c.source = $1 AND c.source_id = m.source_id AND c.is_current`,
  `UPDATE call_for_service SET is_current = false
   FROM call_classified k
   WHERE call_for_service.agency_id = ${AGENCY} AND call_for_service.source = $1
     AND call_for_service.source_id = k.source_id AND call_for_service.is_current
     AND k.cur_version IS NOT NULL AND k.content_hash <> k.cur_hash`,
  // Unchanged calls placed anew when units were imported or redrawn since (placement is derived data:
  // updated in place, not versioned).
  `UPDATE call_for_service SET unit_id = k.unit_id, polygon_unit_id = k.polygon_unit_id,
     source_unit_id = k.source_unit_id, location_flag = k.location_flag, unit_disagrees = k.unit_disagrees
   FROM call_classified k
   WHERE call_for_service.agency_id = ${AGENCY} AND call_for_service.source = $1
     AND call_for_service.source_id = k.source_id AND call_for_service.is_current
     AND k.content_hash = k.cur_hash
     AND (call_for_service.unit_id IS DISTINCT FROM k.unit_id
          OR call_for_service.polygon_unit_id IS DISTINCT FROM k.polygon_unit_id
          OR call_for_service.source_unit_id IS DISTINCT FROM k.source_unit_id
          OR call_for_service.location_flag <> k.location_flag
          OR call_for_service.unit_disagrees <> k.unit_disagrees)`,
];

/**
 * The first merge statement when no call id repeats in the file (one row per call, the usual CAD
 * export): no grouping needed, which saves most of the merge at a million rows.
 */
const MERGED_UNIQUE_IDS_SQL = `CREATE OR REPLACE TEMP TABLE call_merged AS
   SELECT s.* EXCLUDE (responding_units), 1 AS n_rows,
          CASE WHEN responding_units = '' THEN []::VARCHAR[] ELSE string_split(responding_units, chr(31)) END
            AS responding_units
   FROM call_staging s`;

const ts = (col: string) => `CASE WHEN ${col} IS NULL THEN NULL ELSE to_timestamp(${col} / 1000) END`;

/** `$1` = source, `$2` = import id. */
const INSERT_SQL = `INSERT INTO call_for_service
   SELECT ${AGENCY}, $1, source_id, coalesce(cur_version, 0) + 1, true, $2, row_no, content_hash,
          source_id_derived, to_timestamp(received_ms / 1000), CAST(received_local AS TIMESTAMP),
          CAST(received_local AS DATE), ${ts('dispatched_ms')}, ${ts('en_route_ms')}, ${ts('on_scene_ms')},
          ${ts('cleared_ms')}, time_precision, priority, channel, initial_type, final_type, disposition,
          officer_initiated, arrest, responding_units, lon, lat, source_unit, source_unit_id,
          polygon_unit_id, unit_id, location_flag, unit_disagrees
   FROM call_classified WHERE cur_version IS NULL OR content_hash <> cur_hash`;

const OUTCOME_SQL = `
  SELECT CASE WHEN cur_version IS NULL THEN 'stored' WHEN content_hash = cur_hash THEN 'unchanged' ELSE 'updated' END,
         sum(n_rows), count(*)
  FROM call_classified GROUP BY 1`;

/** Staging and merge of one call import in the DuckDB store. */
export class DuckDbCallImport implements CallImportSession {
  private quarantined = 0;

  private constructor(
    private readonly connection: DuckDBConnection,
    readonly importId: number,
    private readonly meta: ImportMeta,
    private readonly staging: DuckDBAppender,
    private readonly quarantine: DuckDBAppender,
    private readonly audit: DuckDbAuditLog,
    private readonly release: () => void,
  ) {}

  /**
   * Registers the import as running and opens the staging appenders on `connection`, which the session
   * owns: `release` is called once it has finished or aborted (see DuckDbIncidentImport.begin). The
   * merge commits through `audit` with its `import.calls` row.
   */
  static async begin(
    connection: DuckDBConnection,
    meta: ImportMeta,
    audit: DuckDbAuditLog,
    release: () => void = () => undefined,
  ): Promise<DuckDbCallImport> {
    const importId = await registerImportBatch(connection, 'calls', meta);
    await connection.run(STAGING_DDL);
    const staging = await connection.createAppender('call_staging', 'main', 'temp');
    const quarantine = await connection.createAppender('quarantine');
    return new DuckDbCallImport(connection, importId, meta, staging, quarantine, audit, release);
  }

  addCall(rowNo: number, c: PlacedCall): void {
    const a = this.staging;
    a.appendInteger(rowNo);
    a.appendVarchar(c.sourceId);
    a.appendVarchar(callContentHash(c));
    a.appendBoolean(c.sourceIdDerived);
    a.appendDouble(c.receivedAt);
    a.appendVarchar(c.receivedLocal);
    nullableDouble(a, c.dispatchedAt);
    nullableDouble(a, c.enRouteAt);
    nullableDouble(a, c.onSceneAt);
    nullableDouble(a, c.clearedAt);
    a.appendVarchar(c.timePrecision);
    nullableVarchar(a, c.priority);
    nullableVarchar(a, c.channel);
    nullableVarchar(a, c.initialType);
    nullableVarchar(a, c.finalType);
    nullableVarchar(a, c.disposition);
    a.appendBoolean(c.officerInitiated);
    if (c.arrest === null) a.appendNull();
    else a.appendBoolean(c.arrest);
    a.appendVarchar(c.respondingUnits.join(SEP));
    nullableDouble(a, c.lon);
    nullableDouble(a, c.lat);
    nullableVarchar(a, c.sourceUnit);
    nullableInteger(a, c.sourceUnitId);
    nullableInteger(a, c.polygonUnitId);
    nullableInteger(a, c.unitId);
    a.appendVarchar(c.locationFlag);
    a.appendBoolean(c.unitDisagrees);
    a.endRow();
  }

  addQuarantine(rowNo: number, issues: readonly RowIssue[], raw: Record<string, string>): void {
    appendQuarantineRow(this.quarantine, this.importId, rowNo, issues, raw);
    this.quarantined++;
  }

  drain(): Promise<void> {
    return Promise.resolve();
  }

  async finish(summary: Record<string, unknown>): Promise<CallImportCounts> {
    try {
      return await this.merge(summary);
    } finally {
      this.release();
    }
  }

  private async merge(summary: Record<string, unknown>): Promise<CallImportCounts> {
    this.staging.closeSync();
    this.quarantine.closeSync();
    const counts: CallImportCounts = {
      stored: 0,
      updated: 0,
      unchanged: 0,
      quarantined: this.quarantined,
      calls: 0,
    };
    const entry = () => importEntry('calls', this.importId, this.meta, counts, { calls: counts.calls });
    await this.audit.inAuditedTransaction(
      this.connection,
      async () => {
        const ids = (
          await this.connection.runAndReadAll('SELECT count(*) = count(DISTINCT source_id) FROM call_staging')
        ).getRows()[0];
        for (const [k, sql] of MERGE_SQL.entries()) {
          const statement = k === 0 && ids?.[0] === true ? MERGED_UNIQUE_IDS_SQL : sql;
          await this.connection.run(statement, statement.includes('$1') ? [this.meta.source] : []);
        }
        await this.connection.run(INSERT_SQL, [this.meta.source, this.importId]);
        for (const [outcome, n, calls] of (await this.connection.runAndReadAll(OUTCOME_SQL)).getRows()) {
          counts[outcome as 'stored' | 'updated' | 'unchanged'] = Number(n);
          counts.calls += Number(calls);
        }
        await closeImportBatch(this.connection, this.importId, this.meta, counts, summary);
      },
      entry,
    );
    for (const t of ['call_staging', 'call_merged', 'call_classified']) {
      await this.connection.run(`DROP TABLE IF EXISTS ${t}`);
    }
    return counts;
  }

  async abort(): Promise<void> {
    try {
      await abortImportBatch(this.connection, this.importId, 'call_staging', [this.staging, this.quarantine]);
    } finally {
      this.release();
    }
  }
}
