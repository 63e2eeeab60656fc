import {
  VigiaError,
  formatIsoWeek,
  formatLocalDate,
  isOffenseCategory,
  isoWeekMonday,
  isoWeeksInYear,
  latestCompleteWeek,
  localDayOf,
  parseIsoWeek,
  parseLocalDate,
  type OffenseCategory,
} from '@vigia/domain';
import type { Store } from '@vigia/store';
import { requireAgency } from '../agency/require-agency.js';
import { findUnit } from '../units/find-unit.js';

/** Options of {@link weeklySeries}. */
export interface WeeklySeriesInput {
  /** Last ISO week of the current year's line, `YYYY-Www` (default: the latest complete week). */
  week?: string | undefined;
  /** Unit code (its subtree); absent = the agency. */
  unit?: string | undefined;
  /** Offense category; absent = all categories. */
  category?: string | undefined;
  /** How many previous ISO years to show beside the current one (0–5, default 2). */
  previousYears?: number | undefined;
  dateBasis?: 'occurred' | 'reported' | undefined;
  countEveryOffense?: boolean | undefined;
}

/** One ISO week of one year's line. */
export interface SeriesWeek {
  /** ISO week number 1–53 and its dates (local, Monday–Sunday). */
  week: number;
  start: string;
  end: string;
  count: number;
  /** Incidents in the 28 days ending on this week's Sunday (divide by 4 for a weekly average). */
  rolling28: number;
}

/** Weekly counts of the current ISO year up to the chosen week, and of the previous years in full. */
export interface WeeklySeries {
  unit: string;
  category: OffenseCategory | '*';
  week: string;
  timeZone: string;
  years: { isoYear: number; weeks: SeriesWeek[] }[];
}

/**
 * Weekly counts per ISO week (COMPSTAT weeks, Monday–Sunday, agency-local dates) for a unit and category,
 * the current ISO year through `week` beside the same weeks of the previous years, with the 28-day
 * rolling count at each week's end. Same counting rules as the COMPSTAT report (current versions,
 * unfounded excluded, most serious offense unless `countEveryOffense`).
 * @throws VigiaError INVALID_WEEK, INVALID_ARGUMENT (category, previousYears), UNKNOWN_UNIT,
 * NOT_INITIALIZED.
 */
export async function weeklySeries(
  store: Store,
  input: WeeklySeriesInput,
  now: number = Date.now(),
): Promise<WeeklySeries> {
  const agency = await requireAgency(store);
  const week =
    input.week === undefined
      ? latestCompleteWeek(localDayOf(now, agency.timeZone))
      : parseIsoWeek(input.week);
  const previousYears = input.previousYears ?? 2;
  if (!Number.isInteger(previousYears) || previousYears < 0 || previousYears > 5) {
    throw new VigiaError('INVALID_ARGUMENT', { name: 'previousYears', value: String(previousYears) });
  }
  if (input.category !== undefined && !isOffenseCategory(input.category)) {
    throw new VigiaError('INVALID_ARGUMENT', { name: 'category', value: input.category });
  }
  const category = input.category;
  const unit =
    input.unit === undefined
      ? undefined
      : findUnit(await store.listUnits({ withGeometry: false }), input.unit);
  const unitId = unit?.id;

  const firstYear = week.year - previousYears;
  const firstDay = isoWeekMonday({ year: firstYear, week: 1 }) - 27;
  const lastDay = isoWeekMonday(week) + 6;
  const daily = await store.dailyCounts({
    from: formatLocalDate(firstDay),
    to: formatLocalDate(lastDay),
    unitId,
    category,
    dateBasis: input.dateBasis ?? 'occurred',
    countEveryOffense: input.countEveryOffense ?? false,
  });
  // Cumulative counts by day make every week and every 28-day window one subtraction.
  const perDay = new Float64Array(lastDay - firstDay + 1);
  for (const d of daily) {
    const i = parseLocalDate(d.date) - firstDay;
    if (i >= 0 && i < perDay.length) perDay[i] = d.count;
  }
  const cumulative = new Float64Array(perDay.length + 1);
  for (let i = 0; i < perDay.length; i++) cumulative[i + 1] = cumulative[i]! + perDay[i]!;
  const sum = (from: number, to: number): number =>
    cumulative[to - firstDay + 1]! - cumulative[from - firstDay]!;

  const years: WeeklySeries['years'] = [];
  for (let y = firstYear; y <= week.year; y++) {
    const last = y === week.year ? week.week : isoWeeksInYear(y);
    const weeks: SeriesWeek[] = [];
    for (let w = 1; w <= last; w++) {
      const monday = isoWeekMonday({ year: y, week: w });
      weeks.push({
        week: w,
        start: formatLocalDate(monday),
        end: formatLocalDate(monday + 6),
        count: sum(monday, monday + 6),
        rolling28: sum(monday - 21, monday + 6),
      });
    }
    years.push({ isoYear: y, weeks });
  }
  return {
    unit: unit?.code ?? '*',
    category: category ?? '*',
    week: formatIsoWeek(week),
    timeZone: agency.timeZone,
    years,
  };
}
