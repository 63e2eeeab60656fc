import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { VigiaError } from '@vigia/domain';
import type { BackupInfo } from '../port/store.js';
import { MIGRATIONS } from './migrations.js';
import { migrate } from './open-duckdb.js';
import { INCIDENT_TABLE } from './incident-numeric-ids.js';
import type { DuckDbAuditLog } from './audit-log.js';
import { restoreEntry, type HeadRef } from '../audit/audit-entries.js';

const BACKUP = 'vigia_backup';
const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * Base tables of database `db` (schema main) with their columns, schema_version excluded. Views (the
 * `incident` view, migration 10) are left out: COPY FROM DATABASE copies them with the schema.
 */
async function tablesOf(connection: DuckDBConnection, db: string): Promise<Map<string, string[]>> {
  const rows = (
    await connection.runAndReadAll(
      `SELECT c.table_name, c.column_name FROM duckdb_columns() c
       JOIN duckdb_tables() t USING (database_name, schema_name, table_name)
       WHERE c.database_name = $1 AND c.schema_name = 'main' AND c.table_name <> 'schema_version'
       ORDER BY c.table_name, c.column_index`,
      [db],
    )
  ).getRows();
  const tables = new Map<string, string[]>();
  for (const [t, c] of rows) tables.set(String(t), [...(tables.get(String(t)) ?? []), String(c)]);
  return tables;
}

/**
 * Rows per table, named as the PostgreSQL store names them: incidents are stored in `incident_data`
 * behind the view `incident` (migration 10), and counted as `incident`.
 */
async function countRows(connection: DuckDBConnection, db: string, tables: Iterable<string>) {
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const r = (
      await connection.runAndReadAll(`SELECT count(*) FROM ${ident(db)}.main.${ident(t)}`)
    ).getRows();
    counts[t === INCIDENT_TABLE ? 'incident' : t] = Number(r[0]?.[0] ?? 0);
  }
  return counts;
}

/**
 * Backup of the DuckDB store: a new DuckDB database file holding a copy of every table (DuckDB's
 * `COPY FROM DATABASE`, one consistent snapshot), written under a temporary name and renamed at the end.
 * The backup is itself a Vigía database: `--db backup.duckdb` opens it read-write, so restore it instead.
 * @throws VigiaError BACKUP_EXISTS.
 */
export async function backupDuckDb(connection: DuckDBConnection, file: string): Promise<BackupInfo> {
  if (existsSync(file)) throw new VigiaError('BACKUP_EXISTS', { file });
  const tmp = `${file}.partial`;
  rmSync(tmp, { force: true });
  const current = String((await connection.runAndReadAll('SELECT current_database()')).getRows()[0]?.[0]);
  await connection.run(`ATTACH ${quote(tmp)} AS ${BACKUP}`);
  try {
    await connection.run(`COPY FROM DATABASE ${ident(current)} TO ${BACKUP}`);
    const counts = await countRows(connection, BACKUP, (await tablesOf(connection, BACKUP)).keys());
    await connection.run(`DETACH ${BACKUP}`);
    renameSync(tmp, file);
    return { file, store: 'duckdb', schemaVersion: MIGRATIONS.length, tables: counts };
  } catch (e) {
    await connection.run(`DETACH DATABASE IF EXISTS ${BACKUP}`).catch(() => undefined);
    rmSync(tmp, { force: true });
    rmSync(`${tmp}.wal`, { force: true });
    throw e;
  }
}

function invalid(file: string, detail: string): VigiaError {
  return new VigiaError('BACKUP_INVALID', { file, detail });
}

/** What the first bytes say the file is: a DuckDB database, a gzip (PostgreSQL backup) or other. */
function kindOf(file: string): 'duckdb' | 'gzip' | 'other' {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(12);
    const n = readSync(fd, head, 0, 12, 0);
    if (n === 12 && head.toString('latin1', 8, 12) === 'DUCK') return 'duckdb';
    return n >= 2 && head[0] === 0x1f && head[1] === 0x8b ? 'gzip' : 'other';
  } finally {
    closeSync(fd);
  }
}

/** How a restore is done and recorded: see {@link restoreDuckDb}. */
export interface DuckDbRestoreOptions {
  /** Overwrite a store that has an agency. */
  replace: boolean;
  /** The store's audit log: the restore commits through it with its `store.restore` row. */
  log: DuckDbAuditLog;
  actor: string | undefined;
  /** Head of the log being replaced (read before), named in the `store.restore` row. */
  replacedHead: HeadRef;
}

/** The schema version of the attached backup (0 when it has none: not a Vigía database). */
async function backupVersion(connection: DuckDBConnection): Promise<number> {
  return connection
    .runAndReadAll(`SELECT max(version) FROM ${BACKUP}.main.schema_version`)
    .then((r) => Number(r.getRows()[0]?.[0] ?? 0))
    .catch(() => 0);
}

/**
 * A copy of the backup `file` in a new temporary directory, brought up to this schema by the
 * migrations (the backup itself is never written). The caller removes the directory.
 */
async function migratedCopy(file: string): Promise<string> {
  const copy = join(mkdtempSync(join(tmpdir(), 'vigia-restore-')), 'backup.duckdb');
  copyFileSync(file, copy);
  const instance = await DuckDBInstance.create(copy);
  const c = await instance.connect();
  try {
    await migrate(c, copy);
  } finally {
    c.closeSync();
    instance.closeSync();
  }
  return copy;
}

/**
 * Replaces every table's rows with the backup's and appends `store.restore` to the restored audit log
 * (chained after the backup's head), in one transaction (all or nothing). A backup of an older schema
 * version is restored from a migrated temporary copy.
 * @throws VigiaError FILE_NOT_FOUND, BACKUP_INVALID (not a DuckDB backup, a newer schema version, a
 *   table missing), STORE_NOT_EMPTY.
 */
export async function restoreDuckDb(
  connection: DuckDBConnection,
  db: string,
  file: string,
  options: DuckDbRestoreOptions,
): Promise<BackupInfo> {
  const { replace } = options;
  if (!existsSync(file)) throw new VigiaError('FILE_NOT_FOUND', { file });
  const kind = kindOf(file);
  if (kind === 'gzip')
    throw invalid(file, 'it is a backup of a PostgreSQL store; restore it with a postgres:// --db');
  if (kind === 'other') throw invalid(file, 'not a Vigía backup');
  const current = String((await connection.runAndReadAll('SELECT current_database()')).getRows()[0]?.[0]);
  let copy: string | null = null;
  await connection.run(`ATTACH ${quote(file)} AS ${BACKUP} (READ_ONLY)`);
  try {
    let version = await backupVersion(connection);
    if (version > 0 && version < MIGRATIONS.length) {
      await connection.run(`DETACH ${BACKUP}`);
      copy = await migratedCopy(file);
      await connection.run(`ATTACH ${quote(copy)} AS ${BACKUP} (READ_ONLY)`);
      version = await backupVersion(connection);
    }
    if (version !== MIGRATIONS.length) {
      throw invalid(
        file,
        version === 0
          ? 'not a Vigía backup'
          : `it was made with schema version ${version}, this Vigía has ${MIGRATIONS.length}; restore it with the Vigía version that made it`,
      );
    }
    const agency = (await connection.runAndReadAll('SELECT count(*) FROM agency')).getRows();
    if (Number(agency[0]?.[0] ?? 0) > 0 && !replace) throw new VigiaError('STORE_NOT_EMPTY', { db });
    const ours = await tablesOf(connection, current);
    const theirs = await tablesOf(connection, BACKUP);
    for (const t of theirs.keys()) {
      if (!ours.has(t)) throw invalid(file, `table ${t} does not exist in this schema`);
    }
    return await options.log.inAuditedTransaction(
      connection,
      async (): Promise<BackupInfo> => {
        for (const [t, columns] of ours) {
          await connection.run(`DELETE FROM main.${ident(t)}`);
          const cols = columns.map(ident).join(', ');
          if (theirs.has(t)) {
            await connection.run(
              `INSERT INTO main.${ident(t)} (${cols}) SELECT ${cols} FROM ${BACKUP}.main.${ident(t)}`,
            );
          }
        }
        const counts = await countRows(connection, current, theirs.keys());
        return { file, store: 'duckdb', schemaVersion: MIGRATIONS.length, tables: counts };
      },
      (info) => restoreEntry(info, options.replacedHead, options.actor),
      undefined,
      { freshHead: true },
    );
  } finally {
    await connection.run(`DETACH DATABASE IF EXISTS ${BACKUP}`);
    if (copy !== null) rmSync(dirname(copy), { recursive: true, force: true });
  }
}
