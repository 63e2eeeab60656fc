import type pg from 'pg';
import type { AuditEntry } from '../port/audit.js';
import type { MeetingSqlBackend, SqlParam, SqlRows } from '../meetings/sql-meetings.js';
import { appendAuditPg } from './audit-log.js';

/**
 * The PostgreSQL side of the meeting store. Each write is one transaction that first takes a
 * transaction-scoped advisory lock (per schema and agency), so meeting writes of every instance sharing
 * the database run one at a time (ids are `max + 1`, versions are checked), and ends by appending the
 * audit row (appendAuditPg): the change and its audit row commit together. The audit lock is always
 * taken after this one, so the two cannot deadlock.
 */
export class PgMeetingBackend implements MeetingSqlBackend {
  constructor(
    readonly agencyId: number,
    private readonly pool: pg.Pool,
    readonly now: () => number = Date.now,
  ) {}

  read: SqlRows = (sql, params = []) => rowsOn(this.pool, sql, params);

  async write<T>(work: (q: SqlRows) => Promise<T>, entryOf: (result: T) => AuditEntry | null): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `SELECT pg_advisory_xact_lock(hashtext('vigia.meetings.' || current_schema()), $1)`,
        [this.agencyId],
      );
      const result = await work((sql, params = []) => rowsOn(client, sql, params));
      const entry = entryOf(result);
      if (entry !== null) await appendAuditPg(client, this.agencyId, entry, this.now);
      await client.query('COMMIT');
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }
}

async function rowsOn(db: pg.Pool | pg.PoolClient, sql: string, params: SqlParam[]): Promise<unknown[][]> {
  const r = await db.query<unknown[]>({ text: sql, values: params, rowMode: 'array' });
  return r.rows;
}
