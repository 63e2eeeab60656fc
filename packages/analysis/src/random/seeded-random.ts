import { VigiaError } from '@vigia/domain';

/**
 * A seeded pseudo-random generator for Monte Carlo tests (permutations), so every run with the same
 * seed gives the same p-values. Never uses Math.random.
 *
 * Algorithm: xoshiro128** (Blackman & Vigna 2018), 128-bit state, period 2^128 − 1, seeded from a 32-bit
 * integer by four steps of SplitMix32 (the Mulberry/SplitMix finaliser), as its authors recommend.
 * Uniform integers in [0, n) reject the incomplete last block of 2^32, so they are exactly unbiased.
 * Not R's Mersenne-Twister: our Monte Carlo values match R's only within Monte Carlo error.
 *
 * @see Blackman, D. & Vigna, S. (2018) "Scrambled linear pseudorandom number generators",
 *   https://prng.di.unimi.it/; Lemire, D. (2019) "Fast random integer generation in an interval",
 *   ACM TOMACS 29(1).
 */
export class SeededRandom {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /**
   * @param seed - any integer (only its low 32 bits are used).
   * @throws VigiaError INVALID_ARGUMENT when `seed` is not a finite integer.
   */
  constructor(seed: number) {
    if (!Number.isInteger(seed))
      throw new VigiaError('INVALID_ARGUMENT', { name: 'seed', value: String(seed) });
    let z = seed >>> 0;
    const next = (): number => {
      z = (z + 0x9e3779b9) >>> 0;
      let t = z ^ (z >>> 16);
      t = Math.imul(t, 0x21f0aaad);
      t ^= t >>> 15;
      t = Math.imul(t, 0x735a2d97);
      return (t ^ (t >>> 15)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** The next uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** A uniform double in [0, 1) with 53 random bits. */
  nextFloat(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /**
   * A uniform integer in [0, n), exactly unbiased: 32-bit draws at or above the largest multiple of n
   * below 2^32 are rejected (at most one draw in two, on average far fewer).
   * @param n - whole number, 1 ≤ n ≤ 2^32.
   */
  nextInt(n: number): number {
    const limit = 4294967296 - (4294967296 % n);
    let x = this.nextUint32();
    while (x >= limit) x = this.nextUint32();
    return x % n;
  }

  /** Shuffles `values` in place (Fisher–Yates, Durstenfeld's form) and returns it. */
  shuffle<T extends { length: number; [i: number]: unknown }>(values: T): T {
    for (let i = values.length - 1; i > 0; i--) {
      const j = this.nextInt(i + 1);
      const tmp = values[i];
      values[i] = values[j];
      values[j] = tmp;
    }
    return values;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
