import { parseLocalDate, shiftYears, VigiaError } from '@vigia/domain';

/** Options of the demo generator. */
export interface DemoOptions {
  /** Integer seed (default {@link DEFAULT_DEMO_SEED}); the same seed and dates give the same bytes. */
  seed?: number;
  /** Last day of data, inclusive, local date `YYYY-MM-DD` in the agency's time zone. */
  endDate: string;
  /** Length of the series in whole years (default 3, 1–10): it starts the day after endDate − years. */
  years?: number;
}

/** Seed used when none is given. */
export const DEFAULT_DEMO_SEED = 20_250_101;

/** Options with defaults applied and dates as day numbers (days since 1970-01-01, local calendar). */
export interface ResolvedDemoOptions {
  seed: number;
  years: number;
  /** First day of data (inclusive): the day after the same date `years` years before `endDay`. */
  startDay: number;
  /** Last day of data (inclusive). */
  endDay: number;
}

/**
 * Applies defaults and checks the options.
 * @throws VigiaError INVALID_DATE when endDate is not a real `YYYY-MM-DD` date; INVALID_ARGUMENT when
 *   years is not an integer from 1 to 10 or seed is not a finite number.
 */
export function resolveDemoOptions(options: DemoOptions): ResolvedDemoOptions {
  const years = options.years ?? 3;
  if (!Number.isInteger(years) || years < 1 || years > 10) {
    throw new VigiaError('INVALID_ARGUMENT', { name: 'years', value: String(years) });
  }
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  if (!Number.isFinite(seed)) throw new VigiaError('INVALID_ARGUMENT', { name: 'seed', value: String(seed) });
  const endDay = parseLocalDate(options.endDate);
  return { seed, years, startDay: shiftYears(endDay, -years) + 1, endDay };
}
