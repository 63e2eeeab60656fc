import { describe, expect, it } from 'vitest';
import { getisOrdGiStar } from '../gistar/gistar.js';
import { distanceBandNeighbours } from '../weights/distance-band.js';
import { neighboursFromLists } from '../weights/neighbours.js';
import { classifyEmerging } from './classify.js';
import { emergingHotSpots } from './emerging-hot-spots.js';

describe('classifyEmerging (ArcGIS Pro criteria)', () => {
  const H = 1 as const;
  const C = -1 as const;
  const O = 0 as const;
  it.each([
    ['new', [O, O, O, O, O, O, O, O, O, H], 0, 'new_hot'],
    ['consecutive', [O, O, O, O, O, O, O, H, H, H], 0, 'consecutive_hot'],
    ['intensifying', [H, H, H, H, H, H, H, H, H, H], 1, 'intensifying_hot'],
    ['persistent (one gap of ten)', [H, H, O, H, H, H, H, H, H, H], 0, 'persistent_hot'],
    ['diminishing', [H, H, H, H, H, H, H, H, H, H], -1, 'diminishing_hot'],
    ['sporadic', [H, O, O, H, O, O, O, H, O, H], 0, 'sporadic_hot'],
    ['oscillating', [C, O, O, H, O, C, O, O, O, H], 0, 'oscillating_hot'],
    ['historical', [H, H, H, H, H, H, H, H, H, O], 0, 'historical_hot'],
    ['a run broken earlier is not consecutive', [O, H, O, O, O, O, O, O, H, H], 0, 'sporadic_hot'],
    ['new cold', [O, O, O, O, O, O, O, O, O, C], 0, 'new_cold'],
    ['intensifying cold (z falling)', [C, C, C, C, C, C, C, C, C, C], -1, 'intensifying_cold'],
    ['no pattern', [O, H, O, O, O, C, O, O, O, O], 0, 'none'],
  ] as const)('%s', (_name, states, trend, expected) => {
    expect(classifyEmerging(states, trend)).toBe(expected);
  });
});

describe('emergingHotSpots on a synthetic cube', () => {
  // 10 × 10 cells of 100 m, 12 steps. Cell 55 grows from 1 to 40 incidents; a background of 1 per cell.
  const side = 10;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let r = 0; r < side; r++)
    for (let c = 0; c < side; c++) {
      xs.push(c * 100);
      ys.push(r * 100);
    }
  const nb = distanceBandNeighbours(xs, ys, 150);
  const steps = 12;
  const cube = new Float64Array(steps * side * side).fill(1);
  for (let t = 0; t < steps; t++) cube[t * 100 + 55] = t < 6 ? 1 : 10 * (t - 5);

  it('a cell that only becomes hot in the last steps is new or consecutive; an empty one is none', () => {
    const res = emergingHotSpots(cube, steps, nb);
    expect(['new_hot', 'consecutive_hot']).toContain(res[55]!.category);
    expect(res[55]!.trendZ).toBeGreaterThan(0);
    const empty = emergingHotSpots(new Float64Array(steps * 100), steps, nb);
    expect(empty.every((e) => e.category === 'none')).toBe(true);
  });

  it('uses the Gi* of the whole cube: one step alone equals Gi* with the previous step as neighbours', () => {
    const res = emergingHotSpots(cube, steps, nb, { timeWindowSteps: 0 });
    // with no time neighbours each bin's Gi* uses only its own step's cells, but the cube's mean and SD
    const single = getisOrdGiStar(
      cube,
      neighboursFromLists(
        Array.from({ length: steps * 100 }, (_, k) => {
          const t = Math.floor(k / 100);
          const i = k % 100;
          return Array.from(nb.indices.subarray(nb.offsets[i], nb.offsets[i + 1]), (j) => t * 100 + j);
        }),
      ),
    );
    expect(res[55]!.z[11]).toBeCloseTo(single.z[11 * 100 + 55]!, 12);
  });

  it('refuses a cube of the wrong size', () => {
    expect(() => emergingHotSpots(new Float64Array(5), steps, nb)).toThrow(/counts.length/);
  });
});
