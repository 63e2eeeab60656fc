import type pg from 'pg';
import {
  IncidentBatchDictionary,
  incidentContentHash,
  type IncidentBatch,
  type PlacedIncident,
  type RowIssue,
} from '@vigia/domain';
import type { ImportCounts, ImportMeta, IncidentImportSession } from '../port/store.js';
import { applyPlacementsPg } from './apply-placements.js';
import { CopyWriter } from './copy-writer.js';
import { closeImportBatchPg } from './import-batch.js';
import {
  CLASSIFY_SQL,
  CONFLICTS_SQL,
  DROP_TEMP_SQL,
  INSERT_SQL,
  MERGED_SQL,
  MERGED_UNIQUE_IDS_SQL,
  OUTCOME_SQL,
  QUARANTINE_SQL,
  STAGING_COPY,
  STAGING_DDL,
  SUPERSEDE_SQL,
} from './merge-sql.js';

const SEP = '\u001f';
const AGENCY = 1;
const NO_QUARANTINE = [null, null, null, null] as const;

/**
 * One incident import into PostgreSQL. Rows stream through COPY into a temporary table of the import's
 * own connection; {@link PgIncidentImport.finish} merges them in one transaction. Nothing is written to
 * a shared table before that transaction commits (the import_batch row and the quarantine rows are part
 * of it), so a process killed at any point leaves no partial batch: PostgreSQL rolls the transaction back
 * and drops the temporary table with the connection. Another instance's report sees all of an import or
 * none of it.
 */
export class PgIncidentImport implements IncidentImportSession {
  private quarantined = 0;
  private allIdsDerived = true;
  private readonly dictionary = new IncidentBatchDictionary();
  private released = false;

  private constructor(
    private readonly client: pg.PoolClient,
    readonly importId: number,
    private readonly meta: ImportMeta,
    private readonly writer: CopyWriter,
  ) {}

  /** Takes a connection for the whole import, reserves an import id and opens the COPY. */
  static async begin(pool: pg.Pool, meta: ImportMeta): Promise<PgIncidentImport> {
    const client = await pool.connect();
    try {
      const r = await client.query<{ id: string }>(`SELECT nextval('import_id_seq') AS id`);
      await client.query(STAGING_DDL);
      const writer = new CopyWriter(client, STAGING_COPY);
      return new PgIncidentImport(client, Number(r.rows[0]!.id), meta, writer);
    } catch (e) {
      client.release();
      throw e;
    }
  }

  addIncident(rowNo: number, p: PlacedIncident): void {
    this.stage(rowNo, p, incidentContentHash(p));
  }

  addIncidentBatch(b: IncidentBatch): void {
    this.dictionary.absorb(b);
    for (let i = 0; i < b.length; i++) {
      const p = this.dictionary.row(b, i);
      this.stage(b.rowNo[i]!, p, p.contentHash);
    }
  }

  private stage(rowNo: number, p: PlacedIncident, contentHash: string): void {
    if (!p.sourceIdDerived) this.allIdsDerived = false;
    const single = p.offenses.length === 1;
    this.writer.add([
      'i',
      rowNo,
      p.sourceId,
      contentHash,
      p.sourceIdDerived,
      p.occurredAt,
      p.occurredLocal,
      p.reportedLocalDate,
      single ? p.offenses[0]!.category : p.offenses.map((o) => o.category).join(SEP),
      single ? p.offenses[0]!.sourceLabel : p.offenses.map((o) => o.sourceLabel).join(SEP),
      p.lon,
      p.lat,
      p.sourceUnit,
      p.sourceUnitId,
      p.polygonUnitId,
      p.unitId,
      p.locationFlag,
      p.unitDisagrees,
      p.status,
      p.arrest,
      ...NO_QUARANTINE,
    ]);
  }

  addQuarantine(rowNo: number, issues: readonly RowIssue[], raw: Record<string, string>): void {
    this.writer.add([
      'q',
      rowNo,
      ...new Array<null>(18).fill(null),
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

  async finish(summary: Record<string, unknown>): Promise<ImportCounts> {
    const db = this.client;
    const { source } = this.meta;
    const counts: ImportCounts = {
      stored: 0,
      updated: 0,
      unchanged: 0,
      quarantined: this.quarantined,
      incidents: 0,
      replaced: 0,
      conflictingIds: 0,
      conflictingIdSamples: [],
    };
    try {
      await this.writer.end();
      await db.query('BEGIN');
      // One merge per source at a time across all instances: the classification below must see the
      // versions the other merge committed.
      await db.query(`SELECT pg_advisory_xact_lock(hashtext('vigia.import'), hashtext($1))`, [
        `${AGENCY}/${source}`,
      ]);
      await db.query(this.allIdsDerived ? MERGED_UNIQUE_IDS_SQL : MERGED_SQL);
      await db.query(CLASSIFY_SQL, [source]);
      await db.query(SUPERSEDE_SQL, [source]);
      await db.query(INSERT_SQL, [source, this.importId]);
      const outcomes = await db.query<{ outcome: string; n: string; incidents: string }>(OUTCOME_SQL);
      for (const r of outcomes.rows) {
        counts[r.outcome as 'stored' | 'updated' | 'unchanged'] = Number(r.n);
        counts.incidents += Number(r.incidents);
      }
      const conflicts = (await db.query<{ n: string; samples: string[] | null }>(CONFLICTS_SQL)).rows[0];
      counts.conflictingIds = Number(conflicts?.n ?? 0);
      counts.conflictingIdSamples = conflicts?.samples ?? [];
      // Unchanged records placed anew (units or rules changed since they were stored).
      counts.replaced = await applyPlacementsPg(db, 'classified', source, 'k.placement_changed');
      await db.query(QUARANTINE_SQL, [this.importId]);
      await db.query(
        `INSERT INTO source_placement VALUES (${AGENCY}, $1, $2, $3)
         ON CONFLICT (agency_id, source) DO UPDATE
         SET unit_of_record = excluded.unit_of_record, source_unit_level = excluded.source_unit_level`,
        [source, this.meta.placement.unitOfRecord, this.meta.placement.sourceUnitLevel ?? null],
      );
      await closeImportBatchPg(db, this.importId, 'incidents', this.meta, counts, summary, {
        incidents: counts.incidents,
        replaced: counts.replaced,
      });
      await db.query('COMMIT');
    } catch (e) {
      await db.query('ROLLBACK').catch(() => undefined);
      await this.release();
      throw e;
    }
    // After a large import, VACUUM sets the visibility map of the new pages (the report's covering
    // indexes then scan index-only: 190 → 54 ms p50 on Chicago in bench/run.js) and ANALYZE refreshes
    // the planner's statistics; autovacuum would get there later. It skips pages already all-visible,
    // so it costs about the new rows, and it runs outside the transaction: readers are not held up.
    // Best effort: the import is committed whatever happens here (e.g. a role that does not own the table).
    if (counts.stored + counts.updated > 10_000) {
      await db.query('VACUUM (ANALYZE) incident').catch(() => undefined);
    }
    await this.release();
    return counts;
  }

  async abort(): Promise<void> {
    // Ending the COPY with an error discards what it sent; the temporary table goes with DROP.
    await this.writer.end().catch(() => undefined);
    await this.release();
  }

  private async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    await this.client.query(DROP_TEMP_SQL).catch(() => undefined);
    this.client.release();
  }
}
