import { resolve } from 'node:path';
import type { BackupInfo, Store } from '@vigia/store';

/**
 * `vigia backup FILE`: a consistent copy of the whole store in `file` (a new file; the store stays in
 * use). DuckDB stores write a DuckDB database file, PostgreSQL stores a gzip of COPY data (see the
 * adapters); each restores into its own kind of store.
 * @throws VigiaError BACKUP_EXISTS when `file` exists.
 */
export function backupStore(store: Store, file: string): Promise<BackupInfo> {
  return store.backup(resolve(file));
}

/**
 * `vigia restore FILE`: replaces the store's whole content with the backup, all or nothing.
 * @param options.replace - overwrite a store that already has an agency (default: refuse).
 * @throws VigiaError FILE_NOT_FOUND, BACKUP_INVALID, STORE_NOT_EMPTY.
 */
export function restoreStore(
  store: Store,
  file: string,
  options: { replace?: boolean } = {},
): Promise<BackupInfo> {
  return store.restore(resolve(file), options);
}
