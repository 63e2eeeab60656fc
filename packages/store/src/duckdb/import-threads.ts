import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * Runs DuckDB on one thread while incident blocks are inserted during the reading of a file, then
 * gives it back its threads.
 *
 * Why: a block is one row group (see incident-import.ts), so its INSERT is a single task. The thread
 * that runs the statement (a libuv pool thread of @duckdb/node-api) then either runs that task or, when
 * one of DuckDB's own threads took it, spins until it is done (DuckDB 1.5 polls the executor: measured
 * with perf, most of that thread's time was in pthread_mutex_lock/unlock and task-queue polling). On a
 * 2-core machine the spinning thread takes CPU from the import's worker thread, which maps the next rows
 * meanwhile: ~1 µs of CPU a row for nothing. With `threads = 1` the statement's own thread runs the
 * task and DuckDB starts none.
 *
 * `threads` is a setting of the whole database, so queries on other connections (a dashboard served
 * while an upload imports) run on one thread too until the blocks are in; the final merge and COMMIT
 * run after `release`. Several imports at once share one limit: the first `acquire` saves the setting,
 * the last `release` restores it. One instance per database (the store's).
 */
export class ImportThreadLimit {
  private holders = 0;
  private saved: string | null = null;
  /** Acquires and releases run one after another (each awaits a statement). */
  private tail: Promise<void> = Promise.resolve();

  /** Limits DuckDB to one thread (first holder) until the matching {@link release}. */
  acquire(connection: DuckDBConnection): Promise<void> {
    return this.queue(async () => {
      if (this.holders++ > 0) return;
      const rows = (await connection.runAndReadAll(`SELECT current_setting('threads')`)).getRows();
      this.saved = String(rows[0]?.[0] ?? '');
      await connection.run('SET threads = 1');
    });
  }

  /** Ends one {@link acquire}; the last one restores the thread count it found. */
  release(connection: DuckDBConnection): Promise<void> {
    return this.queue(async () => {
      if (this.holders === 0 || --this.holders > 0) return;
      const saved = this.saved;
      this.saved = null;
      if (saved !== null && /^\d+$/.test(saved)) await connection.run(`SET threads = ${saved}`);
    });
  }

  private queue(work: () => Promise<void>): Promise<void> {
    const run = this.tail.then(work);
    this.tail = run.catch(() => undefined);
    return run;
  }
}
