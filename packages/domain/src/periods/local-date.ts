import { VigiaError } from '../errors/vigia-error.js';

/**
 * Calendar arithmetic on local dates written `YYYY-MM-DD`. A local date has no time zone: it is the
 * date on the agency's calendar. Arithmetic goes through a day number (days since 1970-01-01 in the
 * proleptic Gregorian calendar) computed with the UTC methods of Date, so the host's time zone never enters.
 */

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of `y-m-d` (month 1–12). No validation: see {@link isValidYmd}. */
export function dayNumber(y: number, m: number, d: number): number {
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return Math.floor(t.getTime() / DAY_MS);
}

/** True when y-m-d is a real calendar date (e.g. 2019-02-29 is not). */
export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

/** True for Gregorian leap years. */
export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Number of days in month `m` (1–12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

/**
 * Parses `YYYY-MM-DD` into a day number.
 * @throws VigiaError INVALID_DATE when the text is not a real calendar date.
 */
export function parseLocalDate(text: string): number {
  const m = DATE_RE.exec(text);
  if (!m || !isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new VigiaError('INVALID_DATE', { value: text });
  }
  return dayNumber(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * The span of several local-date ranges (`YYYY-MM-DD`, which sort as text in date order): the earliest
 * `first` and the latest `last`, or null when there is none (e.g. the data span over every category).
 */
export function spanOfDateRanges(
  ranges: readonly { first: string; last: string }[],
): { first: string; last: string } | null {
  if (ranges.length === 0) return null;
  let { first, last } = ranges[0]!;
  for (const r of ranges) {
    if (r.first < first) first = r.first;
    if (r.last > last) last = r.last;
  }
  return { first, last };
}

/** Formats a day number as `YYYY-MM-DD`. */
export function formatLocalDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Year, month (1–12) and day of a day number. */
export function ymdOf(day: number): { y: number; m: number; d: number } {
  const dt = new Date(day * DAY_MS);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: number): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/**
 * The same calendar date `years` years earlier or later. 29 February maps to 28 February in a
 * non-leap year (the COMPSTAT "same dates last year" rule).
 */
export function shiftYears(day: number, years: number): number {
  const { y, m, d } = ymdOf(day);
  const ty = y + years;
  return dayNumber(ty, m, Math.min(d, daysInMonth(ty, m)));
}
