import { VigiaError, type ChainedAuditRecord } from '@vigia/domain';
import type { AuditQuery, Store } from '@vigia/store';

/** Filters of the audit log as people type them (CLI options, API query parameters). */
export interface AuditLogFilter {
  /** Exact actor, e.g. `user:3:jdoe`, `cli:ana@host`. */
  actor?: string | undefined;
  /** An action (`agency.update`) or a prefix (`import` or `import.`: every import). */
  action?: string | undefined;
  /** From this instant (ISO 8601; a date alone is 00:00 UTC that day), inclusive. */
  from?: string | undefined;
  /** Up to this instant (ISO 8601), exclusive; a date alone includes that whole UTC day. */
  to?: string | undefined;
  /** Rows with a lower seq only (paging: the last seq of the previous page). */
  beforeSeq?: number | undefined;
  /** At most this many rows, 1–500 (default 100). */
  limit?: number | undefined;
}

/** A page of the audit log, newest first, and the `beforeSeq` of the next page (null at the end). */
export interface AuditLogPage {
  rows: ChainedAuditRecord[];
  nextBeforeSeq: number | null;
}

/** Largest page (the store reads at most 1,000 rows; one more than the page tells if a next exists). */
export const MAX_AUDIT_PAGE = 500;
const MAX_LIMIT = MAX_AUDIT_PAGE;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const ACTION = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*\.?$/;

/** An ISO 8601 instant (or date) as the store's text form `YYYY-MM-DDTHH:mm:ss.sssZ`. */
function instant(name: string, value: string, endOfDay: boolean): string {
  const t = Date.parse(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(t)) {
    throw new VigiaError('INVALID_ARGUMENT', { name, value });
  }
  return new Date(endOfDay && DATE_ONLY.test(value) ? t + 86_400_000 : t).toISOString();
}

/**
 * The audit log newest first, filtered and paged (the dashboard's log, `vigia audit list`,
 * GET /api/v1/audit). Every action has a dot (`<thing>.<verb>`), so an action without one is read as a
 * prefix: `import` lists `import.incidents` and `import.calls`.
 * @throws VigiaError INVALID_ARGUMENT for a date that is not ISO 8601, an action that is not dotted
 *   lower-case words, a limit outside 1–500 or a beforeSeq below 1.
 */
export async function listAuditLog(store: Store, filter: AuditLogFilter = {}): Promise<AuditLogPage> {
  const query: AuditQuery = {};
  if (filter.actor !== undefined && filter.actor !== '') query.actor = filter.actor;
  if (filter.action !== undefined && filter.action !== '') {
    if (!ACTION.test(filter.action))
      throw new VigiaError('INVALID_ARGUMENT', { name: 'action', value: filter.action });
    query.action = filter.action.includes('.') ? filter.action : `${filter.action}.`;
  }
  if (filter.from) query.from = instant('from', filter.from, false);
  if (filter.to) query.to = instant('to', filter.to, true);
  if (filter.beforeSeq !== undefined) {
    if (!Number.isSafeInteger(filter.beforeSeq) || filter.beforeSeq < 1) {
      throw new VigiaError('INVALID_ARGUMENT', { name: 'beforeSeq', value: String(filter.beforeSeq) });
    }
    query.beforeSeq = filter.beforeSeq;
  }
  const limit = filter.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new VigiaError('INVALID_ARGUMENT', { name: 'limit', value: String(filter.limit) });
  }
  // One more row than asked tells whether a next page exists.
  const rows = await store.listAudit({ ...query, limit: limit + 1 });
  const page = rows.slice(0, limit);
  return { rows: page, nextBeforeSeq: rows.length > limit ? page.at(-1)!.seq : null };
}
