import { VigiaError, daysInMonth, dayNumber, formatLocalDate, ymdOf } from '@vigia/domain';

/** Length of a space-time cube's time step. */
export type StepKind = 'week' | 'month';

/** The time steps of a period, oldest first, and the step of any local day. */
export interface TimeSteps {
  kind: StepKind;
  /** First and last local date of each step, `YYYY-MM-DD`, inclusive. */
  steps: { start: string; end: string }[];
  /** Index of the step holding local day number `day` (days since 1970-01-01), −1 when none does. */
  stepOf: (day: number) => number;
}

/** Whole calendar months inside [fromDay, toDay] needed for `auto` to choose months (ArcGIS: ≥ 10 steps). */
export const AUTO_MIN_MONTHS = 10;

/**
 * Cuts the period [fromDay, toDay] (local day numbers, inclusive) into whole time steps:
 * - `week`: 7-day steps counted back from `toDay`, so the last step always ends on the last day of
 *   the period (ISO weeks when `toDay` is a Sunday); the < 7 days left at the start are in no step;
 * - `month`: the calendar months lying entirely inside the period; days of a partial month at either
 *   end are in no step;
 * - `auto`: months when the period holds at least {@link AUTO_MIN_MONTHS} whole months, else weeks.
 * Incidents on days in no step are left out of the cube (the caller counts them).
 * @throws VigiaError INVALID_ARGUMENT (`--step`) for another kind.
 */
export function timeSteps(fromDay: number, toDay: number, kind: string = 'auto'): TimeSteps {
  if (kind !== 'auto' && kind !== 'week' && kind !== 'month')
    throw new VigiaError('INVALID_ARGUMENT', { name: '--step', value: kind });
  if (kind === 'auto') return monthSteps(fromDay, toDay, AUTO_MIN_MONTHS) ?? weekSteps(fromDay, toDay);
  return kind === 'week' ? weekSteps(fromDay, toDay) : monthSteps(fromDay, toDay, 0)!;
}

function weekSteps(fromDay: number, toDay: number): TimeSteps {
  const n = Math.floor((toDay - fromDay + 1) / 7);
  const first = toDay - 7 * n + 1;
  const steps = Array.from({ length: n }, (_, t) => ({
    start: formatLocalDate(first + 7 * t),
    end: formatLocalDate(first + 7 * t + 6),
  }));
  return {
    kind: 'week',
    steps,
    stepOf: (day) => (day < first || day > toDay ? -1 : Math.floor((day - first) / 7)),
  };
}

/** Whole months inside the period; null when fewer than `min`. */
function monthSteps(fromDay: number, toDay: number, min: number): TimeSteps | null {
  const a = ymdOf(fromDay);
  const b = ymdOf(toDay);
  const firstIndex = a.y * 12 + a.m - 1 + (a.d === 1 ? 0 : 1);
  const lastIndex = b.y * 12 + b.m - 1 - (b.d === daysInMonth(b.y, b.m) ? 0 : 1);
  const n = Math.max(0, lastIndex - firstIndex + 1);
  if (n < min) return null;
  const steps = Array.from({ length: n }, (_, t) => {
    const y = Math.floor((firstIndex + t) / 12);
    const m = ((firstIndex + t) % 12) + 1;
    return {
      start: formatLocalDate(dayNumber(y, m, 1)),
      end: formatLocalDate(dayNumber(y, m, daysInMonth(y, m))),
    };
  });
  return {
    kind: 'month',
    steps,
    stepOf: (day) => {
      const d = ymdOf(day);
      const t = d.y * 12 + d.m - 1 - firstIndex;
      return t >= 0 && t < n ? t : -1;
    },
  };
}
