import { createHash } from 'node:crypto';

/**
 * One audit record before it is chained: who did what to what, when, with the state before and after.
 * `at` is an ISO 8601 UTC instant; `before`/`after` are JSON values (null when not applicable).
 */
export interface AuditRecord {
  at: string;
  actor: string;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
}

/** A chained audit row: its position (1, 2, ...), the previous row's hash, and its own. */
export interface ChainedAuditRecord extends AuditRecord {
  seq: number;
  prevHash: string;
  hash: string;
}

/** The `prevHash` of the first row: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with object keys sorted at every depth (RFC 8785-style canonical form for the values Vigía
 * writes: strings, finite numbers, booleans, null, arrays, plain objects), so the same record always
 * hashes the same whatever order its fields were built in.
 * @throws TypeError for a non-finite number (not representable in JSON).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`not a finite number: ${value}`);
    return JSON.stringify(value);
  }
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** SHA-256 (hex) of the previous hash, the sequence number and the record's canonical JSON. */
export function auditHash(prevHash: string, seq: number, record: AuditRecord): string {
  const { at, actor, action, target, before, after } = record;
  return createHash('sha256')
    .update(`${prevHash}\n${seq}\n${canonicalJson({ at, actor, action, target, before, after })}`)
    .digest('hex');
}

/** Chains `record` after `previous` (null for the first row). */
export function chainAudit(previous: ChainedAuditRecord | null, record: AuditRecord): ChainedAuditRecord {
  const seq = previous ? previous.seq + 1 : 1;
  const prevHash = previous ? previous.hash : GENESIS_HASH;
  return { ...record, seq, prevHash, hash: auditHash(prevHash, seq, record) };
}

/** Where a chain breaks, and why. */
export interface AuditBreak {
  /** Sequence number of the first row that does not verify (or that should be there and is not). */
  seq: number;
  reason: 'edited' | 'missing' | 'relinked';
}

/**
 * Verifies rows read in `seq` order: each must follow the previous one (no gap: a deleted row shows
 * as `missing`), point at its hash (`relinked`), and hash to its own `hash` (`edited`).
 * Hash chains detect tampering by anyone without the ability to rewrite every later row; anchoring the
 * latest hash outside the database (printed in the weekly book) closes that gap.
 * @returns the first break, or null when the whole chain verifies.
 */
export function verifyAuditChain(rows: Iterable<ChainedAuditRecord>): AuditBreak | null {
  let previous: ChainedAuditRecord | null = null;
  for (const row of rows) {
    const broken = checkAuditLink(previous, row);
    if (broken) return broken;
    previous = row;
  }
  return null;
}

/**
 * One step of {@link verifyAuditChain}: does `row` follow `previous` (null for the first row)? For
 * callers that stream a long log instead of holding it in memory.
 * @returns the break at this row, or null.
 */
export function checkAuditLink(
  previous: ChainedAuditRecord | null,
  row: ChainedAuditRecord,
): AuditBreak | null {
  const expectedSeq = previous ? previous.seq + 1 : 1;
  if (row.seq !== expectedSeq) return { seq: expectedSeq, reason: 'missing' };
  if (row.prevHash !== (previous ? previous.hash : GENESIS_HASH)) return { seq: row.seq, reason: 'relinked' };
  if (auditHash(row.prevHash, row.seq, row) !== row.hash) return { seq: row.seq, reason: 'edited' };
  return null;
}
