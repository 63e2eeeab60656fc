import { dayNumber, formatLocalDate, shiftYears, ymdOf } from './local-date.js';
import { isoWeekMonday, isoWeekOf, type IsoWeek } from './iso-week.js';

/** Inclusive range of local dates, as day numbers (see local-date.ts). */
export interface DayRange {
  start: number;
  end: number;
}

/** A current window and the same calendar dates one year earlier. */
export interface ComparedPeriod {
  current: DayRange;
  previous: DayRange;
}

/** The three COMPSTAT windows of a week. */
export interface CompstatPeriods {
  week: IsoWeek;
  wtd: ComparedPeriod;
  d28: ComparedPeriod;
  ytd: ComparedPeriod;
}

/** Names of the COMPSTAT windows, in book order. */
export const PERIOD_KEYS = ['wtd', 'd28', 'ytd'] as const;
/** One COMPSTAT window name. */
export type PeriodKey = (typeof PERIOD_KEYS)[number];

function comparedWithLastYear(current: DayRange): ComparedPeriod {
  return { current, previous: { start: shiftYears(current.start, -1), end: shiftYears(current.end, -1) } };
}

/**
 * The COMPSTAT windows of ISO week `week`, in local agency dates:
 * - WTD: the week, Monday–Sunday;
 * - 28-day: the 28 days ending with the week's Sunday;
 * - YTD: 1 January of the Sunday's year through that Sunday.
 * Each is compared with the same calendar dates one year earlier; 29 February maps to 28 February, so a
 * previous window can be one day shorter (the significance test weighs by days, see poissonRateTest).
 *
 * @see NYPD COMPSTAT report layout (week to date, 28 day, year to date); ../shared/reference/compstat.
 */
export function compstatPeriods(week: IsoWeek): CompstatPeriods {
  const monday = isoWeekMonday(week);
  const sunday = monday + 6;
  const ytdStart = dayNumber(ymdOf(sunday).y, 1, 1);
  return {
    week,
    wtd: comparedWithLastYear({ start: monday, end: sunday }),
    d28: comparedWithLastYear({ start: sunday - 27, end: sunday }),
    ytd: comparedWithLastYear({ start: ytdStart, end: sunday }),
  };
}

/** Number of days in an inclusive range. */
export function rangeDays(r: DayRange): number {
  return r.end - r.start + 1;
}

/** `{ start, end }` of a range as `YYYY-MM-DD` strings. */
export function formatRange(r: DayRange): { start: string; end: string } {
  return { start: formatLocalDate(r.start), end: formatLocalDate(r.end) };
}

/**
 * The latest ISO week that has fully ended on `today` (a local day number): the week before the one
 * containing today. A week ends at the close of its Sunday, so on a Sunday the current week is not complete.
 */
export function latestCompleteWeek(today: number): IsoWeek {
  return isoWeekOf(today - 7);
}
