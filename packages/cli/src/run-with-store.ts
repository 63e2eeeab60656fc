import { defaultStoreLocation, openStore } from '@vigia/services';
import type { Locale } from '@vigia/domain';
import type { Store } from '@vigia/store';
import type { Io } from './context.js';

/**
 * The database a command uses: `--db` (a DuckDB file or a `postgres://` URL), else VIGIA_DATABASE_URL,
 * else VIGIA_DB from `io.env`, else ./vigia.duckdb.
 */
export function dbLocation(io: Io, db: string | undefined): string {
  return db ?? defaultStoreLocation(io.env);
}

/**
 * The locale of the last agency a command opened, so that an error raised later in the same command is
 * shown in the agency's language (after --lang, before LANG).
 */
export const seenAgency: { locale: Locale | undefined } = { locale: undefined };

/**
 * Opens the store at `db` (see {@link dbLocation}), runs `work`, always closes it. Only `init` and
 * `demo` create a missing database (`create: true`); other commands report NO_DATABASE.
 */
export async function withStore<T>(
  db: string,
  work: (store: Store) => Promise<T>,
  options: { create?: boolean } = {},
): Promise<T> {
  const store = await openStore(db, { create: options.create ?? false });
  try {
    seenAgency.locale = (await store.getAgency())?.locale;
    return await work(store);
  } finally {
    await store.close();
  }
}
