import { basename, resolve } from 'node:path';
import { UNKNOWN_ACTOR, type BackupInfo, type Store } from '@vigia/store';

/**
 * `vigia backup FILE`: a consistent copy of the whole store in `file` (a new file; the store stays in
 * use). DuckDB stores write a DuckDB database file, PostgreSQL stores a gzip of COPY data (see the
 * adapters); each restores into its own kind of store. A backup hands the whole data out, so once
 * written it is recorded as `export.backup` (file, rows per table) by `actor`; the backup itself
 * holds the log up to just before that row.
 * @throws VigiaError BACKUP_EXISTS when `file` exists.
 */
export async function backupStore(store: Store, file: string, actor?: string): Promise<BackupInfo> {
  const info = await store.backup(resolve(file));
  await store.appendAudit({
    actor: actor ?? UNKNOWN_ACTOR,
    action: 'export.backup',
    target: `backup:${basename(info.file)}`,
    before: null,
    after: { file: info.file, schemaVersion: info.schemaVersion, tables: info.tables },
  });
  return info;
}

/**
 * `vigia restore FILE`: replaces the store's whole content with the backup, all or nothing.
 * @param options.replace - overwrite a store that already has an agency (default: refuse).
 * @param options.actor - who restores: the store appends `store.restore` after the restored log's head.
 * @throws VigiaError FILE_NOT_FOUND, BACKUP_INVALID, STORE_NOT_EMPTY.
 */
export function restoreStore(
  store: Store,
  file: string,
  options: { replace?: boolean; actor?: string } = {},
): Promise<BackupInfo> {
  return store.restore(resolve(file), options);
}
