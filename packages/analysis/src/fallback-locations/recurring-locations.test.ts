import { describe, expect, it } from 'vitest';
import { readSharedCsv } from '../../../../test/shared-reference.js';
import { recurringLocations } from './recurring-locations.js';

// Real points: Chicago aggravated assaults 2019 (../shared/reference/gistar/points_2019_utm16n.csv,
// projected by R/sf). A synthetic fallback geocode (e.g. a district station) is added on top.
const points = readSharedCsv('reference/gistar/points_2019_utm16n.csv');
const xs = points.map((p) => Number(p.x));
const ys = points.map((p) => Number(p.y));

describe('recurringLocations', () => {
  it('flags a fallback geocode that receives 60 extra incidents, and lists its points', () => {
    const station = [446_000.5, 4_630_000.5];
    const r = recurringLocations(
      [...xs, ...new Array<number>(60).fill(station[0]!)],
      [...ys, ...new Array<number>(60).fill(station[1]!)],
    );
    const hit = r.flagged.find((f) => f.x === station[0] && f.y === station[1]);
    expect(hit?.count).toBe(60);
    expect(hit?.points).toHaveLength(60);
    expect(r.isFlagged[xs.length]).toBe(1);
    expect(hit!.pValue).toBeLessThan(r.threshold);
  });

  it('flags few of the real locations, each with a count far above the mean per location', () => {
    const r = recurringLocations(xs, ys);
    expect(r.distinctLocations).toBeGreaterThan(5000);
    expect(r.flagged.length).toBeLessThan(r.distinctLocations / 100);
    for (const f of r.flagged) expect(f.count).toBeGreaterThanOrEqual(10);
    const flaggedPoints = r.isFlagged.reduce((a, b) => a + b, 0);
    expect(flaggedPoints).toBe(r.flagged.reduce((a, f) => a + f.count, 0));
  });

  it('does not flag evenly repeated locations, nor anything below minCount', () => {
    const xs2 = Array.from({ length: 300 }, (_, i) => (i % 100) * 50);
    const r = recurringLocations(xs2, new Array<number>(300).fill(0));
    expect(r.flagged).toEqual([]);
    const small = recurringLocations([0, 0, 0, 0, 0, 100], [0, 0, 0, 0, 0, 0]);
    expect(small.flagged).toEqual([]);
    expect(() => recurringLocations([0], [0], { alpha: 2 })).toThrow(/alpha/);
  });
});
