import type { PlacedCall, RowIssue } from '@vigia/domain';
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
   * Resolves when the store has taken the rows added so far (back-pressure for a server store that
   * streams them): call it between batches so memory stays bounded. Immediate for DuckDB.
   */
  drain(): Promise<void>;
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
 * A text column with few distinct values, dictionary-encoded: row i's text is `values[codes[i]]` (null =
 * the source had none). Codes are dense (0 … values.length − 1) and each value appears once.
 */
export interface CodedColumn {
  codes: Int32Array;
  values: (string | null)[];
}

/** Bits of {@link CallFacts.flags}. */
export const CALL_FACT_FLAGS = {
  /** The source gives dates only (no clock time): volume, never a response time. */
  dateOnly: 1,
  officerInitiated: 2,
  /** The source says whether an arrest was made (then `arrest` says which). */
  arrestKnown: 4,
  arrest: 8,
} as const;

/**
 * What response analytics need of the current calls received in some windows, column by column: entry i
 * of every column is call i (calls in no particular order). Columns rather than one object per call: at
 * a million calls, objects cost seconds of allocation and garbage collection (bench/calls.js).
 *
 * Times are milliseconds after the call was received (differences of UTC instants, so a call across
 * midnight or a daylight-saving change has its true duration), NaN when absent. Day and minute are local:
 * the wall time the call was received as written in the source (agency time zone).
 */
export interface CallFacts {
  length: number;
  /** Local date received, days since 1970-01-01 (as domain `dayNumber`). */
  receivedDay: Int32Array;
  /** Local minute of the day received, 0–1439 (0 for date-only calls). */
  minuteOfDay: Int16Array;
  dispatchedMs: Float64Array;
  enRouteMs: Float64Array;
  /** First unit on scene. */
  onSceneMs: Float64Array;
  clearedMs: Float64Array;
  /** {@link CALL_FACT_FLAGS} bits. */
  flags: Uint8Array;
  /** Unit of record (store id), −1 when none. */
  unitId: Int32Array;
  priority: CodedColumn;
  channel: CodedColumn;
  /** Final call type, else the initial one, else null. */
  callType: CodedColumn;
  /** Organizational unit code the source names, or null. */
  sourceUnit: CodedColumn;
  /** Responding CAD units joined by U+001F (null when none). */
  respondingUnits: CodedColumn;
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
 * Persistence of calls for service, a port of its own beside {@link Store} (the DuckDB and PostgreSQL
 * adapters implement both; one contract suite, packages/store/test/contract, runs on each). Imports share the import_batch and quarantine
 * records of incident imports, so `listImports` and `listQuarantine` show them as well.
 */
export interface CallStore {
  /** Starts a call import (kind "calls" in the import list). */
  beginCallImport(meta: ImportMeta): Promise<CallImportSession>;
  /** Current calls received (local date) within any of `windows` (inclusive `YYYY-MM-DD`). */
  listCallFacts(query: { windows: readonly CountWindow[] }): Promise<CallFacts>;
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
