import { describe, expect, it } from 'vitest';
import { percentChange } from './percent-change.js';

describe('percentChange', () => {
  it('is 100·(current − previous)/previous, and null (never ±Infinity or NaN) when previous is 0', () => {
    expect(percentChange(255, 271)).toBeCloseTo(-5.904059040590406, 12); // ../shared/reference/compstat
    expect(percentChange(12, 10)).toBe(20);
    expect(percentChange(5, 0)).toBeNull();
    expect(percentChange(0, 0)).toBeNull();
  });
});
