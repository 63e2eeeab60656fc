import { existsSync } from 'node:fs';
import { VigiaError } from '@vigia/domain';
import { DuckDbStore, isPostgresUrl, PostgresStore, type Store } from '@vigia/store';

/** Default embedded database file, relative to the working directory. */
export const DEFAULT_DB = './vigia.duckdb';

/**
 * Where the store is when `--db` is not given: VIGIA_DATABASE_URL (a PostgreSQL server shared by
 * several instances), else VIGIA_DB (a DuckDB file), else ./vigia.duckdb.
 */
export function defaultStoreLocation(env: Record<string, string | undefined> = process.env): string {
  return env['VIGIA_DATABASE_URL'] || env['VIGIA_DB'] || DEFAULT_DB;
}

/**
 * Opens the store at `location` (else {@link defaultStoreLocation}). A `postgres://` or
 * `postgresql://` URL opens the PostgreSQL store (`?schema=NAME` keeps Vigía's tables in one schema);
 * anything else is a DuckDB file path (created when missing). With `create: false` a missing file, or
 * a PostgreSQL database without Vigía's tables, is an error instead of a new empty store (so a typo in
 * --db does not leave stray files or tables behind).
 * @throws VigiaError NO_DATABASE, STORE_LOCKED, STORE_OPEN_FAILED, STORE_NOT_DATABASE,
 *   STORE_SCHEMA_NEWER, INVALID_ARGUMENT (a malformed URL).
 */
export async function openStore(location?: string, options: { create?: boolean } = {}): Promise<Store> {
  const where = location ?? defaultStoreLocation();
  if (isPostgresUrl(where)) return PostgresStore.open(where, { create: options.create ?? true });
  if (options.create === false && where !== ':memory:' && !existsSync(where)) {
    throw new VigiaError('NO_DATABASE', { db: where });
  }
  return DuckDbStore.open(where);
}
