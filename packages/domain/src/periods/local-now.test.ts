import { describe, expect, it } from 'vitest';
import { formatLocalDate } from './local-date.js';
import { localDayOf } from './local-now.js';

/** Local date of an ISO instant (with `Z`) in `zone`. The host zone (TZ=Pacific/Chatham in CI) must not matter. */
const local = (instant: string, zone: string) => formatLocalDate(localDayOf(Date.parse(instant), zone));

describe('localDayOf', () => {
  it('America/Panama (UTC−5, no DST): the local day changes at 05:00 UTC, not at UTC midnight', () => {
    expect(local('2019-12-16T00:00:00.000Z', 'America/Panama')).toBe('2019-12-15');
    expect(local('2019-12-16T04:59:59.999Z', 'America/Panama')).toBe('2019-12-15');
    expect(local('2019-12-16T05:00:00.000Z', 'America/Panama')).toBe('2019-12-16');
    // A year end: Sunday 2019-12-31 23:30 local is 2020-01-01 04:30 UTC.
    expect(local('2020-01-01T04:30:00.000Z', 'America/Panama')).toBe('2019-12-31');
    expect(local('2020-01-01T05:00:00.000Z', 'America/Panama')).toBe('2020-01-01');
  });

  it('America/Chicago on 2019-03-10 (clocks jump 02:00 CST → 03:00 CDT)', () => {
    // Midnight starting 03-10 is still CST (UTC−6).
    expect(local('2019-03-10T05:59:59.999Z', 'America/Chicago')).toBe('2019-03-09');
    expect(local('2019-03-10T06:00:00.000Z', 'America/Chicago')).toBe('2019-03-10');
    // 07:59Z = 01:59 CST, 08:00Z = 03:00 CDT: same day.
    expect(local('2019-03-10T07:59:00.000Z', 'America/Chicago')).toBe('2019-03-10');
    expect(local('2019-03-10T08:00:00.000Z', 'America/Chicago')).toBe('2019-03-10');
    // The 23-hour day ends at 05:00Z (midnight CDT, UTC−5).
    expect(local('2019-03-11T04:59:59.999Z', 'America/Chicago')).toBe('2019-03-10');
    expect(local('2019-03-11T05:00:00.000Z', 'America/Chicago')).toBe('2019-03-11');
  });

  it('America/Chicago on 2019-11-03 (clocks fall back 02:00 CDT → 01:00 CST)', () => {
    expect(local('2019-11-03T04:59:59.999Z', 'America/Chicago')).toBe('2019-11-02');
    expect(local('2019-11-03T05:00:00.000Z', 'America/Chicago')).toBe('2019-11-03');
    // 06:30Z = 01:30 CDT, 07:30Z = 01:30 CST: both on 11-03.
    expect(local('2019-11-03T06:30:00.000Z', 'America/Chicago')).toBe('2019-11-03');
    expect(local('2019-11-03T07:30:00.000Z', 'America/Chicago')).toBe('2019-11-03');
    // The 25-hour day ends at 06:00Z (midnight CST, UTC−6).
    expect(local('2019-11-04T05:59:59.999Z', 'America/Chicago')).toBe('2019-11-03');
    expect(local('2019-11-04T06:00:00.000Z', 'America/Chicago')).toBe('2019-11-04');
  });

  it('a zone east of UTC and UTC itself', () => {
    expect(local('2019-12-15T11:00:00.000Z', 'Pacific/Chatham')).toBe('2019-12-16');
    expect(local('2019-12-15T23:59:59.999Z', 'UTC')).toBe('2019-12-15');
    expect(local('2019-12-16T00:00:00.000Z', 'UTC')).toBe('2019-12-16');
  });

  it('keeps one cached formatter per zone (zones do not leak into each other)', () => {
    const t = Date.parse('2019-12-16T03:00:00.000Z');
    expect(formatLocalDate(localDayOf(t, 'America/Panama'))).toBe('2019-12-15');
    expect(formatLocalDate(localDayOf(t, 'Europe/Madrid'))).toBe('2019-12-16');
    expect(formatLocalDate(localDayOf(t, 'America/Panama'))).toBe('2019-12-15');
  });
});
