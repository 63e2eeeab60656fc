import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { VigiaError } from '@vigia/domain';
import { MIGRATIONS } from './migrations.js';

/**
 * Opens (creating when missing) a DuckDB database file and brings its schema up to date.
 *
 * DuckDB lets one process write a file at a time; a second process gets "Could not set lock on file",
 * which becomes STORE_LOCKED naming the holder's PID when DuckDB reports it.
 *
 * @throws VigiaError STORE_NOT_DATABASE (an existing file that is not DuckDB, e.g. a CSV given to --db),
 *   STORE_LOCKED, STORE_OPEN_FAILED, STORE_SCHEMA_NEWER.
 */
/** True when `path` is missing or empty, or holds a DuckDB database ("DUCK" at byte 8 of the header). */
function looksLikeDuckDb(path: string): boolean {
  if (path === ':memory:' || !existsSync(path)) return true;
  if (statSync(path).isDirectory()) return false;
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(12);
    const n = readSync(fd, head, 0, 12, 0);
    return n === 0 || (n === 12 && head.toString('latin1', 8, 12) === 'DUCK');
  } finally {
    closeSync(fd);
  }
}

export async function openDuckDb(
  path: string,
): Promise<{ instance: DuckDBInstance; connection: DuckDBConnection }> {
  // DuckDB would open a CSV (or any file) as a read-only view and let writes vanish: refuse instead.
  if (!looksLikeDuckDb(path)) {
    throw new VigiaError('STORE_NOT_DATABASE', { db: path });
  }
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/lock/i.test(message)) {
      const pid = /PID (\d+)/.exec(message)?.[1];
      throw new VigiaError('STORE_LOCKED', { db: path, holder: pid ? ` (PID ${pid})` : '' }, { cause: e });
    }
    throw new VigiaError('STORE_OPEN_FAILED', { db: path, detail: message }, { cause: e });
  }
  const connection = await instance.connect();
  try {
    // Imports a crash interrupted are undone by DuckDbStore.open (interrupted-imports.ts).
    await migrate(connection, path);
  } catch (e) {
    // Do not keep the file open (and locked) after a failed open.
    connection.closeSync();
    instance.closeSync();
    throw e;
  }
  return { instance, connection };
}

/**
 * Applies the migrations the database on `connection` lacks, each in its own transaction, and
 * checkpoints when it applied any. `path` names the database in errors.
 * @throws VigiaError STORE_SCHEMA_NEWER; a failing migration's DuckDB error (rolled back).
 */
export async function migrate(connection: DuckDBConnection, path: string): Promise<void> {
  await connection.run('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const rows = (await connection.runAndReadAll('SELECT max(version) FROM schema_version')).getRows();
  const current = Number(rows[0]?.[0] ?? 0);
  if (current > MIGRATIONS.length) {
    throw new VigiaError('STORE_SCHEMA_NEWER', { db: path, found: current, known: MIGRATIONS.length });
  }
  for (let v = current; v < MIGRATIONS.length; v++) {
    await connection.run('BEGIN TRANSACTION');
    try {
      await connection.run(MIGRATIONS[v]!);
      await connection.run('INSERT INTO schema_version VALUES ($1)', [v + 1]);
      await connection.run('COMMIT');
    } catch (e) {
      await connection.run('ROLLBACK');
      throw e;
    }
  }
  // Write the new schema into the file now: DuckDB (1.x) cannot replay an ALTER TABLE of a table with a
  // now() default from the WAL ("Failure while replaying WAL"), so a process that died before its first
  // checkpoint would leave a database that no longer opens.
  if (current < MIGRATIONS.length) await connection.run('CHECKPOINT');
}
