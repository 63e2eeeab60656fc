import { describe, expect, it } from 'vitest';
import type { Period } from '../../api/types.js';
import { coverageMessages, weekEndMessage } from './coverage.js';

// ISO weeks used (calendar facts): 2019-W52 = 2019-12-23..29, 2020-W01 = 2019-12-30..2020-01-05,
// 2020-W02 = 2020-01-06..12. Chicago's data run from 2010-01-01 to Tuesday 2019-12-31.
const CHICAGO = { first: '2010-01-01', last: '2019-12-31' };

describe('weekEndMessage', () => {
  it('says nothing when the data reach the Sunday', () => {
    expect(weekEndMessage('2019-W52', CHICAGO)).toBeNull();
    expect(weekEndMessage('2019-W52', { last: '2019-12-29' })).toBeNull();
    expect(weekEndMessage('2019-W52', null)).toBeNull();
  });

  it('names a partial week with the last record and the Sunday', () => {
    expect(weekEndMessage('2020-W01', CHICAGO)).toEqual({
      key: 'compstat.partialWeek',
      params: { last: '2019-12-31', end: '2020-01-05' },
    });
    // The Monday alone is a partial week too.
    expect(weekEndMessage('2020-W01', { last: '2019-12-30' })?.key).toBe('compstat.partialWeek');
  });

  it('names a week after the data', () => {
    expect(weekEndMessage('2020-W02', CHICAGO)).toEqual({
      key: 'compstat.weekAfterData',
      params: { last: '2019-12-31' },
    });
  });
});

describe('coverageMessages', () => {
  const period = (start: string, end: string, previousStart: string, previousEnd: string): Period => ({
    start,
    end,
    previousStart,
    previousEnd,
  });
  const w01 = {
    week: '2020-W01',
    periods: {
      wtd: period('2019-12-30', '2020-01-05', '2018-12-30', '2019-01-05'),
      d28: period('2019-12-09', '2020-01-05', '2018-12-09', '2019-01-05'),
      ytd: period('2020-01-01', '2020-01-05', '2019-01-01', '2019-01-05'),
    },
  };

  it('explains a partial week, as the server judged it', () => {
    expect(coverageMessages({ ...w01, dataRange: CHICAGO, weekCoverage: 'partial' })).toEqual([
      { key: 'compstat.partialWeek', params: { last: '2019-12-31', end: '2020-01-05' } },
    ]);
  });

  it('warns when last year reaches before the data: in early January, the 28 days reach December', () => {
    const late = { first: '2018-12-20', last: '2020-02-01' };
    // YTD's last year starts 2019-01-01, inside the data; the 28 days' starts 2018-12-09, before them.
    expect(coverageMessages({ ...w01, dataRange: late, weekCoverage: 'whole' })).toEqual([
      { key: 'compstat.outsideData', params: late },
    ]);
  });

  it('says nothing for a whole week inside the data', () => {
    expect(
      coverageMessages({
        ...w01,
        dataRange: { first: '2010-01-01', last: '2020-02-01' },
        weekCoverage: 'whole',
      }),
    ).toEqual([]);
    expect(coverageMessages({ ...w01, dataRange: null, weekCoverage: 'none' })).toEqual([]);
  });
});
