import { describe, expect, it } from 'vitest';
import { isVigiaError } from '../errors/vigia-error.js';
import {
  dayNumber,
  daysInMonth,
  formatLocalDate,
  isLeapYear,
  isoWeekday,
  isValidYmd,
  parseLocalDate,
  ymdOf,
  spanOfDateRanges,
  utcMs,
} from './local-date.js';

describe('local dates', () => {
  it('day numbers count from 1970-01-01 (a Thursday)', () => {
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(dayNumber(1969, 12, 31)).toBe(-1);
    expect(isoWeekday(0)).toBe(4);
    expect(isoWeekday(-1)).toBe(3);
    expect(isoWeekday(-4)).toBe(7);
    expect(parseLocalDate('2019-12-09')).toBe(dayNumber(2019, 12, 9));
    expect(isoWeekday(parseLocalDate('2019-12-09'))).toBe(1);
    expect(isoWeekday(parseLocalDate('2019-12-15'))).toBe(7);
  });

  it('formats and splits a day number without the host zone', () => {
    const d = parseLocalDate('2020-02-29');
    expect(formatLocalDate(d)).toBe('2020-02-29');
    expect(ymdOf(d)).toEqual({ y: 2020, m: 2, d: 29 });
    expect(formatLocalDate(d + 1)).toBe('2020-03-01');
  });

  it('leap years and month lengths', () => {
    expect([1900, 2000, 2019, 2020, 2024, 2100].map(isLeapYear)).toEqual([
      false,
      true,
      false,
      true,
      true,
      false,
    ]);
    expect(daysInMonth(2019, 2)).toBe(28);
    expect(daysInMonth(2020, 2)).toBe(29);
    expect(daysInMonth(2019, 4)).toBe(30);
    expect(daysInMonth(2019, 12)).toBe(31);
    expect(isValidYmd(2019, 2, 29)).toBe(false);
    expect(isValidYmd(2020, 2, 29)).toBe(true);
    expect(isValidYmd(2019, 13, 1)).toBe(false);
    expect(isValidYmd(2019, 0, 1)).toBe(false);
    expect(isValidYmd(2019, 1, 0)).toBe(false);
    expect(isValidYmd(2019, 1.5, 1)).toBe(false);
  });

  it.each([
    '2019-02-29',
    '2019-13-01',
    '2019-00-10',
    '2019-04-31',
    '2019-1-1',
    '20191209',
    '',
    '2019-12-09T00:00',
  ])('parseLocalDate(%j) throws INVALID_DATE', (text) => {
    let thrown: unknown;
    try {
      parseLocalDate(text);
    } catch (e) {
      thrown = e;
    }
    expect(isVigiaError(thrown, 'INVALID_DATE')).toBe(true);
  });
});

describe('spanOfDateRanges', () => {
  it('takes the earliest first and the latest last, across years; null for none', () => {
    expect(
      spanOfDateRanges([
        { first: '2019-03-01', last: '2019-12-31' },
        { first: '2018-12-30', last: '2019-01-02' },
        { first: '2019-06-01', last: '2020-01-05' },
      ]),
    ).toEqual({ first: '2018-12-30', last: '2020-01-05' });
    expect(spanOfDateRanges([])).toBeNull();
  });
});

describe('utcMs', () => {
  it('equals Date.UTC for every field in range, over years 100–9999, and for odd input', () => {
    let seed = 5;
    const next = (n: number) => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) % n;
    const cases: number[][] = [
      [1970, 1, 1, 0, 0, 0, 0],
      [2000, 2, 29, 23, 59, 59, 999],
      [1900, 2, 29], // not a date: Date.UTC runs into March, and so does utcMs
      [2019, 4, 31, 12],
      [100, 1, 1],
      [99, 12, 31], // Date.UTC's 1999
      [0, 1, 1],
      [9999, 12, 31, 23, 59, 59, 999],
      [10000, 1, 1],
      [2019, 0, 1],
      [2019, 13, 1],
      [2019, 1, 0],
      [2019, 1, 32],
      [2019, 1, 1, 24],
      [2019, 1, 1, -1],
      [2019, 1, 1, 0, 60],
      [2019, 1, 1, 0, 0, 60],
      [2019, 1, 1, 0, 0, 0, 1000],
      [2019.5, 1, 1],
      [2019, 1, 1.5],
      [2019, 1, 1, 0, 0, 0, 0.5],
      [NaN, 1, 1],
    ];
    for (let i = 0; i < 20_000; i++) {
      cases.push([100 + next(9900), 1 + next(12), 1 + next(31), next(24), next(60), next(60), next(1000)]);
    }
    for (const [y, mo, d, h = 0, mi = 0, s = 0, ms = 0] of cases) {
      const want = Date.UTC(y!, mo! - 1, d, h, mi, s, ms);
      expect([y, mo, d, h, mi, s, ms, utcMs(y!, mo!, d!, h, mi, s, ms)]).toEqual([
        y,
        mo,
        d,
        h,
        mi,
        s,
        ms,
        want,
      ]);
    }
  });
});
