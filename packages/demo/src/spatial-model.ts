import type { OffenseCategory } from '@vigia/domain';
import { DEMO_HOT_SPOTS } from './hot-spots.js';
import { placeInSector, pointNear, uniformInSector, type DemoPoint } from './locations.js';
import type { Rng } from './prng.js';
import { sectorByCode, type DemoSector, type DemoUnits } from './units.js';

/**
 * How much of each category's background (outside hot spots) follows where people live rather than
 * where they shop and work (0–1): burglary, domestic and sexual violence follow residents; theft,
 * robbery and extortion follow commerce.
 */
export const RESIDENTIAL_SHARE: Readonly<Record<OffenseCategory, number>> = {
  homicide: 0.5,
  sexual_assault: 0.9,
  robbery: 0.3,
  aggravated_assault: 0.5,
  burglary: 1,
  theft: 0.2,
  motor_vehicle_theft: 0.5,
  extortion: 0.3,
  domestic_violence: 1,
  simple_assault: 0.5,
  weapons: 0.5,
  drugs: 0.5,
  other: 0.4,
  unclassified: 0.5,
};

/** True for the hours where hot spots use their night factor: 19:00–04:59. */
export function isNightHour(hour: number): boolean {
  return hour >= 19 || hour < 5;
}

/** Draws incident locations by category and hour. Build once per unit tree. */
export interface SpatialModel {
  /**
   * A location for one incident of `category` at local `hour` (0–23): one of the persistent hot spots
   * (with probability its share × day/night factor) or else a background sector (weighted by residents
   * and commerce) and a uniform point in it.
   */
  sample(rng: Rng, category: OffenseCategory, hour: number): DemoPoint;
}

/** Precomputes the sector weights and hot-spot places of `units` for {@link SpatialModel.sample}. */
export function buildSpatialModel(units: DemoUnits): SpatialModel {
  const spots = DEMO_HOT_SPOTS.map((h) => ({
    spot: h,
    sector: sectorByCode(units, h.sector),
    centre: placeInSector(units, h.sector, h.at),
    to: h.to ? placeInSector(units, h.sector, h.to) : undefined,
  }));
  // Component weights per category, for day and for night hours: the hot spots, then the background.
  const componentCache = new Map<OffenseCategory, { day: number[]; night: number[] }>();
  const components = (category: OffenseCategory) => {
    let c = componentCache.get(category);
    if (!c) {
      const make = (night: boolean) => {
        const w = spots.map(
          (s) => (s.spot.shares[category] ?? 0) * (night ? s.spot.nightFactor : s.spot.dayFactor),
        );
        w.push(Math.max(0, 1 - w.reduce((a, b) => a + b, 0)));
        return w;
      };
      c = { day: make(false), night: make(true) };
      componentCache.set(category, c);
    }
    return c;
  };
  const backgroundCache = new Map<OffenseCategory, number[]>();
  const background = (category: OffenseCategory): number[] => {
    let w = backgroundCache.get(category);
    if (!w) {
      const r = RESIDENTIAL_SHARE[category];
      w = units.sectors.map((s) => r * s.residents + (1 - r) * s.commerce);
      backgroundCache.set(category, w);
    }
    return w;
  };
  return {
    sample(rng, category, hour) {
      const c = components(category);
      const s = spots[rng.weighted(isNightHour(hour) ? c.night : c.day)];
      if (s) return pointNear(rng, units, s.centre, s.to, s.spot.sigmaMeters, s.sector);
      const sector: DemoSector = units.sectors[rng.weighted(background(category))]!;
      return uniformInSector(rng, sector);
    },
  };
}
