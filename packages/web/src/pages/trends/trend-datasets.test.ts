import { describe, expect, it } from 'vitest';
import type { WeeklySeries } from '../../api/types.js';
import { trendLines } from './trend-datasets.js';

const week = (n: number, count: number, rolling28: number) => ({
  week: n,
  start: '2019-01-01',
  end: '2019-01-07',
  count,
  rolling28,
});

describe('trendLines', () => {
  const series: WeeklySeries = {
    unit: '11',
    category: '*',
    week: '2019-W03',
    timeZone: 'America/Chicago',
    years: [
      { isoYear: 2018, weeks: [week(1, 5, 20), week(2, 6, 22), week(3, 7, 26), week(4, 8, 26)] },
      { isoYear: 2019, weeks: [week(1, 9, 30), week(2, 10, 33), week(3, 4, 27)] },
    ],
  };

  it('puts this year first, then previous years, then the 28-day rolling count per week (÷ 4)', () => {
    const { weeks, lines } = trendLines(series);
    expect(weeks).toEqual([1, 2, 3, 4]);
    expect(lines.map((l) => l.key)).toEqual(['count-2019', 'count-2018', 'rolling-2019']);
    expect(lines[0]?.values).toEqual([9, 10, 4, null]);
    expect(lines[1]?.values).toEqual([5, 6, 7, 8]);
    expect(lines[2]?.values).toEqual([7.5, 8.25, 6.75, null]);
  });
});
