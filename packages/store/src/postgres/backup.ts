import {
  createReadStream,
  createWriteStream,
  existsSync,
  openSync,
  readSync,
  closeSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { VigiaError } from '@vigia/domain';
import type { BackupInfo } from '../port/store.js';
import { CopyWriter } from './copy-writer.js';
import { PG_MIGRATIONS } from './migrations.js';
import { appendAuditPg } from './audit-log.js';
import { restoreEntry, type HeadRef } from '../audit/audit-entries.js';

/**
 * Backup file of the PostgreSQL store: gzip of lines. First a JSON header
 * `{"format":"vigia-backup","store":"postgres","schemaVersion":N}`; then per table a JSON line
 * `{"table","columns"}`, its rows in COPY text format (one line each) and a `\.` line; last a JSON
 * trailer `{"end":true,"tables":{name: rows}}`, so a truncated file is refused. Data only: the schema
 * comes from the migrations, so a backup restores into the same schema version. No pg_dump needed
 * (instances need not have PostgreSQL's client tools), and it works through Citus' coordinator.
 */
const FORMAT = 'vigia-backup';
const AGENCY = 1;

/** Vigía's tables in the connection's schema (schema_version excluded: migrations own it). */
async function tablesOf(db: pg.Pool | pg.PoolClient): Promise<Map<string, string[]>> {
  const r = await db.query<{ table_name: string; column_name: string }>(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.table_name <> 'schema_version'
     ORDER BY c.table_name, c.ordinal_position`,
  );
  const tables = new Map<string, string[]>();
  for (const row of r.rows)
    tables.set(row.table_name, [...(tables.get(row.table_name) ?? []), row.column_name]);
  return tables;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Writes every table in one REPEATABLE READ snapshot (consistent while other instances keep
 * importing) to `file`, through a temporary name renamed at the end: a crash never leaves a file that
 * looks complete. @throws VigiaError BACKUP_EXISTS.
 */
export async function backupPostgres(pool: pg.Pool, file: string): Promise<BackupInfo> {
  if (existsSync(file)) throw new VigiaError('BACKUP_EXISTS', { file });
  const tmp = `${file}.partial`;
  const client = await pool.connect();
  const gzip = createGzip();
  const out = createWriteStream(tmp);
  gzip.pipe(out);
  const write = async (chunk: string | Buffer) => {
    if (!gzip.write(chunk)) await once(gzip, 'drain');
  };
  const counts: Record<string, number> = {};
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await write(
      `${JSON.stringify({ format: FORMAT, store: 'postgres', schemaVersion: PG_MIGRATIONS.length })}\n`,
    );
    for (const [table, columns] of await tablesOf(client)) {
      await write(`${JSON.stringify({ table, columns })}\n`);
      const stream = client.query(
        copyTo(`COPY ${ident(table)} (${columns.map(ident).join(', ')}) TO STDOUT`),
      );
      let rows = 0;
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rows++;
        await write(chunk);
      }
      await write('\\.\n');
      counts[table] = rows;
    }
    await client.query('COMMIT');
    await write(`${JSON.stringify({ end: true, tables: counts })}\n`);
    gzip.end();
    await finished(out);
    renameSync(tmp, file);
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    gzip.destroy();
    out.destroy();
    rmSync(tmp, { force: true });
    throw e;
  } finally {
    client.release();
  }
  return { file, store: 'postgres', schemaVersion: PG_MIGRATIONS.length, tables: counts };
}

function invalid(file: string, detail: string): VigiaError {
  return new VigiaError('BACKUP_INVALID', { file, detail });
}

/** "DUCK" at byte 8: a DuckDB database file (a DuckDB store's backup). */
function isDuckDbFile(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(12);
    return readSync(fd, head, 0, 12, 0) === 12 && head.toString('latin1', 8, 12) === 'DUCK';
  } finally {
    closeSync(fd);
  }
}

/**
 * Replaces every table's rows with the backup's and appends `store.restore` to the restored audit log
 * (chained after the backup's head), in one transaction: any error (a truncated file, a table this
 * schema lacks) rolls back and leaves the store as it was. `replacedHead` is the head of the log being
 * replaced, named in that row.
 * @throws VigiaError FILE_NOT_FOUND, BACKUP_INVALID, STORE_NOT_EMPTY.
 */
export async function restorePostgres(
  pool: pg.Pool,
  db: string,
  file: string,
  options: { replace: boolean; actor: string | undefined; replacedHead: HeadRef },
): Promise<BackupInfo> {
  const { replace } = options;
  if (!existsSync(file)) throw new VigiaError('FILE_NOT_FOUND', { file });
  if (isDuckDbFile(file))
    throw invalid(file, 'it is a backup of a DuckDB store; restore it into a DuckDB file');
  const client = await pool.connect();
  const gunzip = createGunzip();
  const lines = createInterface({ input: createReadStream(file).pipe(gunzip), crlfDelay: Infinity });
  const it = lines[Symbol.asyncIterator]();
  const next = async (): Promise<string | null> => {
    try {
      const r = await it.next();
      return r.done ? null : r.value;
    } catch (e) {
      throw invalid(file, `not a Vigía backup (${e instanceof Error ? e.message : String(e)})`);
    }
  };
  try {
    const header = parseJson(await next());
    if (header?.['format'] !== FORMAT || header['store'] !== 'postgres') {
      throw invalid(file, 'not a Vigía PostgreSQL backup');
    }
    if (header['schemaVersion'] !== PG_MIGRATIONS.length) {
      throw invalid(
        file,
        `it was made with schema version ${String(header['schemaVersion'])}, this Vigía has ${PG_MIGRATIONS.length}; restore it with the Vigía version that made it`,
      );
    }
    await client.query('BEGIN');
    const agency = await client.query('SELECT 1 FROM agency LIMIT 1');
    if (agency.rowCount !== 0 && !replace) throw new VigiaError('STORE_NOT_EMPTY', { db });
    const ours = await tablesOf(client);
    await client.query(`TRUNCATE ${[...ours.keys()].map(ident).join(', ')}`);
    const counts: Record<string, number> = {};
    for (;;) {
      const meta = parseJson(await next());
      if (meta === null) throw invalid(file, 'the file ends early (an interrupted backup?)');
      if (meta['end'] === true) break;
      const table = String(meta['table']);
      const columns = meta['columns'] as string[];
      if (!ours.has(table)) throw invalid(file, `table ${table} does not exist in this schema`);
      const w = new CopyWriter(client, `COPY ${ident(table)} (${columns.map(ident).join(', ')}) FROM STDIN`);
      let rows = 0;
      for (let line = await next(); line !== '\\.'; line = await next()) {
        if (line === null) throw invalid(file, 'the file ends early (an interrupted backup?)');
        w.addLine(line);
        if (++rows % 50_000 === 0) await w.drain();
      }
      await w.end();
      counts[table] = rows;
    }
    await client.query(
      `SELECT setval('import_id_seq', greatest((SELECT max(import_id) FROM import_batch), 1),
                     (SELECT max(import_id) FROM import_batch) IS NOT NULL)`,
    );
    const info: BackupInfo = { file, store: 'postgres', schemaVersion: PG_MIGRATIONS.length, tables: counts };
    await appendAuditPg(client, AGENCY, restoreEntry(info, options.replacedHead, options.actor));
    await client.query('COMMIT');
    await client.query(`ANALYZE ${[...ours.keys()].map(ident).join(', ')}`);
    return info;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    lines.close();
    gunzip.destroy();
    client.release();
  }
}

function parseJson(line: string | null): Record<string, unknown> | null {
  if (line === null) return null;
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return null;
  }
}
