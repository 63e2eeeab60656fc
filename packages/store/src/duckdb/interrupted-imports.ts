import type { DuckDBConnection } from '@duckdb/node-api';
import type { AuditEntry } from '../port/audit.js';
import type { DuckDbAuditLog } from './audit-log.js';
import { INCIDENT_TABLE } from './incident-numeric-ids.js';
import { ID_COLUMNS, sameId } from './source-key.js';

const AGENCY = 1;

/** The table and id columns of each kind of import's records (versions, `is_current`, `import_id`). */
const RECORDS = {
  incidents: { table: INCIDENT_TABLE, id: ID_COLUMNS },
  calls: { table: 'call_for_service', id: ['source_id'] },
} as const;

/** What {@link recoverInterruptedImports} undid for one import. */
export interface RecoveredImport {
  importId: number;
  kind: 'incidents' | 'calls';
  source: string;
  file: string;
  /** Rows of the import found in the records table, removed. */
  rowsRemoved: number;
  /** Ids whose current version the import had superseded, made current again. */
  versionsRestored: number;
  /** Quarantine rows of the file's previous import that the import had marked superseded, reopened. */
  quarantineReopened: number;
  /** Whether the import's own audit row (`import.<kind>`, `import:<id>`) had been written. */
  auditRowFound: boolean;
}

/**
 * Undoes what imports that never finished left in the database, at open (before anything reads it).
 * An import registers itself as `running` and writes everything else in one transaction that also marks
 * it `done`, so `running` at open means the process died first. Normally that transaction left nothing:
 * its staged rows lived in a TEMP table and its quarantine rows are deleted here. But DuckDB 1.5 can
 * replay the first part of a commit whose write-ahead log was being written when the process died
 * (measured: SIGKILL during COMMIT kept a first import's 1,200,000 rows, without its `done` status or
 * its audit row; duckdb/duckdb pull request 25931 is the fix, not released in @duckdb/node-api 1.5.6).
 * So this also removes the import's records, makes current again the versions it had superseded (the
 * latest remaining version of every id it touched that has no current version), reopens the quarantine
 * rows of the same file's previous import that it had superseded, and records an `import.recovered`
 * audit row when any of that was needed (docs/audit.md). Placement updates of unchanged records are
 * left: placement is derived data, recomputed the same way by the next import.
 * Runs in one transaction per import; returns what it undid, one entry per import that needed it.
 */
export async function recoverInterruptedImports(
  connection: DuckDBConnection,
  audit: DuckDbAuditLog,
): Promise<RecoveredImport[]> {
  const running = (
    await connection.runAndReadAll(
      `SELECT import_id, kind, source, file FROM import_batch
       WHERE agency_id = ${AGENCY} AND status = 'running' ORDER BY import_id`,
    )
  ).getRows();
  const recovered: RecoveredImport[] = [];
  for (const [id, kind, source, file] of running) {
    const r: RecoveredImport = {
      importId: Number(id),
      kind: kind === 'calls' ? 'calls' : 'incidents',
      source: String(source),
      file: String(file),
      rowsRemoved: 0,
      versionsRestored: 0,
      quarantineReopened: 0,
      auditRowFound: false,
    };
    await audit.inAuditedTransaction(
      connection,
      () => undo(connection, r),
      () => (needed(r) ? recoveryEntry(r) : null),
    );
    if (needed(r)) recovered.push(r);
  }
  return recovered;
}

function needed(r: RecoveredImport): boolean {
  return r.rowsRemoved + r.versionsRestored + r.quarantineReopened > 0 || r.auditRowFound;
}

async function undo(connection: DuckDBConnection, r: RecoveredImport): Promise<void> {
  const count = async (sql: string, params: (string | number)[]): Promise<number> =>
    Number((await connection.runAndReadAll(sql, params)).getRows()[0]?.[0] ?? 0);
  const { table, id } = RECORDS[r.kind];
  const ids = id.join(', ');
  const same = sameId('t', 'v', id);
  const mine = `agency_id = ${AGENCY} AND import_id = $1`;
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE touched_ids AS SELECT DISTINCT source, ${ids} FROM ${table} WHERE ${mine}`,
    [r.importId],
  );
  r.rowsRemoved = await count(`SELECT count(*) FROM ${table} WHERE ${mine}`, [r.importId]);
  await connection.run(`DELETE FROM ${table} WHERE ${mine}`, [r.importId]);
  // The latest remaining version of each touched id that has no current version any more.
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE restored_versions AS
     SELECT v.source, ${id.map((c) => `v.${c}`).join(', ')}, max(v.version) AS version
     FROM ${table} v JOIN touched_ids t ON t.source = v.source AND ${same}
     WHERE v.agency_id = ${AGENCY}
     GROUP BY ALL HAVING NOT bool_or(v.is_current)`,
  );
  r.versionsRestored = await count('SELECT count(*) FROM restored_versions', []);
  if (r.versionsRestored > 0) {
    await connection.run(
      `UPDATE ${table} AS v SET is_current = true FROM restored_versions t
       WHERE v.agency_id = ${AGENCY} AND v.source = t.source AND ${same} AND v.version = t.version`,
    );
  }
  // Only the file's latest finished import before this one had open quarantine rows to supersede.
  const previous = `agency_id = ${AGENCY} AND status = 'superseded' AND import_id = (
       SELECT max(import_id) FROM import_batch WHERE agency_id = ${AGENCY} AND status = 'done'
         AND source = $1 AND file = $2 AND import_id < $3)`;
  r.quarantineReopened = await count(`SELECT count(*) FROM quarantine WHERE ${previous}`, [
    r.source,
    r.file,
    r.importId,
  ]);
  await connection.run(`UPDATE quarantine SET status = 'open' WHERE ${previous}`, [
    r.source,
    r.file,
    r.importId,
  ]);
  r.auditRowFound =
    (await count(
      `SELECT count(*) FROM audit_log WHERE agency_id = ${AGENCY} AND action = $1 AND target = $2`,
      [`import.${r.kind}`, `import:${r.importId}`],
    )) > 0;
  await connection.run(`DELETE FROM quarantine WHERE ${mine}`, [r.importId]);
  await connection.run(`UPDATE import_batch SET status = 'aborted' WHERE ${mine}`, [r.importId]);
  await connection.run('DROP TABLE IF EXISTS touched_ids; DROP TABLE IF EXISTS restored_versions');
}

/** The audit row of a recovery (docs/audit.md, `import.recovered`). */
function recoveryEntry(r: RecoveredImport): AuditEntry {
  return {
    actor: 'system:recovery',
    action: 'import.recovered',
    target: `import:${r.importId}`,
    before: null,
    after: {
      kind: r.kind,
      source: r.source,
      file: r.file,
      rowsRemoved: r.rowsRemoved,
      versionsRestored: r.versionsRestored,
      quarantineReopened: r.quarantineReopened,
      auditRowFound: r.auditRowFound,
    },
  };
}
