import type { DemoOffenseLabel, HourProfileName } from './offense-labels.js';

/**
 * Relative incidence by local hour (index 0 = 00:00–00:59 … 23 = 23:00–23:59) for each kind of
 * offense, shaped after published time-of-day patterns: street theft peaks in business hours,
 * fights and homicides at night, burglary of homes in working hours, vehicle theft overnight,
 * domestic violence in the evening, drug and weapon finds follow patrol activity, extortion follows
 * office hours. Unitless; only ratios matter.
 */
export const HOUR_PROFILES: Readonly<Record<HourProfileName, readonly number[]>> = {
  daytime: [2, 1, 1, 1, 1, 2, 4, 6, 8, 10, 11, 12, 12, 12, 12, 12, 12, 11, 10, 8, 6, 5, 4, 3],
  evening: [5, 4, 3, 2, 2, 2, 3, 4, 5, 6, 6, 7, 7, 7, 7, 8, 9, 10, 11, 11, 10, 9, 8, 6],
  night: [10, 9, 7, 5, 3, 2, 2, 2, 3, 3, 4, 4, 5, 5, 5, 6, 6, 7, 8, 10, 11, 12, 12, 11],
  homes: [3, 3, 3, 3, 3, 3, 4, 6, 8, 9, 10, 10, 10, 10, 10, 9, 8, 7, 6, 5, 5, 4, 4, 3],
  vehicles: [9, 9, 8, 7, 6, 4, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 5, 6, 7, 8, 9, 10, 10, 10],
  domestic: [6, 5, 4, 3, 2, 2, 2, 3, 4, 4, 4, 5, 5, 5, 5, 6, 7, 8, 10, 11, 12, 11, 9, 8],
  proactive: [5, 4, 3, 2, 1, 1, 1, 2, 3, 5, 6, 7, 7, 8, 8, 9, 10, 11, 11, 11, 10, 9, 8, 6],
  office: [1, 1, 1, 1, 1, 1, 2, 4, 8, 11, 12, 12, 11, 11, 12, 11, 10, 8, 5, 3, 2, 2, 1, 1],
};

const normalized = new Map<HourProfileName, number[]>(
  Object.entries(HOUR_PROFILES).map(([k, v]) => {
    const sum = v.reduce((a, b) => a + b, 0);
    return [k as HourProfileName, v.map((x) => x / sum)];
  }),
);

/** True for the hours of a Friday or Saturday night: Fri/Sat 20:00–23:59 and Sat/Sun 00:00–03:59. */
export function isWeekendNight(weekday: number, hour: number): boolean {
  return ((weekday === 5 || weekday === 6) && hour >= 20) || ((weekday === 6 || weekday === 7) && hour < 4);
}

/**
 * Expected share of an offense's average daily count falling in each hour of a day with ISO weekday
 * `weekday` (1 = Monday). The hour profile sums to 1; Friday and Saturday night hours are raised by
 * `offense.weekendNightBoost`, so those days sum to more than 1 (the extra incidents of weekend nights).
 * @returns 24 non-negative numbers.
 */
export function hourWeights(offense: DemoOffenseLabel, weekday: number): number[] {
  const base = normalized.get(offense.hours)!;
  return base.map((w, h) => (isWeekendNight(weekday, h) ? w * (1 + offense.weekendNightBoost) : w));
}

/**
 * Draws the minute of an hour the way records systems show it: officers often round reported times,
 * so about a quarter of times fall on :00 and one in ten on :30 ("heaping"); the rest are uniform.
 * @param u - a uniform number in [0, 1).
 * @param v - another, independent, uniform number in [0, 1).
 */
export function heapedMinute(u: number, v: number): number {
  if (u < 0.25) return 0;
  if (u < 0.35) return 30;
  return Math.floor(v * 60);
}
