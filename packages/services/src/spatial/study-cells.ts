import {
  cellCentre,
  cellsInPolygons,
  distanceBandNeighbours,
  gridAroundPoints,
  gridCounts,
  gridForExtent,
  knnNeighbours,
  type Neighbours,
  type SquareGrid,
} from '@vigia/analysis';
import { VigiaError, type UnitGeometry } from '@vigia/domain';
import { requireIncidents, type LoadedSelection } from './selection.js';

/** Grid and neighbour options shared by the cell-based analyses (Gi* hot spots, emerging hot spots). */
export interface StudyCellsOptions {
  /** Grid cell side in metres. */
  cellSizeMeters: number;
  /** Fixed-distance neighbours within this many metres, inclusive (default 2 × cell: 12 neighbours). */
  distanceBandMeters?: number | undefined;
  /** Use the k nearest cells instead of a distance band. */
  k?: number | undefined;
}

/** Neighbour weights used, as echoed in results. */
export type CellWeights = { kind: 'distance'; distanceBandMeters: number } | { kind: 'knn'; k: number };

/** The study area's grid cells (ascending ids), their centres in metres, counts and neighbours. */
export interface StudyCells {
  grid: SquareGrid;
  /** Cell ids (row·nCols + col) of the study area, ascending; position k in every array below. */
  ids: number[];
  /** Centre of each cell, metres of the selection's CRS. */
  xs: number[];
  ys: number[];
  /** Analysed incidents per cell over the whole period. */
  counts: number[];
  /** Position (index into ids) of each analysed incident's cell, −1 outside every study-area cell. */
  positionOf: Int32Array;
  weights: CellWeights;
  neighbours: Neighbours;
  /** Analysed incidents outside every study-area cell (not counted). */
  outsideStudyArea: number;
}

/**
 * The study area as grid cells: the cells that intersect the unit's polygon (or the top-level units'
 * polygons for the whole agency), zeros included, plus any cell holding an incident (make_gistar.R
 * rule); without polygons, the grid around the points. Neighbours by distance band or k nearest.
 * @throws VigiaError TOO_FEW_INCIDENTS below 2 located incidents or 2 cells (naming `analysis`);
 *   INVALID_ARGUMENT for a bad cell size, band or k.
 */
export function studyCells(loaded: LoadedSelection, o: StudyCellsOptions, analysis: string): StudyCells {
  requireIncidents(loaded, 2, analysis);
  const cell = positive('--cell-size', o.cellSizeMeters);
  const grid = studyGrid(loaded.studyArea, loaded.xs, loaded.ys, cell);
  const gc = gridCounts(loaded.xs, loaded.ys, grid);
  const keep = new Set(
    loaded.studyArea.length > 0 ? cellsInPolygons(grid, loaded.studyArea) : gc.counts.keys(),
  );
  gc.counts.forEach((c, id) => {
    if (c > 0) keep.add(id); // a cell holding incidents is always in the study area (make_gistar.R rule)
  });
  const ids = [...keep].sort((a, b) => a - b);
  if (ids.length < 2) requireIncidents({ ...loaded, xs: new Float64Array(0) }, 2, analysis);
  const centres = ids.map((id) => cellCentre(grid, id));
  const xs = centres.map((c) => c[0]);
  const ys = centres.map((c) => c[1]);
  const position = new Map(ids.map((id, k) => [id, k]));
  const positionOf = Int32Array.from(gc.cellOf, (id) => (id < 0 ? -1 : (position.get(id) ?? -1)));
  const counts = ids.map((id) => gc.counts[id]!);
  let weights: CellWeights;
  let neighbours: Neighbours;
  if (o.k !== undefined) {
    if (!Number.isInteger(o.k) || o.k < 1 || o.k >= ids.length)
      throw new VigiaError('INVALID_ARGUMENT', { name: '--k', value: String(o.k) });
    weights = { kind: 'knn', k: o.k };
    neighbours = knnNeighbours(xs, ys, o.k, ids);
  } else {
    const band = positive('--distance-band', o.distanceBandMeters ?? 2 * cell);
    weights = { kind: 'distance', distanceBandMeters: band };
    neighbours = distanceBandNeighbours(xs, ys, band);
  }
  const inArea = counts.reduce((s, c) => s + c, 0);
  return {
    grid,
    ids,
    xs,
    ys,
    counts,
    positionOf,
    weights,
    neighbours,
    outsideStudyArea: loaded.xs.length - inArea,
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
