import type { CallIntervalFlag } from '@vigia/domain';
import type { ReportPeriod } from '../report/compstat-report.js';
import type { ShiftDefinition } from './response-options.js';
import type { ComparedHistogram, EnforcementStats, ResponseWindowStats } from './response-groups.js';

/*
 * The police response report's input and output shapes (services responseReport; the CLI's
 * `report response --format json` and the API's GET /reports/response body).
 */

/** Options of the police response report. Give `week`, or `from` and `to`. */
export interface ResponseReportInput {
  /** ISO week `YYYY-Www`: WTD, 28-day and YTD against the same dates a year earlier. */
  week?: string | undefined;
  /** Or a range of local dates `YYYY-MM-DD` (inclusive), against the same dates a year earlier. */
  from?: string | undefined;
  to?: string | undefined;
  /** Group units at this level (default: the unit each call counts in, else the unit the source names). */
  level?: string | undefined;
  /** Only calls placed in this unit's subtree (its code). */
  unit?: string | undefined;
  /** Only calls of this priority (as written in the source): every row then has the priority's target. */
  priority?: string | undefined;
  /** Target response time per priority, seconds (default {@link DEFAULT_RESPONSE_TARGETS_SEC}). */
  targetsSec?: Record<string, number> | undefined;
  /** Duty shifts for workload (default {@link DEFAULT_SHIFTS}). */
  shifts?: readonly ShiftDefinition[] | undefined;
  /** Count officer-initiated calls in response times too (default false). */
  includeOfficerInitiated?: boolean | undefined;
}

/**
 * Dates of one window and of the same dates a year earlier, `YYYY-MM-DD` (as in the COMPSTAT report),
 * and whether either reaches outside the dates the calls cover (`dataRange`): then volumes count days
 * with no data and comparisons mean little.
 */
export interface ResponsePeriod extends ReportPeriod {
  outsideData: boolean;
}

/** A window's current and previous-year value. */
export interface Compared<T> {
  current: T;
  previous: T;
}

/** Response times of one group: the agency (key "*"), a priority, a channel (911...) or a unit. */
export interface ResponseRow {
  dimension: 'agency' | 'priority' | 'channel' | 'unit';
  key: string;
  /**
   * The target the row's share within target is judged against, seconds: its priority's, when all its
   * calls have one priority (a priority row, or any row of a report restricted to one priority); null
   * when the row mixes priorities or its priority has no target (then `withinTargetShare` is null).
   */
  targetSec: number | null;
  periods: Record<string, Compared<ResponseWindowStats>>;
}

/** One cell of the hour × weekday grid (local time of receipt; weekday 1 = Monday). */
export interface HourWeekdayCell {
  weekday: number;
  hour: number;
  calls: number;
  measured: number;
  medianSec: number | null;
}

/** Calls per unit per shift: totals and per shift worked (calls ÷ days in the window). */
export interface WorkloadRow {
  /** `unit`: organizational unit; `respondingUnit`: the CAD unit (patrol car) that responded. */
  kind: 'unit' | 'respondingUnit';
  key: string;
  /** Shift name, or null for date-only calls (no time of day). */
  shift: string | null;
  periods: Record<string, Compared<{ calls: number; perShift: number }>>;
}

/** Arrests by unit or call type, where the source carries an arrest flag. */
export interface EnforcementRow {
  dimension: 'agency' | 'unit' | 'callType';
  key: string;
  periods: Record<string, Compared<EnforcementStats>>;
}

/** Bins of {@link ResponseReport.distribution}: one minute wide, the first hour, then an overflow count. */
export const DISTRIBUTION_BIN_SEC = 60;
export const DISTRIBUTION_BINS = 60;

/** The police response report (CLI `report response --format json`, API GET /reports/response). */
export interface ResponseReport {
  /** ISO week, or null for a date range. */
  week: string | null;
  timeZone: string;
  /** Window names in order: wtd, d28, ytd for a week; range for a date range. */
  periodKeys: string[];
  periods: Record<string, ResponsePeriod>;
  options: {
    targetsSec: Record<string, number>;
    shifts: { name: string; start: string }[];
    includeOfficerInitiated: boolean;
    /** The unit selection (code) and the priority selection, or null. */
    unit: string | null;
    priority: string | null;
    /** Quantile definition of median and 90th percentile. */
    quantile: 'hyndman-fan-7';
  };
  /** Priorities of the calls in the windows (before the priority selection), for choosing one. */
  priorities: string[];
  /** First and last dates with calls (all calls of the agency), or null when it has none. */
  dataRange: { first: string; last: string } | null;
  rows: ResponseRow[];
  /** Per window key: the current window's grid (non-empty cells only). */
  hourWeekday: Record<string, HourWeekdayCell[]>;
  /**
   * Per window key: histogram of the measured response times of the agency row (the calls selected),
   * seconds, {@link DISTRIBUTION_BINS} bins of {@link DISTRIBUTION_BIN_SEC} and the count beyond.
   */
  distribution: Record<string, ComparedHistogram>;
  workload: WorkloadRow[];
  /** Empty when no call carries arrest data. */
  enforcement: EnforcementRow[];
  /** Calls in the current windows whose timestamps are out of order, per flag. */
  intervalFlags: Partial<Record<CallIntervalFlag, number>>;
}
