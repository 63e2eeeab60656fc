import { describe, expect, it } from 'vitest';
import { SeededRandom } from './seeded-random.js';

describe('SeededRandom (xoshiro128** seeded by SplitMix32)', () => {
  it('is reproducible from its seed and differs between seeds', () => {
    const a = new SeededRandom(42);
    const b = new SeededRandom(42);
    const c = new SeededRandom(43);
    const sa = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(sa);
  });

  it('gives uniform integers: chi-square over 10 bins of 100,000 draws below the 99.9 % point (27.88)', () => {
    const r = new SeededRandom(20191215);
    const bins = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) bins[r.nextInt(10)]!++;
    const chi2 = bins.reduce((s, o) => s + (o - 10_000) ** 2 / 10_000, 0);
    expect(chi2).toBeLessThan(27.88);
  });

  it('gives floats in [0, 1) with mean ½ and a shuffle that is a permutation', () => {
    const r = new SeededRandom(1);
    let s = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = r.nextFloat();
      expect(u >= 0 && u < 1).toBe(true);
      s += u;
    }
    expect(Math.abs(s / 100_000 - 0.5)).toBeLessThan(0.005); // 5.5 standard errors
    const v = r.shuffle(Int32Array.from({ length: 100 }, (_, i) => i));
    expect(Array.from(v).sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(Array.from(v)).not.toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('refuses a seed that is not an integer', () => {
    expect(() => new SeededRandom(0.5)).toThrow(/seed/);
  });
});
