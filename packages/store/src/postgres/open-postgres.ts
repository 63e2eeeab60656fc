import pg from 'pg';
import { VigiaError } from '@vigia/domain';
import { PG_MIGRATIONS } from './migrations.js';

/** Connection settings parsed from a `postgres://` URL. */
export interface PostgresTarget {
  /** libpq-style URL given to `pg`, without Vigía's own `schema` parameter. */
  connectionString: string;
  /** Schema that holds Vigía's tables (`?schema=NAME`), or null for the server's search_path. */
  schema: string | null;
  /** The URL with any password replaced by `***`, for messages and `Store.location`. */
  display: string;
}

/** True when `location` is a PostgreSQL URL (`postgres://` or `postgresql://`). */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/**
 * Splits Vigía's `schema` query parameter off a PostgreSQL URL. Other parameters (sslmode, ...) go
 * to the `pg` client unchanged.
 * @throws VigiaError INVALID_ARGUMENT when the URL does not parse or the schema name is not a plain
 *   identifier (letters, digits, underscore).
 */
export function parsePostgresUrl(url: string): PostgresTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (e) {
    throw new VigiaError('INVALID_ARGUMENT', { name: '--db', value: maskPassword(url) }, { cause: e });
  }
  const schema = parsed.searchParams.get('schema');
  if (schema !== null && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
    throw new VigiaError('INVALID_ARGUMENT', { name: 'schema', value: schema });
  }
  parsed.searchParams.delete('schema');
  const display = new URL(url);
  if (display.password) display.password = '***';
  return { connectionString: parsed.toString(), schema, display: display.toString() };
}

function maskPassword(url: string): string {
  return url.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@');
}

/**
 * Connects a pool to the database and brings the schema up to date (migrations under an advisory lock,
 * so several instances starting together apply each migration once).
 *
 * @param options.create - false: a schema without Vigía's tables is NO_DATABASE instead of being set up.
 * @throws VigiaError STORE_OPEN_FAILED (server unreachable, authentication, missing database),
 *   NO_DATABASE, STORE_SCHEMA_NEWER.
 */
export async function openPostgres(
  target: PostgresTarget,
  options: { create?: boolean } = {},
): Promise<pg.Pool> {
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    max: 4,
    ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
  });
  // An idle client that loses its server emits 'error' on the pool: keep it from crashing the process.
  pool.on('error', () => undefined);
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (e) {
    await pool.end();
    throw new VigiaError('STORE_OPEN_FAILED', { db: target.display, detail: describe(e) }, { cause: e });
  }
  try {
    await prepareSchema(client, target, options.create ?? true);
  } catch (e) {
    client.release();
    await pool.end();
    throw e;
  }
  client.release();
  return pool;
}

async function prepareSchema(client: pg.PoolClient, target: PostgresTarget, create: boolean): Promise<void> {
  const exists = async (sql: string, params: unknown[]) => (await client.query(sql, params)).rowCount !== 0;
  if (target.schema) {
    const has = await exists('SELECT 1 FROM pg_namespace WHERE nspname = $1', [target.schema]);
    if (!has && !create) throw new VigiaError('NO_DATABASE', { db: target.display });
    if (!has) await client.query(`CREATE SCHEMA IF NOT EXISTS "${target.schema}"`);
  }
  if (!create && !(await exists(`SELECT 1 WHERE to_regclass('schema_version') IS NOT NULL`, []))) {
    throw new VigiaError('NO_DATABASE', { db: target.display });
  }
  await client.query('BEGIN');
  try {
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('vigia.migrate.' || current_schema()))`);
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)');
    const r = await client.query<{ v: number }>('SELECT coalesce(max(version), 0) AS v FROM schema_version');
    const current = Number(r.rows[0]?.v ?? 0);
    if (current > PG_MIGRATIONS.length) {
      throw new VigiaError('STORE_SCHEMA_NEWER', {
        db: target.display,
        found: current,
        known: PG_MIGRATIONS.length,
      });
    }
    for (let v = current; v < PG_MIGRATIONS.length; v++) {
      await client.query(PG_MIGRATIONS[v]!);
      await client.query('INSERT INTO schema_version VALUES ($1)', [v + 1]);
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  }
}

/** A short reason for a failed connection ("connection refused", a server message...). */
function describe(e: unknown): string {
  const err = e as { code?: string; message?: string };
  if (err.code === 'ECONNREFUSED') return 'connection refused: is PostgreSQL running at that address?';
  if (err.code === 'ENOTFOUND') return 'unknown host';
  return err.message ?? String(e);
}
