/** Emerging hot spot categories (ArcGIS Pro), hot and cold, or no pattern. */
export type EmergingCategory =
  | 'none'
  | `${'new' | 'consecutive' | 'intensifying' | 'persistent' | 'diminishing' | 'sporadic' | 'oscillating' | 'historical'}_${'hot' | 'cold'}`;

const PATTERNS = [
  'new',
  'consecutive',
  'intensifying',
  'persistent',
  'diminishing',
  'sporadic',
  'oscillating',
  'historical',
] as const;

/** Every category in legend order (ArcGIS Pro's): the hot patterns, the cold ones, then none. */
export const EMERGING_CATEGORIES: readonly EmergingCategory[] = [
  ...PATTERNS.map((p) => `${p}_hot` as const),
  ...PATTERNS.map((p) => `${p}_cold` as const),
  'none',
];

/**
 * The emerging hot spot category of one location from its per-step significance states and the trend
 * of its Gi* z-scores. Criteria (ArcGIS Pro "How Emerging Hot Spot Analysis works"), for hot spots
 * (cold spots mirror them, swapping hot and cold and the trend's sign):
 *
 * - final step hot and ≥ 90 % of steps hot: **intensifying** when the z trend rises significantly,
 *   **diminishing** when it falls significantly, otherwise **persistent**;
 * - final step hot, < 90 % hot: **new** when no earlier step was hot; **consecutive** when the hot steps
 *   form one uninterrupted run of ≥ 2 steps ending at the final one; otherwise **oscillating** when some
 *   earlier step was a significant cold spot, else **sporadic**;
 * - final step not hot but ≥ 90 % of steps hot: **historical**;
 * - anything else: none (unless the cold mirror applies).
 *
 * @param states - per time step: 1 significant hot, −1 significant cold, 0 neither (oldest first).
 * @param trendSign - 1 significant rising z trend, −1 significant falling, 0 none.
 */
export function classifyEmerging(states: readonly (-1 | 0 | 1)[], trendSign: -1 | 0 | 1): EmergingCategory {
  return side(states, trendSign, 1) ?? side(states, trendSign, -1) ?? 'none';
}

function side(states: readonly (-1 | 0 | 1)[], trendSign: -1 | 0 | 1, sign: 1 | -1): EmergingCategory | null {
  const name = sign === 1 ? 'hot' : 'cold';
  const n = states.length;
  const hits = states.filter((s) => s === sign).length;
  const mostly = hits >= 0.9 * n;
  const finalHit = states[n - 1] === sign;
  if (finalHit && mostly) {
    if (trendSign === sign) return `intensifying_${name}`;
    if (trendSign === -sign) return `diminishing_${name}`;
    return `persistent_${name}`;
  }
  if (finalHit) {
    if (hits === 1) return `new_${name}`;
    let run = 0;
    while (run < n && states[n - 1 - run] === sign) run++;
    if (run >= 2 && run === hits) return `consecutive_${name}`;
    if (states.slice(0, n - 1).some((s) => s === -sign)) return `oscillating_${name}`;
    return `sporadic_${name}`;
  }
  if (mostly) return `historical_${name}`;
  return null;
}
