import { describe, expect, it } from 'vitest';
import { ResponseCache } from './response-cache.js';

describe('ResponseCache', () => {
  it('computes once per key until cleared, never caches failures, and stays bounded', async () => {
    const cache = new ResponseCache(true, 2);
    let calls = 0;
    const compute = () => Promise.resolve(++calls);
    expect(await cache.get('a', compute)).toBe(1);
    expect(await cache.get('a', compute)).toBe(1);
    cache.clear();
    expect(await cache.get('a', compute)).toBe(2);
    await expect(cache.get('f', () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(await cache.get('f', compute)).toBe(3);
    await cache.get('b', compute); // evicts the oldest ("a")
    expect(await cache.get('a', compute)).toBe(5);
  });

  it('computes every time when disabled', async () => {
    const cache = new ResponseCache(false);
    let calls = 0;
    await cache.get('a', () => Promise.resolve(++calls));
    await cache.get('a', () => Promise.resolve(++calls));
    expect(calls).toBe(2);
  });
});
