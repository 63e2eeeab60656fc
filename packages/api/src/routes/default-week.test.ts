import { describe, expect, it } from 'vitest';
import { formatIsoWeek, parseIsoWeek } from '@vigia/domain';
import { defaultWeekOf } from './agency-routes.js';

const open = (latest: string, last: string | null) =>
  formatIsoWeek(defaultWeekOf(parseIsoWeek(latest), last === null ? null : { last }));

describe('defaultWeekOf: the week the dashboard opens on', () => {
  it('is the latest complete week when the data reach it', () => {
    expect(open('2019-W50', '2019-12-15')).toBe('2019-W50'); // its Sunday
    expect(open('2019-W50', '2019-12-18')).toBe('2019-W50');
    expect(open('2019-W50', null)).toBe('2019-W50');
  });

  it('is the last week the data cover whole when they stop earlier (never a half-empty week)', () => {
    // Chicago's data stop on Tuesday 2019-12-31, in 2020-W01: open on 2019-W52.
    expect(open('2026-W47', '2019-12-31')).toBe('2019-W52');
    // Data ending on a Sunday: that week is whole.
    expect(open('2026-W47', '2019-12-29')).toBe('2019-W52');
    expect(open('2026-W47', '2020-01-05')).toBe('2020-W01');
    // The latest complete week's own Saturday: that week is not whole yet.
    expect(open('2019-W50', '2019-12-14')).toBe('2019-W49');
  });
});
