import { BOOLEAN, DOUBLE, INTEGER, UINTEGER, UTINYINT, VARCHAR } from '@duckdb/node-api';
import { INCIDENT_STATUS_CODES, LOCATION_FLAG_CODES } from '@vigia/domain';
import {
  hashText,
  hexToNumber,
  ID_COLUMNS,
  idHashOf,
  idNOf,
  sameId,
  sourceIdText,
  sourceKeyOf,
  wordsToNumber,
} from './source-key.js';
import { INCIDENT_TABLE } from './incident-numeric-ids.js';
import { PLACEMENT_COLUMNS, placementDiffers } from './apply-placements.js';

/** SQL of the DuckDB incident import (see incident-import.ts): staging, dictionaries, merge. */

const AGENCY = 1;

/**
 * Rows of the import in progress, as IncidentBatch columns (numbers, and the source's own ids: the
 * `staged` view makes them incident columns). A TEMP table: in memory, private to the connection, gone
 * after a crash, and never written to the database file (persisting and then deleting them cost ~1 s
 * per 150,000 rows). Derived ids are NULL in `source_id`, given by their words `i0..i3` and `id_n`.
 */
export const STAGING_DDL = `CREATE OR REPLACE TEMP TABLE incident_staging (
    row_no INTEGER NOT NULL,
    source_id VARCHAR,
    i0 UINTEGER NOT NULL,
    i1 UINTEGER NOT NULL,
    i2 UINTEGER NOT NULL,
    i3 UINTEGER NOT NULL,
    id_n INTEGER NOT NULL,
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
    status UTINYINT NOT NULL,
    arrest UTINYINT NOT NULL
  );
  CREATE OR REPLACE TEMP TABLE offense_set_dict (set_id INTEGER, categories VARCHAR, labels VARCHAR);
  CREATE OR REPLACE TEMP TABLE source_unit_dict (k INTEGER, text VARCHAR);`;

/** Column types of incident_staging, in order (for the data-chunk appender). */
export const STAGING_TYPES = [
  INTEGER,
  VARCHAR,
  UINTEGER,
  UINTEGER,
  UINTEGER,
  UINTEGER,
  INTEGER,
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
  UTINYINT,
];

/** Every temporary object of an import, dropped when it ends. */
export const DROP_TEMP_SQL =
  'DROP VIEW IF EXISTS staged; DROP TABLE IF EXISTS incident_staging; DROP TABLE IF EXISTS merged; ' +
  'DROP TABLE IF EXISTS classified; DROP TABLE IF EXISTS offense_set_dict; DROP TABLE IF EXISTS source_unit_dict';

const sqlList = (values: readonly string[]) => `[${values.map((v) => `'${v}'`).join(', ')}]`;
const nan = (c: string) => `CASE WHEN isnan(s.${c}) THEN NULL ELSE s.${c} END`;
const ms = (c: string) => `make_timestamp(CAST(s.${c} AS BIGINT) * 1000)`;

/**
 * The staged rows with the values the incident table takes: the id as (source_key, id_hash, id_n) and
 * the content hash as a UHUGEINT (numbers, never formatted: see source-key.ts; a given id of the
 * derived form becomes numbers too), local time as TIMESTAMP (the wall time of the source, whole
 * seconds: exact), report DATE, offense lists (as U+001F-joined texts and as lists, split once per
 * dictionary entry), NULLs for the "none" codes.
 */
export const STAGED_VIEW = `CREATE OR REPLACE TEMP VIEW staged AS
  SELECT s.row_no, ${sourceKeyOf('s.source_id')} AS source_key,
         CASE WHEN s.source_id IS NULL THEN ${wordsToNumber('s.i0', 's.i1', 's.i2', 's.i3')}
              ELSE ${idHashOf('s.source_id')} END AS id_hash,
         CASE WHEN s.source_id IS NULL THEN s.id_n ELSE ${idNOf('s.source_id')} END AS id_n,
         ${wordsToNumber('s.h0', 's.h1', 's.h2', 's.h3')} AS content_hash,
         s.source_id_derived, s.occurred_ms, ${ms('local_ms')} AS occurred_local,
         CASE WHEN isnan(s.reported_ms) THEN NULL ELSE CAST(${ms('reported_ms')} AS DATE) END AS reported_date,
         o.categories, o.labels, o.cats, o.labs, ${nan('lon')} AS lon, ${nan('lat')} AS lat, u.text AS source_unit,
         nullif(s.source_unit_id, -1) AS source_unit_id, nullif(s.polygon_unit_id, -1) AS polygon_unit_id,
         nullif(s.unit_id, -1) AS unit_id, ${sqlList(LOCATION_FLAG_CODES)}[s.location_flag + 1] AS location_flag,
         s.unit_disagrees, ${sqlList(INCIDENT_STATUS_CODES)}[s.status + 1] AS status,
         CASE s.arrest WHEN 0 THEN NULL ELSE s.arrest = 2 END AS arrest
  FROM incident_staging s
  JOIN (SELECT set_id, categories, labels, string_split(categories, chr(31)) AS cats,
               string_split(labels, chr(31)) AS labs FROM offense_set_dict) o ON o.set_id = s.offense_set
  LEFT JOIN source_unit_dict u ON u.k = s.source_unit`;

/** The incident_data columns an import inserts. */
const INCIDENT_COLUMNS = `agency_id, source, source_key, id_hash, id_n, version, is_current, import_id, source_row,
  content_hash, source_id_derived, occurred_at, occurred_local, occurred_date, reported_date, category,
  offense_categories, offense_labels, lon, lat, source_unit, source_unit_id, polygon_unit_id, unit_id,
  location_flag, unit_disagrees, status, arrest`;

/** The values of INCIDENT_COLUMNS after (agency, source, id, version, is_current, import_id). */
const INCIDENT_VALUES = `row_no, content_hash, source_id_derived, to_timestamp(occurred_ms / 1000), occurred_local,
  CAST(occurred_local AS DATE), reported_date, cats[1], cats, labs, lon, lat, source_unit, source_unit_id,
  polygon_unit_id, unit_id, location_flag, unit_disagrees, status, arrest`;

/** The id columns of staged rows, for GROUP BY and SELECT lists. */
const ID = ID_COLUMNS.join(', ');

/** The first merge statement (see {@link mergeStatements}): one row per id, in the `merged` table. */
const MERGED_SQL = `CREATE OR REPLACE TEMP TABLE merged AS
   WITH g AS (
     SELECT ${ID}, count(*) AS n_rows, min(row_no) AS first_row
     FROM staged GROUP BY ${ID}
   ),
   multi_rows AS (
     SELECT s.* FROM staged s JOIN g ON ${sameId('s', 'g')} WHERE g.n_rows > 1
   ),
   multi AS (
     SELECT ${ID}, list(c ORDER BY rk, l) AS cats, list(l ORDER BY rk, l) AS labs
     FROM (
       SELECT DISTINCT x.source_key, x.id_hash, x.id_n, x.c, x.l, oc.severity_rank AS rk
       FROM (SELECT ${ID}, unnest(string_split(categories, chr(31))) AS c,
                    unnest(string_split(labels, chr(31))) AS l FROM multi_rows) x
       JOIN offense_category oc ON oc.category = x.c
     ) GROUP BY ${ID}
   ),
   multi_hash AS (
     SELECT ${ID},
            ${hexToNumber(`md5(string_agg(${hashText('content_hash')}, ',' ORDER BY content_hash))`)} AS h,
            count(DISTINCT concat_ws('|', occurred_local, lon, lat, source_unit)) > 1 AS conflict,
            bool_or(arrest) AS arrest
     FROM multi_rows GROUP BY ${ID}
   )
   SELECT s.* EXCLUDE (categories, labels, cats, labs, content_hash, arrest), g.n_rows,
          coalesce(mh.arrest, s.arrest) AS arrest,
          coalesce(m.cats, string_split(s.categories, chr(31))) AS cats,
          coalesce(m.labs, string_split(s.labels, chr(31))) AS labs,
          coalesce(mh.h, s.content_hash) AS content_hash, coalesce(mh.conflict, false) AS id_conflict
   FROM staged s
   JOIN g ON ${sameId('g', 's')} AND g.first_row = s.row_no
   LEFT JOIN multi m ON ${sameId('m', 's')}
   LEFT JOIN multi_hash mh ON ${sameId('mh', 's')}`;

/**
 * The rows of `merged` when no two rows of the import share an id (every id derived: unique by
 * construction; or no given id repeated, REPEATED_STAGED_IDS_SQL): the staged rows themselves, read by
 * the next statement without a table in between (grouping by id and writing `merged` cost ~1.1 s per
 * 2,000,000 rows).
 */
const UNIQUE_IDS_MERGED = `(SELECT s.* EXCLUDE (categories, labels), 1 AS n_rows, false AS id_conflict FROM staged s)`;

/**
 * Merge of staged rows into `incident_data`, in SQL so it scales with DuckDB rather than with JS memory,
 * as statements with the parameters each takes ('i' = import id, 's' = source), in order:
 * 1. `merged` (only when some rows share an id, `uniqueIds` false): one row per id; an id's several
 *    rows give one incident with all their offenses, and the hash of an id's rows is the MD5 of their
 *    hashes' 32-hex-digit texts, sorted and comma-joined, as a number (the value stored as MD5 hex text
 *    before migration 10, and by the PostgreSQL store);
 * 2. `classified`: each merged row with the current version of its id (version, content hash, and the
 *    placement columns as `cur_<column>`, for {@link PLACED_ANEW_SQL});
 * 3. superseded versions lose `is_current`; 4. new and changed records are inserted.
 * See IncidentImportSession.finish for the rules. Ids are compared as (source_key, id_hash, id_n),
 * never as texts.
 */
export function mergeStatements(uniqueIds: boolean): { sql: string; params: readonly ('i' | 's')[] }[] {
  const classified = `CREATE OR REPLACE TEMP TABLE classified AS
   SELECT m.*, c.version AS cur_version, c.content_hash AS cur_hash,
          ${PLACEMENT_COLUMNS.map((col) => `c.${col} AS cur_${col}`).join(', ')}
   FROM ${uniqueIds ? UNIQUE_IDS_MERGED : 'merged'} m
   LEFT JOIN ${INCIDENT_TABLE} c ON c.agency_id = ${AGENCY} AND c.source = $1 AND ${sameId('c', 'm')} AND c.is_current`;
  return [
    ...(uniqueIds ? [] : [{ sql: MERGED_SQL, params: [] }]),
    { sql: classified, params: ['s'] },
    {
      sql: `UPDATE ${INCIDENT_TABLE} AS i SET is_current = false
   FROM classified k
   WHERE i.agency_id = ${AGENCY} AND i.source = $1 AND ${sameId('i', 'k')}
     AND i.is_current AND k.cur_version IS NOT NULL AND k.content_hash <> k.cur_hash`,
      params: ['s'],
    },
    {
      sql: `INSERT INTO ${INCIDENT_TABLE} (${INCIDENT_COLUMNS})
   SELECT ${AGENCY}, $2, ${ID}, coalesce(cur_version, 0) + 1, true, $1, ${INCIDENT_VALUES}
   FROM classified WHERE cur_version IS NULL OR content_hash <> cur_hash`,
      params: ['i', 's'],
    },
  ];
}

/**
 * How many unchanged records of a merge have a placement other than their current version's (units or
 * placement rules changed since they were stored): the count applyPlacements would give on
 * `classified`, without joining the incident table again (~0.7 s per 2,000,000 rows).
 */
export const PLACED_ANEW_SQL = `SELECT count(*) FROM classified
   WHERE cur_version IS NOT NULL AND content_hash = cur_hash
     AND (${placementDiffers(
       (c) => `cur_${c}`,
       (c) => c,
     )})`;

/**
 * The merge of the rows staged after row `$3` when the source had no incidents: each row is a new
 * incident, version 1, inserted straight from the staged rows — what mergeStatements would do, without
 * its intermediate tables, as long as no two rows share an id (REPEATED_IDS_SQL checks given ids at the
 * end; derived ids are unique by construction). Run block by block while the file is still being read.
 */
export const INSERT_NEW_SQL = `INSERT INTO ${INCIDENT_TABLE} (${INCIDENT_COLUMNS})
   SELECT ${AGENCY}, $2, ${ID}, 1, true, $1, ${INCIDENT_VALUES}
   FROM staged WHERE row_no > $3`;

/** Stored / unchanged / updated rows and incidents of a merge (mergeStatements). */
export const OUTCOME_SQL = `
  SELECT CASE WHEN cur_version IS NULL THEN 'stored' WHEN content_hash = cur_hash THEN 'unchanged' ELSE 'updated' END,
         sum(n_rows), count(*)
  FROM classified GROUP BY 1`;

/** Ids whose rows disagree (mergeStatements, with `merged`), with up to 5 examples in file order. */
export const CONFLICTS_SQL = `SELECT count(*), list(${sourceIdText()} ORDER BY row_no)[1:5] FROM merged WHERE id_conflict`;

/**
 * How many ids the rows inserted by import `$1` share (rows of one incident, which a merge makes one
 * incident with all their offenses): the check after a fresh-mode import with given ids.
 */
export const REPEATED_IDS_SQL = repeatedIds(
  `${INCIDENT_TABLE} WHERE agency_id = ${AGENCY} AND import_id = $1`,
);

/** How many ids the staged rows share (see REPEATED_IDS_SQL): none means a merge without `merged`. */
export const REPEATED_STAGED_IDS_SQL = repeatedIds('staged');

/** How many ids more than one of `rows` (a relation, with its WHERE clause) share. */
function repeatedIds(rows: string): string {
  return `SELECT count(*) FROM (SELECT 1 FROM ${rows} GROUP BY ${ID} HAVING count(*) > 1)`;
}

/** Whether the source has any incident (`$1` = source). */
export const SOURCE_HAS_INCIDENTS_SQL = `SELECT count(*) FROM (SELECT 1 FROM ${INCIDENT_TABLE} WHERE agency_id = ${AGENCY} AND source = $1 LIMIT 1)`;

/** Removes what fresh-mode blocks inserted (`$1` = import id), before a full merge instead. */
export const UNDO_BLOCKS_SQL = `DELETE FROM ${INCIDENT_TABLE} WHERE agency_id = ${AGENCY} AND import_id = $1`;

/** Records the placement rules of the source's latest import. */
export const SOURCE_PLACEMENT_SQL = `INSERT INTO source_placement VALUES (${AGENCY}, $1, $2, $3)
   ON CONFLICT (agency_id, source) DO UPDATE
   SET unit_of_record = excluded.unit_of_record, source_unit_level = excluded.source_unit_level`;
