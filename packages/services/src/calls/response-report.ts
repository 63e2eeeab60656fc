import {
  VigiaError,
  callIntervals,
  compstatPeriods,
  formatIsoWeek,
  formatLocalDate,
  parseIsoWeek,
  parseLocalDate,
  rangeDays,
  shiftYears,
  PERIOD_KEYS,
  CALL_INTERVAL_FLAGS,
  type CallIntervalFlag,
  type ComparedPeriod,
} from '@vigia/domain';
import type { MeasuredCall } from '@vigia/analysis';
import type { CallFact, CountWindow, Store, StoredUnit } from '@vigia/store';
import { requireAgency } from '../agency/require-agency.js';
import { reportPeriod, type ReportPeriod } from '../report/compstat-report.js';
import { requireCallStore } from './require-call-store.js';
import {
  DEFAULT_RESPONSE_TARGETS_SEC,
  DEFAULT_SHIFTS,
  shiftOf,
  type ShiftDefinition,
} from './response-options.js';
import {
  CountAccumulator,
  GroupAccumulator,
  type EnforcementStats,
  type ResponseExclusion,
  type ResponseWindowStats,
} from './response-groups.js';

/** Options of the police response report. Give `week`, or `from` and `to`. */
export interface ResponseReportInput {
  /** ISO week `YYYY-Www`: WTD, 28-day and YTD against the same dates a year earlier. */
  week?: string | undefined;
  /** Or a range of local dates `YYYY-MM-DD` (inclusive), against the same dates a year earlier. */
  from?: string | undefined;
  to?: string | undefined;
  /** Group units at this level (default: the unit each call counts in, else the unit the source names). */
  level?: string | undefined;
  /** Target response time per priority, seconds (default {@link DEFAULT_RESPONSE_TARGETS_SEC}). */
  targetsSec?: Record<string, number> | undefined;
  /** Duty shifts for workload (default {@link DEFAULT_SHIFTS}). */
  shifts?: readonly ShiftDefinition[] | undefined;
  /** Count officer-initiated calls in response times too (default false). */
  includeOfficerInitiated?: boolean | undefined;
}

/** Dates of one window and of the same dates a year earlier, `YYYY-MM-DD` (as in the COMPSTAT report). */
export type ResponsePeriod = ReportPeriod;

/** A window's current and previous-year value. */
export interface Compared<T> {
  current: T;
  previous: T;
}

/** Response times of one group: the agency (key "*"), a priority, a channel (911...) or a unit. */
export interface ResponseRow {
  dimension: 'agency' | 'priority' | 'channel' | 'unit';
  key: string;
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

/** The police response report (CLI `report response --format json`; API body later). */
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
    /** Quantile definition of median and 90th percentile. */
    quantile: 'hyndman-fan-7';
  };
  /** First and last dates with calls, or null when the agency has none. */
  dataRange: { first: string; last: string } | null;
  rows: ResponseRow[];
  /** Per window key: the current window's grid (non-empty cells only). */
  hourWeekday: Record<string, HourWeekdayCell[]>;
  workload: WorkloadRow[];
  /** Empty when no call carries arrest data. */
  enforcement: EnforcementRow[];
  /** Calls in the current windows whose timestamps are out of order, per flag. */
  intervalFlags: Partial<Record<CallIntervalFlag, number>>;
}

const NONE = '(none)';
const AGENCY_KEY = 'agency\u001f*';
const S = '\u001f';

/**
 * The police response report: for each window (WTD, 28-day, YTD of a week, or a date range) against
 * the same dates a year earlier, response times (count, median, 90th percentile, processing and travel
 * medians, share within the priority's target) for the agency and by priority, channel and unit;
 * an hour × weekday grid; workload per unit per shift; arrests where the source has them.
 * Rules and formulas: docs/methods/response-times.md.
 *
 * @throws VigiaError NOT_INITIALIZED, CALLS_NOT_SUPPORTED, INVALID_WEEK, INVALID_DATE, UNKNOWN_LEVEL,
 *   INVALID_ARGUMENT (neither week nor from/to, or from after to).
 */
export async function responseReport(store: Store, input: ResponseReportInput): Promise<ResponseReport> {
  const agency = await requireAgency(store);
  const calls = requireCallStore(store);
  const compared = comparedPeriods(input);
  const keys = Object.keys(compared.periods);
  const windows: CountWindow[] = keys.flatMap((k) => {
    const p = compared.periods[k]!;
    return [
      { start: formatLocalDate(p.current.start), end: formatLocalDate(p.current.end) },
      { start: formatLocalDate(p.previous.start), end: formatLocalDate(p.previous.end) },
    ];
  });
  const unitKey = await unitKeyOf(store, input.level);
  const targets = input.targetsSec ?? DEFAULT_RESPONSE_TARGETS_SEC;
  const shifts = input.shifts ?? DEFAULT_SHIFTS;
  const includeOI = input.includeOfficerInitiated ?? false;

  const response = new GroupAccumulator();
  const grid = new GroupAccumulator();
  const workload = new CountAccumulator();
  const enforcement = new CountAccumulator();
  const flags: Partial<Record<CallIntervalFlag, number>> = {};
  let anyArrestData = false;
  const ranges = keys.map((k) => compared.periods[k]!);
  /** Accumulator slot of window w: [current, previous]. */
  const slots = keys.map((_, w) => [`${w}c`, `${w}p`] as const);

  for (const f of await calls.listCallFacts({ windows })) {
    const day = f.receivedDay;
    const iv = callIntervals(f);
    const { measured, exclusion } = classify(f, iv, includeOI, targets);
    const unit = unitKey(f);
    const shift = f.timePrecision === 'date' ? null : shiftOf(shifts, f.minuteOfDay);
    if (f.arrest !== null) anyArrestData = true;
    // Group keys built once per call (not per window): dimension␟key[␟shift].
    const kPriority = `priority${S}${f.priority ?? NONE}`;
    const kChannel = `channel${S}${f.channel ?? NONE}`;
    const kUnit = `unit${S}${unit}`;
    const kUnitShift = `${kUnit}${S}${shift ?? ''}`;
    const kType = `callType${S}${f.callType ?? NONE}`;
    const kResponding = f.respondingUnits.map((ru) => `respondingUnit${S}${ru}${S}${shift ?? ''}`);
    const kGrid = `${f.weekday}${S}${Math.floor(f.minuteOfDay / 60)}`;
    for (let w = 0; w < ranges.length; w++) {
      const r = ranges[w]!;
      const when =
        day >= r.current.start && day <= r.current.end
          ? 0
          : day >= r.previous.start && day <= r.previous.end
            ? 1
            : -1;
      if (when < 0) continue;
      const at = slots[w]![when as 0 | 1];
      response.add(at, AGENCY_KEY, measured, exclusion);
      response.add(at, kPriority, measured, exclusion);
      response.add(at, kChannel, measured, exclusion);
      response.add(at, kUnit, measured, exclusion);
      workload.add(at, kUnitShift, null);
      for (const k of kResponding) workload.add(at, k, null);
      enforcement.add(at, AGENCY_KEY, f.arrest);
      enforcement.add(at, kUnit, f.arrest);
      enforcement.add(at, kType, f.arrest);
      if (when === 0) {
        if (f.timePrecision === 'second') grid.add(at, kGrid, measured, exclusion);
        for (const flag of iv.flags) flags[flag] = (flags[flag] ?? 0) + 1;
      }
    }
  }

  const periodsOut: Record<string, ResponsePeriod> = {};
  for (const k of keys) periodsOut[k] = reportPeriod(compared.periods[k]!);
  const compare = <T>(get: (slot: string, w: number, current: boolean) => T) =>
    Object.fromEntries(
      keys.map((k, w) => [k, { current: get(slots[w]![0], w, true), previous: get(slots[w]![1], w, false) }]),
    );

  const rows: ResponseRow[] = distinctTails(response.keys(), 2).map(([dimension, key]) => ({
    dimension: dimension as ResponseRow['dimension'],
    key,
    periods: compare((slot) => response.stats(slot, `${dimension}${S}${key}`)),
  }));
  rows.sort(rowOrder);

  const workloadRows: WorkloadRow[] = distinctTails(workload.keys(), 3).map(([kind, key, shift]) => ({
    kind: kind as WorkloadRow['kind'],
    key,
    shift: shift === '' ? null : shift,
    periods: compare((slot, w, current) => {
      const p = ranges[w]!;
      const calls = workload.get(slot, `${kind}${S}${key}${S}${shift}`).calls;
      const days = current ? rangeDays(p.current) : rangeDays(p.previous);
      return { calls, perShift: calls / days };
    }),
  }));
  workloadRows.sort(
    (a, b) =>
      a.kind.localeCompare(b.kind) ||
      collator.compare(a.key, b.key) ||
      shiftRank(shifts, a.shift) - shiftRank(shifts, b.shift),
  );

  const enforcementRows: EnforcementRow[] = anyArrestData
    ? distinctTails(enforcement.keys(), 2).map(([dimension, key]) => ({
        dimension: dimension as EnforcementRow['dimension'],
        key,
        periods: compare((slot) => enforcement.get(slot, `${dimension}${S}${key}`)),
      }))
    : [];
  enforcementRows.sort(rowOrder);

  const hourWeekday: Record<string, HourWeekdayCell[]> = {};
  keys.forEach((k, w) => {
    hourWeekday[k] = grid
      .keys()
      .map((g) => ({ g, s: grid.stats(slots[w]![0], g) }))
      .filter(({ s }) => s.calls > 0)
      .map(({ g, s }) => {
        const [weekday, hour] = g.split(S).map(Number);
        return {
          weekday: weekday!,
          hour: hour!,
          calls: s.calls,
          measured: s.measured,
          medianSec: s.medianSec,
        };
      })
      .sort((a, b) => a.weekday - b.weekday || a.hour - b.hour);
  });

  return {
    week: compared.week,
    timeZone: agency.timeZone,
    periodKeys: keys,
    periods: periodsOut,
    options: {
      targetsSec: { ...targets },
      shifts: shifts.map((s) => ({ name: s.name, start: hhmm(s.startMinute) })),
      includeOfficerInitiated: includeOI,
      quantile: 'hyndman-fan-7',
    },
    dataRange: await calls.callDateRange(),
    rows,
    hourWeekday,
    workload: workloadRows,
    enforcement: enforcementRows,
    intervalFlags: Object.fromEntries(CALL_INTERVAL_FLAGS.filter((f) => flags[f]).map((f) => [f, flags[f]!])),
  };
}

/** Why a call is left out of response times, or its measured intervals (rules: response-times.md). */
function classify(
  f: CallFact,
  iv: ReturnType<typeof callIntervals>,
  includeOfficerInitiated: boolean,
  targets: Record<string, number>,
): { measured: MeasuredCall | null; exclusion: ResponseExclusion | null } {
  if (f.timePrecision === 'date') return { measured: null, exclusion: 'dateOnly' };
  if (f.officerInitiated && !includeOfficerInitiated)
    return { measured: null, exclusion: 'officerInitiated' };
  if (iv.flags.length > 0) return { measured: null, exclusion: 'outOfOrder' };
  if (iv.responseSec === null) return { measured: null, exclusion: 'noOnScene' };
  const target = f.priority === null ? undefined : targets[f.priority];
  return {
    measured: {
      responseSec: iv.responseSec,
      processingSec: iv.processingSec,
      travelSec: iv.travelSec,
      targetSec: target ?? null,
    },
    exclusion: null,
  };
}

function comparedPeriods(input: ResponseReportInput): {
  week: string | null;
  periods: Record<string, ComparedPeriod>;
} {
  if (input.week !== undefined) {
    const week = parseIsoWeek(input.week);
    const p = compstatPeriods(week);
    return { week: formatIsoWeek(week), periods: Object.fromEntries(PERIOD_KEYS.map((k) => [k, p[k]])) };
  }
  if (input.from === undefined || input.to === undefined) {
    throw new VigiaError('INVALID_ARGUMENT', { name: '--week / --from --to', value: '' });
  }
  const start = parseLocalDate(input.from);
  const end = parseLocalDate(input.to);
  if (end < start)
    throw new VigiaError('INVALID_ARGUMENT', { name: '--from/--to', value: `${input.from} > ${input.to}` });
  return {
    week: null,
    periods: {
      range: {
        current: { start, end },
        previous: { start: shiftYears(start, -1), end: shiftYears(end, -1) },
      },
    },
  };
}

/** How a call's unit is named: its unit of record (or its ancestor at `level`), else the source's code. */
async function unitKeyOf(store: Store, level: string | undefined): Promise<(f: CallFact) => string> {
  const units = await store.listUnits({ withGeometry: false });
  if (level !== undefined && !units.some((u) => u.level === level)) {
    const levels = await store.listUnitLevels();
    throw new VigiaError('UNKNOWN_LEVEL', { value: level, available: levels.map((l) => l.name).join(', ') });
  }
  const byId = new Map(units.map((u) => [u.id, u]));
  const cache = new Map<number, string>();
  const named = (id: number): string => {
    let u: StoredUnit | undefined = byId.get(id);
    while (u && level !== undefined && u.level !== level)
      u = u.parentId === null ? undefined : byId.get(u.parentId);
    return u ? u.code : NONE;
  };
  return (f) => {
    if (f.unitId === null) return f.sourceUnit ?? NONE;
    let k = cache.get(f.unitId);
    if (k === undefined) cache.set(f.unitId, (k = named(f.unitId)));
    return k;
  };
}

/** Group keys `dimension␟key[␟shift]` split into their parts (shift '' when absent). */
function distinctTails(keys: string[], parts: 2 | 3): [string, string, string][] {
  return keys.map((k) => {
    const t = k.split(S);
    return [t[0] ?? '', t[1] ?? '', parts === 3 ? (t[2] ?? '') : ''];
  });
}

const collator = new Intl.Collator('en', { numeric: true });
const DIMENSION_ORDER = ['agency', 'priority', 'channel', 'unit', 'callType'];
function rowOrder(a: { dimension: string; key: string }, b: { dimension: string; key: string }): number {
  return (
    DIMENSION_ORDER.indexOf(a.dimension) - DIMENSION_ORDER.indexOf(b.dimension) ||
    collator.compare(a.key, b.key)
  );
}
function shiftRank(shifts: readonly ShiftDefinition[], name: string | null): number {
  const i = shifts.findIndex((s) => s.name === name);
  return i < 0 ? shifts.length : i;
}
function hhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
