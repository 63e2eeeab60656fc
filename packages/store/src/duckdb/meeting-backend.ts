import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { AuditEntry } from '../port/audit.js';
import type { MeetingSqlBackend, SqlParam, SqlRows } from '../meetings/sql-meetings.js';
import type { DuckDbAuditLog } from './audit-log.js';

/**
 * The DuckDB side of the meeting store. Reads go through the store's shared connection; writes run one
 * at a time (an in-process queue: one process holds the file) on a connection of their own, each in a
 * transaction committed together with its audit row (DuckDbAuditLog.inAuditedTransaction). One writer at
 * a time also means a write transaction starts after the previous one committed, so it sees it (DuckDB
 * transactions read a snapshot).
 */
export class DuckDbMeetingBackend implements MeetingSqlBackend {
  private own: DuckDBConnection | null = null;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    readonly agencyId: number,
    private readonly instance: DuckDBInstance,
    private readonly shared: DuckDBConnection,
    private readonly audit: DuckDbAuditLog,
    readonly now: () => number = Date.now,
  ) {}

  read: SqlRows = (sql, params = []) => rowsOn(this.shared, sql, params);

  write<T>(work: (q: SqlRows) => Promise<T>, entryOf: (result: T) => AuditEntry | null): Promise<T> {
    const run = async (): Promise<T> => {
      this.own ??= await this.instance.connect();
      const connection = this.own;
      return this.audit.inAuditedTransaction(
        connection,
        () => work((sql, params = []) => rowsOn(connection, sql, params)),
        entryOf,
      );
    };
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Closes the writers' connection. */
  close(): void {
    this.own?.closeSync();
    this.own = null;
  }
}

async function rowsOn(connection: DuckDBConnection, sql: string, params: SqlParam[]): Promise<unknown[][]> {
  return (await connection.runAndReadAll(sql, params)).getRows();
}
