import { compstatCompare, type CompstatCompareResult } from '@vigia/analysis';
import {
  VigiaError,
  compstatPeriods,
  formatIsoWeek,
  formatLocalDate,
  parseIsoWeek,
  rangeDays,
  severityRank,
  spanOfDateRanges,
  weekCoverage,
  PERIOD_KEYS,
  type ComparedPeriod,
  type DataSpan,
  type OffenseCategory,
  type PeriodKey,
  type WeekCoverage,
} from '@vigia/domain';
import type { CountWindow, Store, StoredUnit } from '@vigia/store';
import { requireAgency } from '../agency/require-agency.js';
import { findUnit } from '../units/find-unit.js';
import { enforcementSection, type EnforcementSection } from './compstat-enforcement.js';

/** Options of a COMPSTAT report. */
export interface CompstatReportInput {
  /** ISO week `YYYY-Www`. */
  week: string;
  /** Only units of this level (within the selected subtree). */
  level?: string | undefined;
  /** Root of the selection: this unit (default: the whole agency). */
  unit?: string | undefined;
  /** Count every offense of an incident instead of its most serious one. Default false. */
  countEveryOffense?: boolean;
  /** Count by occurrence date (default) or report date. */
  dateBasis?: 'occurred' | 'reported';
  /** Significance level of the exact test. Default 0.05. */
  alpha?: number;
}

/** One window of a report row: counts, change, and the exact test. */
export type CompstatCell = CompstatCompareResult;

/** One row: a unit (or "*" for the agency) and a category (or "*" for all). */
export interface CompstatRow {
  unit: string;
  unitName: string;
  level: string;
  category: OffenseCategory | '*';
  wtd: CompstatCell;
  d28: CompstatCell;
  ytd: CompstatCell;
}

/** Dates of one window and its comparison, `YYYY-MM-DD`. */
export interface ReportPeriod {
  start: string;
  end: string;
  previousStart: string;
  previousEnd: string;
}

/** The COMPSTAT report: the CLI's `--format json` and the API's body (a stable contract). */
export interface CompstatReport {
  week: string;
  timeZone: string;
  periods: Record<PeriodKey, ReportPeriod>;
  rows: CompstatRow[];
  /**
   * First and last occurrence dates in the data (null when there is none). A window that starts before
   * `first` or ends after `last` compares against days with no data: its changes mean little.
   */
  dataRange: { first: string; last: string } | null;
  /**
   * How much of the week the data cover (domain `weekCoverage`, judged on `dataRange`): unless `whole`
   * (e.g. `partial`: the data end on the week's Tuesday), no change is marked significant.
   */
  weekCoverage: WeekCoverage;
  /**
   * Incidents cleared by arrest as flagged in the source export, per row of `rows` (same units,
   * categories and windows); null when no incident of any window carries an arrest flag. Not the UCR
   * clearance rate: see ClearanceCell and docs/methods/clearance.md.
   */
  enforcement: EnforcementSection | null;
}

const collator = new Intl.Collator('en', { numeric: true });

/** The dates of a compared window as `YYYY-MM-DD` (shared with the police response report). */
export function reportPeriod(p: ComparedPeriod): ReportPeriod {
  return {
    start: formatLocalDate(p.current.start),
    end: formatLocalDate(p.current.end),
    previousStart: formatLocalDate(p.previous.start),
    previousEnd: formatLocalDate(p.previous.end),
  };
}

/**
 * Builds the weekly COMPSTAT report: for week W and each selected unit and category, WTD, 28-day and YTD
 * counts against the same dates a year earlier, change, % change (null when last year is 0) and the
 * exact conditional test (docs/methods/significance.md). Units roll up their subtree; unit "*" is the
 * agency total (which includes incidents placed in no unit) and category "*" all categories together.
 *
 * Selection: `unit` picks a subtree root (default the agency), always shown first; `level` keeps units
 * of that level inside it; without `level`, the root's direct children are shown.
 * `significant` is false in a window that reaches outside the data: last year's window starting before
 * the first record of that category (of any category for "*"), or any window of a week the data do not
 * cover whole (`weekCoverage` not `whole`, e.g. data that stop on the week's Tuesday: the three windows
 * all end on its Sunday, so days not loaded yet would count as days without crime). `dataRange` is the
 * span of all data. Every row has the same categories: those with any count agency-wide in any window.
 * `enforcement` gives, for the same rows and windows, incidents cleared by arrest where the source
 * flags it (docs/methods/clearance.md).
 *
 * @throws VigiaError INVALID_WEEK, UNKNOWN_LEVEL, UNKNOWN_UNIT, NOT_INITIALIZED.
 */
export async function compstatReport(store: Store, input: CompstatReportInput): Promise<CompstatReport> {
  const agency = await requireAgency(store);
  const week = parseIsoWeek(input.week);
  const periods = compstatPeriods(week);
  const units = await store.listUnits({ withGeometry: false });
  const selected = selectUnits(units, await store.listUnitLevels(), input);

  const windows: CountWindow[] = [];
  for (const k of PERIOD_KEYS) {
    const p = reportPeriod(periods[k]);
    windows.push({ start: p.start, end: p.end }, { start: p.previousStart, end: p.previousEnd });
  }
  const countQuery = {
    windows,
    dateBasis: input.dateBasis ?? 'occurred',
    countEveryOffense: input.countEveryOffense ?? false,
  } as const;
  const counts = await store.countIncidents(countQuery);

  const byKey = new Map<string, number[]>();
  const categories = new Set<OffenseCategory>();
  for (const c of counts) {
    byKey.set(`${c.unitId ?? '*'}|${c.category}`, c.counts);
    if (c.unitId === null && c.counts.some((n) => n > 0)) categories.add(c.category);
  }
  const cats = [...categories].sort((a, b) => severityRank(a) - severityRank(b));
  const alpha = input.alpha ?? 0.05;
  const exposure = PERIOD_KEYS.map(
    (k) => [rangeDays(periods[k].current), rangeDays(periods[k].previous)] as const,
  );
  // A window reaching outside the data (last year before the first record, or days not yet loaded)
  // compares counts with days that have no data: no change there is called significant. Judged per
  // category (a source that starts later, or a new category, would otherwise "rise"), and for "*" on
  // the span of all data.
  const categorySpans = await store.occurrenceDateRanges();
  const dataRange = spanOfDateRanges(categorySpans);
  const ranges = new Map<string, DataSpan>(
    categorySpans.map((r) => [r.category, { first: r.first, last: r.last }]),
  );
  if (dataRange) ranges.set('*', dataRange);
  // Last year's window must start on or after the category's first record; the week must be covered
  // whole by all data (a rare category's last record says nothing about where the export ends).
  const coverage = weekCoverage(week, dataRange);
  const outside = (category: string, i: number): boolean => {
    const range = ranges.get(category);
    const p = reportPeriod(periods[PERIOD_KEYS[i]!]);
    return coverage !== 'whole' || (range !== undefined && p.previousStart < range.first);
  };

  const rows: CompstatRow[] = [];
  /** Per row, its unit's key in the counts ("*" = agency). */
  const unitKeys: string[] = [];
  for (const u of selected) {
    const key = u === '*' ? '*' : String(u.id);
    const total = new Array<number>(windows.length).fill(0);
    const makeRow = (category: OffenseCategory | '*', n: readonly number[]): CompstatRow => {
      const cell = (i: number): CompstatCell => {
        const [ec, ep] = exposure[i]!;
        const result = compstatCompare(n[2 * i] ?? 0, n[2 * i + 1] ?? 0, ec, ep, alpha);
        return outside(category, i) ? { ...result, significant: false } : result;
      };
      return {
        unit: u === '*' ? '*' : u.code,
        unitName: u === '*' ? agency.name : u.name,
        level: u === '*' ? 'agency' : u.level,
        category,
        wtd: cell(0),
        d28: cell(1),
        ytd: cell(2),
      };
    };
    for (const category of cats) {
      const n = byKey.get(`${key}|${category}`) ?? total.map(() => 0);
      n.forEach((v, i) => (total[i]! += v));
      rows.push(makeRow(category, n));
      unitKeys.push(key);
    }
    rows.push(makeRow('*', total));
    unitKeys.push(key);
  }
  return {
    week: formatIsoWeek(week),
    timeZone: agency.timeZone,
    periods: {
      wtd: reportPeriod(periods.wtd),
      d28: reportPeriod(periods.d28),
      ytd: reportPeriod(periods.ytd),
    },
    rows,
    dataRange,
    weekCoverage: coverage,
    enforcement: enforcementSection(rows, unitKeys, await store.countArrests(countQuery)),
  };
}

function selectUnits(
  units: StoredUnit[],
  levels: { name: string }[],
  input: CompstatReportInput,
): (StoredUnit | '*')[] {
  if (input.level !== undefined && !levels.some((l) => l.name === input.level)) {
    throw new VigiaError('UNKNOWN_LEVEL', {
      value: input.level,
      available: levels.map((l) => l.name).join(', '),
    });
  }
  let root: StoredUnit | null = null;
  if (input.unit !== undefined) {
    root = findUnit(units, input.unit);
  }
  const byId = new Map(units.map((u) => [u.id, u]));
  const inSubtree = (u: StoredUnit): boolean => {
    if (!root) return true;
    for (
      let cur: StoredUnit | undefined = u;
      cur;
      cur = cur.parentId === null ? undefined : byId.get(cur.parentId)
    ) {
      if (cur.id === root.id) return true;
    }
    return false;
  };
  const sorted = [...units].sort((a, b) => a.depth - b.depth || collator.compare(a.code, b.code));
  let picked: StoredUnit[];
  if (input.level !== undefined) {
    picked = sorted.filter((u) => u.level === input.level && inSubtree(u) && u.id !== root?.id);
    if (root) picked.unshift(root);
  } else if (root) picked = [root, ...sorted.filter((u) => u.parentId === root.id)];
  else picked = sorted.filter((u) => u.depth === 0);
  return root ? picked : ['*', ...picked];
}
