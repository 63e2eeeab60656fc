import type pg from 'pg';
import { canonicalJson, chainAudit, type ChainedAuditRecord } from '@vigia/domain';
import type { AuditEntry, AuditQuery } from '../port/audit.js';
import { auditFilterSql, AUDIT_COLUMNS, toAuditRecord } from '../audit/audit-queries.js';

/**
 * Appends `entry` to the audit log inside the caller's open transaction on `client`. Several Vigía
 * instances may write at once, so the chain head is read under a transaction-scoped advisory lock
 * (per schema and agency), held until the caller commits: call this as the transaction's last step to
 * keep that lock short. Under READ COMMITTED the head query, run after the lock is granted, sees every
 * row committed before.
 * @returns the chained row as written.
 */
export async function appendAuditPg(
  client: pg.PoolClient,
  agencyId: number,
  entry: AuditEntry,
  now: () => number = Date.now,
): Promise<ChainedAuditRecord> {
  await client.query(`SELECT pg_advisory_xact_lock(hashtext('vigia.audit.' || current_schema()), $1)`, [
    agencyId,
  ]);
  const last = await client.query<Record<string, unknown>>(
    `SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE agency_id = $1 ORDER BY seq DESC LIMIT 1`,
    [agencyId],
  );
  const head = last.rows[0] ? toAuditRecord(Object.values(last.rows[0])) : null;
  const row = chainAudit(head, { ...entry, at: new Date(now()).toISOString() });
  await client.query(
    `INSERT INTO audit_log (agency_id, seq, recorded_at, actor, action, target, before_json, after_json, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      agencyId,
      row.seq,
      row.at,
      row.actor,
      row.action,
      row.target,
      canonicalJson(row.before),
      canonicalJson(row.after),
      row.prevHash,
      row.hash,
    ],
  );
  return row;
}

/** Rows newest first (see AuditStore.listAudit). */
export async function listAuditPg(
  db: pg.Pool,
  agencyId: number,
  query: AuditQuery,
): Promise<ChainedAuditRecord[]> {
  const { where, params, limit } = auditFilterSql(agencyId, query, (i) => `$${i}`);
  const r = await db.query<Record<string, unknown>>(
    `SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE ${where} ORDER BY seq DESC LIMIT ${limit}`,
    params,
  );
  return r.rows.map((row) => toAuditRecord(Object.values(row)));
}

/** Every row in seq order, 5,000 at a time. */
export async function* readAuditChainPg(db: pg.Pool, agencyId: number): AsyncIterable<ChainedAuditRecord> {
  let after = 0;
  for (;;) {
    const r = await db.query<Record<string, unknown>>(
      `SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE agency_id = $1 AND seq > $2 ORDER BY seq LIMIT 5000`,
      [agencyId, after],
    );
    if (r.rows.length === 0) return;
    for (const row of r.rows) {
      const record = toAuditRecord(Object.values(row));
      after = record.seq;
      yield record;
    }
  }
}
