import {
  BOOLEAN,
  DOUBLE,
  INTEGER,
  UINTEGER,
  UTINYINT,
  VARCHAR,
  type DuckDBAppender,
  type DuckDBConnection,
} from '@duckdb/node-api';
import {
  INCIDENT_STATUS_CODES,
  IncidentBatchBuilder,
  IncidentBatchDictionary,
  LOCATION_FLAG_CODES,
  type IncidentBatch,
  type PlacedIncident,
  type RowIssue,
} from '@vigia/domain';
import type { ImportCounts, ImportMeta, IncidentImportSession } from '../port/store.js';
import { applyPlacements } from './apply-placements.js';
import { ChunkAppender } from './chunk-appender.js';
import { inTransaction } from './transaction.js';
import {
  abortImportBatch,
  appendQuarantineRow,
  closeImportBatch,
  registerImportBatch,
} from './import-batch.js';

const AGENCY = 1;
const SEP = '\u001f';

/**
 * Rows of the import in progress, as {@link IncidentBatch} columns (numbers only: the texts are rebuilt
 * in SQL by the `staged` view). A TEMP table: in memory, private to the connection, gone after a crash,
 * and never written to the database file (persisting and then deleting them cost ~1 s per 150,000 rows).
 */
const STAGING_DDL = `CREATE OR REPLACE TEMP TABLE incident_staging (
    row_no INTEGER NOT NULL,
    source_id VARCHAR NOT NULL,
    source_id_derived BOOLEAN NOT NULL,
    h0 UINTEGER NOT NULL,
    h1 UINTEGER NOT NULL,
    h2 UINTEGER NOT NULL,
    h3 UINTEGER NOT NULL,
    occurred_ms DOUBLE NOT NULL,
    local_ms DOUBLE NOT NULL,
    reported_ms DOUBLE NOT NULL,
    offense_set INTEGER NOT NULL,
    lon DOUBLE NOT NULL,
    lat DOUBLE NOT NULL,
    source_unit INTEGER NOT NULL,
    source_unit_id INTEGER NOT NULL,
    polygon_unit_id INTEGER NOT NULL,
    unit_id INTEGER NOT NULL,
    location_flag UTINYINT NOT NULL,
    unit_disagrees BOOLEAN NOT NULL,
    status UTINYINT NOT NULL
  );`;
const STAGING_TYPES = [
  INTEGER,
  VARCHAR,
  BOOLEAN,
  UINTEGER,
  UINTEGER,
  UINTEGER,
  UINTEGER,
  DOUBLE,
  DOUBLE,
  DOUBLE,
  INTEGER,
  DOUBLE,
  DOUBLE,
  INTEGER,
  INTEGER,
  INTEGER,
  INTEGER,
  UTINYINT,
  BOOLEAN,
  UTINYINT,
];

/** The batch dictionaries, filled at the merge: offense lists joined by U+001F, source unit texts. */
const DICTIONARY_DDL = `
  CREATE OR REPLACE TEMP TABLE offense_set_dict (set_id INTEGER, categories VARCHAR, labels VARCHAR);
  CREATE OR REPLACE TEMP TABLE source_unit_dict (k INTEGER, text VARCHAR);`;

const sqlList = (values: readonly string[]) => `[${values.map((v) => `'${v}'`).join(', ')}]`;
const nan = (c: string) => `CASE WHEN isnan(s.${c}) THEN NULL ELSE s.${c} END`;
const ms = (c: string) => `make_timestamp(CAST(s.${c} AS BIGINT) * 1000)`;

/**
 * The staged rows with the values the incident table takes: hash text, local time as TIMESTAMP (the
 * wall time of the source; exact, whole seconds), report DATE, offense lists joined by U+001F,
 * NULLs for the "none" codes.
 */
const STAGED_VIEW = `CREATE OR REPLACE TEMP VIEW staged AS
  SELECT s.row_no, s.source_id, printf('%08x%08x%08x%08x', s.h0, s.h1, s.h2, s.h3) AS content_hash,
         s.source_id_derived, s.occurred_ms, ${ms('local_ms')} AS occurred_local,
         CASE WHEN isnan(s.reported_ms) THEN NULL ELSE CAST(${ms('reported_ms')} AS DATE) END AS reported_date,
         o.categories, o.labels, ${nan('lon')} AS lon, ${nan('lat')} AS lat, u.text AS source_unit,
         nullif(s.source_unit_id, -1) AS source_unit_id, nullif(s.polygon_unit_id, -1) AS polygon_unit_id,
         nullif(s.unit_id, -1) AS unit_id, ${sqlList(LOCATION_FLAG_CODES)}[s.location_flag + 1] AS location_flag,
         s.unit_disagrees, ${sqlList(INCIDENT_STATUS_CODES)}[s.status + 1] AS status
  FROM incident_staging s
  JOIN offense_set_dict o ON o.set_id = s.offense_set
  LEFT JOIN source_unit_dict u ON u.k = s.source_unit`;

/** The incident columns after (agency, source, source_id, version, is_current, import_id) from `staged`-like `k`. */
const INCIDENT_VALUES = `row_no, content_hash, source_id_derived, to_timestamp(occurred_ms / 1000), occurred_local,
  CAST(occurred_local AS DATE), reported_date, cats[1], cats, labs, lon, lat, source_unit, source_unit_id,
  polygon_unit_id, unit_id, location_flag, unit_disagrees, status`;

/**
 * Merge of staged rows into `incident`, in SQL so it scales with DuckDB rather than with JS memory.
 * Parameters per statement in MERGE_PARAMS. See IncidentImportSession.finish for the rules.
 */
const MERGE_SQL = [
  `CREATE OR REPLACE TEMP TABLE merged AS
   WITH g AS (
     SELECT source_id, count(*) AS n_rows, min(row_no) AS first_row
     FROM staged GROUP BY source_id
   ),
   multi_rows AS (
     SELECT s.* FROM staged s JOIN g USING (source_id) WHERE g.n_rows > 1
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
   FROM staged s
   JOIN g ON g.source_id = s.source_id AND g.first_row = s.row_no
   LEFT JOIN multi m ON m.source_id = s.source_id
   LEFT JOIN multi_hash mh ON mh.source_id = s.source_id`,
  `CREATE OR REPLACE TEMP TABLE classified AS
   SELECT m.*, c.version AS cur_version, c.content_hash AS cur_hash
   FROM merged m
   LEFT JOIN incident c ON c.agency_id = ${AGENCY} AND c.source = $1 AND c.source_id = m.source_id AND c.is_current`,
  `UPDATE incident SET is_current = false
   FROM classified k
   WHERE incident.agency_id = ${AGENCY} AND incident.source = $1 AND incident.source_id = k.source_id
     AND incident.is_current AND k.cur_version IS NOT NULL AND k.content_hash <> k.cur_hash`,
  `INSERT INTO incident
   SELECT ${AGENCY}, $2, source_id, coalesce(cur_version, 0) + 1, true, $1, ${INCIDENT_VALUES}
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
   FROM staged s`;

/** Which parameters each statement of MERGE_SQL takes: 'i' = import id, 's' = source. */
const MERGE_PARAMS = ['', 's', 's', 'is'] as const;

/**
 * The whole merge when the source has no incidents yet and every id was derived (unique by
 * construction): every row is a new incident, version 1, so it is inserted straight from the staged
 * rows — what MERGE_SQL would do, without its intermediate tables.
 */
const INSERT_NEW_SQL = `INSERT INTO incident
   SELECT ${AGENCY}, $2, source_id, 1, true, $1, ${INCIDENT_VALUES}
   FROM (SELECT s.*, string_split(s.categories, chr(31)) AS cats, string_split(s.labels, chr(31)) AS labs
         FROM staged s)`;

const OUTCOME_SQL = `
  SELECT CASE WHEN cur_version IS NULL THEN 'stored' WHEN content_hash = cur_hash THEN 'unchanged' ELSE 'updated' END,
         sum(n_rows), count(*)
  FROM classified GROUP BY 1`;

/** Staging and merge of one incident import in the DuckDB store. */
export class DuckDbIncidentImport implements IncidentImportSession {
  private quarantined = 0;
  private staged = 0;
  private allIdsDerived = true;
  /** Rows given one at a time (addIncident) are collected here, then staged like a batch. */
  private readonly rowBatches = new IncidentBatchBuilder(2048);
  private readonly dictionary = new IncidentBatchDictionary();
  private readonly hashPlanes: Uint32Array[] = [];

  private constructor(
    private readonly connection: DuckDBConnection,
    readonly importId: number,
    private readonly meta: ImportMeta,
    private readonly stagingAppender: DuckDBAppender,
    private readonly staging: ChunkAppender,
    private readonly quarantine: DuckDBAppender,
    private readonly release: () => void,
  ) {}

  /**
   * Registers the import as running and opens the staging appenders on `connection`, which the session
   * owns: `release` is called once it has finished or aborted (the store gives each import its own
   * connection, so readers on other connections see the data before or after the merge, never during).
   */
  static async begin(
    connection: DuckDBConnection,
    meta: ImportMeta,
    release: () => void = () => undefined,
  ): Promise<DuckDbIncidentImport> {
    const importId = await registerImportBatch(connection, 'incidents', meta);
    await connection.run(STAGING_DDL);
    const appender = await connection.createAppender('incident_staging', 'main', 'temp');
    const quarantine = await connection.createAppender('quarantine');
    return new DuckDbIncidentImport(
      connection,
      importId,
      meta,
      appender,
      new ChunkAppender(appender, STAGING_TYPES),
      quarantine,
      release,
    );
  }

  addIncident(rowNo: number, p: PlacedIncident): void {
    if (this.rowBatches.add(rowNo, p)) this.addIncidentBatch(this.rowBatches.take());
  }

  addIncidentBatch(b: IncidentBatch): void {
    this.dictionary.absorb(b);
    const n = b.length;
    if (n === 0) return;
    for (let i = 0; i < n; i++) {
      if (b.sourceIdDerived[i] === 0) {
        this.allIdsDerived = false;
        break;
      }
    }
    for (let k = 0; k < 4; k++)
      this.hashPlanes[k] = b.contentHash.subarray(k * b.capacity, k * b.capacity + n);
    this.staging.append(
      [
        b.rowNo,
        b.sourceId,
        b.sourceIdDerived,
        ...this.hashPlanes,
        b.occurredAt,
        b.occurredLocal,
        b.reportedDate,
        b.offenseSet,
        b.lon,
        b.lat,
        b.sourceUnit,
        b.sourceUnitId,
        b.polygonUnitId,
        b.unitId,
        b.locationFlag,
        b.unitDisagrees,
        b.status,
      ],
      n,
    );
    this.staged += n;
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
    if (this.rowBatches.length > 0) this.addIncidentBatch(this.rowBatches.take());
    this.stagingAppender.closeSync();
    this.quarantine.closeSync();
    await this.writeDictionaries();
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
    await inTransaction(this.connection, async () => {
      // A first import of a source without ids: every row is a new incident (see INSERT_NEW_SQL).
      const fresh = this.allIdsDerived && !(await this.sourceHasIncidents());
      if (fresh) {
        await this.connection.run(INSERT_NEW_SQL, [this.importId, this.meta.source]);
        counts.stored = this.staged;
        counts.incidents = this.staged;
      } else {
        await this.mergeStaged(value);
        await this.countOutcomes(counts);
      }
      // Unchanged records placed anew (units or rules changed since they were stored).
      if (!fresh) {
        counts.replaced = await applyPlacements(
          this.connection,
          'classified',
          this.meta.source,
          'k.content_hash = k.cur_hash',
        );
      }
      await this.connection.run(
        `INSERT INTO source_placement VALUES (${AGENCY}, $1, $2, $3)
         ON CONFLICT (agency_id, source) DO UPDATE
         SET unit_of_record = excluded.unit_of_record, source_unit_level = excluded.source_unit_level`,
        [this.meta.source, this.meta.placement.unitOfRecord, this.meta.placement.sourceUnitLevel ?? null],
      );
      await closeImportBatch(this.connection, this.importId, this.meta, counts, summary);
    });
    await this.connection.run(
      'DROP VIEW IF EXISTS staged; DROP TABLE IF EXISTS incident_staging; DROP TABLE IF EXISTS merged; ' +
        'DROP TABLE IF EXISTS classified; DROP TABLE IF EXISTS offense_set_dict; DROP TABLE IF EXISTS source_unit_dict',
    );
    return counts;
  }

  private async sourceHasIncidents(): Promise<boolean> {
    const rows = await this.connection.runAndReadAll(
      `SELECT count(*) FROM (SELECT 1 FROM incident WHERE agency_id = ${AGENCY} AND source = $1 LIMIT 1)`,
      [this.meta.source],
    );
    return Number(rows.getRows()[0]?.[0] ?? 0) > 0;
  }

  /** The offense set and source unit dictionaries of the batches, and the `staged` view over them. */
  private async writeDictionaries(): Promise<void> {
    await this.connection.run(DICTIONARY_DDL);
    const sets = await this.connection.createAppender('offense_set_dict', 'main', 'temp');
    this.dictionary.offenseSets.forEach((o, k) => {
      sets.appendInteger(k);
      sets.appendVarchar(o.categories.join(SEP));
      sets.appendVarchar(o.labels.join(SEP));
      sets.endRow();
    });
    sets.closeSync();
    const units = await this.connection.createAppender('source_unit_dict', 'main', 'temp');
    this.dictionary.sourceUnits.forEach((text, k) => {
      units.appendInteger(k);
      units.appendVarchar(text);
      units.endRow();
    });
    units.closeSync();
    await this.connection.run(STAGED_VIEW);
  }

  /** MERGE_SQL: the `merged` and `classified` tables, superseded versions, inserted rows. */
  private async mergeStaged(value: { i: number; s: string }): Promise<void> {
    for (const [k, sql] of MERGE_SQL.entries()) {
      await this.connection.run(
        k === 0 && this.allIdsDerived ? MERGED_UNIQUE_IDS_SQL : sql,
        [...MERGE_PARAMS[k]!].map((p) => value[p as 'i' | 's']),
      );
    }
  }

  /** Stored / updated / unchanged rows and incidents, and the ids whose rows disagree. */
  private async countOutcomes(counts: ImportCounts): Promise<void> {
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
    counts.conflictingIdSamples = ((conflicts?.[1] as { items?: unknown[] } | null)?.items ?? []).map(String);
  }

  async abort(): Promise<void> {
    try {
      await abortImportBatch(this.connection, this.importId, 'incident_staging', [
        this.stagingAppender,
        this.quarantine,
      ]);
    } finally {
      this.release();
    }
  }
}
