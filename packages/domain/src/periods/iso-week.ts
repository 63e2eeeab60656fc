import { VigiaError } from '../errors/vigia-error.js';
import { dayNumber, isoWeekday, ymdOf } from './local-date.js';

/**
 * ISO 8601 week dates. A COMPSTAT week is an ISO week: Monday–Sunday, week 1 is the week with the
 * year's first Thursday (so 2019-W01 starts Monday 2018-12-31), and some years have a week 53
 * (2020-W53 is 2020-12-28..2021-01-03).
 */

/** An ISO week: its week-numbering year and number (1–53). */
export interface IsoWeek {
  year: number;
  week: number;
}

const WEEK_RE = /^(\d{4})-?W(\d{2})$/;

/** Day number of the Monday of ISO week 1 of `isoYear`. */
function week1Monday(isoYear: number): number {
  const jan4 = dayNumber(isoYear, 1, 4);
  return jan4 - (isoWeekday(jan4) - 1);
}

/** Number of ISO weeks (52 or 53) in `isoYear`. */
export function isoWeeksInYear(isoYear: number): number {
  return (week1Monday(isoYear + 1) - week1Monday(isoYear)) / 7;
}

/** Day number of the Monday of an ISO week. */
export function isoWeekMonday(w: IsoWeek): number {
  return week1Monday(w.year) + (w.week - 1) * 7;
}

/** The ISO week containing a day number. */
export function isoWeekOf(day: number): IsoWeek {
  const thursday = day - isoWeekday(day) + 4;
  const year = ymdOf(thursday).y;
  return { year, week: Math.floor((thursday - week1Monday(year)) / 7) + 1 };
}

/**
 * Parses an ISO 8601 week, extended `YYYY-Www` (e.g. "2019-W50") or basic `YYYYWww` ("2019W50", the
 * same week), with surrounding spaces ignored. Nothing else: no lowercase w, no week without a year
 * ("W50"), no `YYYY-ww` ("2019-50", which reads as a month), no day suffix.
 * @throws VigiaError INVALID_WEEK when malformed or when the year has no such week (e.g. 2019-W53, as
 *   2019 has 52 weeks); its message gives the format and an example.
 */
export function parseIsoWeek(text: string): IsoWeek {
  const m = WEEK_RE.exec(text.trim());
  const year = Number(m?.[1]);
  const week = Number(m?.[2]);
  // Years outside 1900–2999 are typing errors, as for incident dates.
  if (!m || year < 1900 || year > 2999 || week < 1 || week > isoWeeksInYear(year)) {
    throw new VigiaError('INVALID_WEEK', { value: text });
  }
  return { year, week };
}

/** Formats an ISO week as `YYYY-Www`. */
export function formatIsoWeek(w: IsoWeek): string {
  return `${w.year}-W${String(w.week).padStart(2, '0')}`;
}
