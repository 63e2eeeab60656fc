import { ymdOf } from '@vigia/domain';
import { dailyFactor, demoDay } from './calendar.js';
import { DEMO_FLARE_UPS, flareRatePerDay } from './hot-spots.js';
import { placeInSector, pointNear } from './locations.js';
import { DEMO_OFFENSE_LABELS, type DemoOffenseLabel } from './offense-labels.js';
import type { ResolvedDemoOptions } from './options.js';
import { createRng, deriveSeed, type Rng } from './prng.js';
import { buildSpatialModel } from './spatial-model.js';
import { DEMO_CLEARANCE_RAMP_DAYS, DEMO_UNFOUNDED_SHARE } from './statuses.js';
import { heapedMinute, hourWeights, HOUR_PROFILES } from './time-of-day.js';
import { sectorByCode, type DemoUnits } from './units.js';

/** Source status label of the demo records system. */
export type DemoStatusLabel = 'REPORTADO' | 'INFUNDADO' | 'ESCLARECIDO';

/** One simulated incident, before it is written as a CSV row (and before any data problem). */
export interface DemoIncident {
  /** "CE-<year>-<6-digit sequence>", numbered in time order within each year of occurrence. */
  id: string;
  /** Local date, as a day number (days since 1970-01-01). */
  day: number;
  /** Local time of day in minutes, 0–1439. */
  minute: number;
  /** Offense label, one of DEMO_OFFENSE_LABELS. */
  offense: DemoOffenseLabel;
  status: DemoStatusLabel;
  /** Sector code (the source unit); the point lies strictly inside it. */
  sector: string;
  /** WGS84 degrees, 6 decimals. */
  lon: number;
  lat: number;
  /** Name of the flare-up that produced it, or null for the ordinary background and hot spots. */
  flareUp: string | null;
}

const LABEL_BY_NAME = new Map(DEMO_OFFENSE_LABELS.map((o) => [o.label, o]));

function drawStatus(rng: Rng, offense: DemoOffenseLabel, ageDays: number): DemoStatusLabel {
  if (rng.chance(DEMO_UNFOUNDED_SHARE)) return 'INFUNDADO';
  const p = offense.clearanceRate * Math.min(1, ageDays / DEMO_CLEARANCE_RAMP_DAYS);
  return rng.chance(p) ? 'ESCLARECIDO' : 'REPORTADO';
}

/**
 * Simulates the incidents of Ciudad Esperanza from `startDay` to `endDay` (inclusive), in time order.
 *
 * Model: for every day and offense label, the count is Poisson with mean base rate × yearly cycle ×
 * weekday × festivities × slow trend (calendar.ts) × the sum of the day's hour weights, which lifts
 * Friday and Saturday nights (time-of-day.ts). Each incident gets an hour from those weights, a
 * minute with realistic heaping on :00 and :30, a place from the hot spots or the background sectors
 * (spatial-model.ts) and a status (unfounded ≈ 1 %; cleared more often for old cases and for drug and
 * weapon finds). The flare-ups (hot-spots.ts) add their own incidents. Synthetic: nothing here is real.
 *
 * Deterministic: depends only on `units` and `options` (seed and dates). About 30 incidents a day;
 * O(days × labels × 24 + incidents).
 */
export function simulateIncidents(units: DemoUnits, options: ResolvedDemoOptions): DemoIncident[] {
  const rng = createRng(deriveSeed(options.seed, 'incidents'));
  const spatial = buildSpatialModel(units);
  const hourTable = DEMO_OFFENSE_LABELS.map((o) => [1, 2, 3, 4, 5, 6, 7].map((wd) => hourWeights(o, wd)));
  const flares = DEMO_FLARE_UPS.map((f) => {
    const offense = LABEL_BY_NAME.get(f.label);
    if (!offense) throw new Error(`simulateIncidents: flare-up label ${f.label} is not a demo label`);
    return {
      flare: f,
      offense,
      sector: sectorByCode(units, f.sector),
      centre: placeInSector(units, f.sector, f.at),
    };
  });

  const out: DemoIncident[] = [];
  for (let day = options.startDay; day <= options.endDay; day++) {
    const info = demoDay(day);
    const years = (day - options.startDay) / 365.25;
    const ageDays = options.endDay - day;
    const today: DemoIncident[] = [];
    DEMO_OFFENSE_LABELS.forEach((offense, i) => {
      const hours = hourTable[i]![info.weekday - 1]!;
      const perDay = hours.reduce((a, b) => a + b, 0);
      const n = rng.poisson(offense.baseRatePerDay * dailyFactor(offense, info, years) * perDay);
      for (let k = 0; k < n; k++) {
        const hour = rng.weighted(hours);
        const minute = hour * 60 + heapedMinute(rng.next(), rng.next());
        const p = spatial.sample(rng, offense.category, hour);
        const status = drawStatus(rng, offense, ageDays);
        today.push({
          id: '', // numbered below, once the order is known
          day,
          minute,
          offense,
          status,
          sector: p.sector.code,
          lon: p.lon,
          lat: p.lat,
          flareUp: null,
        });
      }
    });
    for (const f of flares) {
      const n = rng.poisson(flareRatePerDay(f.flare, ageDays));
      for (let k = 0; k < n; k++) {
        const hour = rng.weighted(HOUR_PROFILES[f.flare.hours]);
        const minute = hour * 60 + heapedMinute(rng.next(), rng.next());
        const p = pointNear(rng, units, f.centre, undefined, f.flare.sigmaMeters, f.sector);
        const status = drawStatus(rng, f.offense, ageDays);
        today.push({
          id: '', // numbered below, once the order is known
          day,
          minute,
          offense: f.offense,
          status,
          sector: p.sector.code,
          lon: p.lon,
          lat: p.lat,
          flareUp: f.flare.name,
        });
      }
    }
    today.sort((a, b) => a.minute - b.minute); // stable: ties keep generation order
    out.push(...today);
  }

  const seqByYear = new Map<number, number>();
  for (const inc of out) {
    const year = ymdOf(inc.day).y;
    const seq = (seqByYear.get(year) ?? 0) + 1;
    seqByYear.set(year, seq);
    inc.id = `CE-${year}-${String(seq).padStart(6, '0')}`;
  }
  return out;
}
