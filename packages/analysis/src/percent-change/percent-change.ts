/**
 * Percent change from `previous` to `current`: 100 · (current − previous) / previous, or null when
 * previous is 0 (a change from nothing has no percentage; never Infinity or NaN).
 * @param current - count in the current window (any finite number).
 * @param previous - count in the comparison window.
 */
export function percentChange(current: number, previous: number): number | null {
  return previous === 0 ? null : (100 * (current - previous)) / previous;
}
