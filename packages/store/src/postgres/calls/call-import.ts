import type pg from 'pg';
import { callContentHash, type PlacedCall, type RowIssue } from '@vigia/domain';
import type { CallImportCounts, CallImportSession } from '../../port/call-store.js';
import type { ImportMeta } from '../../port/store.js';
import { CopyWriter } from '../copy-writer.js';
import { closeImportBatchPg } from '../import-batch.js';
import {
  CALL_CLASSIFY_SQL,
  CALL_DROP_TEMP_SQL,
  CALL_IDS_REPEAT_SQL,
  CALL_INSERT_SQL,
  CALL_MERGED_SQL,
  CALL_MERGED_UNIQUE_IDS_SQL,
  CALL_OUTCOME_SQL,
  CALL_QUARANTINE_SQL,
  CALL_REPLACE_SQL,
  CALL_STAGING_COPY,
  CALL_STAGING_DDL,
  CALL_SUPERSEDE_SQL,
} from './call-merge-sql.js';

const SEP = '\u001f';
const AGENCY = 1;
/** Staging columns of a call row after `kind, row_no` that a quarantined row leaves empty. */
const CALL_FIELDS = 26;
const NO_QUARANTINE = [null, null, null, null] as const;

/**
 * One call import into PostgreSQL, as incident imports (PgIncidentImport): rows stream through COPY into
 * a temporary table of the import's own connection, and {@link PgCallImport.finish} merges them in one
 * transaction that also writes the quarantine rows and the import record. A process killed at any point
 * leaves nothing behind; another instance sees the whole import or none of it.
 */
export class PgCallImport implements CallImportSession {
  private quarantined = 0;
  private released = false;

  private constructor(
    private readonly client: pg.PoolClient,
    readonly importId: number,
    private readonly meta: ImportMeta,
    private readonly writer: CopyWriter,
  ) {}

  /** Takes a connection for the whole import, reserves an import id and opens the COPY. */
  static async begin(pool: pg.Pool, meta: ImportMeta): Promise<PgCallImport> {
    const client = await pool.connect();
    try {
      const r = await client.query<{ id: string }>(`SELECT nextval('import_id_seq') AS id`);
      await client.query(CALL_STAGING_DDL);
      const writer = new CopyWriter(client, CALL_STAGING_COPY);
      return new PgCallImport(client, Number(r.rows[0]!.id), meta, writer);
    } catch (e) {
      client.release();
      throw e;
    }
  }

  addCall(rowNo: number, c: PlacedCall): void {
    this.writer.add([
      'c',
      rowNo,
      c.sourceId,
      callContentHash(c),
      c.sourceIdDerived,
      c.receivedAt,
      c.receivedLocal,
      c.dispatchedAt,
      c.enRouteAt,
      c.onSceneAt,
      c.clearedAt,
      c.timePrecision,
      c.priority,
      c.channel,
      c.initialType,
      c.finalType,
      c.disposition,
      c.officerInitiated,
      c.arrest,
      c.respondingUnits.join(SEP),
      c.lon,
      c.lat,
      c.sourceUnit,
      c.sourceUnitId,
      c.polygonUnitId,
      c.unitId,
      c.locationFlag,
      c.unitDisagrees,
      ...NO_QUARANTINE,
    ]);
  }

  addQuarantine(rowNo: number, issues: readonly RowIssue[], raw: Record<string, string>): void {
    this.writer.add([
      'q',
      rowNo,
      ...new Array<null>(CALL_FIELDS).fill(null),
      issues.map((i) => i.reason).join(','),
      issues.map((i) => i.column).join(SEP),
      issues.map((i) => i.value).join(SEP),
      JSON.stringify(raw),
    ]);
    this.quarantined++;
  }

  drain(): Promise<void> {
    return this.writer.drain();
  }

  async finish(summary: Record<string, unknown>): Promise<CallImportCounts> {
    const db = this.client;
    const { source } = this.meta;
    const counts: CallImportCounts = {
      stored: 0,
      updated: 0,
      unchanged: 0,
      quarantined: this.quarantined,
      calls: 0,
    };
    try {
      await this.writer.end();
      await db.query('BEGIN');
      // One call merge per source at a time across all instances (see PgIncidentImport.finish).
      await db.query(`SELECT pg_advisory_xact_lock(hashtext('vigia.calls'), hashtext($1))`, [
        `${AGENCY}/${source}`,
      ]);
      const repeats = (await db.query<{ repeats: boolean }>(CALL_IDS_REPEAT_SQL)).rows[0]?.repeats;
      await db.query(repeats ? CALL_MERGED_SQL : CALL_MERGED_UNIQUE_IDS_SQL);
      await db.query('DROP TABLE IF EXISTS pg_temp.call_classified');
      await db.query(CALL_CLASSIFY_SQL, [source]);
      await db.query(CALL_SUPERSEDE_SQL, [source]);
      await db.query(CALL_REPLACE_SQL, [source]);
      await db.query(CALL_INSERT_SQL, [source, this.importId]);
      const outcomes = await db.query<{ outcome: string; n: string; calls: string }>(CALL_OUTCOME_SQL);
      for (const r of outcomes.rows) {
        counts[r.outcome as 'stored' | 'updated' | 'unchanged'] = Number(r.n);
        counts.calls += Number(r.calls);
      }
      await db.query(CALL_QUARANTINE_SQL, [this.importId]);
      await closeImportBatchPg(db, this.importId, 'calls', this.meta, counts, summary, {
        calls: counts.calls,
      });
      await db.query('COMMIT');
    } catch (e) {
      await db.query('ROLLBACK').catch(() => undefined);
      await this.release();
      throw e;
    }
    // As after a large incident import: visibility map and planner statistics now, not at autovacuum's
    // leisure; best effort, outside the transaction.
    if (counts.stored + counts.updated > 10_000) {
      await db.query('VACUUM (ANALYZE) call_for_service').catch(() => undefined);
    }
    await this.release();
    return counts;
  }

  async abort(): Promise<void> {
    await this.writer.end().catch(() => undefined);
    await this.release();
  }

  private async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    await this.client.query(CALL_DROP_TEMP_SQL).catch(() => undefined);
    this.client.release();
  }
}
