import { OFFENSE_CATEGORY_CODES } from '@vigia/domain';
import { CALLS_MIGRATION } from './calls/call-migration.js';
import { INCIDENT_NUMERIC_IDS_MIGRATION } from './incident-numeric-ids.js';

/**
 * Versioned schema of the embedded store, applied in order inside one transaction each. Never edit a
 * released migration: add the next one. Every large table leads its primary key with agency_id (the
 * Citus distribution key, DESIGN.md).
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE agency (
    agency_id INTEGER PRIMARY KEY,
    name VARCHAR NOT NULL,
    country VARCHAR NOT NULL,
    time_zone VARCHAR NOT NULL,
    locale VARCHAR NOT NULL,
    week_start VARCHAR NOT NULL DEFAULT 'monday',
    created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
  );
  CREATE TABLE unit_level (
    agency_id INTEGER NOT NULL,
    level VARCHAR NOT NULL,
    depth INTEGER NOT NULL,
    parent_level VARCHAR,
    PRIMARY KEY (agency_id, level)
  );
  CREATE TABLE unit (
    agency_id INTEGER NOT NULL,
    unit_id INTEGER NOT NULL,
    level VARCHAR NOT NULL,
    code VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    parent_id INTEGER,
    geometry VARCHAR,
    PRIMARY KEY (agency_id, unit_id),
    UNIQUE (agency_id, level, code)
  );
  CREATE TABLE unit_ancestor (
    agency_id INTEGER NOT NULL,
    unit_id INTEGER NOT NULL,
    ancestor_id INTEGER NOT NULL,
    PRIMARY KEY (agency_id, unit_id, ancestor_id)
  );
  CREATE TABLE offense_category (
    category VARCHAR PRIMARY KEY,
    severity_rank INTEGER NOT NULL
  );
  INSERT INTO offense_category VALUES ${OFFENSE_CATEGORY_CODES.map((c, i) => `('${c}', ${i})`).join(', ')};
  CREATE TABLE import_batch (
    agency_id INTEGER NOT NULL,
    import_id INTEGER NOT NULL,
    kind VARCHAR NOT NULL,
    file VARCHAR NOT NULL,
    profile VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    started_at TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
    status VARCHAR NOT NULL,
    rows_read INTEGER,
    rows_stored INTEGER,
    rows_updated INTEGER,
    rows_unchanged INTEGER,
    rows_quarantined INTEGER,
    summary VARCHAR,
    PRIMARY KEY (agency_id, import_id)
  );
  CREATE TABLE incident (
    agency_id INTEGER NOT NULL,
    source VARCHAR NOT NULL,
    source_id VARCHAR NOT NULL,
    version INTEGER NOT NULL,
    is_current BOOLEAN NOT NULL,
    import_id INTEGER NOT NULL,
    source_row INTEGER NOT NULL,
    content_hash VARCHAR NOT NULL,
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
    status VARCHAR NOT NULL
    -- Logical key (agency_id, source, source_id, version), kept unique by the import merge (tested).
    -- Not declared here: DuckDB's ART index made a 150k-row merge ~1 s slower and is held in memory.
    -- The PostgreSQL schema declares it as the primary key (Citus distribution by agency_id).
  );
  CREATE TABLE quarantine (
    agency_id INTEGER NOT NULL,
    import_id INTEGER NOT NULL,
    row_no INTEGER NOT NULL,
    reasons VARCHAR NOT NULL,
    columns VARCHAR NOT NULL,
    "values" VARCHAR NOT NULL,
    raw VARCHAR NOT NULL,
    status VARCHAR NOT NULL DEFAULT 'open',
    PRIMARY KEY (agency_id, import_id, row_no)
  );
  `,
  // 2: the placement rules each source was imported with, so units imported later can re-place its
  // incidents without the file.
  `
  CREATE TABLE source_placement (
    agency_id INTEGER NOT NULL,
    source VARCHAR NOT NULL,
    unit_of_record VARCHAR NOT NULL,
    source_unit_level VARCHAR,
    PRIMARY KEY (agency_id, source)
  );
  `,
  // 3: optimistic concurrency on agency settings: an edit names the version it read (STORE_CONFLICT).
  `
  ALTER TABLE agency ADD COLUMN version INTEGER DEFAULT 1;
  `,
  // 4: calls for service (issue 5), a table of their own beside incidents.
  CALLS_MIGRATION,
  // 5: the hash-chained audit log (issue 6). Append-only by contract: DuckDB has no triggers to forbid
  // UPDATE/DELETE, so the chain (domain audit-chain) is what detects an edited or deleted row.
  `
  CREATE TABLE audit_log (
    agency_id INTEGER NOT NULL,
    seq BIGINT NOT NULL,
    recorded_at VARCHAR NOT NULL,
    actor VARCHAR NOT NULL,
    action VARCHAR NOT NULL,
    target VARCHAR NOT NULL,
    before_json VARCHAR NOT NULL,
    after_json VARCHAR NOT NULL,
    prev_hash VARCHAR NOT NULL,
    hash VARCHAR NOT NULL,
    PRIMARY KEY (agency_id, seq)
  );
  `,
  // 6: user accounts and sign-in sessions (issue 6). Instants are UTC epoch milliseconds; a session
  // keeps only the SHA-256 of its token. username_key is the lower-cased name (unique ignoring case).
  `
  CREATE TABLE app_user (
    agency_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    username VARCHAR NOT NULL,
    username_key VARCHAR NOT NULL,
    display_name VARCHAR NOT NULL,
    role VARCHAR NOT NULL,
    unit_id INTEGER,
    password_hash VARCHAR NOT NULL,
    failed_attempts INTEGER NOT NULL,
    locked_until BIGINT,
    disabled BOOLEAN NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (agency_id, user_id),
    UNIQUE (agency_id, username_key)
  );
  CREATE TABLE user_session (
    agency_id INTEGER NOT NULL,
    token_hash VARCHAR NOT NULL,
    user_id INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    csrf_token VARCHAR NOT NULL,
    PRIMARY KEY (agency_id, token_hash)
  );
  `,
  // 7: the agency's metric CRS for spatial analyses (EPSG code; NULL = UTM zone of the data).
  `
  ALTER TABLE agency ADD COLUMN epsg INTEGER;
  `,
  // 8: the COMPSTAT meeting (issue 6): meetings, their units and generated agenda, action items and the
  // history of every change to them. Instants are ISO 8601 UTC text (as audit_log), local dates
  // YYYY-MM-DD text, figures and baselines JSON text.
  `
  CREATE TABLE meeting (
    agency_id INTEGER NOT NULL,
    meeting_id INTEGER NOT NULL,
    week VARCHAR NOT NULL,
    title VARCHAR NOT NULL,
    status VARCHAR NOT NULL,
    created_by VARCHAR NOT NULL,
    created_at VARCHAR NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (agency_id, meeting_id)
  );
  CREATE TABLE meeting_unit (
    agency_id INTEGER NOT NULL,
    meeting_id INTEGER NOT NULL,
    unit_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (agency_id, meeting_id, unit_id)
  );
  CREATE TABLE agenda_item (
    agency_id INTEGER NOT NULL,
    agenda_item_id INTEGER NOT NULL,
    meeting_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    unit_id INTEGER NOT NULL,
    kind VARCHAR NOT NULL,
    category VARCHAR,
    figures_json VARCHAR NOT NULL,
    notes VARCHAR NOT NULL,
    notes_by VARCHAR,
    notes_at VARCHAR,
    PRIMARY KEY (agency_id, agenda_item_id)
  );
  CREATE TABLE action_item (
    agency_id INTEGER NOT NULL,
    action_item_id INTEGER NOT NULL,
    meeting_id INTEGER NOT NULL,
    agenda_item_id INTEGER,
    unit_id INTEGER NOT NULL,
    category VARCHAR,
    title VARCHAR NOT NULL,
    owner_name VARCHAR,
    owner_user_id INTEGER,
    due_date VARCHAR,
    status VARCHAR NOT NULL,
    notes VARCHAR NOT NULL,
    baseline_json VARCHAR NOT NULL,
    created_by VARCHAR NOT NULL,
    created_at VARCHAR NOT NULL,
    updated_at VARCHAR NOT NULL,
    status_changed_at VARCHAR NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (agency_id, action_item_id)
  );
  CREATE TABLE action_item_history (
    agency_id INTEGER NOT NULL,
    action_item_id INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    changed_at VARCHAR NOT NULL,
    actor VARCHAR NOT NULL,
    field VARCHAR NOT NULL,
    before_json VARCHAR NOT NULL,
    after_json VARCHAR NOT NULL,
    PRIMARY KEY (agency_id, action_item_id, seq)
  );
  `,
  // 9: the source's arrest flag on incidents (issue 5, enforcement): true = cleared by arrest as the
  // export said when extracted, false = no arrest, NULL = the source does not say (every incident
  // stored before this column existed).
  `
  ALTER TABLE incident ADD COLUMN arrest BOOLEAN;
  `,
  // 10: incident ids and content hashes as numbers (issue 2, import throughput): incidents are stored
  // in table incident_data; `incident` becomes a view with the same columns as before.
  INCIDENT_NUMERIC_IDS_MIGRATION,
];
