import { describe, expect, it } from 'vitest';
import { isVigiaError, parseLocalDate } from '@vigia/domain';
import { timeSteps } from './time-steps.js';

const d = parseLocalDate;

describe('timeSteps', () => {
  it('weeks are counted back from the last day; the leftover days at the start are in no step', () => {
    const s = timeSteps(d('2019-11-28'), d('2019-12-15'), 'week'); // 18 days: 2 weeks + 4 days
    expect(s.steps).toEqual([
      { start: '2019-12-02', end: '2019-12-08' },
      { start: '2019-12-09', end: '2019-12-15' },
    ]);
    expect(s.stepOf(d('2019-12-01'))).toBe(-1);
    expect(s.stepOf(d('2019-12-02'))).toBe(0);
    expect(s.stepOf(d('2019-12-08'))).toBe(0);
    expect(s.stepOf(d('2019-12-09'))).toBe(1);
    expect(s.stepOf(d('2019-12-15'))).toBe(1);
    expect(s.stepOf(d('2019-12-16'))).toBe(-1);
  });

  it('months are the whole calendar months inside the period (leap February included)', () => {
    const s = timeSteps(d('2019-12-15'), d('2020-03-30'), 'month');
    expect(s.steps).toEqual([
      { start: '2020-01-01', end: '2020-01-31' },
      { start: '2020-02-01', end: '2020-02-29' },
    ]);
    expect(s.stepOf(d('2019-12-31'))).toBe(-1);
    expect(s.stepOf(d('2020-02-29'))).toBe(1);
    expect(s.stepOf(d('2020-03-01'))).toBe(-1);
    expect(timeSteps(d('2019-01-01'), d('2019-12-31'), 'month').steps).toHaveLength(12);
  });

  it('auto takes months from 10 whole months on, weeks below', () => {
    expect(timeSteps(d('2019-01-01'), d('2019-10-31')).kind).toBe('month');
    const weeks = timeSteps(d('2019-01-01'), d('2019-10-30'));
    expect(weeks.kind).toBe('week');
    expect(weeks.steps.at(-1)!.end).toBe('2019-10-30');
  });

  it('refuses an unknown step', () => {
    let err: unknown;
    try {
      timeSteps(0, 100, 'day');
    } catch (e) {
      err = e;
    }
    expect(isVigiaError(err, 'INVALID_ARGUMENT')).toBe(true);
  });
});
