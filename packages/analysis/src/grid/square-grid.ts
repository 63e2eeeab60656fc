import { VigiaError } from '@vigia/domain';

/**
 * A square grid in a projected CRS (metres). Cell (col, row) covers
 * [x0 + col·c, x0 + (col+1)·c) × [y0 + row·c, y0 + (row+1)·c), c = cellSizeMeters; its centre is
 * (x0 + (col + ½)·c, y0 + (row + ½)·c). Row 0 is the southernmost row; the cell id is row·nCols + col
 * (0-based, x varying fastest). A point exactly on a grid line belongs to the cell east / north of it.
 */
export interface SquareGrid {
  /** x of the grid's west edge, metres. */
  x0: number;
  /** y of the grid's south edge, metres. */
  y0: number;
  cellSizeMeters: number;
  nCols: number;
  nRows: number;
}

/**
 * The grid covering the bounding box of the points plus `marginMeters` on every side, with its edges
 * snapped outward to multiples of the cell size: x0 = ⌊(min x − margin)/c⌋·c, x1 = ⌈(max x + margin)/c⌉·c
 * (same for y). This is the extent rule of ../shared/reference/kde.
 *
 * @param xs - x in metres; ys - y in metres (same length, at least one point).
 * @param cellSizeMeters - cell side in metres, > 0.
 * @param marginMeters - margin in metres, ≥ 0 (e.g. the KDE bandwidth, so kernels are not cut off).
 * @throws VigiaError INVALID_ARGUMENT when there are no points, the lengths differ or a size is invalid.
 */
export function gridAroundPoints(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  cellSizeMeters: number,
  marginMeters: number,
): SquareGrid {
  checkCellSize(cellSizeMeters);
  if (!(marginMeters >= 0))
    throw new VigiaError('INVALID_ARGUMENT', { name: 'marginMeters', value: String(marginMeters) });
  if (xs.length === 0 || xs.length !== ys.length) {
    throw new VigiaError('INVALID_ARGUMENT', {
      name: 'gridAroundPoints: points',
      value: `${xs.length}/${ys.length}`,
    });
  }
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    minX = Math.min(minX, xs[i]!);
    maxX = Math.max(maxX, xs[i]!);
    minY = Math.min(minY, ys[i]!);
    maxY = Math.max(maxY, ys[i]!);
  }
  return gridForExtent({ minX, minY, maxX, maxY }, cellSizeMeters, marginMeters);
}

/** The grid covering an extent (metres) plus a margin, edges snapped outward to multiples of the cell size (see {@link gridAroundPoints}). */
export function gridForExtent(
  extent: { minX: number; minY: number; maxX: number; maxY: number },
  cellSizeMeters: number,
  marginMeters = 0,
): SquareGrid {
  checkCellSize(cellSizeMeters);
  const c = cellSizeMeters;
  const x0 = Math.floor((extent.minX - marginMeters) / c) * c;
  const y0 = Math.floor((extent.minY - marginMeters) / c) * c;
  const x1 = Math.ceil((extent.maxX + marginMeters) / c) * c;
  const y1 = Math.ceil((extent.maxY + marginMeters) / c) * c;
  return {
    x0,
    y0,
    cellSizeMeters: c,
    nCols: Math.max(1, Math.round((x1 - x0) / c)),
    nRows: Math.max(1, Math.round((y1 - y0) / c)),
  };
}

/** Centre of cell `id` of the grid, metres. */
export function cellCentre(grid: SquareGrid, id: number): [number, number] {
  const col = id % grid.nCols;
  const row = Math.floor(id / grid.nCols);
  return [grid.x0 + (col + 0.5) * grid.cellSizeMeters, grid.y0 + (row + 0.5) * grid.cellSizeMeters];
}

/** Result of {@link gridCounts}. */
export interface GridCounts {
  /** Points per cell, indexed by cell id (length nCols·nRows). */
  counts: Int32Array;
  /** Cell id of each point, −1 for a point outside the grid. */
  cellOf: Int32Array;
  /** Number of points outside the grid (never silently dropped: they are counted here). */
  outside: number;
}

/**
 * Counts points per grid cell. O(n).
 * @param xs - x in metres; ys - y in metres, same length.
 * @throws VigiaError INVALID_ARGUMENT when the lengths differ.
 * @see ../shared/reference/gistar (origin 422000, 4610000; 500 m; 69 × 86): reproduces every point's cell.
 */
export function gridCounts(xs: ArrayLike<number>, ys: ArrayLike<number>, grid: SquareGrid): GridCounts {
  if (xs.length !== ys.length) {
    throw new VigiaError('INVALID_ARGUMENT', {
      name: 'gridCounts: ys.length',
      value: `${ys.length} ≠ ${xs.length}`,
    });
  }
  const counts = new Int32Array(grid.nCols * grid.nRows);
  const cellOf = new Int32Array(xs.length);
  let outside = 0;
  for (let i = 0; i < xs.length; i++) {
    const col = Math.floor((xs[i]! - grid.x0) / grid.cellSizeMeters);
    const row = Math.floor((ys[i]! - grid.y0) / grid.cellSizeMeters);
    if (col < 0 || row < 0 || col >= grid.nCols || row >= grid.nRows || Number.isNaN(col + row)) {
      cellOf[i] = -1;
      outside++;
      continue;
    }
    const id = row * grid.nCols + col;
    cellOf[i] = id;
    counts[id]!++;
  }
  return { counts, cellOf, outside };
}

function checkCellSize(c: number): void {
  if (!(c > 0) || !Number.isFinite(c))
    throw new VigiaError('INVALID_ARGUMENT', { name: 'cellSizeMeters', value: String(c) });
}
