import type { CallTimestamps, PlacedCall, RowIssue } from '@vigia/domain';
import type { CountWindow, ImportMeta } from './store.js';

/** Row outcomes of a finished call import; `read` = stored + updated + unchanged + quarantined. */
export interface CallImportCounts {
  stored: number;
  updated: number;
  unchanged: number;
  quarantined: number;
  /** Distinct calls the stored, updated and unchanged rows make (rows sharing a call id are one call). */
  calls: number;
}

/**
 * One call-for-service import in progress: rows are appended synchronously and become visible
 * atomically at {@link CallImportSession.finish}; a crash leaves only staging rows that die with the
 * connection (same contract as IncidentImportSession).
 */
export interface CallImportSession {
  readonly importId: number;
  /** Stages one validated, placed row. `rowNo` is the spreadsheet row (header = 1). */
  addCall(rowNo: number, call: PlacedCall): void;
  /** Stages one quarantined row with its issues and raw fields (header names as keys). */
  addQuarantine(rowNo: number, issues: readonly RowIssue[], raw: Record<string, string>): void;
  /**
   * Merges staged rows in one transaction. Rows sharing a call id are one call (one row per responding
   * unit): earliest received, dispatched, en route and on-scene times (the first unit to arrive
   * defines arrival), latest cleared time, every responding unit, other fields from its first row. A
   * new id is stored; a changed call becomes a new version (the old one kept, no longer current); an
   * identical one is unchanged.
   */
  finish(summary: Record<string, unknown>): Promise<CallImportCounts>;
  /** Discards everything staged. */
  abort(): Promise<void>;
}

/**
 * What response analytics need of one current call. Times are UTC epoch milliseconds (null when
 * absent); `receivedDate`, `hour` and `weekday` are local (the agency time zone the call was read in).
 */
export interface CallFact extends CallTimestamps {
  /** Local date received as a day number (days since 1970-01-01, as domain `dayNumber`). */
  receivedDay: number;
  /** Local minute of the day received, 0–1439 (0 for date-only calls: see timePrecision). */
  minuteOfDay: number;
  /** ISO weekday received, 1 = Monday … 7 = Sunday. */
  weekday: number;
  priority: string | null;
  channel: string | null;
  /** Final call type, else the initial one, else null. */
  callType: string | null;
  officerInitiated: boolean;
  arrest: boolean | null;
  respondingUnits: string[];
  /** Unit of record (store id), or null. */
  unitId: number | null;
  sourceUnit: string | null;
}

/** One stored version of a call (tests and tracing). */
export interface StoredCall {
  source: string;
  sourceId: string;
  version: number;
  isCurrent: boolean;
  receivedLocal: string;
  onSceneAt: number | null;
  respondingUnits: string[];
  unitId: number | null;
  importId: number;
}

/**
 * Persistence of calls for service, a port of its own beside {@link Store} (the DuckDB adapter
 * implements both; the PostgreSQL adapter will too). Imports share the import_batch and quarantine
 * records of incident imports, so `listImports` and `listQuarantine` show them as well.
 */
export interface CallStore {
  /** Starts a call import (kind "calls" in the import list). */
  beginCallImport(meta: ImportMeta): Promise<CallImportSession>;
  /** Current calls received (local date) within any of `windows` (inclusive `YYYY-MM-DD`). */
  listCallFacts(query: { windows: readonly CountWindow[] }): Promise<CallFact[]>;
  /** Number of current calls. */
  countCurrentCalls(): Promise<number>;
  /** First and last local received dates of current calls, or null when there is none. */
  callDateRange(): Promise<{ first: string; last: string } | null>;
  /** Every stored version of the calls of one source, optionally of one call id. */
  listCallVersions(source: string, sourceId?: string): Promise<StoredCall[]>;
}

/** True when `store` also implements {@link CallStore}. */
export function isCallStore(store: object): store is CallStore {
  return typeof (store as Partial<CallStore>).beginCallImport === 'function';
}
