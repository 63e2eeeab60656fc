import {
  EMERGING_CATEGORIES,
  emergingHotSpots,
  twoSidedNormalP,
  type EmergingCategory,
  type SquareGrid,
} from '@vigia/analysis';
import { VigiaError, parseLocalDate } from '@vigia/domain';
import type { Store } from '@vigia/store';
import { cellRing } from './cell-geometry.js';
import { loadSelection, round, type SpatialSelection, type SpatialSelectionInput } from './selection.js';
import { studyCells, type CellWeights } from './study-cells.js';
import { timeSteps, type StepKind } from './time-steps.js';

/** Options of {@link analyzeEmerging}. */
export interface EmergingInput extends SpatialSelectionInput {
  /** Grid cell side in metres (default 500: a cube splits the counts over many steps). */
  cellSizeMeters?: number | undefined;
  /** Fixed-distance neighbours within this many metres, inclusive (default 2 × cell). */
  distanceBandMeters?: number | undefined;
  /** Use the k nearest cells instead of a distance band. */
  k?: number | undefined;
  /** `week`, `month` or `auto` (default: months when the period holds ≥ 10 whole months, else weeks). */
  step?: string | undefined;
  /** Earlier steps that count as neighbours of a bin (default 1; ArcGIS "neighborhood time step"). */
  timeWindowSteps?: number | undefined;
  /** Significance level of the hot/cold bins and of the trend (default 0.05). */
  alpha?: number | undefined;
}

/** One grid cell of the study area with its emerging hot spot category. */
export interface EmergingCell {
  id: number;
  row: number;
  col: number;
  /** Centroid in metres of `selection.crs`, and in WGS84 degrees. */
  x: number;
  y: number;
  lon: number;
  lat: number;
  /** Incidents in the cell over all the steps. */
  count: number;
  category: EmergingCategory;
  /** Gi* z-score of each step, oldest first (null: no variation in the cube). */
  z: (number | null)[];
  /** Steps in which the cell is a significant hot / cold spot (p < alpha). */
  hotSteps: number;
  coldSteps: number;
  /** Mann–Kendall z and p of the z-score series (null when undefined). */
  trendZ: number | null;
  trendP: number | null;
  /** Closed ring of the cell in WGS84 [lon, lat]. */
  ring: number[][];
}

/** Result of {@link analyzeEmerging}: the API body (cells as GeoJSON there) and the CLI's `--format json`. */
export interface EmergingResult {
  analysis: 'emerging';
  selection: SpatialSelection;
  grid: SquareGrid;
  weights: CellWeights;
  step: StepKind;
  /** The cube's time steps, oldest first, with the incidents analysed in each. */
  steps: { start: string; end: string; incidents: number }[];
  timeWindowSteps: number;
  alpha: number;
  /** Number of cells in each category, every category listed in legend order. */
  categories: Record<EmergingCategory, number>;
  cells: EmergingCell[];
  /**
   * Analysed incidents inside the steps but outside every study-area cell (not in the cube); so
   * selection.analysed = Σ steps[].incidents + outsideSteps + outsideStudyArea.
   */
  outsideStudyArea: number;
  /** Analysed incidents on days in no whole step (a partial week or month at the ends of the period). */
  outsideSteps: number;
  /** FEW_STEPS: < 10 steps (weak trend test); FEW_CELLS: < 30 cells; NO_VARIATION: every bin equal. */
  warnings: ('FEW_STEPS' | 'FEW_CELLS' | 'NO_VARIATION')[];
}

/** Steps below which the Mann–Kendall trend has little power (ArcGIS recommends at least 10). */
const RECOMMENDED_STEPS = 10;

/**
 * Emerging hot spots of a unit, category and period (docs/methods/emerging-hot-spots.md): the study
 * area's grid cells (as for Gi* hot spots) × whole weeks or months of the period form a space-time cube
 * of counts; Gi* on every bin with space-time neighbours, Mann–Kendall on each cell's z-scores, and the
 * ArcGIS Pro categories (new, consecutive, intensifying, persistent, diminishing, sporadic,
 * oscillating, historical; hot or cold; or none).
 * @throws VigiaError as loadSelection; TOO_FEW_INCIDENTS below 2 located incidents; TOO_FEW_TIME_STEPS
 *   when the period holds fewer than 2 whole steps; INVALID_ARGUMENT for a bad step, cell size, band,
 *   k, time window or alpha.
 */
export async function analyzeEmerging(store: Store, input: EmergingInput): Promise<EmergingResult> {
  const ts = timeSteps(parseLocalDate(input.from), parseLocalDate(input.to), input.step ?? 'auto');
  const nSteps = ts.steps.length;
  if (nSteps < 2) {
    throw new VigiaError('TOO_FEW_TIME_STEPS', {
      from: input.from,
      to: input.to,
      count: nSteps,
      step: ts.kind,
      min: 2,
    });
  }
  const window = input.timeWindowSteps ?? 1;
  if (!Number.isInteger(window) || window < 0 || window >= nSteps)
    throw new VigiaError('INVALID_ARGUMENT', { name: '--time-window', value: String(window) });
  const alpha = input.alpha ?? 0.05;
  if (!(alpha > 0 && alpha <= 0.5))
    throw new VigiaError('INVALID_ARGUMENT', { name: '--alpha', value: String(alpha) });

  const loaded = await loadSelection(store, input);
  const study = studyCells(
    loaded,
    { cellSizeMeters: input.cellSizeMeters ?? 500, distanceBandMeters: input.distanceBandMeters, k: input.k },
    'Emerging hot spots',
  );
  const nLoc = study.ids.length;
  const cube = new Float64Array(nSteps * nLoc);
  const perStep = new Array<number>(nSteps).fill(0);
  const perCell = new Array<number>(nLoc).fill(0);
  let outsideSteps = 0;
  let outsideStudyArea = 0;
  loaded.days.forEach((day, k) => {
    const t = ts.stepOf(day);
    if (t < 0) {
      outsideSteps++;
      return;
    }
    const i = study.positionOf[k]!;
    if (i < 0) {
      outsideStudyArea++;
      return;
    }
    cube[t * nLoc + i]!++;
    perStep[t]!++;
    perCell[i]!++;
  });
  const res = emergingHotSpots(cube, nSteps, study.neighbours, { timeWindowSteps: window, alpha });
  const categories = Object.fromEntries(EMERGING_CATEGORIES.map((c) => [c, 0])) as Record<
    EmergingCategory,
    number
  >;
  const { grid } = study;
  const cells = study.ids.map((id, k): EmergingCell => {
    const r = res[k]!;
    categories[r.category]++;
    const ring = cellRing(grid, id, loaded.epsg);
    const sig = r.z.map((z) => (Number.isFinite(z) && twoSidedNormalP(z) < alpha ? Math.sign(z) : 0));
    return {
      id,
      row: Math.floor(id / grid.nCols),
      col: id % grid.nCols,
      x: study.xs[k]!,
      y: study.ys[k]!,
      lon: round((ring[0]![0]! + ring[2]![0]!) / 2, 6),
      lat: round((ring[0]![1]! + ring[2]![1]!) / 2, 6),
      count: perCell[k]!,
      category: r.category,
      z: r.z.map((z) => (Number.isFinite(z) ? z : null)),
      hotSteps: sig.filter((s) => s > 0).length,
      coldSteps: sig.filter((s) => s < 0).length,
      trendZ: Number.isFinite(r.trendZ) ? r.trendZ : null,
      trendP: Number.isFinite(r.trendP) ? r.trendP : null,
      ring,
    };
  });
  const warnings: EmergingResult['warnings'] = [];
  if (nSteps < RECOMMENDED_STEPS) warnings.push('FEW_STEPS');
  if (nLoc < 30) warnings.push('FEW_CELLS');
  if (cube.every((v) => v === cube[0])) warnings.push('NO_VARIATION');
  return {
    analysis: 'emerging',
    selection: loaded.selection,
    grid,
    weights: study.weights,
    step: ts.kind,
    steps: ts.steps.map((s, t) => ({ ...s, incidents: perStep[t]! })),
    timeWindowSteps: window,
    alpha,
    categories,
    cells,
    outsideStudyArea,
    outsideSteps,
    warnings,
  };
}
