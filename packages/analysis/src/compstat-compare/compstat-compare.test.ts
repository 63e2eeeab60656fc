import { describe, expect, it } from 'vitest';
import { isVigiaError } from '@vigia/domain';
import { parseRNumber, readSharedCsv, relativeError } from '../../../../test/shared-reference.js';
import { poissonRateTest } from '../poisson-rate-test/poisson-rate-test.js';
import { compstatCompare } from './compstat-compare.js';

const REL_TOL = 1e-9;

/** Days in the inclusive range of two `YYYY-MM-DD` dates. */
function inclusiveDays(start: string | undefined, end: string | undefined): number {
  return (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000 + 1;
}

// Golden values: R 4.2.2, ../shared/reference/compstat/make_compstat.R — Chicago aggravated assaults, week /
// 28-day / YTD to Sunday 2019-12-15 vs the same dates in 2018, city-wide and per district (23 districts).
const rows = readSharedCsv('reference/compstat/compstat_results.csv');

describe('compstatCompare against R 4.2.2 (make_compstat.R)', () => {
  it('reads all 72 reference rows (24 units × 3 windows)', () => {
    expect(rows).toHaveLength(72);
  });

  it.each(rows.map((r) => [`${r.unit} ${r.window}: ${r.current} vs ${r.previous}`, r] as const))(
    '%s',
    (_label, row) => {
      const current = Number(row.current);
      const previous = Number(row.previous);
      const daysCurrent = inclusiveDays(row.current_start, row.current_end);
      const daysPrevious = inclusiveDays(row.previous_start, row.previous_end);
      const result = compstatCompare(current, previous, daysCurrent, daysPrevious);

      expect(result.current).toBe(current);
      expect(result.previous).toBe(previous);
      expect(result.change).toBe(Number(row.change));
      const expectedPct = parseRNumber(row.pct_change);
      expect(expectedPct === null).toBe(previous === 0);
      expect(
        relativeError(result.pctChange, expectedPct),
        `pct_change ${row.pct_change}`,
      ).toBeLessThanOrEqual(REL_TOL);
      const test = poissonRateTest(current, previous, daysCurrent, daysPrevious);
      expect(result.pValue).toBe(test.pValue);
      expect(result.significant).toBe(test.testable && test.pValue < 0.05);
    },
  );

  it('uses 7-, 28- and 349-day windows on both sides (no 29 February in 2018–2019)', () => {
    const days = new Set(rows.map((r) => `${r.window}:${inclusiveDays(r.current_start, r.current_end)}`));
    expect(days).toEqual(new Set(['week:7', '28day:28', 'ytd:349']));
    for (const r of rows) {
      expect(inclusiveDays(r.previous_start, r.previous_end)).toBe(
        inclusiveDays(r.current_start, r.current_end),
      );
    }
  });
});

describe('compstatCompare rules', () => {
  it('gives a null percent change, p = 1 and "not significant" for 0 vs 0', () => {
    expect(compstatCompare(0, 0, 7, 7)).toEqual({
      current: 0,
      previous: 0,
      change: 0,
      pctChange: null,
      pValue: 1,
      significant: false,
    });
  });

  it('gives a null percent change (never Infinity) when only the previous count is 0', () => {
    const r = compstatCompare(9, 0, 7, 7);
    expect(r.pctChange).toBeNull();
    expect(r.change).toBe(9);
    expect(r.pValue).toBeCloseTo(2 * 0.5 ** 9, 15);
    expect(r.significant).toBe(true);
  });

  it('computes the city-wide week of the reference: 255 vs 271 is −5.9 % and not significant', () => {
    const r = compstatCompare(255, 271, 7, 7);
    expect(r.change).toBe(-16);
    expect(r.pctChange).toBeCloseTo(-5.90405904059041, 12);
    expect(r.significant).toBe(false);
  });

  it('weighs windows by days: 28 vs 27 days after 29 February', () => {
    // 2024-02-15..2024-03-13 holds 29 February (28 days); the same dates in 2023 hold 27 days.
    const perDay = compstatCompare(56, 54, 28, 27);
    const perWindow = compstatCompare(56, 54, 28, 28);
    expect(perDay.pValue).toBe(poissonRateTest(56, 54, 28, 27).pValue);
    expect(perDay.pValue).not.toBe(perWindow.pValue);
    // Same daily rate (2 a day) on both sides: nothing to see once the shorter window is accounted for.
    expect(compstatCompare(56, 54, 28, 27).pValue).toBeGreaterThan(0.99);
    expect(perDay.pctChange).toBeCloseTo((100 * 2) / 54, 12);
    // Force-wide, 400 a day in both years: per window it would be a false alarm.
    expect(compstatCompare(11_200, 10_800, 28, 28).significant).toBe(true);
    expect(compstatCompare(11_200, 10_800, 28, 27)).toMatchObject({ pValue: 1, significant: false });
  });

  it('uses alpha strictly: significant only when p < alpha', () => {
    const p = compstatCompare(20, 8, 7, 7).pValue;
    expect(compstatCompare(20, 8, 7, 7, p).significant).toBe(false);
    expect(compstatCompare(20, 8, 7, 7, p * 1.000001).significant).toBe(true);
  });

  it.each([0, 1, -0.1, NaN])('rejects alpha = %s', (alpha) => {
    expect(() => compstatCompare(1, 2, 7, 7, alpha)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', params: { name: 'alpha', value: String(alpha) } }),
    );
  });

  it('rejects a fractional count and a zero-day window', () => {
    const errors: unknown[] = [];
    for (const call of [() => compstatCompare(1.5, 2, 7, 7), () => compstatCompare(1, 2, 7, 0)]) {
      try {
        call();
      } catch (e) {
        errors.push(e);
      }
    }
    expect(errors.map((e) => isVigiaError(e, 'INVALID_ARGUMENT'))).toEqual([true, true]);
  });
});
