import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { incidentContentHash, type PlacedIncident, type RowIssue } from '@vigia/domain';
import type { ImportCounts, ImportMeta, IncidentImportSession } from '../port/store.js';
import { applyPlacements } from './apply-placements.js';
import { nullableDouble, nullableInteger, nullableVarchar } from './appender-values.js';
import type { DuckDbAuditLog } from './audit-log.js';
import { importEntry } from '../audit/audit-entries.js';
import {
  abortImportBatch,
  appendQuarantineRow,
  closeImportBatch,
  registerImportBatch,
} from './import-batch.js';

const SEP = '\u001f';
const AGENCY = 1;

/**
 * Rows of the import in progress. A TEMP table: in memory, private to the connection, gone after a
 * crash, and never written to the database file (persisting and then deleting them cost ~1 s per
 * 150,000 rows).
 */
const STAGING_DDL = `CREATE OR REPLACE TEMP TABLE incident_staging (
    import_id INTEGER NOT NULL,
    row_no INTEGER NOT NULL,
    source_id VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL,
    source_id_derived BOOLEAN NOT NULL,
    occurred_ms DOUBLE NOT NULL,
    occurred_local VARCHAR NOT NULL,
    reported_date VARCHAR,
    categories VARCHAR NOT NULL,
    labels VARCHAR NOT NULL,
    lon DOUBLE,
    lat DOUBLE,
    source_unit VARCHAR,
    source_unit_id INTEGER,
    polygon_unit_id INTEGER,
    unit_id INTEGER,
    location_flag VARCHAR NOT NULL,
    unit_disagrees BOOLEAN NOT NULL,
    status VARCHAR NOT NULL
  );`;

/**
 * Merge of staged rows into `incident`, in SQL so it scales with DuckDB rather than with JS memory.
 * Parameters per statement in MERGE_PARAMS. See IncidentImportSession.finish for the rules.
 */
const MERGE_SQL = [
  `CREATE OR REPLACE TEMP TABLE merged AS
   WITH g AS (
     SELECT source_id, count(*) AS n_rows, min(row_no) AS first_row
     FROM incident_staging WHERE import_id = $1 GROUP BY source_id
   ),
   multi_rows AS (
     SELECT s.* FROM incident_staging s JOIN g USING (source_id) WHERE s.import_id = $1 AND g.n_rows > 1
   ),
   multi AS (
     SELECT source_id, list(c ORDER BY rk, l) AS cats, list(l ORDER BY rk, l) AS labs
     FROM (
       SELECT DISTINCT x.source_id, x.c, x.l, oc.severity_rank AS rk
       FROM (SELECT source_id, unnest(string_split(categories, chr(31))) AS c,
                    unnest(string_split(labels, chr(31))) AS l FROM multi_rows) x
       JOIN offense_category oc ON oc.category = x.c
     ) GROUP BY source_id
   ),
   multi_hash AS (
     SELECT source_id, md5(string_agg(content_hash, ',' ORDER BY content_hash)) AS h,
            count(DISTINCT concat_ws('|', occurred_local, lon, lat, source_unit)) > 1 AS conflict
     FROM multi_rows GROUP BY source_id
   )
   SELECT s.* EXCLUDE (categories, labels, content_hash), g.n_rows,
          coalesce(m.cats, string_split(s.categories, chr(31))) AS cats,
          coalesce(m.labs, string_split(s.labels, chr(31))) AS labs,
          coalesce(mh.h, s.content_hash) AS content_hash, coalesce(mh.conflict, false) AS id_conflict
   FROM incident_staging s
   JOIN g ON g.source_id = s.source_id AND g.first_row = s.row_no
   LEFT JOIN multi m ON m.source_id = s.source_id
   LEFT JOIN multi_hash mh ON mh.source_id = s.source_id
   WHERE s.import_id = $1`,
  `CREATE OR REPLACE TEMP TABLE classified AS
   SELECT m.*, c.version AS cur_version, c.content_hash AS cur_hash
   FROM merged m
   LEFT JOIN incident c ON c.agency_id = ${AGENCY} AND c.source = $1 AND c.source_id = m.source_id AND c.is_current`,
  `UPDATE incident SET is_current = false
   FROM classified k
   WHERE incident.agency_id = ${AGENCY} AND incident.source = $1 AND incident.source_id = k.source_id
     AND incident.is_current AND k.cur_version IS NOT NULL AND k.content_hash <> k.cur_hash`,
  `INSERT INTO incident
   SELECT ${AGENCY}, $2, source_id, coalesce(cur_version, 0) + 1, true, $1, row_no, content_hash,
          source_id_derived, to_timestamp(occurred_ms / 1000), CAST(occurred_local AS TIMESTAMP),
          CAST(occurred_local AS DATE), CAST(reported_date AS DATE), cats[1], cats, labs, lon, lat,
          source_unit, source_unit_id, polygon_unit_id, unit_id, location_flag, unit_disagrees, status
   FROM classified WHERE cur_version IS NULL OR content_hash <> cur_hash`,
];
/**
 * The first merge statement when every id of the import was derived (hash + ordinal: unique by
 * construction): no grouping of rows by id is needed. Saves about a third of the merge.
 */
const MERGED_UNIQUE_IDS_SQL = `CREATE OR REPLACE TEMP TABLE merged AS
   SELECT s.* EXCLUDE (categories, labels), 1 AS n_rows,
          string_split(s.categories, chr(31)) AS cats, string_split(s.labels, chr(31)) AS labs,
          false AS id_conflict
   FROM incident_staging s WHERE s.import_id = $1`;

/** Which parameters each statement of MERGE_SQL takes: 'i' = import id, 's' = source. */
const MERGE_PARAMS = ['i', 's', 's', 'is'] as const;

const OUTCOME_SQL = `
  SELECT CASE WHEN cur_version IS NULL THEN 'stored' WHEN content_hash = cur_hash THEN 'unchanged' ELSE 'updated' END,
         sum(n_rows), count(*)
  FROM classified GROUP BY 1`;

/** Staging and merge of one incident import in the DuckDB store. */
export class DuckDbIncidentImport implements IncidentImportSession {
  private quarantined = 0;
  private allIdsDerived = true;

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
   * owns: `release` is called once it has finished or aborted (the store gives each import its own
   * connection, so readers on other connections see the data before or after the merge, never during).
   * The merge commits through `audit`, with its `import.incidents` row in the same transaction.
   */
  static async begin(
    connection: DuckDBConnection,
    meta: ImportMeta,
    audit: DuckDbAuditLog,
    release: () => void = () => undefined,
  ): Promise<DuckDbIncidentImport> {
    const importId = await registerImportBatch(connection, 'incidents', meta);
    await connection.run(STAGING_DDL);
    const staging = await connection.createAppender('incident_staging', 'main', 'temp');
    const quarantine = await connection.createAppender('quarantine');
    return new DuckDbIncidentImport(connection, importId, meta, staging, quarantine, audit, release);
  }

  addIncident(rowNo: number, p: PlacedIncident): void {
    const a = this.staging;
    a.appendInteger(this.importId);
    a.appendInteger(rowNo);
    if (!p.sourceIdDerived) this.allIdsDerived = false;
    a.appendVarchar(p.sourceId);
    a.appendVarchar(incidentContentHash(p));
    a.appendBoolean(p.sourceIdDerived);
    a.appendDouble(p.occurredAt);
    a.appendVarchar(p.occurredLocal);
    nullableVarchar(a, p.reportedLocalDate);
    if (p.offenses.length === 1) {
      a.appendVarchar(p.offenses[0]!.category);
      a.appendVarchar(p.offenses[0]!.sourceLabel);
    } else {
      a.appendVarchar(p.offenses.map((o) => o.category).join(SEP));
      a.appendVarchar(p.offenses.map((o) => o.sourceLabel).join(SEP));
    }
    nullableDouble(a, p.lon);
    nullableDouble(a, p.lat);
    nullableVarchar(a, p.sourceUnit);
    nullableInteger(a, p.sourceUnitId);
    nullableInteger(a, p.polygonUnitId);
    nullableInteger(a, p.unitId);
    a.appendVarchar(p.locationFlag);
    a.appendBoolean(p.unitDisagrees);
    a.appendVarchar(p.status);
    a.endRow();
  }

  addQuarantine(rowNo: number, issues: readonly RowIssue[], raw: Record<string, string>): void {
    appendQuarantineRow(this.quarantine, this.importId, rowNo, issues, raw);
    this.quarantined++;
  }

  /** Appenders write straight into DuckDB: nothing to wait for. */
  drain(): Promise<void> {
    return Promise.resolve();
  }

  async finish(summary: Record<string, unknown>): Promise<ImportCounts> {
    try {
      return await this.merge(summary);
    } finally {
      this.release();
    }
  }

  private async merge(summary: Record<string, unknown>): Promise<ImportCounts> {
    this.staging.closeSync();
    this.quarantine.closeSync();
    const value = { i: this.importId, s: this.meta.source } as const;
    const counts: ImportCounts = {
      stored: 0,
      updated: 0,
      unchanged: 0,
      quarantined: this.quarantined,
      incidents: 0,
      replaced: 0,
      conflictingIds: 0,
      conflictingIdSamples: [],
    };
    const entry = () =>
      importEntry('incidents', this.importId, this.meta, counts, {
        incidents: counts.incidents,
        replaced: counts.replaced,
      });
    await this.audit.inAuditedTransaction(
      this.connection,
      async () => {
        for (const [k, sql] of MERGE_SQL.entries()) {
          await this.connection.run(
            k === 0 && this.allIdsDerived ? MERGED_UNIQUE_IDS_SQL : sql,
            [...MERGE_PARAMS[k]!].map((p) => value[p as 'i' | 's']),
          );
        }
        const rows = (await this.connection.runAndReadAll(OUTCOME_SQL)).getRows();
        for (const [outcome, n, incidents] of rows) {
          counts[outcome as 'stored' | 'updated' | 'unchanged'] = Number(n);
          counts.incidents += Number(incidents);
        }
        const conflicts = (
          await this.connection.runAndReadAll(
            `SELECT count(*), list(source_id ORDER BY row_no)[1:5] FROM merged WHERE id_conflict`,
          )
        ).getRows()[0];
        counts.conflictingIds = Number(conflicts?.[0] ?? 0);
        counts.conflictingIdSamples = ((conflicts?.[1] as { items?: unknown[] } | null)?.items ?? []).map(
          String,
        );
        // Unchanged records placed anew (units or rules changed since they were stored).
        counts.replaced = await applyPlacements(
          this.connection,
          'classified',
          this.meta.source,
          'k.content_hash = k.cur_hash',
        );
        await this.connection.run(
          `INSERT INTO source_placement VALUES (${AGENCY}, $1, $2, $3)
         ON CONFLICT (agency_id, source) DO UPDATE
         SET unit_of_record = excluded.unit_of_record, source_unit_level = excluded.source_unit_level`,
          [this.meta.source, this.meta.placement.unitOfRecord, this.meta.placement.sourceUnitLevel ?? null],
        );
        await closeImportBatch(this.connection, this.importId, this.meta, counts, summary);
      },
      entry,
    );
    await this.connection.run('DROP TABLE IF EXISTS incident_staging');
    await this.connection.run('DROP TABLE IF EXISTS merged');
    await this.connection.run('DROP TABLE IF EXISTS classified');
    return counts;
  }

  async abort(): Promise<void> {
    try {
      await abortImportBatch(this.connection, this.importId, 'incident_staging', [
        this.staging,
        this.quarantine,
      ]);
    } finally {
      this.release();
    }
  }
}
