import { getisOrdGiStar, type SquareGrid } from '@vigia/analysis';
import type { Store } from '@vigia/store';
import { cellRing } from './cell-geometry.js';
import { loadSelection, round, type SpatialSelection, type SpatialSelectionInput } from './selection.js';
import { studyCells, type CellWeights } from './study-cells.js';

/** Options of {@link analyzeHotspots}. */
export interface HotspotsInput extends SpatialSelectionInput {
  /** Grid cell side in metres (default 250). */
  cellSizeMeters?: number | undefined;
  /** Fixed-distance neighbours within this many metres, inclusive (default 2 × cell: 12 neighbours). */
  distanceBandMeters?: number | undefined;
  /** Use the k nearest cells instead of a distance band. */
  k?: number | undefined;
  /** Benjamini–Hochberg false-discovery-rate correction of the classes (default false). */
  fdr?: boolean | undefined;
}

/** One grid cell of the study area. */
export interface HotspotCell {
  id: number;
  row: number;
  col: number;
  /** Centroid in metres of `selection.crs`, and in WGS84 degrees. */
  x: number;
  y: number;
  lon: number;
  lat: number;
  count: number;
  /** Gi* z-score; null when undefined (no variation). */
  z: number | null;
  p: number | null;
  /** ArcGIS Gi_Bin: ±3/±2/±1 = hot/cold at 99/95/90 %, 0 not significant. */
  class: number;
  /** Closed ring of the cell in WGS84 [lon, lat]. */
  ring: number[][];
}

/** Result of {@link analyzeHotspots}: the API body and the CLI's `--format json`. */
export interface HotspotsResult {
  analysis: 'hotspots';
  selection: SpatialSelection;
  grid: SquareGrid;
  weights: CellWeights;
  fdr: boolean;
  thresholds: { p90: number; p95: number; p99: number };
  cells: HotspotCell[];
  /** Analysed incidents outside every study-area cell (not counted in the grid). */
  outsideStudyArea: number;
  warnings: ('FEW_CELLS' | 'NO_VARIATION')[];
}

/**
 * Gi* hot and cold spots of a unit, category and period on a square grid (docs/methods/gistar.md).
 * Study area: the cells that intersect the unit's polygon (or the top-level units' polygons for the
 * whole agency), zeros included; without polygons, the grid around the points (see studyCells).
 * @throws VigiaError as loadSelection; TOO_FEW_INCIDENTS below 2 located incidents; INVALID_ARGUMENT
 *   for a bad cell size, band or k.
 */
export async function analyzeHotspots(store: Store, input: HotspotsInput): Promise<HotspotsResult> {
  const loaded = await loadSelection(store, input);
  const study = studyCells(
    loaded,
    { cellSizeMeters: input.cellSizeMeters ?? 250, distanceBandMeters: input.distanceBandMeters, k: input.k },
    'Gi*',
  );
  const { grid, ids, xs, ys, counts: values } = study;
  const gi = getisOrdGiStar(values, study.neighbours, { fdr: input.fdr === true });
  const rings = ids.map((id) => cellRing(grid, id, loaded.epsg));
  const cells = ids.map((id, k): HotspotCell => {
    const ring = rings[k]!;
    return {
      id,
      row: Math.floor(id / grid.nCols),
      col: id % grid.nCols,
      x: xs[k]!,
      y: ys[k]!,
      lon: round((ring[0]![0]! + ring[2]![0]!) / 2, 6),
      lat: round((ring[0]![1]! + ring[2]![1]!) / 2, 6),
      count: values[k]!,
      z: Number.isNaN(gi.z[k]!) ? null : gi.z[k]!,
      p: Number.isNaN(gi.p[k]!) ? null : gi.p[k]!,
      class: gi.classes[k]!,
      ring,
    };
  });
  return {
    analysis: 'hotspots',
    selection: loaded.selection,
    grid,
    weights: study.weights,
    fdr: input.fdr === true,
    thresholds: gi.thresholds,
    cells,
    outsideStudyArea: study.outsideStudyArea,
    warnings: gi.warnings.map((w) => (w === 'FEW_LOCATIONS' ? 'FEW_CELLS' : w)),
  };
}
