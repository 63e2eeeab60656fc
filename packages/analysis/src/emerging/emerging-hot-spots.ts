import { VigiaError } from '@vigia/domain';
import { getisOrdGiStar } from '../gistar/gistar.js';
import { mannKendall } from '../trend/mann-kendall.js';
import { neighbourCount, type Neighbours } from '../weights/neighbours.js';
import { classifyEmerging, type EmergingCategory } from './classify.js';

/** Options of {@link emergingHotSpots}. */
export interface EmergingOptions {
  /**
   * Time steps before the current one that count as neighbours (default 1): bin (i, t) has as
   * neighbours the bins of i and of its spatial neighbours at t − k … t (ArcGIS "neighborhood time step").
   */
  timeWindowSteps?: number;
  /** Significance level of the Gi* hot/cold bins and of the Mann–Kendall trend (default 0.05). */
  alpha?: number;
}

/** Result for one location. */
export interface EmergingLocation {
  category: EmergingCategory;
  /** Gi* z-score of each time step. */
  z: number[];
  /** Mann–Kendall z and p of the z-score series (the trend of the hot-spot intensity). */
  trendZ: number;
  trendP: number;
}

/**
 * Emerging hot spot analysis on a space-time cube of incident counts: Gi* on every bin with space-time
 * neighbours, then a Mann–Kendall trend test on each location's Gi* z-scores, then the ArcGIS Pro
 * categories (see classify.ts for the exact criteria): new, consecutive, intensifying, persistent,
 * diminishing, sporadic, oscillating, historical — hot or cold — or no pattern.
 *
 * The Gi* mean and standard deviation are those of the whole cube (every bin of every step), as in
 * ArcGIS. Locations whose counts are zero in every step are 'none'.
 *
 * @param counts - the cube, time-major: counts[t·nLocations + i] = incidents at location i in step t.
 * @param nSteps - number of time steps (e.g. weeks or months), ≥ 2 (≥ 10 for a meaningful trend).
 * @param neighbours - spatial neighbour list of the nLocations locations (e.g. distance band).
 * @param options - see {@link EmergingOptions}.
 * @returns one {@link EmergingLocation} per location. O(steps · (n + links) · window).
 * @throws VigiaError INVALID_ARGUMENT when counts.length ≠ nSteps·nLocations or nSteps < 2.
 * @see ArcGIS Pro "How Emerging Hot Spot Analysis works" (Esri); Getis & Ord (1992); Mann (1945).
 *   Gi* and Mann–Kendall are each validated against R; the categorisation is tested case by case.
 */
export function emergingHotSpots(
  counts: ArrayLike<number>,
  nSteps: number,
  neighbours: Neighbours,
  options: EmergingOptions = {},
): EmergingLocation[] {
  const nLoc = neighbourCount(neighbours);
  if (!Number.isInteger(nSteps) || nSteps < 2 || counts.length !== nSteps * nLoc) {
    throw new VigiaError('INVALID_ARGUMENT', {
      name: 'emergingHotSpots: counts.length',
      value: `${counts.length} ≠ ${nSteps} × ${nLoc}`,
    });
  }
  const window = options.timeWindowSteps ?? 1;
  const alpha = options.alpha ?? 0.05;
  const cube = spaceTimeNeighbours(neighbours, nSteps, window);
  const gi = getisOrdGiStar(counts, cube);
  const out: EmergingLocation[] = [];
  for (let i = 0; i < nLoc; i++) {
    const z: number[] = [];
    const states: (-1 | 0 | 1)[] = [];
    let any = false;
    for (let t = 0; t < nSteps; t++) {
      const k = t * nLoc + i;
      if (counts[k]! !== 0) any = true;
      z.push(gi.z[k]!);
      const sig = gi.p[k]! < alpha;
      states.push(sig ? (gi.z[k]! > 0 ? 1 : -1) : 0);
    }
    const finite = z.every(Number.isFinite);
    const trend = finite ? mannKendall(z) : null;
    const trendSign: -1 | 0 | 1 = trend && trend.p < alpha ? (trend.s > 0 ? 1 : -1) : 0;
    out.push({
      category: any && finite ? classifyEmerging(states, trendSign) : 'none',
      z,
      trendZ: trend?.z ?? NaN,
      trendP: trend?.p ?? NaN,
    });
  }
  return out;
}

/** Neighbours of bin (i, t) in the cube: i's spatial neighbours at t, and i with its neighbours at t − 1 … t − window. */
function spaceTimeNeighbours(nb: Neighbours, nSteps: number, window: number): Neighbours {
  const nLoc = neighbourCount(nb);
  const offsets = new Int32Array(nSteps * nLoc + 1);
  const idx: number[] = [];
  for (let t = 0; t < nSteps; t++) {
    for (let i = 0; i < nLoc; i++) {
      const list: number[] = [];
      for (let s = Math.max(0, t - window); s <= t; s++) {
        if (s !== t) list.push(s * nLoc + i);
        for (let e = nb.offsets[i]!; e < nb.offsets[i + 1]!; e++) list.push(s * nLoc + nb.indices[e]!);
      }
      list.sort((a, b) => a - b);
      for (const j of list) idx.push(j);
      offsets[t * nLoc + i + 1] = idx.length;
    }
  }
  return { offsets, indices: Int32Array.from(idx) };
}
