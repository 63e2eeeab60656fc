import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * DuckDB settings while incident blocks are inserted during the reading of a file, restored after.
 *
 * - `threads = 1`: a block is one row group (see incident-import.ts), so its INSERT is a single task.
 *   The thread that runs the statement (a libuv pool thread of @duckdb/node-api) then either runs that
 *   task or, when one of DuckDB's own threads took it, spins until it is done (DuckDB 1.5 polls the
 *   executor: measured with perf, most of that thread's time was in pthread_mutex_lock/unlock and
 *   task-queue polling). On a 2-core machine the spinning thread took CPU from the import's worker
 *   thread, which maps the next rows meanwhile. With one thread the statement's own thread runs the task.
 * - `write_buffer_row_group_count = 1`: DuckDB compresses and writes the row groups of a bulk insert
 *   five at a time by default, so every fifth block cost ~7 times the others, and the last INSERT and
 *   the COMMIT compressed up to five row groups after the file was read (~1.5 s of CPU at 2 million
 *   rows, none of it overlapping the reading). One at a time spreads that work over the blocks.
 *
 * Both are settings of the whole database, so queries on other connections (a dashboard served while an
 * upload imports) run on one thread too until the blocks are in; the final merge and COMMIT run after
 * `release`. Several imports at once share the settings: the first `acquire` saves the values, the last
 * `release` restores them. One instance per database (the store's).
 */
export class ImportSettings {
  private holders = 0;
  private saved: [string, string][] = [];
  /** Acquires and releases run one after another (each awaits statements). */
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly settings: Readonly<Record<string, number>> = {
      threads: 1,
      write_buffer_row_group_count: 1,
    },
  ) {}

  /** Applies the import settings (first holder) until the matching {@link release}. */
  acquire(connection: DuckDBConnection): Promise<void> {
    return this.queue(async () => {
      if (this.holders++ > 0) return;
      this.saved = [];
      for (const [name, value] of Object.entries(this.settings)) {
        const rows = (await connection.runAndReadAll(`SELECT current_setting('${name}')`)).getRows();
        this.saved.push([name, String(rows[0]?.[0] ?? '')]);
        await connection.run(`SET ${name} = ${value}`);
      }
    });
  }

  /** Ends one {@link acquire}; the last one restores the values it found. */
  release(connection: DuckDBConnection): Promise<void> {
    return this.queue(async () => {
      if (this.holders === 0 || --this.holders > 0) return;
      for (const [name, value] of this.saved) {
        if (/^\d+$/.test(value)) await connection.run(`SET ${name} = ${value}`);
      }
      this.saved = [];
    });
  }

  private queue(work: () => Promise<void>): Promise<void> {
    const run = this.tail.then(work);
    this.tail = run.catch(() => undefined);
    return run;
  }
}
