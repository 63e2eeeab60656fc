/**
 * PostgreSQL migration of the calls-for-service table (appended to PG_MIGRATIONS): the DuckDB table
 * (duckdb/calls/call-migration.ts) with its logical key declared as the primary key, led by agency_id
 * (the Citus distribution column). Times are instants (timestamptz) plus the local wall time the call
 * was received; keys are `COLLATE "C"` as in the incident table.
 */
export const PG_CALLS_MIGRATION = `
  CREATE TABLE call_for_service (
    agency_id integer NOT NULL,
    source text COLLATE "C" NOT NULL,
    source_id text COLLATE "C" NOT NULL,
    version integer NOT NULL,
    is_current boolean NOT NULL,
    import_id integer NOT NULL,
    source_row integer NOT NULL,
    content_hash text COLLATE "C" NOT NULL,
    source_id_derived boolean NOT NULL,
    received_at timestamptz NOT NULL,
    received_local timestamp NOT NULL,
    received_date date NOT NULL,
    dispatched_at timestamptz,
    en_route_at timestamptz,
    on_scene_at timestamptz,
    cleared_at timestamptz,
    time_precision text NOT NULL,
    priority text,
    channel text,
    initial_type text,
    final_type text,
    disposition text,
    officer_initiated boolean NOT NULL,
    arrest boolean,
    responding_units text[] NOT NULL,
    lon double precision,
    lat double precision,
    source_unit text,
    source_unit_id integer,
    polygon_unit_id integer,
    unit_id integer,
    location_flag text NOT NULL,
    unit_disagrees boolean NOT NULL,
    PRIMARY KEY (agency_id, source, source_id, version)
  );
  -- At most one current version per call; the import merge finds it through this index.
  CREATE UNIQUE INDEX call_current ON call_for_service (agency_id, source, source_id) WHERE is_current;
  -- Reports select current calls by local received date (and the first/last date of the data).
  CREATE INDEX call_received ON call_for_service (agency_id, received_date) WHERE is_current;
`;
