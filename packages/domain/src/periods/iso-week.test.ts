import { describe, expect, it } from 'vitest';
import { isVigiaError } from '../errors/vigia-error.js';
import { formatIsoWeek, isoWeekMonday, isoWeekOf, isoWeeksInYear, parseIsoWeek } from './iso-week.js';
import { dayNumber, formatLocalDate, isoWeekday, parseLocalDate } from './local-date.js';

/*
 * An independent ISO 8601 week calculator: plain integer arithmetic, no Date, no Intl. Used as the
 * oracle for a brute-force comparison over every day from 1990 to 2040.
 */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthDays = (y: number, m: number) => (m === 2 && leap(y) ? 29 : MONTH_DAYS[m - 1]!);

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function civilToDays(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** ISO weekday 1 (Monday) … 7 (Sunday) by Sakamoto's method. */
function sakamotoWeekday(y: number, m: number, d: number): number {
  const t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  const yy = m < 3 ? y - 1 : y;
  const dow = (yy + Math.floor(yy / 4) - Math.floor(yy / 100) + Math.floor(yy / 400) + t[m - 1]! + d) % 7; // 0 = Sunday
  return dow === 0 ? 7 : dow;
}

function ordinal(y: number, m: number, d: number): number {
  let n = d;
  for (let k = 1; k < m; k++) n += monthDays(y, k);
  return n;
}

/** A year has 53 ISO weeks when 1 January is a Thursday, or a Wednesday in a leap year. */
function weeksIn(y: number): number {
  const jan1 = sakamotoWeekday(y, 1, 1);
  return jan1 === 4 || (jan1 === 3 && leap(y)) ? 53 : 52;
}

/** ISO week of a date by the ordinal-date rule: week = ⌊(ordinal − weekday + 10) / 7⌋. */
function oracleWeek(y: number, m: number, d: number): { year: number; week: number } {
  const w = Math.floor((ordinal(y, m, d) - sakamotoWeekday(y, m, d) + 10) / 7);
  if (w < 1) return { year: y - 1, week: weeksIn(y - 1) };
  if (w > weeksIn(y)) return { year: y + 1, week: 1 };
  return { year: y, week: w };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const ymd = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

function expectInvalidWeek(text: string): void {
  let thrown: unknown;
  try {
    parseIsoWeek(text);
  } catch (e) {
    thrown = e;
  }
  expect(isVigiaError(thrown, 'INVALID_WEEK'), `parseIsoWeek(${JSON.stringify(text)})`).toBe(true);
}

describe('ISO weeks', () => {
  it('2019-W01 starts on Monday 2018-12-31', () => {
    const w = parseIsoWeek('2019-W01');
    expect(w).toEqual({ year: 2019, week: 1 });
    expect(formatLocalDate(isoWeekMonday(w))).toBe('2018-12-31');
    expect(isoWeekOf(parseLocalDate('2018-12-31'))).toEqual({ year: 2019, week: 1 });
    expect(isoWeekOf(parseLocalDate('2018-12-30'))).toEqual({ year: 2018, week: 52 });
  });

  it('2020-W53 exists and runs 2020-12-28..2021-01-03', () => {
    const w = parseIsoWeek('2020-W53');
    expect(formatLocalDate(isoWeekMonday(w))).toBe('2020-12-28');
    expect(formatLocalDate(isoWeekMonday(w) + 6)).toBe('2021-01-03');
    expect(isoWeekOf(parseLocalDate('2021-01-03'))).toEqual({ year: 2020, week: 53 });
    expect(isoWeekOf(parseLocalDate('2021-01-04'))).toEqual({ year: 2021, week: 1 });
    expect(isoWeeksInYear(2020)).toBe(53);
  });

  it('2019-W53 and 2021-W53 do not exist', () => {
    expect(isoWeeksInYear(2019)).toBe(52);
    expect(isoWeeksInYear(2021)).toBe(52);
    expectInvalidWeek('2019-W53');
    expectInvalidWeek('2021-W53');
  });

  it('2015-W53 and 2026-W53 exist', () => {
    expect(isoWeeksInYear(2015)).toBe(53);
    expect(formatLocalDate(isoWeekMonday(parseIsoWeek('2015-W53')))).toBe('2015-12-28');
    expect(isoWeekOf(parseLocalDate('2016-01-03'))).toEqual({ year: 2015, week: 53 });
    expect(isoWeeksInYear(2026)).toBe(53);
    expect(formatLocalDate(isoWeekMonday(parseIsoWeek('2026-W53')))).toBe('2026-12-28');
    expect(isoWeekOf(parseLocalDate('2027-01-03'))).toEqual({ year: 2026, week: 53 });
  });

  it('parses the basic form and surrounding spaces, and formats with two digits', () => {
    expect(parseIsoWeek('2019W50')).toEqual({ year: 2019, week: 50 });
    // ISO 8601's basic form is the same week: Monday 2019-12-09, as 2019-W50.
    expect(formatLocalDate(isoWeekMonday(parseIsoWeek('2019W50')))).toBe('2019-12-09');
    expect(formatIsoWeek(parseIsoWeek('2020W53'))).toBe('2020-W53');
    expect(parseIsoWeek(' 2019-W05 ')).toEqual({ year: 2019, week: 5 });
    expect(formatIsoWeek({ year: 2019, week: 5 })).toBe('2019-W05');
    expect(formatIsoWeek({ year: 2020, week: 53 })).toBe('2020-W53');
  });

  it.each([
    '',
    '2019',
    '2019-50',
    '2019-W5',
    '2019-W050',
    '2019-W00',
    '2019-W54',
    '2019-W99',
    '19-W50',
    '2019-w50',
    '2019-W50-1',
    '2019-W5a',
    'W50',
    '2019/W50',
    '2019-12-09',
    '2019W53',
    '2019W5',
    '2019-W',
  ])('rejects %j with INVALID_WEEK', (text) => {
    expectInvalidWeek(text);
  });

  it('the error message quotes the input in both languages', () => {
    try {
      parseIsoWeek('2019-W53');
      expect.unreachable();
    } catch (e) {
      if (!isVigiaError(e)) throw e;
      expect(e.messageIn('es')).toContain('"2019-W53" no es una semana ISO');
      expect(e.messageIn('en')).toContain('"2019-W53" is not an ISO week');
      // The expected format, with an example.
      expect(e.messageIn('es')).toContain('Escríbala como AAAA-Wss, p. ej. 2019-W50');
      expect(e.messageIn('en')).toContain('Write it as YYYY-Www, e.g. 2019-W50');
    }
  });

  it('weeks in year 1990–2040 match the Thursday rule', () => {
    const with53: number[] = [];
    for (let y = 1990; y <= 2040; y++) {
      expect(isoWeeksInYear(y), String(y)).toBe(weeksIn(y));
      if (isoWeeksInYear(y) === 53) with53.push(y);
    }
    expect(with53).toEqual([1992, 1998, 2004, 2009, 2015, 2020, 2026, 2032, 2037]);
  });

  it('every day 1990-01-01..2040-12-31 agrees with an independent ISO week calculation', () => {
    let checked = 0;
    const mismatches: string[] = [];
    for (let y = 1990; y <= 2040; y++) {
      for (let m = 1; m <= 12; m++) {
        for (let d = 1; d <= monthDays(y, m); d++) {
          const text = ymd(y, m, d);
          const day = civilToDays(y, m, d);
          const expected = oracleWeek(y, m, d);
          const got = isoWeekOf(day);
          const monday = isoWeekMonday(got);
          const ok =
            dayNumber(y, m, d) === day &&
            parseLocalDate(text) === day &&
            formatLocalDate(day) === text &&
            isoWeekday(day) === sakamotoWeekday(y, m, d) &&
            got.year === expected.year &&
            got.week === expected.week &&
            isoWeekday(monday) === 1 &&
            day - monday === sakamotoWeekday(y, m, d) - 1 &&
            // round trip through the text form and back to the same Monday
            isoWeekMonday(parseIsoWeek(formatIsoWeek(got))) === monday;
          if (!ok) mismatches.push(`${text}: got ${formatIsoWeek(got)}, expected ${formatIsoWeek(expected)}`);
          checked++;
        }
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(checked).toBe(civilToDays(2040, 12, 31) - civilToDays(1990, 1, 1) + 1);
  });

  it('every week 1990-W01..2040-W52 round-trips through its Monday', () => {
    for (let y = 1990; y <= 2040; y++) {
      for (let w = 1; w <= isoWeeksInYear(y); w++) {
        const monday = isoWeekMonday({ year: y, week: w });
        expect(isoWeekOf(monday)).toEqual({ year: y, week: w });
        expect(isoWeekOf(monday + 6)).toEqual({ year: y, week: w });
        expect(isoWeekday(monday)).toBe(1);
      }
    }
  });

  it('years below 100 are not shifted to the 1900s', () => {
    // Date.UTC maps years 0–99 to 1900–1999; a four-digit week text must still mean its own year.
    expect(formatLocalDate(isoWeekMonday({ year: 20, week: 1 }))).toBe('0019-12-30');
    // ...while parseIsoWeek refuses such years as typing errors (1900–2999 only).
    expect(() => parseIsoWeek('0020-W01')).toThrow(/ISO week/);
    expect(() => parseIsoWeek('9999-W52')).toThrow(/ISO week/);
    expect(formatLocalDate(dayNumber(20, 1, 1))).toBe('0020-01-01');
    expect(dayNumber(20, 1, 1)).toBe(civilToDays(20, 1, 1));
  });
});
