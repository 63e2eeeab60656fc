import { hexToNumber, idHashOf, idNOf, sourceIdText, sourceKeyOf } from './source-key.js';

/**
 * The table that stores incidents since DuckDB migration 10 (writers use it; readers read the view
 * `incident`, see {@link INCIDENT_NUMERIC_IDS_MIGRATION}).
 */
export const INCIDENT_TABLE = 'incident_data';

/** The incident columns that migration 10 copies as they are, in table order. */
const KEPT = `agency_id, source, version, is_current, import_id, source_row, source_id_derived, occurred_at,
  occurred_local, occurred_date, reported_date, category, offense_categories, offense_labels, lon, lat,
  source_unit, source_unit_id, polygon_unit_id, unit_id, location_flag, unit_disagrees, status, arrest`;

/**
 * The columns of view `incident`: those of the table before migration 10, in the same order (source_id
 * as text), then the id columns. A migration that changes the table recreates the view.
 */
const VIEW_COLUMNS = `agency_id, source, ${sourceIdText()} AS source_id, version, is_current, import_id,
  source_row, content_hash, source_id_derived, occurred_at, occurred_local, occurred_date, reported_date,
  category, offense_categories, offense_labels, lon, lat, source_unit, source_unit_id, polygon_unit_id,
  unit_id, location_flag, unit_disagrees, status, arrest, source_key, id_hash, id_n`;

/**
 * DuckDB migration 10 (issue 2, import throughput): incident ids and content hashes are kept as
 * numbers. An import used to have DuckDB format two unique texts per row (`h:<32 hex>#n` and 32 hex
 * digits) and then compress, hash and keep statistics of them: ~2 µs of DuckDB's CPU per row of a
 * 2 M-row import, 40 % of its share. Table `incident_data` has:
 * - `source_key`: the id text, NULL when the id has the derived form (see source-key.ts);
 * - `id_hash`, `id_n`: the derived form's 32 hex digits as one UHUGEINT and its ordinal, else NULL;
 * - `content_hash`: UHUGEINT instead of 32 hex digits (`printf('%032x', content_hash)` is the text).
 * View `incident` gives readers the old columns, `source_id` as text again (formatted only when read).
 * Not a generated column: DuckDB evaluates a generated column's expression on every INSERT to check
 * that it can be computed (DataTable::VerifyAppendConstraints), which measured 2.5 µs per row.
 * Existing rows are converted; the logical key stays (agency_id, source, source_id, version): ids are
 * equal as texts exactly when their (source_key, id_hash, id_n) are, which the import compares.
 */
export const INCIDENT_NUMERIC_IDS_MIGRATION = `
  CREATE TABLE ${INCIDENT_TABLE} (
    agency_id INTEGER NOT NULL,
    source VARCHAR NOT NULL,
    source_key VARCHAR,
    id_hash UHUGEINT,
    id_n INTEGER,
    version INTEGER NOT NULL,
    is_current BOOLEAN NOT NULL,
    import_id INTEGER NOT NULL,
    source_row INTEGER NOT NULL,
    content_hash UHUGEINT NOT NULL,
    source_id_derived BOOLEAN NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    occurred_local TIMESTAMP NOT NULL,
    occurred_date DATE NOT NULL,
    reported_date DATE,
    category VARCHAR NOT NULL,
    offense_categories VARCHAR[] NOT NULL,
    offense_labels VARCHAR[] NOT NULL,
    lon DOUBLE,
    lat DOUBLE,
    source_unit VARCHAR,
    source_unit_id INTEGER,
    polygon_unit_id INTEGER,
    unit_id INTEGER,
    location_flag VARCHAR NOT NULL,
    unit_disagrees BOOLEAN NOT NULL,
    status VARCHAR NOT NULL,
    arrest BOOLEAN
  );
  INSERT INTO ${INCIDENT_TABLE} (${KEPT}, content_hash, source_key, id_hash, id_n)
  SELECT ${KEPT}, ${hexToNumber('content_hash')}, ${sourceKeyOf('source_id')}, ${idHashOf('source_id')},
         ${idNOf('source_id')}
  FROM incident;
  DROP TABLE incident;
  CREATE VIEW incident AS SELECT ${VIEW_COLUMNS} FROM ${INCIDENT_TABLE};
`;
