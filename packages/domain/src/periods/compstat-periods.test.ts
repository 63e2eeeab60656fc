import { describe, expect, it } from 'vitest';
import { isVigiaError } from '../errors/vigia-error.js';
import {
  compstatPeriods,
  formatRange,
  latestCompleteWeek,
  rangeDays,
  PERIOD_KEYS,
  type ComparedPeriod,
} from './compstat-periods.js';
import { parseIsoWeek } from './iso-week.js';
import { formatLocalDate, parseLocalDate, shiftYears } from './local-date.js';

/** A window as `[start, end, previousStart, previousEnd]`, local dates. */
function dates(p: ComparedPeriod): [string, string, string, string] {
  const c = formatRange(p.current);
  const prev = formatRange(p.previous);
  return [c.start, c.end, prev.start, prev.end];
}

function periodsOf(week: string) {
  const p = compstatPeriods(parseIsoWeek(week));
  return {
    wtd: dates(p.wtd),
    d28: dates(p.d28),
    ytd: dates(p.ytd),
    days: {
      wtd: [rangeDays(p.wtd.current), rangeDays(p.wtd.previous)],
      d28: [rangeDays(p.d28.current), rangeDays(p.d28.previous)],
      ytd: [rangeDays(p.ytd.current), rangeDays(p.ytd.previous)],
    },
  };
}

describe('compstatPeriods', () => {
  it('2019-W50 gives the windows of ../shared/reference/compstat/README.md', () => {
    // Same windows as the R reference (make_compstat.R): week, 28day, ytd and "same calendar dates
    // one year earlier", so the previous week is Sunday..Saturday.
    const p = periodsOf('2019-W50');
    expect(p.wtd).toEqual(['2019-12-09', '2019-12-15', '2018-12-09', '2018-12-15']);
    expect(p.d28).toEqual(['2019-11-18', '2019-12-15', '2018-11-18', '2018-12-15']);
    expect(p.ytd).toEqual(['2019-01-01', '2019-12-15', '2018-01-01', '2018-12-15']);
    expect(p.days).toEqual({ wtd: [7, 7], d28: [28, 28], ytd: [349, 349] });
  });

  it('2019-W01 starts in 2018, so its YTD (from 2019-01-01) is shorter than the week', () => {
    const p = periodsOf('2019-W01');
    expect(p.wtd).toEqual(['2018-12-31', '2019-01-06', '2017-12-31', '2018-01-06']);
    expect(p.d28).toEqual(['2018-12-10', '2019-01-06', '2017-12-10', '2018-01-06']);
    expect(p.ytd).toEqual(['2019-01-01', '2019-01-06', '2018-01-01', '2018-01-06']);
    expect(p.days.ytd).toEqual([6, 6]);
  });

  it('2020-W53 ends on Sunday 2021-01-03, so YTD is 2021-01-01..2021-01-03; 2021-W53 does not exist', () => {
    const p = periodsOf('2020-W53');
    expect(p.wtd).toEqual(['2020-12-28', '2021-01-03', '2019-12-28', '2020-01-03']);
    expect(p.d28).toEqual(['2020-12-07', '2021-01-03', '2019-12-07', '2020-01-03']);
    expect(p.ytd).toEqual(['2021-01-01', '2021-01-03', '2020-01-01', '2020-01-03']);
    expect(p.days.ytd).toEqual([3, 3]);
    expect(() => parseIsoWeek('2021-W53')).toThrow();
    try {
      parseIsoWeek('2021-W53');
    } catch (e) {
      expect(isVigiaError(e, 'INVALID_WEEK')).toBe(true);
    }
  });

  it('a week with 29 February (2020-W09) compares with 6 days a year earlier', () => {
    const p = periodsOf('2020-W09');
    expect(p.wtd).toEqual(['2020-02-24', '2020-03-01', '2019-02-24', '2019-03-01']);
    expect(p.days.wtd).toEqual([7, 6]);
    expect(p.d28).toEqual(['2020-02-03', '2020-03-01', '2019-02-03', '2019-03-01']);
    expect(p.days.d28).toEqual([28, 27]);
    expect(p.ytd).toEqual(['2020-01-01', '2020-03-01', '2019-01-01', '2019-03-01']);
    expect(p.days.ytd).toEqual([61, 60]);
  });

  it('a week starting on 29 February (2016-W09) maps its Monday to 28 February', () => {
    const p = periodsOf('2016-W09');
    expect(p.wtd).toEqual(['2016-02-29', '2016-03-06', '2015-02-28', '2015-03-06']);
    expect(p.days.wtd).toEqual([7, 7]);
  });

  it('the year after a leap year compares with the same dates, skipping 29 February', () => {
    // 2021-W09 is 2021-03-01..07; its 28 days start 2021-02-08, a year earlier 2020-02-08..03-07 (29 days).
    const p = periodsOf('2021-W09');
    expect(p.wtd).toEqual(['2021-03-01', '2021-03-07', '2020-03-01', '2020-03-07']);
    expect(p.d28).toEqual(['2021-02-08', '2021-03-07', '2020-02-08', '2020-03-07']);
    expect(p.days.d28).toEqual([28, 29]);
  });

  it('2024 leap-year YTD has one day more than the same dates of 2023', () => {
    const p = periodsOf('2024-W10');
    expect(p.wtd).toEqual(['2024-03-04', '2024-03-10', '2023-03-04', '2023-03-10']);
    expect(p.ytd).toEqual(['2024-01-01', '2024-03-10', '2023-01-01', '2023-03-10']);
    expect(p.days.ytd).toEqual([70, 69]);
    const end = periodsOf('2024-W52');
    expect(end.ytd).toEqual(['2024-01-01', '2024-12-29', '2023-01-01', '2023-12-29']);
    expect(end.days.ytd).toEqual([364, 363]);
  });

  it('every week 1990..2040: WTD is 7 days Mon–Sun, 28-day ends with it, YTD is in the Sunday’s year', () => {
    for (let y = 1990; y <= 2040; y++) {
      for (let w = 1; w <= 53; w++) {
        let week;
        try {
          week = parseIsoWeek(`${y}-W${String(w).padStart(2, '0')}`);
        } catch {
          break;
        }
        const p = compstatPeriods(week);
        expect(rangeDays(p.wtd.current)).toBe(7);
        expect(rangeDays(p.d28.current)).toBe(28);
        expect(p.d28.current.end).toBe(p.wtd.current.end);
        expect(p.ytd.current.end).toBe(p.wtd.current.end);
        const ytdStart = formatLocalDate(p.ytd.current.start);
        expect(ytdStart).toBe(`${formatLocalDate(p.wtd.current.end).slice(0, 4)}-01-01`);
        for (const k of PERIOD_KEYS) {
          const prevDays = rangeDays(p[k].previous);
          const curDays = rangeDays(p[k].current);
          // Only 29 February can make the windows differ, by one day.
          expect(Math.abs(prevDays - curDays)).toBeLessThanOrEqual(1);
          expect(p[k].previous.end).toBe(shiftYears(p[k].current.end, -1));
        }
      }
    }
  });
});

describe('shiftYears', () => {
  it('maps 29 February to 28 February in a common year, and keeps other dates', () => {
    const s = (text: string, years: number) => formatLocalDate(shiftYears(parseLocalDate(text), years));
    expect(s('2020-02-29', -1)).toBe('2019-02-28');
    expect(s('2020-02-29', 1)).toBe('2021-02-28');
    expect(s('2020-02-29', -4)).toBe('2016-02-29');
    expect(s('2000-02-29', -100)).toBe('1900-02-28');
    expect(s('2019-03-01', 1)).toBe('2020-03-01');
    expect(s('2019-02-28', 1)).toBe('2020-02-28');
    expect(s('2019-12-31', -1)).toBe('2018-12-31');
    expect(s('2019-01-01', -1)).toBe('2018-01-01');
  });
});

describe('latestCompleteWeek', () => {
  const latest = (text: string) => latestCompleteWeek(parseLocalDate(text));

  it('on a Sunday returns the previous week (the current one is not over)', () => {
    expect(latest('2019-12-15')).toEqual({ year: 2019, week: 49 });
  });

  it('on a Monday returns the week that has just ended', () => {
    expect(latest('2019-12-16')).toEqual({ year: 2019, week: 50 });
  });

  it('on any day of a week returns the week before it', () => {
    for (const d of ['2019-12-16', '2019-12-18', '2019-12-21', '2019-12-22']) {
      expect(latest(d)).toEqual({ year: 2019, week: 50 });
    }
  });

  it('across a year end: Monday 2021-01-04 → 2020-W53; Monday 2019-12-30 → 2019-W52', () => {
    expect(latest('2021-01-04')).toEqual({ year: 2020, week: 53 });
    expect(latest('2021-01-03')).toEqual({ year: 2020, week: 52 });
    expect(latest('2019-12-30')).toEqual({ year: 2019, week: 52 });
    expect(latest('2020-01-06')).toEqual({ year: 2020, week: 1 });
  });
});
