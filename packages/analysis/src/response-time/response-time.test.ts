import { describe, expect, it } from 'vitest';
import { quantileSorted } from './quantile.js';
import { responseTimeStats } from './response-stats.js';

describe('quantileSorted (Hyndman–Fan definition 7)', () => {
  // Expected values from R 4.x: quantile(c(1, 2, 3, 4, 10), c(0.5, 0.9)) → 3, 7.6;
  // quantile(c(1, 2, 3, 4), 0.5) → 2.5; quantile(c(5), 0.9) → 5.
  it('matches R quantile(type = 7)', () => {
    expect(quantileSorted([1, 2, 3, 4, 10], 0.5)).toBe(3);
    expect(quantileSorted([1, 2, 3, 4, 10], 0.9)).toBeCloseTo(7.6, 12);
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([5], 0.9)).toBe(5);
    expect(quantileSorted([1, 2], 0)).toBe(1);
    expect(quantileSorted([1, 2], 1)).toBe(2);
  });
  it('is null for no values and refuses p outside [0, 1]', () => {
    expect(quantileSorted([], 0.5)).toBeNull();
    expect(() => quantileSorted([1], 1.5)).toThrow(/quantileSorted/);
  });
});

describe('responseTimeStats', () => {
  it('summarizes response, processing, travel and the share within target', () => {
    const s = responseTimeStats([
      { responseSec: 300, processingSec: 60, travelSec: 240, targetSec: 420 },
      { responseSec: 600, processingSec: 120, travelSec: 480, targetSec: 420 },
      { responseSec: 100, processingSec: null, travelSec: null, targetSec: null },
    ]);
    expect(s.measured).toBe(3);
    expect(s.medianSec).toBe(300);
    expect(s.p90Sec).toBeCloseTo(540, 9); // 300 + 0.8 × 300
    expect(s.processingMedianSec).toBe(90);
    expect(s.travelMedianSec).toBe(360);
    expect(s.withTarget).toBe(2);
    expect(s.withinTargetShare).toBe(0.5);
  });
  it('gives nulls for an empty group', () => {
    expect(responseTimeStats([])).toMatchObject({ measured: 0, medianSec: null, withinTargetShare: null });
  });
});
