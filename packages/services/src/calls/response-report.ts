import {
  callIntervals,
  formatLocalDate,
  isoWeekday,
  rangeDays,
  CALL_INTERVAL_FLAGS,
  type CallIntervalFlag,
  type CallTimestamps,
} from '@vigia/domain';
import { histogram } from '@vigia/analysis';
import { CALL_FACT_FLAGS, type CountWindow, type Store } from '@vigia/store';
import { requireAgency } from '../agency/require-agency.js';
import { reportPeriod } from '../report/compstat-report.js';
import { requireCallStore } from './require-call-store.js';
import {
  DEFAULT_RESPONSE_TARGETS_SEC,
  DEFAULT_SHIFTS,
  shiftOf,
  type ShiftDefinition,
} from './response-options.js';
import {
  CountAccumulator,
  GroupKeys,
  ResponseAccumulator,
  type ComparedHistogram,
} from './response-groups.js';
import { NONE, comparedPeriods, unitScope } from './response-scope.js';
import {
  DISTRIBUTION_BIN_SEC,
  DISTRIBUTION_BINS,
  type EnforcementRow,
  type HourWeekdayCell,
  type ResponsePeriod,
  type ResponseReport,
  type ResponseReportInput,
  type ResponseRow,
  type WorkloadRow,
} from './response-types.js';

const S = '\u001f';
type Dimension = ResponseRow['dimension'];

/**
 * The police response report: for each window (WTD, 28-day, YTD of a week, or a date range) against
 * the same dates a year earlier, response times (count, median, 90th percentile, processing and travel
 * medians, share within the priority's target) for the agency and by priority, channel and unit;
 * an hour × weekday grid and a histogram of response times; workload per unit per shift; arrests where
 * the source has them. Rules and formulas: docs/methods/response-times.md.
 *
 * Works on the calls column by column with integer group ids (one pass over the calls, intervals pushed
 * into typed arrays, quantiles by selection): a year of a million calls is a few seconds, not tens.
 *
 * @throws VigiaError NOT_INITIALIZED, CALLS_NOT_SUPPORTED, INVALID_WEEK, INVALID_DATE, UNKNOWN_LEVEL,
 *   UNKNOWN_UNIT, INVALID_ARGUMENT (neither week nor from/to, or from after to).
 */
export async function responseReport(store: Store, input: ResponseReportInput): Promise<ResponseReport> {
  const agency = await requireAgency(store);
  const calls = requireCallStore(store);
  const compared = comparedPeriods(input);
  const keys = Object.keys(compared.periods);
  const ranges = keys.map((k) => compared.periods[k]!);
  const windows: CountWindow[] = ranges.flatMap((p) => [
    { start: formatLocalDate(p.current.start), end: formatLocalDate(p.current.end) },
    { start: formatLocalDate(p.previous.start), end: formatLocalDate(p.previous.end) },
  ]);
  const scope = await unitScope(store, input.level, input.unit);
  const targets = input.targetsSec ?? DEFAULT_RESPONSE_TARGETS_SEC;
  const shifts = input.shifts ?? DEFAULT_SHIFTS;
  const includeOI = input.includeOfficerInitiated ?? false;
  const facts = await calls.listCallFacts({ windows });

  // Slot of window w: 2w = current, 2w + 1 = same dates last year.
  const slots = 2 * ranges.length;
  const response = new ResponseAccumulator(slots);
  const grid = new ResponseAccumulator(slots);
  const workload = new CountAccumulator(slots);
  const enforcement = new CountAccumulator(slots);
  const groups = new GroupKeys<[Dimension, string]>();
  const workloadKeys = new GroupKeys<[WorkloadRow['kind'], string, string | null]>();
  const enforcementKeys = new GroupKeys<[EnforcementRow['dimension'], string]>();
  const AGENCY = groups.id('agency', ['agency', '*']);
  const AGENCY_E = enforcementKeys.id('agency', ['agency', '*']);
  const flags: Partial<Record<CallIntervalFlag, number>> = {};
  let anyArrestData = false;

  // Group ids per dictionary code and per unit key, filled on first use.
  const byCode = (column: { values: (string | null)[] }, dim: Dimension) =>
    column.values.map((v) => groups.id(`${dim}${S}${v ?? NONE}`, [dim, v ?? NONE]));
  const priorityGroup = byCode(facts.priority, 'priority');
  const channelGroup = byCode(facts.channel, 'channel');
  const typeGroup = facts.callType.values.map((v) =>
    enforcementKeys.id(`callType${S}${v ?? NONE}`, ['callType', v ?? NONE]),
  );
  const wanted = facts.priority.values.map((v) => input.priority === undefined || v === input.priority);
  const unitGroups = new Map<string, { response: number; enforcement: number; workload: number[] }>();
  const shiftNames = [...shifts.map((s) => s.name), null];
  const unitOf = (key: string) => {
    let g = unitGroups.get(key);
    if (!g) {
      g = {
        response: groups.id(`unit${S}${key}`, ['unit', key]),
        enforcement: enforcementKeys.id(`unit${S}${key}`, ['unit', key]),
        workload: shiftNames.map((s) => workloadKeys.id(`unit${S}${key}${S}${s ?? ''}`, ['unit', key, s])),
      };
      unitGroups.set(key, g);
    }
    return g;
  };
  // A call's unit groups, cached by unit of record (or by the source's code when unplaced): the unit
  // key is built once per unit, not once per call.
  const byUnitId = new Map<number, ReturnType<typeof unitOf>>();
  const bySourceUnit: (ReturnType<typeof unitOf> | undefined)[] = [];
  const unitOfCall = (i: number) => {
    const id = facts.unitId[i]!;
    if (id >= 0) {
      let g = byUnitId.get(id);
      if (!g) byUnitId.set(id, (g = unitOf(scope.keyOf(facts, i))));
      return g;
    }
    const code = facts.sourceUnit.codes[i]!;
    return (bySourceUnit[code] ??= unitOf(scope.keyOf(facts, i)));
  };
  const respondingGroups = facts.respondingUnits.values.map((joined) =>
    (joined ? joined.split(S) : []).map((ru) =>
      shiftNames.map((s) =>
        workloadKeys.id(`respondingUnit${S}${ru}${S}${s ?? ''}`, ['respondingUnit', ru, s]),
      ),
    ),
  );
  // Shift of each local minute of the day (the date-only "shift" is the last index).
  const shiftAt = Int8Array.from({ length: 1440 }, (_, m) =>
    shifts.findIndex((s) => s.name === shiftOf(shifts, m)),
  );
  const NO_SHIFT = shifts.length;
  const times: CallTimestamps = {
    receivedAt: 0,
    dispatchedAt: null,
    enRouteAt: null,
    onSceneAt: null,
    clearedAt: null,
    timePrecision: 'second',
  };
  const orNull = (v: number) => (v === v ? v : null);

  for (let i = 0; i < facts.length; i++) {
    if (!wanted[facts.priority.codes[i]!] || !scope.keeps(facts, i)) continue;
    const day = facts.receivedDay[i]!;
    const bits = facts.flags[i]!;
    const dateOnly = (bits & CALL_FACT_FLAGS.dateOnly) !== 0;
    // Exclusion: index into RESPONSE_EXCLUSIONS (response-groups.ts), −1 = measured (response-times.md).
    let exclusion = -1;
    let responseSec = NaN;
    let processingSec = NaN;
    let travelSec = NaN;
    let ivFlags: readonly CallIntervalFlag[] = [];
    if (dateOnly) exclusion = 0;
    else {
      times.dispatchedAt = orNull(facts.dispatchedMs[i]!);
      times.enRouteAt = orNull(facts.enRouteMs[i]!);
      times.onSceneAt = orNull(facts.onSceneMs[i]!);
      times.clearedAt = orNull(facts.clearedMs[i]!);
      const iv = callIntervals(times);
      ivFlags = iv.flags;
      if ((bits & CALL_FACT_FLAGS.officerInitiated) !== 0 && !includeOI) exclusion = 1;
      else if (iv.flags.length > 0) exclusion = 2;
      else if (iv.responseSec === null) exclusion = 3;
      else {
        responseSec = iv.responseSec;
        processingSec = iv.processingSec ?? NaN;
        travelSec = iv.travelSec ?? NaN;
      }
    }
    const arrest =
      (bits & CALL_FACT_FLAGS.arrestKnown) === 0 ? -1 : (bits & CALL_FACT_FLAGS.arrest) !== 0 ? 1 : 0;
    if (arrest >= 0) anyArrestData = true;
    const unit = unitOfCall(i);
    const shift = dateOnly ? NO_SHIFT : shiftAt[facts.minuteOfDay[i]!]!;
    const gPriority = priorityGroup[facts.priority.codes[i]!]!;
    const gChannel = channelGroup[facts.channel.codes[i]!]!;
    const gType = typeGroup[facts.callType.codes[i]!]!;
    const responding = respondingGroups[facts.respondingUnits.codes[i]!]!;
    const gGrid = (isoWeekday(day) - 1) * 24 + Math.floor(facts.minuteOfDay[i]! / 60);
    for (let w = 0; w < ranges.length; w++) {
      const r = ranges[w]!;
      const when =
        day >= r.current.start && day <= r.current.end
          ? 0
          : day >= r.previous.start && day <= r.previous.end
            ? 1
            : -1;
      if (when < 0) continue;
      const at = 2 * w + when;
      response.add(at, AGENCY, exclusion, responseSec, processingSec, travelSec);
      response.add(at, gPriority, exclusion, responseSec, processingSec, travelSec);
      response.add(at, gChannel, exclusion, responseSec, processingSec, travelSec);
      response.add(at, unit.response, exclusion, responseSec, processingSec, travelSec);
      workload.add(at, unit.workload[shift]!, -1);
      for (const ru of responding) workload.add(at, ru[shift]!, -1);
      enforcement.add(at, AGENCY_E, arrest);
      enforcement.add(at, unit.enforcement, arrest);
      enforcement.add(at, gType, arrest);
      if (when === 0) {
        if (!dateOnly) grid.add(at, gGrid, exclusion, responseSec, processingSec, travelSec);
        for (const flag of ivFlags) flags[flag] = (flags[flag] ?? 0) + 1;
      }
    }
  }

  const dataRange = await calls.callDateRange();
  const periodsOut: Record<string, ResponsePeriod> = {};
  for (const k of keys) {
    const p = reportPeriod(compared.periods[k]!);
    const outsideData = dataRange !== null && (p.previousStart < dataRange.first || p.end > dataRange.last);
    periodsOut[k] = { ...p, outsideData };
  }
  const compare = <T>(get: (slot: number, w: number, current: boolean) => T) =>
    Object.fromEntries(
      keys.map((k, w) => [k, { current: get(2 * w, w, true), previous: get(2 * w + 1, w, false) }]),
    );

  // Histograms before the statistics: summarizing reorders the samples (a histogram does not care).
  const distribution: Record<string, ComparedHistogram> = compare((slot) =>
    histogram(response.responseTimes(slot, AGENCY), DISTRIBUTION_BIN_SEC, DISTRIBUTION_BINS),
  );
  const hourWeekday: Record<string, HourWeekdayCell[]> = {};
  keys.forEach((k, w) => {
    hourWeekday[k] = grid
      .groups()
      .filter((g) => grid.calls(2 * w, g) > 0)
      .map((g) => {
        const s = grid.stats(2 * w, g, null);
        return {
          weekday: Math.floor(g / 24) + 1,
          hour: g % 24,
          calls: s.calls,
          measured: s.measured,
          medianSec: s.medianSec,
        };
      });
  });

  const targetOf = (dimension: Dimension, key: string): number | null => {
    const priority = dimension === 'priority' ? key : input.priority;
    return priority === undefined ? null : (targets[priority] ?? null);
  };
  const rows: ResponseRow[] = response.groups().map((g) => {
    const [dimension, key] = groups.keys[g]!;
    const targetSec = targetOf(dimension, key);
    return { dimension, key, targetSec, periods: compare((slot) => response.stats(slot, g, targetSec)) };
  });
  rows.sort(rowOrder);

  const workloadRows: WorkloadRow[] = workload.groups().map((g) => {
    const [kind, key, shift] = workloadKeys.keys[g]!;
    return {
      kind,
      key,
      shift,
      periods: compare((slot, w, current) => {
        const p = ranges[w]!;
        const n = workload.get(slot, g).calls;
        return { calls: n, perShift: n / rangeDays(current ? p.current : p.previous) };
      }),
    };
  });
  workloadRows.sort(
    (a, b) =>
      a.kind.localeCompare(b.kind) ||
      collator.compare(a.key, b.key) ||
      shiftRank(shifts, a.shift) - shiftRank(shifts, b.shift),
  );

  const enforcementRows: EnforcementRow[] = anyArrestData
    ? enforcement.groups().map((g) => {
        const [dimension, key] = enforcementKeys.keys[g]!;
        return { dimension, key, periods: compare((slot) => enforcement.get(slot, g)) };
      })
    : [];
  enforcementRows.sort(rowOrder);

  return {
    week: compared.week,
    timeZone: agency.timeZone,
    periodKeys: keys,
    periods: periodsOut,
    options: {
      targetsSec: { ...targets },
      shifts: shifts.map((s) => ({ name: s.name, start: hhmm(s.startMinute) })),
      includeOfficerInitiated: includeOI,
      unit: input.unit ?? null,
      priority: input.priority ?? null,
      quantile: 'hyndman-fan-7',
    },
    priorities: facts.priority.values.filter((v): v is string => v !== null).sort(collator.compare),
    dataRange,
    rows,
    hourWeekday,
    distribution,
    workload: workloadRows,
    enforcement: enforcementRows,
    intervalFlags: Object.fromEntries(CALL_INTERVAL_FLAGS.filter((f) => flags[f]).map((f) => [f, flags[f]!])),
  };
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
