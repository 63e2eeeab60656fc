/**
 * SQL of the PostgreSQL import merge: the same rules, in the same order, as the DuckDB merge
 * (duckdb/incident-import.ts), written in PostgreSQL's dialect. Staged rows live in the temporary
 * table `import_staging` (kind 'i' = incident, 'q' = quarantined row) of the import's own connection.
 * `$1` is the source, `$2` the import id where a statement takes them.
 */

const AGENCY = 1;

/** The staging table: one per connection, unlogged by nature, dropped with the connection on a crash. */
export const STAGING_DDL = `
  DROP TABLE IF EXISTS pg_temp.import_staging;
  CREATE TEMP TABLE import_staging (
    kind "char" NOT NULL,
    row_no integer NOT NULL,
    source_id text COLLATE "C",
    content_hash text COLLATE "C",
    source_id_derived boolean,
    occurred_ms double precision,
    occurred_local text,
    reported_date text,
    categories text,
    labels text,
    lon double precision,
    lat double precision,
    source_unit text,
    source_unit_id integer,
    polygon_unit_id integer,
    unit_id integer,
    location_flag text,
    unit_disagrees boolean,
    status text,
    arrest boolean,
    q_reasons text,
    q_columns text,
    q_values text,
    q_raw text
  )`;

/** Column order of the COPY into import_staging. */
export const STAGING_COPY = `COPY import_staging (kind, row_no, source_id, content_hash, source_id_derived,
  occurred_ms, occurred_local, reported_date, categories, labels, lon, lat, source_unit, source_unit_id,
  polygon_unit_id, unit_id, location_flag, unit_disagrees, status, arrest, q_reasons, q_columns, q_values,
  q_raw)
  FROM STDIN`;

/**
 * One row per source id (its first row, with the offenses of all its rows in severity then label
 * order, a hash over all its rows, whether its rows disagree on when or where, and cleared by arrest
 * when any row says so).
 * Parameterless. `$uniqueIds` variant: every id derived (unique by construction), no grouping needed.
 */
export const MERGED_SQL = `
  DROP TABLE IF EXISTS pg_temp.merged;
  CREATE TEMP TABLE merged AS
  WITH inc AS (SELECT * FROM import_staging WHERE kind = 'i'),
  g AS (SELECT source_id, count(*) AS n_rows, min(row_no) AS first_row FROM inc GROUP BY source_id),
  multi_rows AS (SELECT s.* FROM inc s JOIN g USING (source_id) WHERE g.n_rows > 1),
  multi AS (
    SELECT source_id, array_agg(c ORDER BY rk, l) AS cats, array_agg(l ORDER BY rk, l) AS labs
    FROM (
      SELECT DISTINCT x.source_id, x.c, x.l COLLATE "C" AS l, oc.severity_rank AS rk
      FROM (SELECT m.source_id, u.c, u.l
            FROM multi_rows m,
                 unnest(string_to_array(m.categories, chr(31)), string_to_array(m.labels, chr(31))) AS u(c, l)) x
      JOIN offense_category oc ON oc.category = x.c
    ) d GROUP BY source_id
  ),
  multi_hash AS (
    SELECT source_id, md5(string_agg(content_hash, ',' ORDER BY content_hash)) AS h,
           count(DISTINCT concat_ws('|', occurred_local, lon, lat, source_unit)) > 1 AS conflict,
           bool_or(arrest) AS arrest
    FROM multi_rows GROUP BY source_id
  )
  SELECT s.row_no, s.source_id, s.source_id_derived, s.occurred_ms, s.occurred_local, s.reported_date,
         s.lon, s.lat, s.source_unit, s.source_unit_id, s.polygon_unit_id, s.unit_id, s.location_flag,
         s.unit_disagrees, s.status, coalesce(mh.arrest, s.arrest) AS arrest, g.n_rows,
         coalesce(m.cats, string_to_array(s.categories, chr(31))) AS cats,
         coalesce(m.labs, string_to_array(s.labels, chr(31))) AS labs,
         coalesce(mh.h, s.content_hash) AS content_hash, coalesce(mh.conflict, false) AS id_conflict
  FROM inc s
  JOIN g ON g.source_id = s.source_id AND g.first_row = s.row_no
  LEFT JOIN multi m ON m.source_id = s.source_id
  LEFT JOIN multi_hash mh ON mh.source_id = s.source_id;
  ANALYZE merged`;

/** {@link MERGED_SQL} when every id was derived (hash + ordinal): no grouping of rows by id. */
export const MERGED_UNIQUE_IDS_SQL = `
  DROP TABLE IF EXISTS pg_temp.merged;
  CREATE TEMP TABLE merged AS
  SELECT row_no, source_id, source_id_derived, occurred_ms, occurred_local, reported_date, lon, lat,
         source_unit, source_unit_id, polygon_unit_id, unit_id, location_flag, unit_disagrees, status, arrest,
         1 AS n_rows, string_to_array(categories, chr(31)) AS cats, string_to_array(labels, chr(31)) AS labs,
         content_hash, false AS id_conflict
  FROM import_staging WHERE kind = 'i';
  ANALYZE merged`;

/**
 * Each merged id with its current stored version and hash, if any, and whether an unchanged record's
 * placement changed (so the placement update touches only those). `$1` = source.
 */
export const CLASSIFY_SQL = `
  CREATE TEMP TABLE classified AS
  SELECT m.*, c.version AS cur_version, c.content_hash AS cur_hash,
         c.version IS NOT NULL AND m.content_hash = c.content_hash AND (
           c.unit_id IS DISTINCT FROM m.unit_id OR c.polygon_unit_id IS DISTINCT FROM m.polygon_unit_id
           OR c.source_unit_id IS DISTINCT FROM m.source_unit_id OR c.location_flag <> m.location_flag
           OR c.unit_disagrees <> m.unit_disagrees) AS placement_changed
  FROM merged m
  LEFT JOIN incident c ON c.agency_id = ${AGENCY} AND c.source = $1 AND c.source_id = m.source_id AND c.is_current`;

/** Changed records: the stored version stops being current. `$1` = source. */
export const SUPERSEDE_SQL = `
  UPDATE incident SET is_current = false
  FROM classified k
  WHERE incident.agency_id = ${AGENCY} AND incident.source = $1 AND incident.source_id = k.source_id
    AND incident.is_current AND k.cur_version IS NOT NULL AND k.content_hash <> k.cur_hash`;

/**
 * New and changed records get a new current version. `$1` = source, `$2` = import id. In source id
 * order: the primary key and incident_current indexes then fill page by page (faster than random ids).
 */
export const INSERT_SQL = `
  INSERT INTO incident
  SELECT ${AGENCY}, $1, source_id, coalesce(cur_version, 0) + 1, true, $2, row_no, content_hash,
         source_id_derived, to_timestamp(occurred_ms / 1000.0), CAST(occurred_local AS timestamp),
         CAST(occurred_local AS date), CAST(reported_date AS date), cats[1], cats, labs, lon, lat,
         source_unit, source_unit_id, polygon_unit_id, unit_id, location_flag, unit_disagrees, status, arrest
  FROM classified WHERE cur_version IS NULL OR content_hash <> cur_hash
  ORDER BY source_id`;

/** Rows and incidents per outcome. */
export const OUTCOME_SQL = `
  SELECT CASE WHEN cur_version IS NULL THEN 'stored' WHEN content_hash = cur_hash THEN 'unchanged' ELSE 'updated' END AS outcome,
         sum(n_rows) AS n, count(*) AS incidents
  FROM classified GROUP BY 1`;

/** Record ids whose rows disagree, with up to five examples in file order. */
export const CONFLICTS_SQL = `
  SELECT count(*) AS n, (array_agg(source_id ORDER BY row_no))[1:5] AS samples FROM merged WHERE id_conflict`;

/** The staged quarantine rows into the quarantine table. `$1` = import id. */
export const QUARANTINE_SQL = `
  INSERT INTO quarantine (agency_id, import_id, row_no, reasons, columns, "values", raw, status)
  SELECT ${AGENCY}, $1, row_no, q_reasons, q_columns, q_values, q_raw, 'open'
  FROM import_staging WHERE kind = 'q'`;

/** Drops the import's temporary tables (also gone when the connection ends). */
export const DROP_TEMP_SQL = `DROP TABLE IF EXISTS pg_temp.import_staging, pg_temp.merged, pg_temp.classified`;
