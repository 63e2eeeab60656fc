import { kernelDensity, type KdeKernel, type SquareGrid } from '@vigia/analysis';
import { VigiaError } from '@vigia/domain';
import type { Store } from '@vigia/store';
import { positive, studyGrid } from './study-cells.js';
import {
  loadSelection,
  requireIncidents,
  type SpatialSelection,
  type SpatialSelectionInput,
} from './selection.js';

/** Options of {@link analyzeKde}. */
export interface KdeInput extends SpatialSelectionInput {
  /** Cell side in metres (default 100). */
  cellSizeMeters?: number | undefined;
  /** Quartic radius or Gaussian σ in metres (default: the ArcGIS/Silverman rule, docs/methods/kde.md). */
  bandwidthMeters?: number | undefined;
  /** `quartic` (default) or `gaussian`. */
  kernel?: string | undefined;
}

/** Result of {@link analyzeKde}. */
export interface KdeAnalysisResult {
  analysis: 'kde';
  selection: SpatialSelection;
  kernel: KdeKernel;
  bandwidthMeters: number;
  /** The surface's grid (metres of selection.crs): the study area plus one bandwidth. */
  grid: SquareGrid;
  /** Incidents per km² at each cell centre, row by row from the south-west (cell id = row·nCols + col). */
  density: number[];
  /** Share of the incidents' mass inside the grid (≈ 1). */
  capturedFraction: number;
  warnings: ('BANDWIDTH_BELOW_CELL' | 'NO_POINTS')[];
}

/**
 * Kernel density surface (incidents per km²) of a unit, category and period (docs/methods/kde.md).
 * @throws VigiaError as loadSelection; TOO_FEW_INCIDENTS below 2 located incidents (the default
 *   bandwidth needs spread); INVALID_ARGUMENT for a bad kernel, cell size or bandwidth.
 */
export async function analyzeKde(store: Store, input: KdeInput): Promise<KdeAnalysisResult> {
  const kernel = input.kernel ?? 'quartic';
  if (kernel !== 'quartic' && kernel !== 'gaussian')
    throw new VigiaError('INVALID_ARGUMENT', { name: '--kernel', value: kernel });
  const loaded = await loadSelection(store, input);
  requireIncidents(loaded, input.bandwidthMeters === undefined ? 2 : 1, 'KDE');
  const cell = positive('--cell-size', input.cellSizeMeters ?? 100);
  const r = kernelDensity(
    loaded.xs,
    loaded.ys,
    { x0: 0, y0: 0, cellSizeMeters: cell, nCols: 1, nRows: 1 },
    {
      kernel,
      ...(input.bandwidthMeters !== undefined
        ? { bandwidthMeters: positive('--bandwidth', input.bandwidthMeters) }
        : {}),
    },
  );
  // the bandwidth is known now: evaluate on the study area plus one bandwidth (3σ for a Gaussian)
  const margin = kernel === 'quartic' ? r.bandwidthMeters : 3 * r.bandwidthMeters;
  const grid = studyGrid(loaded.studyArea, loaded.xs, loaded.ys, cell, margin);
  const surface = kernelDensity(loaded.xs, loaded.ys, grid, { kernel, bandwidthMeters: r.bandwidthMeters });
  return {
    analysis: 'kde',
    selection: loaded.selection,
    kernel,
    bandwidthMeters: r.bandwidthMeters,
    grid,
    density: Array.from(surface.density),
    capturedFraction: surface.capturedFraction,
    warnings: surface.warnings,
  };
}
