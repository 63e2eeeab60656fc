import { describe, expect, it } from 'vitest';
import { auditDiff, shortValue } from './audit-diff.js';
import { zonedDayStart } from './zoned-day.js';

describe('auditDiff', () => {
  it('lists the fields that changed, with before and after', () => {
    expect(
      auditDiff({ version: 1, name: 'PD', locale: 'es' }, { version: 2, name: 'Police', locale: 'es' }),
    ).toEqual([
      { field: 'version', before: '1', after: '2' },
      { field: 'name', before: 'PD', after: 'Police' },
    ]);
  });

  it('shows a creation or an import as fields after only, and a removal as before only', () => {
    expect(auditDiff(null, { file: 'a.csv', stored: 3 })).toEqual([
      { field: 'file', before: null, after: 'a.csv' },
      { field: 'stored', before: null, after: '3' },
    ]);
    expect(auditDiff({ head: { seq: 4 } }, { file: 'b' })).toEqual([
      { field: 'head', before: '{"seq":4}', after: null },
      { field: 'file', before: null, after: 'b' },
    ]);
  });

  it('treats plain values as one change and equal values as none', () => {
    expect(auditDiff('open', 'dismissed')).toEqual([{ field: '', before: 'open', after: 'dismissed' }]);
    expect(auditDiff(null, null)).toEqual([]);
    expect(auditDiff({ a: [1, 2] }, { a: [1, 2] })).toEqual([]);
  });

  it('cuts long values', () => {
    expect(shortValue('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('zonedDayStart', () => {
  it('gives the UTC instant of local midnight in the agency zone, and the next days', () => {
    expect(zonedDayStart('2019-12-10', 'America/Panama')).toBe('2019-12-10T05:00:00.000Z');
    expect(zonedDayStart('2019-12-10', 'America/Panama', 1)).toBe('2019-12-11T05:00:00.000Z');
    // Daylight-saving time: Chicago is UTC−5 in July, UTC−6 in January.
    expect(zonedDayStart('2019-07-01', 'America/Chicago')).toBe('2019-07-01T05:00:00.000Z');
    expect(zonedDayStart('2019-01-01', 'America/Chicago')).toBe('2019-01-01T06:00:00.000Z');
    // The day after a spring-forward day is 23 h later.
    expect(zonedDayStart('2019-03-10', 'America/Chicago', 1)).toBe('2019-03-11T05:00:00.000Z');
    expect(zonedDayStart('2020-01-01', 'UTC')).toBe('2020-01-01T00:00:00.000Z');
  });
});
