/**
 * A small seeded pseudo-random number generator for the synthetic demo data.
 *
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state, from PractRand), seeded
 * through splitmix32 so that nearby seeds (1, 2, 3...) give unrelated streams. Pure integer arithmetic
 * on 32-bit words: the same seed gives the same sequence on every platform and Node version. Not for
 * cryptography.
 */
export interface Rng {
  /** Uniform float in [0, 1), 32 bits of resolution. */
  next(): number;
  /** Uniform float in [min, max). */
  uniform(min: number, max: number): number;
  /** Uniform integer in [0, n), for 1 <= n <= 2^32. */
  int(n: number): number;
  /** True with probability `p` (0–1). */
  chance(p: number): boolean;
  /** Standard normal deviate (mean 0, standard deviation 1), Box–Muller. */
  normal(): number;
  /** Poisson deviate with mean `lambda` (>= 0): Knuth's method below 30, a rounded normal above. */
  poisson(lambda: number): number;
  /** Index `i` drawn with probability `weights[i] / sum(weights)`; weights are >= 0, not all 0. */
  weighted(weights: readonly number[]): number;
}

/** splitmix32 step: scrambles a 32-bit seed into a well-mixed word. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * Creates a generator from an integer seed (any number; it is reduced to 32 bits).
 * @param seed - the seed; equal seeds give equal sequences.
 * @returns a {@link Rng}. Each call of `next()` is O(1).
 */
export function createRng(seed: number): Rng {
  const st = { s: Math.trunc(seed) | 0 };
  let a = splitmix32(st);
  let b = splitmix32(st);
  let c = splitmix32(st);
  let d = splitmix32(st);

  const nextU32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Discard the first outputs, as the sfc32 reference does, to leave the seeding transient.
  for (let i = 0; i < 12; i++) nextU32();

  const next = (): number => nextU32() / 4294967296;

  const rng: Rng = {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    normal: () => {
      const u = 1 - next(); // (0, 1]: log(0) never happens
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    poisson: (lambda) => {
      if (!(lambda > 0)) return 0;
      if (lambda >= 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * rng.normal()));
      const limit = Math.exp(-lambda);
      let k = 0;
      let p = next();
      while (p > limit) {
        k++;
        p *= next();
      }
      return k;
    },
    weighted: (weights) => {
      let total = 0;
      for (const w of weights) total += w;
      let r = next() * total;
      for (let i = 0; i < weights.length; i++) {
        r -= weights[i]!;
        if (r < 0) return i;
      }
      // Rounding left r at 0: return the last index with a positive weight.
      for (let i = weights.length - 1; i >= 0; i--) if (weights[i]! > 0) return i;
      throw new Error('weighted: all weights are zero');
    },
  };
  return rng;
}

/**
 * Derives an independent seed for a named sub-stream (units, incidents, data problems...), so that
 * changing how one part draws numbers does not shift the others. FNV-1a over the name, mixed with the seed.
 */
export function deriveSeed(seed: number, stream: string): number {
  let h = 0x811c9dc5 ^ (Math.trunc(seed) | 0);
  for (let i = 0; i < stream.length; i++) {
    h ^= stream.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
