import type { ChainedAuditRecord } from '@vigia/domain';

/**
 * One change to record in the audit log: who (`actor`, e.g. `user:3:jdoe` or `cli:ana@host`), what
 * (`action`, a dotted verb such as `import.incidents`, `agency.update`, `user.login`), to what
 * (`target`, e.g. `import:12`, `agency`, `user:3`) and the state before and after (JSON values, null
 * when not applicable). The store adds the instant and chains the row (see domain audit-chain).
 */
export interface AuditEntry {
  actor: string;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
}

/**
 * The actor written when a caller gave none (every store method that changes data takes an optional
 * actor so that older callers keep compiling; the CLI, the API and the demo always pass one).
 */
export const UNKNOWN_ACTOR = 'unknown';

/** Who imports a level of units, and from which file (name only), for its `units.import` row. */
export interface UnitImportAudit {
  actor: string;
  file?: string;
}

/**
 * Who places incidents again, and why (`cause`: `units.import`, or `import.incidents` when a source's
 * placement rules changed), for the `incidents.replace` rows.
 */
export interface ReplaceAudit {
  actor: string;
  cause: string;
}

/** Selection of {@link AuditStore.listAudit}: newest first, every filter optional. */
export interface AuditQuery {
  /** Only rows with `seq` below this (paging: pass the last row's seq). */
  beforeSeq?: number;
  /** At most this many rows (default 100, at most 1,000). */
  limit?: number;
  /** Exact actor. */
  actor?: string;
  /** Action, or an action prefix ending in `.` (e.g. `import.`). */
  action?: string;
  /** Only rows at or after this UTC instant (ISO 8601). */
  from?: string;
  /** Only rows before this UTC instant (ISO 8601). */
  to?: string;
}

/**
 * The append-only, hash-chained audit log (issue 6). Stores write an entry inside the same transaction
 * as the change it records (imports, unit imports, agency edits, user and session changes...), so a
 * change without its audit row cannot exist; {@link AuditStore.appendAudit} is for events that change
 * nothing else (an export, a failed login).
 */
export interface AuditStore {
  /** Appends one entry in its own transaction and returns it chained. */
  appendAudit(entry: AuditEntry): Promise<ChainedAuditRecord>;
  /** Rows newest first (the dashboard's log). */
  listAudit(query?: AuditQuery): Promise<ChainedAuditRecord[]>;
  /** Every row in `seq` order, read in pages (what `vigia audit verify` checks). */
  readAuditChain(): AsyncIterable<ChainedAuditRecord>;
}
