import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed } from './prng.js';

describe('createRng', () => {
  it('repeats the same sequence for the same seed and differs for another seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const sa = Array.from({ length: 20 }, () => a.next());
    const sb = Array.from({ length: 20 }, () => b.next());
    const sc = Array.from({ length: 20 }, () => c.next());
    expect(sb).toEqual(sa);
    expect(sc).not.toEqual(sa);
    for (const x of sa) expect(x >= 0 && x < 1).toBe(true);
  });

  it('draws uniform, normal, Poisson and weighted values with the right moments', () => {
    const rng = createRng(7);
    const n = 50_000;
    let sum = 0;
    let sumN = 0;
    let sumN2 = 0;
    let sumP = 0;
    const hits = [0, 0, 0];
    for (let i = 0; i < n; i++) {
      sum += rng.next();
      const z = rng.normal();
      sumN += z;
      sumN2 += z * z;
      sumP += rng.poisson(3.5);
      hits[rng.weighted([1, 0, 3])]!++;
    }
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(sumN / n).toBeCloseTo(0, 1);
    expect(sumN2 / n).toBeCloseTo(1, 1);
    expect(sumP / n).toBeCloseTo(3.5, 1);
    expect(hits[1]).toBe(0);
    expect(hits[2]! / n).toBeCloseTo(0.75, 2);
    expect(rng.poisson(0)).toBe(0);
    const big = Array.from({ length: 2000 }, () => rng.poisson(100));
    expect(big.reduce((a, b) => a + b, 0) / big.length).toBeCloseTo(100, 0);
  });

  it('derives distinct, stable seeds per stream', () => {
    expect(deriveSeed(1, 'units')).toBe(deriveSeed(1, 'units'));
    expect(deriveSeed(1, 'units')).not.toBe(deriveSeed(1, 'incidents'));
    expect(deriveSeed(1, 'units')).not.toBe(deriveSeed(2, 'units'));
  });
});
