import { DateTime } from 'luxon';
import { describe, expect, it, vi } from 'vitest';
import { localText, type LocalDateTime } from './date-format.js';
import { ZoneConverter } from './zone-converter.js';

function wall(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): LocalDateTime {
  return { y, mo, d, h, mi, s, ms, hasTime: true, offsetMinutes: null };
}

const HOUR = 3_600_000;

describe('ZoneConverter in America/Chicago', () => {
  it('converts ordinary winter (CST, UTC−6) and summer (CDT, UTC−5) times', () => {
    const z = new ZoneConverter('America/Chicago');
    expect(z.toInstant(wall(2019, 1, 15, 12, 0))).toBe(Date.UTC(2019, 0, 15, 18, 0));
    expect(z.toInstant(wall(2019, 7, 4, 21, 30))).toBe(Date.UTC(2019, 6, 5, 2, 30));
    expect(z.toInstant(wall(2019, 12, 31, 23, 59, 59, 999))).toBe(Date.UTC(2020, 0, 1, 5, 59, 59, 999));
    expect(z.toInstant(wall(2020, 1, 1, 0, 0))).toBe(Date.UTC(2020, 0, 1, 6, 0));
    // A second call on the same day comes from the per-day cache and must agree.
    expect(z.toInstant(wall(2019, 1, 15, 0, 0))).toBe(Date.UTC(2019, 0, 15, 6, 0));
    expect(z.toInstant(wall(2019, 7, 4, 0, 0, 0, 250))).toBe(Date.UTC(2019, 6, 4, 5, 0, 0, 250));
    // Date-only values are local midnight.
    expect(z.toInstant({ ...wall(2019, 7, 4), hasTime: false })).toBe(Date.UTC(2019, 6, 4, 5));
  });

  it('moves a wall time in the spring-forward gap forward by the gap: 2019-03-10 02:30 → 03:30 CDT', () => {
    const z = new ZoneConverter('America/Chicago');
    const gap = z.toInstant(wall(2019, 3, 10, 2, 30));
    // 02:30 does not exist in Chicago that night (clocks go 01:59:59 CST → 03:00 CDT); luxon reads it
    // as 03:30 CDT = 08:30 UTC, the same instant as the wall time 03:30.
    expect(gap).toBe(Date.UTC(2019, 2, 10, 8, 30));
    expect(gap).toBe(z.toInstant(wall(2019, 3, 10, 3, 30)));
    expect(z.toLocalText(gap)).toBe('2019-03-10T03:30:00');
    // Around it, the day converts wall time by wall time with the right offset.
    expect(z.toInstant(wall(2019, 3, 10, 1, 59))).toBe(Date.UTC(2019, 2, 10, 7, 59));
    expect(z.toInstant(wall(2019, 3, 10, 3, 0))).toBe(Date.UTC(2019, 2, 10, 8, 0));
    expect(z.toInstant(wall(2019, 3, 10, 0, 0))).toBe(Date.UTC(2019, 2, 10, 6, 0));
    expect(z.toInstant(wall(2019, 3, 10, 23, 0))).toBe(Date.UTC(2019, 2, 11, 4, 0));
  });

  it('reads the repeated fall-back hour 2019-11-03 01:30 as its second occurrence (CST, 07:30 UTC)', () => {
    const z = new ZoneConverter('America/Chicago');
    const t = z.toInstant(wall(2019, 11, 3, 1, 30));
    // 01:30 happens twice: 06:30 UTC (CDT) and 07:30 UTC (CST). Vigía reads it in standard time, the
    // later instant, on whatever date the import runs. The local date (what counting uses) is the same
    // either way.
    expect(t).toBe(Date.UTC(2019, 10, 3, 7, 30));
    expect(z.toLocalText(t)).toBe('2019-11-03T01:30:00');
    expect(z.toLocalText(Date.UTC(2019, 10, 3, 6, 30))).toBe('2019-11-03T01:30:00');
    expect(z.toInstant(wall(2019, 11, 3, 0, 59))).toBe(Date.UTC(2019, 10, 3, 5, 59));
    expect(z.toInstant(wall(2019, 11, 3, 2, 0))).toBe(Date.UTC(2019, 10, 3, 8, 0));
    expect(z.toInstant(wall(2019, 11, 3, 12, 0))).toBe(Date.UTC(2019, 10, 3, 18, 0));
  });

  it('reads a repeated wall time the same whatever the date the import runs (summer or winter)', () => {
    for (const runsOn of [Date.UTC(2026, 6, 15), Date.UTC(2026, 0, 15)]) {
      vi.useFakeTimers({ now: runsOn, toFake: ['Date'] });
      try {
        expect(new ZoneConverter('America/Chicago').toInstant(wall(2019, 11, 3, 1, 30))).toBe(
          Date.UTC(2019, 10, 3, 7, 30),
        );
        // Southern hemisphere: Santiago repeats 23:00 on 6 April 2019 (-03 then -04).
        expect(new ZoneConverter('America/Santiago').toInstant(wall(2019, 4, 6, 23, 30))).toBe(
          Date.UTC(2019, 3, 7, 3, 30),
        );
      } finally {
        vi.useRealTimers();
      }
    }
  });

  it('uses an offset written in the text instead of the zone', () => {
    const z = new ZoneConverter('America/Chicago');
    expect(z.toInstant({ ...wall(2019, 7, 4, 12, 0), offsetMinutes: 120 })).toBe(Date.UTC(2019, 6, 4, 10));
    expect(z.toInstant({ ...wall(2019, 7, 4, 12, 0), offsetMinutes: 0 })).toBe(Date.UTC(2019, 6, 4, 12));
    expect(z.toInstant({ ...wall(2019, 7, 4, 12, 0), offsetMinutes: -330 })).toBe(
      Date.UTC(2019, 6, 4, 17, 30),
    );
    // Even inside the gap: the text names an instant, nothing is moved.
    expect(z.toInstant({ ...wall(2019, 3, 10, 2, 30), offsetMinutes: -360 })).toBe(
      Date.UTC(2019, 2, 10, 8, 30),
    );
  });

  it('round-trips toLocalText', () => {
    const z = new ZoneConverter('America/Chicago');
    for (const v of [
      wall(2019, 1, 1, 0, 0, 0),
      wall(2019, 6, 30, 13, 14, 15),
      wall(2019, 12, 31, 23, 59, 59),
    ])
      expect(z.toLocalText(z.toInstant(v))).toBe(localText(v));
    expect(z.toLocalText(Date.UTC(2020, 0, 1, 5, 59, 59))).toBe('2019-12-31T23:59:59');
  });
});

describe('ZoneConverter in America/Panama (UTC−5, no daylight saving)', () => {
  it('applies −5 h all year, including on the US transition days', () => {
    const z = new ZoneConverter('America/Panama');
    expect(z.toInstant(wall(2019, 1, 15, 12, 0))).toBe(Date.UTC(2019, 0, 15, 17, 0));
    expect(z.toInstant(wall(2019, 7, 4, 12, 0))).toBe(Date.UTC(2019, 6, 4, 17, 0));
    expect(z.toInstant(wall(2019, 3, 10, 2, 30))).toBe(Date.UTC(2019, 2, 10, 7, 30));
    expect(z.toInstant(wall(2019, 11, 3, 1, 30))).toBe(Date.UTC(2019, 10, 3, 6, 30));
    expect(z.toLocalText(Date.UTC(2019, 0, 1, 4, 59, 59))).toBe('2018-12-31T23:59:59');
  });
});

/**
 * The reference instant of a wall time: luxon's, except that a wall time occurring twice (the fall-back
 * hour) is read at its later occurrence, in standard time, as ZoneConverter documents (luxon alone picks
 * by the offset of the day the test runs).
 */
function referenceInstant(
  timeZone: string,
  v: { y: number; mo: number; d: number; h: number; mi: number; s: number },
): number {
  const wallAsUtc = Date.UTC(v.y, v.mo - 1, v.d, v.h, v.mi, v.s);
  const offsetAt = (t: number) => DateTime.fromMillis(t, { zone: timeZone }).offset;
  const offsets = new Set([
    offsetAt(wallAsUtc - 86_400_000),
    offsetAt(wallAsUtc),
    offsetAt(wallAsUtc + 86_400_000),
  ]);
  const valid = [...offsets]
    .map((o) => wallAsUtc - o * 60_000)
    .filter((t) => offsetAt(t) * 60_000 === wallAsUtc - t);
  if (valid.length > 0) return Math.max(...valid);
  return DateTime.fromObject(
    { year: v.y, month: v.mo, day: v.d, hour: v.h, minute: v.mi, second: v.s },
    { zone: timeZone },
  ).toMillis();
}

/**
 * Every whole hour of `year` through toInstant then toLocalText. Returns the wall times that do not
 * come back (the spring-forward gap) after checking each instant against luxon directly (the per-day
 * cache must never disagree with it) and that instants never go backwards.
 */
function hourlyRoundTrip(timeZone: string, year: number): string[] {
  const z = new ZoneConverter(timeZone);
  const notBack: string[] = [];
  let previous = -Infinity;
  let hours = 0;
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += HOUR) {
    const d = new Date(t); // used only as a calendar walker, in UTC fields
    const v = wall(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours());
    const instant = z.toInstant(v);
    const luxon = referenceInstant(timeZone, v);
    if (instant !== luxon) expect.fail(`${localText(v)} ${timeZone}: ${instant} ≠ luxon ${luxon}`);
    if (instant < previous) expect.fail(`${localText(v)} ${timeZone}: instant went backwards`);
    previous = instant;
    if (z.toLocalText(instant) !== localText(v)) notBack.push(localText(v));
    hours++;
  }
  expect(hours).toBe(year % 4 === 0 ? 8784 : 8760);
  return notBack;
}

describe('ZoneConverter property: toLocalText(toInstant(x)) == x for every hour outside the gap', () => {
  it('America/Chicago 2019: only 2019-03-10 02:00 fails', () => {
    expect(hourlyRoundTrip('America/Chicago', 2019)).toEqual(['2019-03-10T02:00:00']);
  });

  it('America/Panama 2019: every hour', () => {
    expect(hourlyRoundTrip('America/Panama', 2019)).toEqual([]);
  });

  it('America/Sao_Paulo 2018: a gap at midnight (00:00 → 01:00 on 4 November)', () => {
    expect(hourlyRoundTrip('America/Sao_Paulo', 2018)).toEqual(['2018-11-04T00:00:00']);
  });

  it('Pacific/Chatham 2019: a +12:45/+13:45 zone, gap 02:45 → 03:45 on 29 September', () => {
    expect(hourlyRoundTrip('Pacific/Chatham', 2019)).toEqual(['2019-09-29T03:00:00']);
  });
});

describe('ZoneConverter property, zones whose transitions fall at midnight', () => {
  it('America/Santiago 2019: repeated 23:00 on 6 April, gap at 00:00 on 8 September', () => {
    expect(hourlyRoundTrip('America/Santiago', 2019)).toEqual(['2019-09-08T00:00:00']);
  });

  it('America/Havana 2019: gap 00:00 → 01:00 on 10 March, repeated 00:00 on 3 November', () => {
    expect(hourlyRoundTrip('America/Havana', 2019)).toEqual(['2019-03-10T00:00:00']);
  });
});

describe('ZoneConverter on transition days: every minute as luxon converts it', () => {
  it.each([
    ['America/Chicago', 2019],
    ['Australia/Lord_Howe', 2019], // 30-minute daylight saving, at 02:00
    ['Pacific/Chatham', 2019],
    ['America/Santiago', 2019],
    ['America/Havana', 2019],
    ['Europe/London', 2019],
    ['Asia/Tehran', 2019],
    ['America/Sao_Paulo', 2018],
  ])('%s %i', (timeZone, year) => {
    const DAY = 24 * HOUR;
    const offsetAt = (t: number) => DateTime.fromMillis(t, { zone: timeZone }).offset;
    // Days on which the zone's offset changes (at any instant from their UTC midnight on), and the
    // days either side: cached per day, per hour or converted row by row, each minute must agree.
    const days = new Set<number>();
    for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += DAY) {
      if (offsetAt(t) !== offsetAt(t + DAY)) for (const k of [-1, 0, 1, 2]) days.add(t + k * DAY);
    }
    expect(days.size).toBeGreaterThanOrEqual(8);
    const z = new ZoneConverter(timeZone);
    for (const t of [...days].sort((a, b) => a - b)) {
      const d = new Date(t);
      const [y, mo, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
      for (let m = 0; m < 24 * 60; m++) {
        for (const s of [0, 59]) {
          const v = { ...wall(y, mo, day, Math.floor(m / 60), m % 60), s };
          const luxon = referenceInstant(timeZone, v);
          const instant = z.toInstant(v);
          if (instant !== luxon) expect.fail(`${localText(v)} ${timeZone}: ${instant} ≠ luxon ${luxon}`);
        }
      }
    }
  });
});
