/**
 * SQL of the PostgreSQL call import merge: the rules of the DuckDB merge (duckdb/calls/call-import.ts),
 * in the same order, in PostgreSQL's dialect. Staged rows live in the temporary table `call_staging`
 * (kind 'c' = call row, 'q' = quarantined row) of the import's own connection. `$1` is the source, `$2`
 * the import id where a statement takes them.
 */

const AGENCY = 1;

/** The staging table: one per connection, dropped with the connection on a crash. */
export const CALL_STAGING_DDL = `
  DROP TABLE IF EXISTS pg_temp.call_staging;
  CREATE TEMP TABLE call_staging (
    kind "char" NOT NULL,
    row_no integer NOT NULL,
    source_id text COLLATE "C",
    content_hash text COLLATE "C",
    source_id_derived boolean,
    received_ms double precision,
    received_local text,
    dispatched_ms double precision,
    en_route_ms double precision,
    on_scene_ms double precision,
    cleared_ms double precision,
    time_precision text,
    priority text,
    channel text,
    initial_type text,
    final_type text,
    disposition text,
    officer_initiated boolean,
    arrest boolean,
    responding_units text,
    lon double precision,
    lat double precision,
    source_unit text,
    source_unit_id integer,
    polygon_unit_id integer,
    unit_id integer,
    location_flag text,
    unit_disagrees boolean,
    q_reasons text,
    q_columns text,
    q_values text,
    q_raw text
  )`;

/** Column order of the COPY into call_staging (all columns, in table order). */
export const CALL_STAGING_COPY = 'COPY call_staging FROM STDIN';

/** Whether some call id has several rows in the file (then rows must be merged per id). */
export const CALL_IDS_REPEAT_SQL = `
  SELECT EXISTS (SELECT 1 FROM call_staging WHERE kind = 'c' GROUP BY source_id HAVING count(*) > 1) AS repeats`;

const UNITS = (col: string) =>
  `CASE WHEN ${col} IS NULL OR ${col} = '' THEN '{}'::text[] ELSE string_to_array(${col}, chr(31)) END`;

/** The value of `col` in the first row (lowest row number) of a group. */
const FIRST = (col: string) => `(array_agg(${col} ORDER BY row_no))[1] AS ${col}`;

/**
 * One row per call id: rows sharing an id become one call with the earliest received, dispatched, en
 * route and on-scene times (the first unit to arrive defines arrival), the latest cleared time, every
 * responding unit (distinct, byte order), officer-initiated or arrest if any row says so, the rest from
 * its first row, and a hash over all its rows. One pass of GROUP BY, no join: joining the groups back
 * to their first rows was planned as nested loops over mis-estimated CTEs (a 43,000-row CAD export
 * with a few units per call ran for more than half an hour).
 */
export const CALL_MERGED_SQL = `
  DROP TABLE IF EXISTS pg_temp.call_merged;
  CREATE TEMP TABLE call_merged AS
  SELECT min(row_no) AS row_no, source_id, ${FIRST('source_id_derived')}, count(*) AS n_rows,
         CASE WHEN count(*) = 1 THEN min(content_hash)
              ELSE md5(string_agg(content_hash, ',' ORDER BY content_hash)) END AS content_hash,
         min(received_ms) AS received_ms, (array_agg(received_local ORDER BY received_ms, row_no))[1] AS received_local,
         min(dispatched_ms) AS dispatched_ms, min(en_route_ms) AS en_route_ms, min(on_scene_ms) AS on_scene_ms,
         max(cleared_ms) AS cleared_ms,
         CASE WHEN bool_or(time_precision = 'date') THEN 'date' ELSE 'second' END AS time_precision,
         ${['priority', 'channel', 'initial_type', 'final_type', 'disposition'].map(FIRST).join(', ')},
         bool_or(officer_initiated) AS officer_initiated, bool_or(arrest) AS arrest,
         coalesce(
           (SELECT array_agg(DISTINCT x.unit COLLATE "C" ORDER BY x.unit COLLATE "C")
            FROM unnest(string_to_array(string_agg(nullif(responding_units, ''), chr(31)), chr(31))) AS x(unit)),
           '{}'::text[]) AS responding_units,
         ${['lon', 'lat', 'source_unit', 'source_unit_id', 'polygon_unit_id', 'unit_id', 'location_flag', 'unit_disagrees'].map(FIRST).join(', ')}
  FROM call_staging WHERE kind = 'c'
  GROUP BY source_id;
  ANALYZE call_merged`;

/** {@link CALL_MERGED_SQL} when no call id repeats (one row per call, the usual export): no grouping. */
export const CALL_MERGED_UNIQUE_IDS_SQL = `
  DROP TABLE IF EXISTS pg_temp.call_merged;
  CREATE TEMP TABLE call_merged AS
  SELECT row_no, source_id, source_id_derived, 1 AS n_rows, content_hash, received_ms, received_local,
         dispatched_ms, en_route_ms, on_scene_ms, cleared_ms, time_precision, priority, channel,
         initial_type, final_type, disposition, officer_initiated, arrest,
         ${UNITS('responding_units')} AS responding_units, lon, lat, source_unit, source_unit_id,
         polygon_unit_id, unit_id, location_flag, unit_disagrees
  FROM call_staging WHERE kind = 'c';
  ANALYZE call_merged`;

/**
 * Each merged call with its current stored version and hash, if any, and whether an unchanged call's
 * placement changed (units imported or redrawn since). `$1` = source (one statement: it takes a
 * parameter; run {@link CALL_DROP_TEMP_SQL}'s drop of call_classified first).
 */
export const CALL_CLASSIFY_SQL = `
  CREATE TEMP TABLE call_classified AS
  SELECT m.*, c.version AS cur_version, c.content_hash AS cur_hash,
         c.version IS NOT NULL AND m.content_hash = c.content_hash AND (
           c.unit_id IS DISTINCT FROM m.unit_id OR c.polygon_unit_id IS DISTINCT FROM m.polygon_unit_id
           OR c.source_unit_id IS DISTINCT FROM m.source_unit_id OR c.location_flag <> m.location_flag
           OR c.unit_disagrees <> m.unit_disagrees) AS placement_changed
  FROM call_merged m
  LEFT JOIN call_for_service c
    ON c.agency_id = ${AGENCY} AND c.source = $1 AND c.source_id = m.source_id AND c.is_current`;

/** Changed calls: the stored version stops being current. `$1` = source. */
export const CALL_SUPERSEDE_SQL = `
  UPDATE call_for_service SET is_current = false
  FROM call_classified k
  WHERE call_for_service.agency_id = ${AGENCY} AND call_for_service.source = $1
    AND call_for_service.source_id = k.source_id AND call_for_service.is_current
    AND k.cur_version IS NOT NULL AND k.content_hash <> k.cur_hash`;

/**
 * Unchanged calls placed anew (placement is derived data: updated in place, not versioned). `$1` =
 * source.
 */
export const CALL_REPLACE_SQL = `
  UPDATE call_for_service SET unit_id = k.unit_id, polygon_unit_id = k.polygon_unit_id,
    source_unit_id = k.source_unit_id, location_flag = k.location_flag, unit_disagrees = k.unit_disagrees
  FROM call_classified k
  WHERE call_for_service.agency_id = ${AGENCY} AND call_for_service.source = $1
    AND call_for_service.source_id = k.source_id AND call_for_service.is_current AND k.placement_changed`;

const ts = (col: string) => `to_timestamp(${col} / 1000.0)`;

/**
 * New and changed calls get a new current version. `$1` = source, `$2` = import id. In source id
 * order, so the primary key and call_current indexes fill page by page.
 */
export const CALL_INSERT_SQL = `
  INSERT INTO call_for_service (agency_id, source, source_id, version, is_current, import_id, source_row,
    content_hash, source_id_derived, received_at, received_local, received_date, dispatched_at, en_route_at,
    on_scene_at, cleared_at, time_precision, priority, channel, initial_type, final_type, disposition,
    officer_initiated, arrest, responding_units, lon, lat, source_unit, source_unit_id, polygon_unit_id,
    unit_id, location_flag, unit_disagrees)
  SELECT ${AGENCY}, $1, source_id, coalesce(cur_version, 0) + 1, true, $2, row_no, content_hash,
         source_id_derived, ${ts('received_ms')}, CAST(received_local AS timestamp),
         CAST(received_local AS date), ${ts('dispatched_ms')}, ${ts('en_route_ms')}, ${ts('on_scene_ms')},
         ${ts('cleared_ms')}, time_precision, priority, channel, initial_type, final_type, disposition,
         officer_initiated, arrest, responding_units, lon, lat, source_unit, source_unit_id, polygon_unit_id,
         unit_id, location_flag, unit_disagrees
  FROM call_classified WHERE cur_version IS NULL OR content_hash <> cur_hash
  ORDER BY source_id`;

/** Rows and calls per outcome. */
export const CALL_OUTCOME_SQL = `
  SELECT CASE WHEN cur_version IS NULL THEN 'stored' WHEN content_hash = cur_hash THEN 'unchanged' ELSE 'updated' END AS outcome,
         sum(n_rows) AS n, count(*) AS calls
  FROM call_classified GROUP BY 1`;

/** The staged quarantine rows into the quarantine table. `$1` = import id. */
export const CALL_QUARANTINE_SQL = `
  INSERT INTO quarantine (agency_id, import_id, row_no, reasons, columns, "values", raw, status)
  SELECT ${AGENCY}, $1, row_no, q_reasons, q_columns, q_values, q_raw, 'open'
  FROM call_staging WHERE kind = 'q'`;

/** Drops the import's temporary tables (also gone when the connection ends). */
export const CALL_DROP_TEMP_SQL = `DROP TABLE IF EXISTS pg_temp.call_staging, pg_temp.call_merged, pg_temp.call_classified`;
