import { DEFAULT_DB, openStore } from '@vigia/services';
import type { Store } from '@vigia/store';
import type { Io } from './context.js';

/** The database a command uses: `--db`, else VIGIA_DB from `io.env`, else ./vigia.duckdb. */
export function dbLocation(io: Io, db: string | undefined): string {
  return db ?? io.env['VIGIA_DB'] ?? DEFAULT_DB;
}

/** Opens the store at `db` (see {@link dbLocation}), runs `work`, always closes it. */
export async function withStore<T>(db: string, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(db);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
