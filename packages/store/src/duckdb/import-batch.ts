import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import type { RowIssue } from '@vigia/domain';
import type { ImportMeta } from '../port/store.js';

const AGENCY = 1;
const SEP = '\u001f';

/**
 * The bookkeeping every import shares (incidents, calls): its import_batch row, its quarantine rows,
 * and how it ends. Kept in one place so every kind of import reconciles and supersedes the same way.
 */

/** Registers an import as running and returns its id (next in the agency). */
export async function registerImportBatch(
  connection: DuckDBConnection,
  kind: 'incidents' | 'calls',
  meta: ImportMeta,
): Promise<number> {
  const next = await connection.runAndReadAll(
    `SELECT coalesce(max(import_id), 0) + 1 FROM import_batch WHERE agency_id = ${AGENCY}`,
  );
  const importId = Number(next.getRows()[0]?.[0] ?? 1);
  await connection.run(
    `INSERT INTO import_batch (agency_id, import_id, kind, file, profile, source, started_at, status)
     VALUES (${AGENCY}, $1, $2, $3, $4, $5, to_timestamp($6), 'running')`,
    [importId, kind, meta.file, meta.profile, meta.source, meta.startedAt / 1000],
  );
  return importId;
}

/** Appends one quarantined row (reasons, columns and values of its issues, raw fields as JSON). */
export function appendQuarantineRow(
  a: DuckDBAppender,
  importId: number,
  rowNo: number,
  issues: readonly RowIssue[],
  raw: Record<string, string>,
): void {
  a.appendInteger(AGENCY);
  a.appendInteger(importId);
  a.appendInteger(rowNo);
  a.appendVarchar(issues.map((i) => i.reason).join(','));
  a.appendVarchar(issues.map((i) => i.column).join(SEP));
  a.appendVarchar(issues.map((i) => i.value).join(SEP));
  a.appendVarchar(JSON.stringify(raw));
  a.appendVarchar('open');
  a.endRow();
}

/**
 * Marks an import done with its counts and summary, and supersedes the open quarantine of earlier
 * imports of the same file from the same source (the new import's own quarantine says what is still
 * wrong; nothing is deleted). Call inside the merge transaction.
 */
export async function closeImportBatch(
  connection: DuckDBConnection,
  importId: number,
  meta: ImportMeta,
  counts: { stored: number; updated: number; unchanged: number; quarantined: number },
  summary: Record<string, unknown>,
): Promise<void> {
  await connection.run(
    `UPDATE quarantine SET status = 'superseded'
     WHERE agency_id = ${AGENCY} AND status = 'open' AND import_id IN (
       SELECT import_id FROM import_batch
       WHERE agency_id = ${AGENCY} AND source = $1 AND file = $2 AND import_id <> $3)`,
    [meta.source, meta.file, importId],
  );
  const read = counts.stored + counts.updated + counts.unchanged + counts.quarantined;
  await connection.run(
    `UPDATE import_batch SET status = 'done', finished_at = current_timestamp, rows_read = $2,
       rows_stored = $3, rows_updated = $4, rows_unchanged = $5, rows_quarantined = $6, summary = $7
     WHERE agency_id = ${AGENCY} AND import_id = $1`,
    [
      importId,
      read,
      counts.stored,
      counts.updated,
      counts.unchanged,
      counts.quarantined,
      JSON.stringify(summary),
    ],
  );
}

/** Closes the appenders (if open), drops the staging table and marks the import aborted. */
export async function abortImportBatch(
  connection: DuckDBConnection,
  importId: number,
  stagingTable: string,
  appenders: readonly DuckDBAppender[],
): Promise<void> {
  for (const a of appenders) {
    try {
      a.closeSync();
    } catch {
      // already closed
    }
  }
  await connection.run(`DROP TABLE IF EXISTS ${stagingTable}`);
  await connection.run(`DELETE FROM quarantine WHERE agency_id = ${AGENCY} AND import_id = $1`, [importId]);
  await connection.run(
    `UPDATE import_batch SET status = 'aborted' WHERE agency_id = ${AGENCY} AND import_id = $1`,
    [importId],
  );
}
