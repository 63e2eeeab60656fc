/**
 * Migration of the calls-for-service table (appended to MIGRATIONS). Same versioning as incidents:
 * logical key (agency_id, source, source_id, version), one current version per call, kept unique by
 * the import merge. Times are instants (TIMESTAMPTZ) plus the local wall time the call was received.
 */
export const CALLS_MIGRATION = `
  CREATE TABLE call_for_service (
    agency_id INTEGER NOT NULL,
    source VARCHAR NOT NULL,
    source_id VARCHAR NOT NULL,
    version INTEGER NOT NULL,
    is_current BOOLEAN NOT NULL,
    import_id INTEGER NOT NULL,
    source_row INTEGER NOT NULL,
    content_hash VARCHAR NOT NULL,
    source_id_derived BOOLEAN NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    received_local TIMESTAMP NOT NULL,
    received_date DATE NOT NULL,
    dispatched_at TIMESTAMPTZ,
    en_route_at TIMESTAMPTZ,
    on_scene_at TIMESTAMPTZ,
    cleared_at TIMESTAMPTZ,
    time_precision VARCHAR NOT NULL,
    priority VARCHAR,
    channel VARCHAR,
    initial_type VARCHAR,
    final_type VARCHAR,
    disposition VARCHAR,
    officer_initiated BOOLEAN NOT NULL,
    arrest BOOLEAN,
    responding_units VARCHAR[] NOT NULL,
    lon DOUBLE,
    lat DOUBLE,
    source_unit VARCHAR,
    source_unit_id INTEGER,
    polygon_unit_id INTEGER,
    unit_id INTEGER,
    location_flag VARCHAR NOT NULL,
    unit_disagrees BOOLEAN NOT NULL
  );
`;
