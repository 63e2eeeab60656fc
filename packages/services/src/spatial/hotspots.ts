import {
  cellCentre,
  cellsInPolygons,
  distanceBandNeighbours,
  getisOrdGiStar,
  gridAroundPoints,
  gridCounts,
  gridForExtent,
  knnNeighbours,
  type SquareGrid,
} from '@vigia/analysis';
import { VigiaError, type UnitGeometry } from '@vigia/domain';
import type { Store } from '@vigia/store';
import { cellRing } from './cell-geometry.js';
import {
  loadSelection,
  requireIncidents,
  round,
  type SpatialSelection,
  type SpatialSelectionInput,
} from './selection.js';

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
  weights: { kind: 'distance'; distanceBandMeters: number } | { kind: 'knn'; k: number };
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
 * whole agency), zeros included; without polygons, the grid around the points.
 * @throws VigiaError as loadSelection; TOO_FEW_INCIDENTS below 2 located incidents; INVALID_ARGUMENT
 *   for a bad cell size, band or k.
 */
export async function analyzeHotspots(store: Store, input: HotspotsInput): Promise<HotspotsResult> {
  const loaded = await loadSelection(store, input);
  requireIncidents(loaded, 2, 'Gi*');
  const cell = positive('--cell-size', input.cellSizeMeters ?? 250);
  const grid = studyGrid(loaded.studyArea, loaded.xs, loaded.ys, cell);
  const counts = gridCounts(loaded.xs, loaded.ys, grid);
  const keep = new Set(
    loaded.studyArea.length > 0 ? cellsInPolygons(grid, loaded.studyArea) : counts.counts.keys(),
  );
  counts.counts.forEach((c, id) => {
    if (c > 0) keep.add(id); // a cell holding incidents is always in the study area (make_gistar.R rule)
  });
  const ids = [...keep].sort((a, b) => a - b);
  if (ids.length < 2) requireIncidents({ ...loaded, xs: new Float64Array(0) }, 2, 'Gi*');
  const centres = ids.map((id) => cellCentre(grid, id));
  const xs = centres.map((c) => c[0]);
  const ys = centres.map((c) => c[1]);
  const values = ids.map((id) => counts.counts[id]!);
  let weights: HotspotsResult['weights'];
  let nb;
  if (input.k !== undefined) {
    if (!Number.isInteger(input.k) || input.k < 1 || input.k >= ids.length)
      throw new VigiaError('INVALID_ARGUMENT', { name: '--k', value: String(input.k) });
    weights = { kind: 'knn', k: input.k };
    nb = knnNeighbours(xs, ys, input.k, ids);
  } else {
    const band = positive('--distance-band', input.distanceBandMeters ?? 2 * cell);
    weights = { kind: 'distance', distanceBandMeters: band };
    nb = distanceBandNeighbours(xs, ys, band);
  }
  const gi = getisOrdGiStar(values, nb, { fdr: input.fdr === true });
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
  const inArea = cells.reduce((s, c) => s + c.count, 0);
  return {
    analysis: 'hotspots',
    selection: loaded.selection,
    grid,
    weights,
    fdr: input.fdr === true,
    thresholds: gi.thresholds,
    cells,
    outsideStudyArea: loaded.xs.length - inArea,
    warnings: gi.warnings.map((w) => (w === 'FEW_LOCATIONS' ? 'FEW_CELLS' : w)),
  };
}

/** The grid over the study area's polygons (snapped to the cell size), or around the points. */
export function studyGrid(
  area: readonly UnitGeometry[],
  xs: Float64Array,
  ys: Float64Array,
  cell: number,
  marginMeters = 0,
): SquareGrid {
  if (area.length === 0) return gridAroundPoints(xs, ys, cell, marginMeters);
  const ext = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const g of area) {
    for (const ring of g.type === 'Polygon' ? g.coordinates : g.coordinates.flat()) {
      for (const [x, y] of ring as [number, number][]) {
        ext.minX = Math.min(ext.minX, x);
        ext.maxX = Math.max(ext.maxX, x);
        ext.minY = Math.min(ext.minY, y);
        ext.maxY = Math.max(ext.maxY, y);
      }
    }
  }
  return gridForExtent(ext, cell, marginMeters);
}

/** A positive finite number, or INVALID_ARGUMENT naming the option. */
export function positive(name: string, v: number): number {
  if (!(v > 0) || !Number.isFinite(v)) throw new VigiaError('INVALID_ARGUMENT', { name, value: String(v) });
  return v;
}
