import { dayNumber, daysInMonth, isoWeekday, ymdOf, type OffenseCategory } from '@vigia/domain';
import type { DemoOffenseLabel } from './offense-labels.js';

/**
 * What the generator needs to know about one local date (a day number, days since 1970-01-01 on the
 * agency calendar; the host's time zone never enters).
 */
export interface DemoDay {
  day: number;
  year: number;
  /** Month 1–12. */
  month: number;
  /** Day of month 1–31. */
  dayOfMonth: number;
  /** Day of year, 0 = 1 January. */
  dayOfYear: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Named festivities that change the rates that day (see {@link HOLIDAY_EFFECTS}). */
  holidays: readonly HolidayName[];
}

/** Days with their own crime pattern in a Panamanian city. */
export type HolidayName =
  'carnaval' | 'anio_nuevo' | 'fiestas_patrias' | 'fiestas_de_fin_de_anio' | 'quincena';

/**
 * Multipliers of the daily rate by festivity and category (missing = 1). Carnival (Saturday to Tuesday
 * before Ash Wednesday) and New Year bring fights and damage; the November patriotic holidays (3 and
 * 4 November) a little of the same; the second half of December (bonuses, shopping) and the paydays
 * ("quincena", the 15th and the last day of the month) more theft and robbery.
 */
export const HOLIDAY_EFFECTS: Readonly<Record<HolidayName, Partial<Record<OffenseCategory, number>>>> = {
  carnaval: {
    simple_assault: 1.6,
    aggravated_assault: 1.5,
    other: 1.4,
    theft: 1.3,
    sexual_assault: 1.3,
    homicide: 1.3,
    robbery: 1.2,
    domestic_violence: 1.2,
  },
  anio_nuevo: {
    simple_assault: 1.6,
    aggravated_assault: 1.6,
    homicide: 1.5,
    other: 1.5,
    domestic_violence: 1.4,
  },
  fiestas_patrias: { simple_assault: 1.25, aggravated_assault: 1.2, other: 1.2 },
  fiestas_de_fin_de_anio: { theft: 1.15, robbery: 1.15, domestic_violence: 1.1 },
  quincena: { theft: 1.12, robbery: 1.15 },
};

/**
 * Day number of Easter Sunday (Gregorian calendar) of `year`: the anonymous Gregorian algorithm
 * (Meeus/Jones/Butcher). Carnival is dated from it.
 */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumber(year, month, day);
}

/** Describes local date `day` (a day number): calendar fields, weekday and festivities. */
export function demoDay(day: number): DemoDay {
  const { y, m, d } = ymdOf(day);
  const holidays: HolidayName[] = [];
  const easter = easterSunday(y);
  // Carnival: Saturday (Easter − 50) to Tuesday (Easter − 47), before Ash Wednesday.
  if (day >= easter - 50 && day <= easter - 47) holidays.push('carnaval');
  if (m === 1 && d === 1) holidays.push('anio_nuevo');
  if (m === 11 && (d === 3 || d === 4)) holidays.push('fiestas_patrias');
  if (m === 12 && d >= 15) holidays.push('fiestas_de_fin_de_anio');
  if (d === 15 || d === daysInMonth(y, m)) holidays.push('quincena');
  return {
    day,
    year: y,
    month: m,
    dayOfMonth: d,
    dayOfYear: day - dayNumber(y, 1, 1),
    weekday: isoWeekday(day),
    holidays,
  };
}

/**
 * Multiplier of an offense's base daily rate on a given day: yearly cycle (peak in the dry season,
 * around 20 January; trough in the rainy season, around July–August) × weekday × festivities × slow
 * trend. Unitless; about 0.6–2.
 *
 * @param yearsSinceStart - time since the first day of the series, in years (days / 365.25).
 */
export function dailyFactor(offense: DemoOffenseLabel, day: DemoDay, yearsSinceStart: number): number {
  const season = 1 + offense.seasonalAmplitude * Math.cos((2 * Math.PI * (day.dayOfYear - 20)) / 365.25);
  const weekday = offense.weekday[day.weekday - 1] ?? 1;
  let holiday = 1;
  for (const h of day.holidays) holiday *= HOLIDAY_EFFECTS[h][offense.category] ?? 1;
  const trend = Math.pow(1 + offense.trendPerYear, yearsSinceStart);
  return season * weekday * holiday * trend;
}
