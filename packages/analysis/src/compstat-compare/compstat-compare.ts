import { VigiaError } from '@vigia/domain';
import { poissonRateTest } from '../poisson-rate-test/poisson-rate-test.js';
import { percentChange } from '../percent-change/percent-change.js';

/** One COMPSTAT cell: a count now, the count a year earlier, and whether the difference is significant. */
export interface CompstatCompareResult {
  /** Count in the current window. */
  current: number;
  /** Count in the previous window (same calendar dates one year earlier). */
  previous: number;
  /** current − previous (incidents). */
  change: number;
  /** 100·change/previous (percent); null when previous = 0, so never Infinity or NaN. */
  pctChange: number | null;
  /** Two-sided exact p-value of {@link poissonRateTest}, weighted by the window lengths; 1 for 0 vs 0. */
  pValue: number;
  /** pValue < alpha; always false when both counts are 0. */
  significant: boolean;
}

/**
 * The numbers of one COMPSTAT cell (unit × offense × window): counts, change, percent change and whether
 * the change is more than chance, by the exact Poisson rate test with each window's length in days as its
 * exposure. A 28-day window after 29 February compared with the 27 days of the same dates a year earlier is
 * therefore weighed per day, not per window.
 *
 * The percent change is the raw count change, as the COMPSTAT book prints it; it does not adjust for the
 * window lengths (the p-value does).
 *
 * @param current - incidents in the current window, a whole number ≥ 0.
 * @param previous - incidents in the previous window, a whole number ≥ 0.
 * @param exposureCurrentDays - length of the current window in days, > 0 (e.g. 7, 28, 349).
 * @param exposurePreviousDays - length of the previous window in days, > 0.
 * @param alpha - significance level in (0, 1) (default 0.05).
 * @returns a {@link CompstatCompareResult}. O(√N).
 * @throws VigiaError INVALID_ARGUMENT for a negative or fractional count, a non-positive exposure, or an
 *   alpha outside (0, 1).
 * @see docs/methods/significance.md; ../shared/reference/compstat (counts and % change, R 4.2.2).
 */
export function compstatCompare(
  current: number,
  previous: number,
  exposureCurrentDays: number,
  exposurePreviousDays: number,
  alpha = 0.05,
): CompstatCompareResult {
  if (!(alpha > 0 && alpha < 1)) {
    throw new VigiaError('INVALID_ARGUMENT', { name: 'alpha', value: String(alpha) });
  }
  const test = poissonRateTest(current, previous, exposureCurrentDays, exposurePreviousDays);
  const change = current - previous;
  return {
    current,
    previous,
    change,
    pctChange: percentChange(current, previous),
    pValue: test.pValue,
    significant: test.testable && test.pValue < alpha,
  };
}
