import { formatLocalDate, isVigiaError, isoWeekMonday, type UnitGeometry } from '@vigia/domain';
import { analyzeEmerging } from '../spatial/emerging.js';
import type { AgendaDraftItem, AgendaSource } from './generate-agenda.js';

/** Weeks of the space-time cube: a year of weekly steps ending on the reviewed week's Sunday. */
export const HOT_SPOT_WEEKS = 52;
/** At most this many cell centroids are listed per agenda item (the biggest counts first). */
export const HOT_SPOT_MAX_PLACES = 5;

/** Default cell side in metres (the emerging analysis's default). */
export const HOT_SPOT_CELL_METERS = 500;
/**
 * Most grid cells per unit: a larger unit gets coarser cells (side rounded up to 100 m) so that a meeting
 * of big rural units stays a matter of seconds (the cube is cells × 52 weeks).
 */
export const HOT_SPOT_MAX_CELLS = 5000;

/**
 * Cell side for a unit's polygon: `base` metres, or coarser (a multiple of 100 m) when its bounding box
 * (degrees, converted with 111,320 m per degree, longitude scaled by the cosine of the mid latitude)
 * would hold more than {@link HOT_SPOT_MAX_CELLS} cells.
 */
export function hotSpotCellSize(geometry: UnitGeometry, base = HOT_SPOT_CELL_METERS): number {
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  const pts = rings.flat();
  const lons = pts.map((p) => p[0]!);
  const lats = pts.map((p) => p[1]!);
  const [minLat, maxLat] = [Math.min(...lats), Math.max(...lats)];
  const h = (maxLat - minLat) * 111_320;
  const w =
    (Math.max(...lons) - Math.min(...lons)) * 111_320 * Math.cos(((minLat + maxLat) / 2) * (Math.PI / 180));
  const needed = Math.sqrt((w * h) / HOT_SPOT_MAX_CELLS);
  return needed > base ? Math.ceil(needed / 100) * 100 : base;
}

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
  /** Grid cell side in metres (default {@link HOT_SPOT_CELL_METERS}; coarser for big units). */
  cellSizeMeters?: number | undefined;
}

/**
 * The agenda source of new and intensifying hot spots (docs/meetings.md, rule 4): for each meeting
 * unit with a polygon, the emerging hot spot analysis (docs/methods/emerging-hot-spots.md; band 2 ×
 * cell, time window 1, α 0.05; cells of 500 m or `options.cellSizeMeters`, coarser when the unit would
 * need more than {@link HOT_SPOT_MAX_CELLS}, see {@link hotSpotCellSize}) over the {@link HOT_SPOT_WEEKS}
 * ISO weeks ending on the reviewed week's Sunday, all offense categories together. One `hot_spot` item
 * (category `'*'`) when at least one cell is a new or intensifying hot spot (`new_hot`,
 * `intensifying_hot`; cold spots are not listed). Weeks, not months: 52 steps give the Mann–Kendall
 * trend power (≥ 10 recommended) and the final step is exactly the reviewed week, so "new" means "hot
 * this week for the first time in a year". A unit without a polygon, or with too few incidents or steps
 * (TOO_FEW_INCIDENTS, TOO_FEW_TIME_STEPS), gets no item; other errors propagate. The unit is selected by
 * code (the shallowest unit with that code, as the spatial analyses do).
 */
export function emergingHotSpotSource(options: HotSpotSourceOptions = {}): AgendaSource {
  return async ({ store, periods, units }) => {
    const monday = isoWeekMonday(periods.week);
    const from = formatLocalDate(monday - (HOT_SPOT_WEEKS - 1) * 7);
    const to = formatLocalDate(monday + 6);
    const polygons = new Map<number, UnitGeometry>();
    for (const u of await store.listUnits({ withGeometry: true }))
      if (u.geometry) polygons.set(u.id, u.geometry);
    const out: ({ unitId: number } & AgendaDraftItem)[] = [];
    for (const unit of units) {
      const polygon = polygons.get(unit.id);
      if (!polygon) continue;
      let result;
      try {
        result = await analyzeEmerging(store, {
          unit: unit.code,
          from,
          to,
          step: 'week',
          cellSizeMeters: hotSpotCellSize(polygon, options.cellSizeMeters),
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
