import { nearestNeighbourIndex, polygonArea, type NearestNeighbourIndexResult } from '@vigia/analysis';
import type { Store } from '@vigia/store';
import {
  loadSelection,
  requireIncidents,
  type SpatialSelection,
  type SpatialSelectionInput,
} from './selection.js';

/** Result of {@link analyzeNni}. */
export interface NniAnalysisResult extends NearestNeighbourIndexResult {
  analysis: 'nni';
  selection: SpatialSelection;
  /** Where the area came from: the unit polygons, or (without polygons) the points' bounding box. */
  areaSource: 'unit_polygons' | 'bounding_box';
}

/**
 * Nearest Neighbour Index of a unit, category and period, the study area being the unit's polygon
 * area (docs/methods/nni.md).
 * @throws VigiaError as loadSelection; TOO_FEW_INCIDENTS below 2 located incidents.
 */
export async function analyzeNni(store: Store, input: SpatialSelectionInput): Promise<NniAnalysisResult> {
  const loaded = await loadSelection(store, input);
  requireIncidents(loaded, 2, 'NNI');
  let area = loaded.studyArea.reduce((s, g) => s + polygonArea(g), 0);
  let areaSource: NniAnalysisResult['areaSource'] = 'unit_polygons';
  if (!(area > 0)) {
    const w = Math.max(...loaded.xs) - Math.min(...loaded.xs);
    const h = Math.max(...loaded.ys) - Math.min(...loaded.ys);
    area = Math.max(w * h, 1);
    areaSource = 'bounding_box';
  }
  return {
    analysis: 'nni',
    selection: loaded.selection,
    areaSource,
    ...nearestNeighbourIndex(loaded.xs, loaded.ys, area),
  };
}
