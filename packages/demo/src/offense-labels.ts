import type { OffenseCategory } from '@vigia/domain';

/** Name of an hour-of-day profile (see time-of-day.ts). */
export type HourProfileName =
  'daytime' | 'evening' | 'night' | 'homes' | 'vehicles' | 'domestic' | 'proactive' | 'office';

/**
 * One offense label of the demo's source system and how it behaves in the generator.
 * Rates are for an average day at the start of the series, before seasonality, weekday, holidays and
 * trend; all factors are multiplicative.
 */
export interface DemoOffenseLabel {
  /** Label exactly as the fictional records system writes it (Spanish, upper case). */
  label: string;
  /** Canonical category the demo mapping assigns to the label. */
  category: OffenseCategory;
  /** Mean incidents per day, city-wide, at the start of the series. */
  baseRatePerDay: number;
  /** Slow trend: relative change per year (−0.03 = −3 % a year), compounded daily. */
  trendPerYear: number;
  /** Amplitude of the yearly cycle (0.1 = ±10 %), peaking in the dry season (January). */
  seasonalAmplitude: number;
  /** Hour-of-day profile. */
  hours: HourProfileName;
  /** Day-of-week factors, Monday first (ISO order). */
  weekday: readonly [number, number, number, number, number, number, number];
  /** Extra share on Friday and Saturday nights (20:00–03:59): 0.8 = 80 % more in those hours. */
  weekendNightBoost: number;
  /** Share of incidents cleared once the case is old enough (0–1). */
  clearanceRate: number;
}

const FLAT = [1, 1, 1, 1, 1, 1, 1] as const;
const STREET = [0.98, 0.95, 0.96, 0.99, 1.06, 1.1, 1.0] as const;
const WORKDAYS = [1.06, 1.06, 1.05, 1.05, 1.02, 0.92, 0.84] as const;
const OFFICE = [1.12, 1.12, 1.1, 1.1, 1.04, 0.78, 0.62] as const;
const FAMILY = [0.95, 0.9, 0.9, 0.93, 1.02, 1.15, 1.2] as const;

/**
 * The source labels of the demo, most serious first, with realistic relative frequencies for a Central
 * American city (theft most common, homicide rare). About 30 incidents a day in all.
 */
export const DEMO_OFFENSE_LABELS: readonly DemoOffenseLabel[] = [
  l('HOMICIDIO', 'homicide', 0.22, -0.04, 0.06, 'night', STREET, 0.5, 0.45),
  l('VIOLACIÓN', 'sexual_assault', 0.45, 0.0, 0.05, 'night', FAMILY, 0.4, 0.3),
  l('ROBO A MANO ARMADA', 'robbery', 2.7, -0.03, 0.1, 'evening', STREET, 0.3, 0.12),
  l('LESIONES PERSONALES GRAVES', 'aggravated_assault', 1.2, -0.02, 0.08, 'night', STREET, 0.8, 0.35),
  l('ROBO EN VIVIENDA', 'burglary', 2.4, -0.05, 0.08, 'homes', WORKDAYS, 0.05, 0.08),
  l('HURTO', 'theft', 9.0, -0.03, 0.12, 'daytime', STREET, 0.2, 0.06),
  l('HURTO DE VEHÍCULO', 'motor_vehicle_theft', 1.5, -0.04, 0.06, 'vehicles', FLAT, 0.2, 0.07),
  l('EXTORSIÓN', 'extortion', 0.7, 0.15, 0.04, 'office', OFFICE, 0.0, 0.15),
  l('VIOLENCIA DOMÉSTICA', 'domestic_violence', 3.0, 0.04, 0.06, 'domestic', FAMILY, 0.4, 0.4),
  l('LESIONES LEVES', 'simple_assault', 3.6, -0.02, 0.1, 'night', STREET, 0.8, 0.3),
  l('POSESIÓN ILÍCITA DE ARMA', 'weapons', 0.9, -0.02, 0.06, 'proactive', STREET, 0.4, 0.9),
  l('POSESIÓN DE DROGAS', 'drugs', 1.8, 0.0, 0.06, 'proactive', STREET, 0.4, 0.95),
  l('DAÑOS A LA PROPIEDAD', 'other', 2.1, -0.02, 0.08, 'night', STREET, 0.5, 0.1),
];

/**
 * A real-looking label the demo mapping deliberately leaves out, so that a few rows import as
 * `unclassified` and the data-quality view has something to show.
 */
export const DEMO_UNMAPPED_LABEL = 'ALTERACIÓN DEL ORDEN';

function l(
  label: string,
  category: OffenseCategory,
  baseRatePerDay: number,
  trendPerYear: number,
  seasonalAmplitude: number,
  hours: HourProfileName,
  weekday: DemoOffenseLabel['weekday'],
  weekendNightBoost: number,
  clearanceRate: number,
): DemoOffenseLabel {
  return {
    label,
    category,
    baseRatePerDay,
    trendPerYear,
    seasonalAmplitude,
    hours,
    weekday,
    weekendNightBoost,
    clearanceRate,
  };
}
