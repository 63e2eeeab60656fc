import type pg from 'pg';
import type { ImportMeta } from '../port/store.js';
import { importEntry } from '../audit/audit-entries.js';
import { appendAuditPg } from './audit-log.js';

const AGENCY = 1;

/**
 * The bookkeeping every PostgreSQL import shares (incidents, calls), run inside its merge transaction:
 * a new import of the same file from the same source supersedes the open quarantine of earlier ones
 * (nothing is deleted), the import is recorded as done with its counts and summary, and its
 * `import.<kind>` audit row is appended (last: it takes the audit lock until the caller commits), with
 * `auditExtra` beside the counts. Nothing is written before that transaction, so an interrupted import
 * leaves no batch and no audit row behind.
 */
export async function closeImportBatchPg(
  db: pg.PoolClient,
  importId: number,
  kind: 'incidents' | 'calls',
  meta: ImportMeta,
  counts: { stored: number; updated: number; unchanged: number; quarantined: number },
  summary: Record<string, unknown>,
  auditExtra: Record<string, number>,
): Promise<void> {
  await db.query(
    `UPDATE quarantine SET status = 'superseded'
     WHERE agency_id = ${AGENCY} AND status = 'open' AND import_id IN (
       SELECT import_id FROM import_batch WHERE agency_id = ${AGENCY} AND source = $1 AND file = $2)`,
    [meta.source, meta.file],
  );
  const read = counts.stored + counts.updated + counts.unchanged + counts.quarantined;
  await db.query(
    `INSERT INTO import_batch (agency_id, import_id, kind, file, profile, source, started_at, finished_at,
       status, rows_read, rows_stored, rows_updated, rows_unchanged, rows_quarantined, summary)
     VALUES (${AGENCY}, $1, $2, $3, $4, $5, to_timestamp($6 / 1000.0), now(), 'done',
       $7, $8, $9, $10, $11, $12)`,
    [
      importId,
      kind,
      meta.file,
      meta.profile,
      meta.source,
      meta.startedAt,
      read,
      counts.stored,
      counts.updated,
      counts.unchanged,
      counts.quarantined,
      JSON.stringify(summary),
    ],
  );
  await appendAuditPg(db, AGENCY, importEntry(kind, importId, meta, counts, auditExtra));
}
