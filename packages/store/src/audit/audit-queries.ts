import type { ChainedAuditRecord } from '@vigia/domain';
import type { AuditQuery } from '../port/audit.js';

/** Columns of an audit row, in the order {@link toAuditRecord} reads them (both stores). */
export const AUDIT_COLUMNS =
  'seq, recorded_at, actor, action, target, before_json, after_json, prev_hash, hash';

/** An audit row read with {@link AUDIT_COLUMNS}; before/after are stored as canonical JSON text. */
export function toAuditRecord(r: readonly unknown[]): ChainedAuditRecord {
  return {
    seq: Number(r[0]),
    at: String(r[1]),
    actor: String(r[2]),
    action: String(r[3]),
    target: String(r[4]),
    before: JSON.parse(String(r[5])) as unknown,
    after: JSON.parse(String(r[6])) as unknown,
    prevHash: String(r[7]),
    hash: String(r[8]),
  };
}

/**
 * WHERE clause (and its parameters) of an audit query, shared by both stores; `placeholder(i)` writes
 * the i-th parameter (1-based) in the store's syntax. `recorded_at` is ISO 8601 UTC text, so text comparison
 * orders instants.
 */
export function auditFilterSql(
  agencyId: number,
  query: AuditQuery,
  placeholder: (i: number) => string,
): { where: string; params: (string | number)[]; limit: number } {
  const params: (string | number)[] = [agencyId];
  const parts = [`agency_id = ${placeholder(1)}`];
  const add = (sql: (p: string) => string, value: string | number) => {
    params.push(value);
    parts.push(sql(placeholder(params.length)));
  };
  if (query.beforeSeq !== undefined) add((p) => `seq < ${p}`, query.beforeSeq);
  if (query.actor !== undefined) add((p) => `actor = ${p}`, query.actor);
  if (query.action !== undefined) {
    if (query.action.endsWith('.')) add((p) => `starts_with(action, ${p})`, query.action);
    else add((p) => `action = ${p}`, query.action);
  }
  if (query.from !== undefined) add((p) => `recorded_at >= ${p}`, query.from);
  if (query.to !== undefined) add((p) => `recorded_at < ${p}`, query.to);
  const limit = Math.max(1, Math.min(1000, Math.floor(query.limit ?? 100)));
  return { where: parts.join(' AND '), params, limit };
}
