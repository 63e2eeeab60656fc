import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { canonicalJson, chainAudit, type ChainedAuditRecord } from '@vigia/domain';
import type { AuditEntry, AuditQuery } from '../port/audit.js';
import { auditFilterSql, AUDIT_COLUMNS, toAuditRecord } from '../audit/audit-queries.js';

/**
 * The DuckDB side of the audit log. One process holds a DuckDB file, so this object is the only writer:
 * it keeps the chain head (last seq and hash) in memory and serialises every audited commit with an
 * in-process lock. The head must be read under that lock and outside a transaction's snapshot (DuckDB
 * transactions see the data as of their start), which is why it is cached rather than re-read.
 */
export class DuckDbAuditLog {
  private head: ChainedAuditRecord | null | undefined = undefined;
  private tail: Promise<void> = Promise.resolve();
  private own: DuckDBConnection | null = null;

  constructor(
    private readonly instance: DuckDBInstance,
    private readonly agencyId: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Runs `work` in a transaction on `connection`, then (under the audit lock) appends the entry that
   * `entryOf` builds from its result and commits both together: the change and its audit row exist
   * together or not at all. `entryOf` returning null commits without an audit row. `options.freshHead`
   * reads the head from `connection` inside the transaction instead of the cached one: for a restore,
   * whose `work` has just replaced the whole log.
   * @throws whatever `work` throws (after ROLLBACK).
   */
  async inAuditedTransaction<T>(
    connection: DuckDBConnection,
    work: () => Promise<T>,
    entryOf: (result: T) => AuditEntry | null,
    onAudited?: (row: ChainedAuditRecord) => void,
    options: { freshHead?: boolean } = {},
  ): Promise<T> {
    await connection.run('BEGIN TRANSACTION');
    let release: (() => void) | null = null;
    try {
      const result = await work();
      const entry = entryOf(result);
      if (entry === null) {
        await connection.run('COMMIT');
        return result;
      }
      release = await this.lock();
      if (options.freshHead) this.head = undefined;
      const head = await this.readHead(connection);
      const row = chainAudit(head, { ...entry, at: new Date(this.now()).toISOString() });
      await insertAuditRow(connection, this.agencyId, row);
      await connection.run('COMMIT');
      this.head = row;
      onAudited?.(row);
      return result;
    } catch (e) {
      await connection.run('ROLLBACK').catch(() => undefined);
      if (options.freshHead) this.head = undefined;
      throw e;
    } finally {
      release?.();
    }
  }

  /**
   * Appends `entry` to the caller's open transaction on `connection` and COMMITs it, under the audit
   * lock: for changes that manage their own transaction (an incident import opens it with its first
   * rows). The head read inside that transaction is the cached one whenever any audited commit happened
   * since the store opened, so the transaction's older snapshot cannot hide a newer head.
   * @returns the chained row. On error the transaction is left open: the caller rolls it back.
   */
  async commitWith(connection: DuckDBConnection, entry: AuditEntry): Promise<ChainedAuditRecord> {
    const release = await this.lock();
    try {
      const head = await this.readHead(connection);
      const row = chainAudit(head, { ...entry, at: new Date(this.now()).toISOString() });
      await insertAuditRow(connection, this.agencyId, row);
      await connection.run('COMMIT');
      this.head = row;
      return row;
    } finally {
      release();
    }
  }

  /** Appends one entry in its own transaction (on a connection of its own). */
  async append(entry: AuditEntry): Promise<ChainedAuditRecord> {
    this.own ??= await this.instance.connect();
    const connection = this.own;
    let row: ChainedAuditRecord | null = null;
    await this.inAuditedTransaction(
      connection,
      () => Promise.resolve(),
      () => entry,
      (r) => (row = r),
    );
    if (row === null) throw new Error('audit append wrote no row');
    return row;
  }

  /** Forgets the cached head (after a restore replaced the tables). */
  reset(): void {
    this.head = undefined;
  }

  /** Closes the log's own connection. */
  close(): void {
    this.own?.closeSync();
    this.own = null;
  }

  private async readHead(connection: DuckDBConnection): Promise<ChainedAuditRecord | null> {
    if (this.head !== undefined) return this.head;
    const rows = (
      await connection.runAndReadAll(
        `SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE agency_id = $1 ORDER BY seq DESC LIMIT 1`,
        [this.agencyId],
      )
    ).getRows();
    this.head = rows[0] ? toAuditRecord(rows[0]) : null;
    return this.head;
  }

  private lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => next);
    return ready;
  }
}

async function insertAuditRow(connection: DuckDBConnection, agencyId: number, r: ChainedAuditRecord) {
  await connection.run(
    `INSERT INTO audit_log (agency_id, seq, recorded_at, actor, action, target, before_json, after_json, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      agencyId,
      r.seq,
      r.at,
      r.actor,
      r.action,
      r.target,
      canonicalJson(r.before),
      canonicalJson(r.after),
      r.prevHash,
      r.hash,
    ],
  );
}

/** Rows newest first (see AuditStore.listAudit). */
export async function listAuditDuckDb(
  connection: DuckDBConnection,
  agencyId: number,
  query: AuditQuery,
): Promise<ChainedAuditRecord[]> {
  const { where, params, limit } = auditFilterSql(agencyId, query, (i) => `$${i}`);
  const rows = (
    await connection.runAndReadAll(
      `SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE ${where} ORDER BY seq DESC LIMIT ${limit}`,
      params,
    )
  ).getRows();
  return rows.map(toAuditRecord);
}

/** Every row in seq order, 5,000 at a time. */
export async function* readAuditChainDuckDb(
  connection: DuckDBConnection,
  agencyId: number,
): AsyncIterable<ChainedAuditRecord> {
  let after = 0;
  for (;;) {
    const rows = (
      await connection.runAndReadAll(
        `SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE agency_id = $1 AND seq > $2 ORDER BY seq LIMIT 5000`,
        [agencyId, after],
      )
    ).getRows();
    if (rows.length === 0) return;
    for (const r of rows) {
      const record = toAuditRecord(r);
      after = record.seq;
      yield record;
    }
  }
}
