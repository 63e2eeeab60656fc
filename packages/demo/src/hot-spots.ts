import type { OffenseCategory } from '@vigia/domain';
import type { HourProfileName } from './offense-labels.js';

/**
 * A persistent hot spot: a place where some offenses concentrate every year (a market, a nightlife
 * strip...). Its position is given relative to a sector's rectangle so that it stays in that
 * neighbourhood whatever the seed; incidents spread around it with a Gaussian of `sigmaMeters` and may
 * spill into neighbouring sectors, as real clusters do.
 */
export interface DemoHotSpot {
  /** Spanish name shown in docs, e.g. "Mercado Municipal". */
  name: string;
  /** Code of the sector holding its centre. */
  sector: string;
  /** Centre as fractions (0–1) of the sector's width (west→east) and height (south→north). */
  at: readonly [number, number];
  /** For a strip (a street): the other end of the segment, same units; incidents spread along it. */
  to?: readonly [number, number];
  /** Standard deviation of the spread around the centre (or the segment), in metres. */
  sigmaMeters: number;
  /** Share (0–1) of each category's city-wide incidents that fall here, before the day/night factors. */
  shares: Partial<Record<OffenseCategory, number>>;
  /** Multiplier of the shares from 05:00 to 18:59. */
  dayFactor: number;
  /** Multiplier of the shares from 19:00 to 04:59. */
  nightFactor: number;
}

/** The five persistent hot spots of Ciudad Esperanza (all invented). */
export const DEMO_HOT_SPOTS: readonly DemoHotSpot[] = [
  {
    name: 'Mercado Municipal',
    sector: 'P1-S1',
    at: [0.55, 0.5],
    sigmaMeters: 180,
    shares: { theft: 0.16, robbery: 0.1, simple_assault: 0.05 },
    dayFactor: 1.3,
    nightFactor: 0.25,
  },
  {
    name: 'Calle Luna (bares y discotecas)',
    sector: 'P2-S2',
    at: [0.2, 0.45],
    to: [0.8, 0.6],
    sigmaMeters: 45,
    shares: {
      simple_assault: 0.14,
      aggravated_assault: 0.14,
      other: 0.08,
      homicide: 0.06,
      robbery: 0.05,
      theft: 0.04,
      sexual_assault: 0.05,
    },
    dayFactor: 0.3,
    nightFactor: 2.2,
  },
  {
    name: 'Terminal de Buses',
    sector: 'P3-S2',
    at: [0.4, 0.6],
    sigmaMeters: 150,
    shares: { theft: 0.09, robbery: 0.08 },
    dayFactor: 1.1,
    nightFactor: 0.8,
  },
  {
    name: 'Barrio El Progreso (punto de venta de drogas)',
    sector: 'P3-S3',
    at: [0.5, 0.5],
    sigmaMeters: 220,
    shares: { drugs: 0.3, weapons: 0.22, homicide: 0.22, aggravated_assault: 0.08, extortion: 0.2 },
    dayFactor: 1,
    nightFactor: 1,
  },
  {
    name: 'Centro Comercial Los Almendros (estacionamientos)',
    sector: 'P4-S1',
    at: [0.6, 0.4],
    sigmaMeters: 120,
    shares: { motor_vehicle_theft: 0.25, theft: 0.05 },
    dayFactor: 1,
    nightFactor: 1,
  },
];

/**
 * A short-lived flare-up near the end of the series: extra incidents of one label around one place,
 * with a triangular rate (0 at `startDaysBeforeEnd`, `peakPerDay` at `peakDaysBeforeEnd`, 0 again at
 * `endDaysBeforeEnd`; negative = after the last day, i.e. still going on). Days count back from the
 * last day of data (0 = the last day). They give the latest COMPSTAT week something to discuss.
 */
export interface DemoFlareUp {
  name: string;
  /** Source label of the offense, one of DEMO_OFFENSE_LABELS. */
  label: string;
  sector: string;
  at: readonly [number, number];
  sigmaMeters: number;
  startDaysBeforeEnd: number;
  peakDaysBeforeEnd: number;
  endDaysBeforeEnd: number;
  /** Extra incidents per day at the peak. */
  peakPerDay: number;
  hours: HourProfileName;
}

/**
 * The two flare-ups: an armed-robbery series in a quiet residential sector, still rising in the last
 * week (an emerging hot spot), and a wave of vehicle thefts that peaked about two months before the end
 * and is over (a 28-day decrease to explain).
 */
export const DEMO_FLARE_UPS: readonly DemoFlareUp[] = [
  {
    name: 'Serie de robos a mano armada en La Colina',
    label: 'ROBO A MANO ARMADA',
    sector: 'P5-S2',
    at: [0.35, 0.55],
    sigmaMeters: 160,
    startDaysBeforeEnd: 28,
    peakDaysBeforeEnd: 1,
    endDaysBeforeEnd: -10,
    peakPerDay: 2,
    hours: 'evening',
  },
  {
    name: 'Ola de hurtos de vehículos en Santa Rita',
    label: 'HURTO DE VEHÍCULO',
    sector: 'P4-S3',
    at: [0.5, 0.4],
    sigmaMeters: 200,
    startDaysBeforeEnd: 85,
    peakDaysBeforeEnd: 62,
    endDaysBeforeEnd: 36,
    peakPerDay: 1.1,
    hours: 'vehicles',
  },
];

/** Expected extra incidents per day of `flare` on the day `daysBeforeEnd` days before the last day. */
export function flareRatePerDay(flare: DemoFlareUp, daysBeforeEnd: number): number {
  const { startDaysBeforeEnd: s, peakDaysBeforeEnd: p, endDaysBeforeEnd: e, peakPerDay } = flare;
  if (daysBeforeEnd >= s || daysBeforeEnd <= e) return 0;
  return daysBeforeEnd >= p
    ? (peakPerDay * (s - daysBeforeEnd)) / (s - p)
    : (peakPerDay * (daysBeforeEnd - e)) / (p - e);
}
