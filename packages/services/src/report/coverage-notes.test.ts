import { describe, expect, it } from 'vitest';
import { compstatPeriods, parseIsoWeek, weekCoverage } from '@vigia/domain';
import { reportPeriod } from './compstat-report.js';
import { coverageNotes } from './coverage-notes.js';

/** What coverageNotes reads of a report of `week` on data spanning `first`..`last`. */
function report(week: string, first: string, last: string) {
  const p = compstatPeriods(parseIsoWeek(week));
  return {
    dataRange: { first, last },
    weekCoverage: weekCoverage(parseIsoWeek(week), { first, last }),
    periods: { wtd: reportPeriod(p.wtd), d28: reportPeriod(p.d28), ytd: reportPeriod(p.ytd) },
  };
}

// Chicago's data run from 2010-01-01 to Tuesday 2019-12-31. ISO weeks: 2019-W52 = 2019-12-23..29,
// 2020-W01 = 2019-12-30..2020-01-05, 2020-W02 = 2020-01-06..12, 2010-W02 = 2010-01-11..17.
describe('coverageNotes', () => {
  it('is empty for a whole week with last year inside the data', () => {
    expect(coverageNotes(report('2019-W52', '2010-01-01', '2019-12-31'))).toEqual([]);
  });

  it('names a partial week by the last record and the Sunday', () => {
    expect(coverageNotes(report('2020-W01', '2010-01-01', '2019-12-31'))).toEqual([
      { key: 'report.partialWeek', params: { last: '2019-12-31', end: '2020-01-05' } },
    ]);
  });

  it('names a week after the data', () => {
    expect(coverageNotes(report('2020-W02', '2010-01-01', '2019-12-31'))).toEqual([
      { key: 'report.weekAfterData', params: { last: '2019-12-31' } },
    ]);
  });

  it('warns when last year reaches before the first record', () => {
    expect(coverageNotes(report('2010-W02', '2010-01-01', '2019-12-31'))).toEqual([
      { key: 'report.outsideData', params: { first: '2010-01-01', last: '2019-12-31' } },
    ]);
  });

  it('says nothing without data', () => {
    expect(coverageNotes({ ...report('2019-W52', '2010-01-01', '2019-12-31'), dataRange: null })).toEqual([]);
  });
});
