import { VigiaError } from '@vigia/domain';
import { DuckDbStore, type Store } from '@vigia/store';

/** Default embedded database file, relative to the working directory. */
export const DEFAULT_DB = './vigia.duckdb';

/**
 * Opens the store named by `--db`, else `VIGIA_DB`, else ./vigia.duckdb. A file path opens the embedded
 * DuckDB store (created when missing). `postgres://` URLs are reserved for the PostgreSQL adapter.
 * @throws VigiaError STORE_LOCKED, STORE_OPEN_FAILED; INVALID_ARGUMENT for a postgres URL (not yet).
 */
export async function openStore(location?: string): Promise<Store> {
  const where = location ?? process.env['VIGIA_DB'] ?? DEFAULT_DB;
  if (/^postgres(ql)?:\/\//.test(where)) {
    throw new VigiaError('INVALID_ARGUMENT', {
      name: '--db',
      value: 'PostgreSQL is not available yet; use a file',
    });
  }
  return DuckDbStore.open(where);
}
