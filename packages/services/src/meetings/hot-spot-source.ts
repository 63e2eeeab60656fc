import { formatLocalDate, isVigiaError, isoWeekMonday } from '@vigia/domain';
import { analyzeEmerging } from '../spatial/emerging.js';
import type { AgendaDraftItem, AgendaSource } from './generate-agenda.js';

/** Weeks of the space-time cube: a year of weekly steps ending on the reviewed week's Sunday. */
export const HOT_SPOT_WEEKS = 52;
/** At most this many cell centroids are listed per agenda item (the biggest counts first). */
export const HOT_SPOT_MAX_PLACES = 5;

/** One listed cell of a `hot_spot` item: its emerging category, centroid (WGS84 degrees) and count. */
export interface HotSpotPlace {
  category: 'new' | 'intensifying';
  lon: number;
  lat: number;
  /** Incidents in the cell over the 52 weeks. */
  count: number;
}

/** Figures of a `hot_spot` agenda item (emerging hot spots of the unit, all categories). */
export interface HotSpotFigures {
  /** First and last local dates of the cube (52 whole ISO weeks, the last one the reviewed week). */
  from: string;
  to: string;
  step: 'week';
  /** Grid cell side in metres. */
  cellSizeMeters: number;
  /** Cells whose final week is hot (`new_hot`) and never was before. */
  new: number;
  /** Cells hot in ≥ 90 % of the weeks, the final one included, with a rising trend (`intensifying_hot`). */
  intensifying: number;
  /** Up to {@link HOT_SPOT_MAX_PLACES} of those cells, most incidents first. */
  places: HotSpotPlace[];
}

/** Options of {@link emergingHotSpotSource}. */
export interface HotSpotSourceOptions {
  /** Grid cell side in metres (default the analysis's 500). */
  cellSizeMeters?: number | undefined;
}

/**
 * The agenda source of new and intensifying hot spots (docs/meetings.md, rule 4): for each meeting
 * unit with a polygon, the emerging hot spot analysis (docs/methods/emerging-hot-spots.md; 500 m cells unless
 * `options.cellSizeMeters`,
 * band 2 × cell, time window 1, α 0.05) over the {@link HOT_SPOT_WEEKS} ISO weeks ending on the reviewed
 * week's Sunday, all offense categories together. One `hot_spot` item (category `'*'`) when at least one
 * cell is a new or intensifying hot spot (`new_hot`, `intensifying_hot`; cold spots are not listed). Weeks, not months: 52 steps give the Mann–Kendall trend power (≥ 10
 * recommended) and the final step is exactly the reviewed week, so "new" means "new this week".
 * A unit without a polygon, or with too few incidents or steps (TOO_FEW_INCIDENTS, TOO_FEW_TIME_STEPS),
 * gets no item; other errors propagate.
 */
export function emergingHotSpotSource(options: HotSpotSourceOptions = {}): AgendaSource {
  return async ({ store, periods, units }) => {
    const monday = isoWeekMonday(periods.week);
    const from = formatLocalDate(monday - (HOT_SPOT_WEEKS - 1) * 7);
    const to = formatLocalDate(monday + 6);
    const withPolygon = new Set(
      (await store.listUnits({ withGeometry: true })).filter((u) => u.geometry !== null).map((u) => u.id),
    );
    const out: ({ unitId: number } & AgendaDraftItem)[] = [];
    for (const unit of units) {
      if (!withPolygon.has(unit.id)) continue;
      let result;
      try {
        result = await analyzeEmerging(store, {
          unit: unit.code,
          from,
          to,
          step: 'week',
          cellSizeMeters: options.cellSizeMeters,
        });
      } catch (e) {
        if (isVigiaError(e, 'TOO_FEW_INCIDENTS') || isVigiaError(e, 'TOO_FEW_TIME_STEPS')) continue;
        throw e;
      }
      const cells = result.cells.filter((c) => c.category === 'new_hot' || c.category === 'intensifying_hot');
      if (cells.length === 0) continue;
      const figures: HotSpotFigures = {
        from,
        to,
        step: 'week',
        cellSizeMeters: result.grid.cellSizeMeters,
        new: result.categories.new_hot,
        intensifying: result.categories.intensifying_hot,
        places: [...cells]
          .sort((a, b) => b.count - a.count || a.id - b.id)
          .slice(0, HOT_SPOT_MAX_PLACES)
          .map((c) => ({
            category: c.category === 'new_hot' ? 'new' : 'intensifying',
            lon: c.lon,
            lat: c.lat,
            count: c.count,
          })),
      };
      out.push({ unitId: unit.id, kind: 'hot_spot', category: '*', figures });
    }
    return out;
  };
}
