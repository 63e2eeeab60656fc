import { describe, expect, it } from 'vitest';
import { formatIsoWeek, parseIsoWeek } from './iso-week.js';
import { parseLocalDate } from './local-date.js';
import { defaultReportWeek, weekCoverage } from './week-coverage.js';

// Calendar facts used below (ISO 8601, checked against a printed calendar): 2019-W50 runs Monday
// 2019-12-09 to Sunday 2019-12-15; 2019-W52 2019-12-23..29; 2020-W01 2019-12-30..2020-01-05.

describe('weekCoverage', () => {
  const cover = (week: string, first: string, last: string) =>
    weekCoverage(parseIsoWeek(week), { first, last });

  it('is whole when the data reach the Monday and the Sunday', () => {
    expect(cover('2019-W50', '2019-12-09', '2019-12-15')).toBe('whole');
    expect(cover('2019-W50', '2010-01-01', '2019-12-31')).toBe('whole');
  });

  it('is partial when the data end before the Sunday (Chicago: Tuesday 2019-12-31 in 2020-W01)', () => {
    expect(cover('2020-W01', '2010-01-01', '2019-12-31')).toBe('partial');
    expect(cover('2019-W52', '2010-01-01', '2019-12-31')).toBe('whole');
    expect(cover('2019-W50', '2010-01-01', '2019-12-14')).toBe('partial'); // its Saturday
  });

  it('is partial when the data start after the Monday', () => {
    expect(cover('2019-W50', '2019-12-10', '2020-06-30')).toBe('partial');
  });

  it('is none for a week wholly outside the data, or without data', () => {
    expect(cover('2020-W02', '2010-01-01', '2019-12-31')).toBe('none');
    expect(cover('2009-W53', '2010-01-04', '2019-12-31')).toBe('none');
    expect(weekCoverage(parseIsoWeek('2019-W50'), null)).toBe('none');
  });
});

describe('defaultReportWeek: the week reports open on without one asked for', () => {
  const open = (today: string, last: string | null) =>
    formatIsoWeek(defaultReportWeek(parseLocalDate(today), last === null ? null : { last }));

  it('is the latest complete week when the data reach its Sunday (or there are no data)', () => {
    // On Wednesday 2019-12-18 the latest complete week is 2019-W50.
    expect(open('2019-12-18', '2019-12-15')).toBe('2019-W50');
    expect(open('2019-12-18', '2019-12-17')).toBe('2019-W50');
    expect(open('2019-12-18', null)).toBe('2019-W50');
  });

  it('is the last week the data cover to its Sunday when they end earlier', () => {
    // Chicago's data end on Tuesday 2019-12-31 (2020-W01): years later, reports open on 2019-W52.
    expect(open('2026-11-30', '2019-12-31')).toBe('2019-W52');
    expect(open('2026-11-30', '2019-12-29')).toBe('2019-W52'); // a Sunday: its week is whole
    expect(open('2026-11-30', '2020-01-05')).toBe('2020-W01');
    // The latest complete week's Saturday: that week is not whole yet.
    expect(open('2019-12-18', '2019-12-14')).toBe('2019-W49');
  });

  it('opens on a week that weekCoverage calls whole whenever the data span more than a week', () => {
    for (const last of ['2019-12-29', '2019-12-30', '2019-12-31', '2020-01-04', '2020-01-05']) {
      const week = defaultReportWeek(parseLocalDate('2026-11-30'), { last });
      expect(weekCoverage(week, { first: '2010-01-01', last }), last).toBe('whole');
    }
  });
});
