import { OFFENSE_CATEGORY_CODES } from '@vigia/domain';
import { PG_CALLS_MIGRATION } from './calls/call-migration.js';

/**
 * Versioned schema of the PostgreSQL store, applied in order, one transaction each, under an advisory
 * lock (several Vigía instances may start at once). Numbered on its own (the DuckDB list is separate):
 * never edit a released migration, add the next one.
 *
 * Citus-ready: every large table (incident, quarantine, import_batch, unit, unit_ancestor) leads its
 * primary key with agency_id, the distribution column, and every unique index includes it; see
 * docs/deploy.md. Keys and codes are `COLLATE "C"` so that ORDER BY gives the byte order DuckDB gives
 * (identical reports and listings on both stores) and B-tree comparisons stay cheap.
 */
export const PG_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE agency (
    agency_id integer PRIMARY KEY,
    name text NOT NULL,
    country text NOT NULL,
    time_zone text NOT NULL,
    locale text NOT NULL,
    week_start text NOT NULL DEFAULT 'monday',
    created_at timestamptz NOT NULL DEFAULT now(),
    -- Optimistic concurrency: an edit names the version it read (STORE_CONFLICT when stale).
    version integer NOT NULL DEFAULT 1
  );
  CREATE TABLE unit_level (
    agency_id integer NOT NULL,
    level text COLLATE "C" NOT NULL,
    depth integer NOT NULL,
    parent_level text COLLATE "C",
    PRIMARY KEY (agency_id, level)
  );
  CREATE TABLE unit (
    agency_id integer NOT NULL,
    unit_id integer NOT NULL,
    level text COLLATE "C" NOT NULL,
    code text COLLATE "C" NOT NULL,
    name text NOT NULL,
    parent_id integer,
    geometry text,
    PRIMARY KEY (agency_id, unit_id),
    UNIQUE (agency_id, level, code)
  );
  CREATE TABLE unit_ancestor (
    agency_id integer NOT NULL,
    unit_id integer NOT NULL,
    ancestor_id integer NOT NULL,
    PRIMARY KEY (agency_id, unit_id, ancestor_id)
  );
  CREATE TABLE offense_category (
    category text COLLATE "C" PRIMARY KEY,
    severity_rank integer NOT NULL
  );
  INSERT INTO offense_category VALUES ${OFFENSE_CATEGORY_CODES.map((c, i) => `('${c}', ${i})`).join(', ')};
  -- Import ids come from a sequence (not max + 1): two instances may start imports at the same time.
  CREATE SEQUENCE import_id_seq;
  CREATE TABLE import_batch (
    agency_id integer NOT NULL,
    import_id integer NOT NULL,
    kind text NOT NULL,
    file text NOT NULL,
    profile text NOT NULL,
    source text COLLATE "C" NOT NULL,
    started_at timestamptz NOT NULL,
    finished_at timestamptz,
    status text NOT NULL,
    rows_read integer,
    rows_stored integer,
    rows_updated integer,
    rows_unchanged integer,
    rows_quarantined integer,
    summary text,
    PRIMARY KEY (agency_id, import_id)
  );
  CREATE TABLE incident (
    agency_id integer NOT NULL,
    source text COLLATE "C" NOT NULL,
    source_id text COLLATE "C" NOT NULL,
    version integer NOT NULL,
    is_current boolean NOT NULL,
    import_id integer NOT NULL,
    source_row integer NOT NULL,
    content_hash text COLLATE "C" NOT NULL,
    source_id_derived boolean NOT NULL,
    occurred_at timestamptz NOT NULL,
    occurred_local timestamp NOT NULL,
    occurred_date date NOT NULL,
    reported_date date,
    category text COLLATE "C" NOT NULL,
    offense_categories text[] NOT NULL,
    offense_labels text[] NOT NULL,
    lon double precision,
    lat double precision,
    source_unit text,
    source_unit_id integer,
    polygon_unit_id integer,
    unit_id integer,
    location_flag text NOT NULL,
    unit_disagrees boolean NOT NULL,
    status text NOT NULL,
    PRIMARY KEY (agency_id, source, source_id, version)
  );
  -- At most one current version per record; the merge finds it through this index.
  CREATE UNIQUE INDEX incident_current ON incident (agency_id, source, source_id) WHERE is_current;
  -- The weekly report reads only these columns of current, founded incidents in a date span:
  -- covering indexes let it scan the span alone (index-only once vacuumed).
  CREATE INDEX incident_report_occurred ON incident (agency_id, occurred_date) INCLUDE (unit_id, category)
    WHERE is_current AND status <> 'unfounded';
  CREATE INDEX incident_report_reported ON incident (agency_id, reported_date) INCLUDE (unit_id, category)
    WHERE is_current AND status <> 'unfounded';
  -- First and last date per category (the report's "outside the data" check): two index probes each.
  CREATE INDEX incident_category_dates ON incident (agency_id, category, occurred_date)
    WHERE is_current AND status <> 'unfounded';
  CREATE TABLE quarantine (
    agency_id integer NOT NULL,
    import_id integer NOT NULL,
    row_no integer NOT NULL,
    reasons text NOT NULL,
    columns text NOT NULL,
    "values" text NOT NULL,
    raw text NOT NULL,
    status text NOT NULL DEFAULT 'open',
    PRIMARY KEY (agency_id, import_id, row_no)
  );
  CREATE TABLE source_placement (
    agency_id integer NOT NULL,
    source text COLLATE "C" NOT NULL,
    unit_of_record text NOT NULL,
    source_unit_level text,
    PRIMARY KEY (agency_id, source)
  );
  `,
  // 2: the hash-chained audit log (issue 6). A trigger refuses UPDATE and DELETE; the chain (domain
  // audit-chain) still detects a row changed by someone able to disable the trigger.
  `
  CREATE TABLE audit_log (
    agency_id integer NOT NULL,
    seq bigint NOT NULL,
    recorded_at text COLLATE "C" NOT NULL,
    actor text NOT NULL,
    action text COLLATE "C" NOT NULL,
    target text NOT NULL,
    before_json text NOT NULL,
    after_json text NOT NULL,
    prev_hash text NOT NULL,
    hash text NOT NULL,
    PRIMARY KEY (agency_id, seq)
  );
  CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
  END $$;
  CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
  `,
  // 3: user accounts and sign-in sessions (issue 6). Instants are UTC epoch milliseconds; a session
  // keeps only the SHA-256 of its token. username_key is the lower-cased name (unique ignoring case).
  `
  CREATE TABLE app_user (
    agency_id integer NOT NULL,
    user_id integer NOT NULL,
    username text NOT NULL,
    username_key text COLLATE "C" NOT NULL,
    display_name text NOT NULL,
    role text NOT NULL,
    unit_id integer,
    password_hash text NOT NULL,
    failed_attempts integer NOT NULL,
    locked_until bigint,
    disabled boolean NOT NULL,
    created_at bigint NOT NULL,
    updated_at bigint NOT NULL,
    PRIMARY KEY (agency_id, user_id),
    UNIQUE (agency_id, username_key)
  );
  CREATE TABLE user_session (
    agency_id integer NOT NULL,
    token_hash text COLLATE "C" NOT NULL,
    user_id integer NOT NULL,
    created_at bigint NOT NULL,
    expires_at bigint NOT NULL,
    last_seen_at bigint NOT NULL,
    csrf_token text NOT NULL,
    PRIMARY KEY (agency_id, token_hash)
  );
  CREATE INDEX user_session_user ON user_session (agency_id, user_id);
  `,
  // 4: the agency's metric CRS for spatial analyses (EPSG code; NULL = UTM zone of the data).
  `
  ALTER TABLE agency ADD COLUMN epsg integer;
  `,
  // 5: calls for service (issue 5), a table of their own beside incidents.
  PG_CALLS_MIGRATION,
  // 6: the COMPSTAT meeting (issue 6): meetings, their units and generated agenda, action items and the
  // history of every change to them. Instants are ISO 8601 UTC text (as audit_log), local dates
  // YYYY-MM-DD text, figures and baselines JSON text.
  `
  CREATE TABLE meeting (
    agency_id integer NOT NULL,
    meeting_id integer NOT NULL,
    week text NOT NULL,
    title text NOT NULL,
    status text NOT NULL,
    created_by text NOT NULL,
    created_at text COLLATE "C" NOT NULL,
    version integer NOT NULL,
    PRIMARY KEY (agency_id, meeting_id)
  );
  CREATE TABLE meeting_unit (
    agency_id integer NOT NULL,
    meeting_id integer NOT NULL,
    unit_id integer NOT NULL,
    position integer NOT NULL,
    PRIMARY KEY (agency_id, meeting_id, unit_id)
  );
  CREATE TABLE agenda_item (
    agency_id integer NOT NULL,
    agenda_item_id integer NOT NULL,
    meeting_id integer NOT NULL,
    position integer NOT NULL,
    unit_id integer NOT NULL,
    kind text NOT NULL,
    category text,
    figures_json text NOT NULL,
    notes text NOT NULL,
    notes_by text,
    notes_at text,
    PRIMARY KEY (agency_id, agenda_item_id)
  );
  CREATE TABLE action_item (
    agency_id integer NOT NULL,
    action_item_id integer NOT NULL,
    meeting_id integer NOT NULL,
    agenda_item_id integer,
    unit_id integer NOT NULL,
    category text,
    title text NOT NULL,
    owner_name text,
    owner_user_id integer,
    due_date text COLLATE "C",
    status text NOT NULL,
    notes text NOT NULL,
    baseline_json text NOT NULL,
    created_by text NOT NULL,
    created_at text COLLATE "C" NOT NULL,
    updated_at text NOT NULL,
    status_changed_at text NOT NULL,
    version integer NOT NULL,
    PRIMARY KEY (agency_id, action_item_id)
  );
  CREATE INDEX action_item_unit ON action_item (agency_id, unit_id, status);
  CREATE TABLE action_item_history (
    agency_id integer NOT NULL,
    action_item_id integer NOT NULL,
    seq integer NOT NULL,
    changed_at text NOT NULL,
    actor text NOT NULL,
    field text NOT NULL,
    before_json text NOT NULL,
    after_json text NOT NULL,
    PRIMARY KEY (agency_id, action_item_id, seq)
  );
  `,
  // 7: the source's arrest flag on incidents (issue 5, enforcement): true = cleared by arrest as the
  // export said when extracted, false = no arrest, NULL = the source does not say (every incident
  // stored before this column existed). The report's clearance count reads flagged incidents only:
  // a partial covering index keeps it index-only, and empty for agencies whose sources have no flag.
  `
  ALTER TABLE incident ADD COLUMN arrest boolean;
  CREATE INDEX incident_report_arrest ON incident (agency_id, occurred_date) INCLUDE (unit_id, category, arrest)
    WHERE is_current AND status <> 'unfounded' AND arrest IS NOT NULL;
  `,
];
