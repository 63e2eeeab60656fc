import { openStore } from '@vigia/services';
import type { Store } from '@vigia/store';

/** Opens the store named by `--db` (or VIGIA_DB, or ./vigia.duckdb), runs `work`, always closes it. */
export async function withStore<T>(db: string | undefined, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(db);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
