import { existsSync } from 'node:fs';
import { VigiaError } from '@vigia/domain';
import { DuckDbStore, type Store } from '@vigia/store';

/** Default embedded database file, relative to the working directory. */
export const DEFAULT_DB = './vigia.duckdb';

/**
 * Opens the store named by `--db`, else `VIGIA_DB`, else ./vigia.duckdb. A file path opens the embedded
 * DuckDB store (created when missing). `postgres://` URLs are reserved for the PostgreSQL adapter.
 * With `create: false` a missing file is an error instead of a new empty database (so a typo in --db
 * does not leave stray files behind).
 * @throws VigiaError NO_DATABASE, STORE_LOCKED, STORE_OPEN_FAILED; INVALID_ARGUMENT for a postgres URL.
 */
export async function openStore(location?: string, options: { create?: boolean } = {}): Promise<Store> {
  const where = location ?? process.env['VIGIA_DB'] ?? DEFAULT_DB;
  if (/^postgres(ql)?:\/\//.test(where)) {
    throw new VigiaError('INVALID_ARGUMENT', {
      name: '--db',
      value: 'PostgreSQL is not available yet; use a file',
    });
  }
  if (options.create === false && where !== ':memory:' && !existsSync(where)) {
    throw new VigiaError('NO_DATABASE', { db: where });
  }
  return DuckDbStore.open(where);
}
