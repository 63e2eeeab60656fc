import { describe, expect, it } from 'vitest';
import { quantileSorted } from './quantile.js';
import { histogram } from './histogram.js';
import { quantilesInPlace } from './quantile-select.js';
import { summarizeResponseTimes } from './response-stats.js';

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

describe('quantilesInPlace (selection) equals quantileSorted (sorting)', () => {
  // A seeded generator: the test is repeatable, and covers many duplicates (whole seconds), runs of
  // equal values, sorted and reverse-sorted input (quickselect's bad cases) and tiny arrays.
  let seed = 12345;
  const rnd = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296;
  const cases: number[][] = [
    [],
    [5],
    [2, 1],
    [3, 3, 3, 3],
    Array.from({ length: 1000 }, (_, i) => i),
    Array.from({ length: 1000 }, (_, i) => 1000 - i),
    Array.from({ length: 5000 }, () => Math.floor(rnd() * 30)),
    Array.from({ length: 4001 }, () => rnd() * 1e6),
    Array.from({ length: 777 }, (_, i) => (i % 2 === 0 ? 7 : Math.floor(rnd() * 100))),
  ];
  const ps = [0.9, 0.5, 0, 1, 0.25, 0.999];
  it.each(cases.map((c, i) => [i, c] as const))('case %i', (_i, values) => {
    const sorted = Float64Array.from(values).sort();
    const expected = ps.map((p) => quantileSorted(sorted, p));
    const work = Float64Array.from(values);
    expect(quantilesInPlace(work, ps)).toEqual(expected);
    // Reordered, never changed: the same multiset.
    expect(work.slice().sort()).toEqual(sorted);
  });
  it('refuses p outside [0, 1]', () => {
    expect(() => quantilesInPlace(Float64Array.of(1), [1.5])).toThrow(/quantilesInPlace/);
  });
});

describe('summarizeResponseTimes', () => {
  const samples = () => ({
    response: Float64Array.of(300, 600, 100),
    processing: Float64Array.of(60, 120),
    travel: Float64Array.of(240, 480),
  });
  it('summarizes response, processing, travel and the share within the group target', () => {
    const s = summarizeResponseTimes(samples(), 420);
    expect(s.measured).toBe(3);
    expect(s.medianSec).toBe(300);
    expect(s.p90Sec).toBeCloseTo(540, 9); // 300 + 0.8 × 300
    expect(s.processingMedianSec).toBe(90);
    expect(s.travelMedianSec).toBe(360);
    expect(s.withTarget).toBe(3);
    expect(s.withinTargetShare).toBeCloseTo(2 / 3, 12);
  });
  it('has no share without a target, and nulls for an empty group', () => {
    expect(summarizeResponseTimes(samples(), null)).toMatchObject({ withTarget: 0, withinTargetShare: null });
    const empty = new Float64Array(0);
    expect(summarizeResponseTimes({ response: empty, processing: empty, travel: empty }, 420)).toMatchObject({
      measured: 0,
      medianSec: null,
      p90Sec: null,
      withinTargetShare: null,
      withTarget: 0,
    });
  });
});

describe('histogram', () => {
  it('bins [i·w, (i + 1)·w) from 0 and counts the overflow', () => {
    expect(histogram([0, 59.9, 60, 125, 180, 1e6], 60, 3)).toEqual({
      binWidth: 60,
      counts: [2, 1, 1],
      overflow: 2,
    });
    expect(() => histogram([], 0, 3)).toThrow(RangeError);
  });
});
