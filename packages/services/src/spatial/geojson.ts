import type { MetricCrs } from '@vigia/analysis';
import { cellRing } from './cell-geometry.js';
import type { EmergingResult } from './emerging.js';
import type { HotspotsResult } from './hotspots.js';
import type { KdeAnalysisResult } from './kde.js';

/** A GeoJSON FeatureCollection (WGS84), for map layers and GIS tools. */
export interface FeatureCollection {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    geometry: { type: 'Polygon'; coordinates: number[][][] };
    properties: Record<string, unknown>;
  }[];
}

/** Gi* cells as polygons with count, z, p and class. */
export function hotspotsGeoJson(r: HotspotsResult): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: r.cells.map((c) => ({
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: [c.ring] },
      properties: { id: c.id, row: c.row, col: c.col, count: c.count, z: c.z, p: c.p, class: c.class },
    })),
  };
}

/**
 * Emerging hot spot cells as polygons with count, category, steps hot / cold and the trend (the
 * per-step z-scores stay in the JSON result: they would make the layer heavy).
 */
export function emergingGeoJson(r: EmergingResult): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: r.cells.map((c) => ({
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: [c.ring] },
      properties: {
        id: c.id,
        row: c.row,
        col: c.col,
        count: c.count,
        category: c.category,
        hotSteps: c.hotSteps,
        coldSteps: c.coldSteps,
        trendZ: c.trendZ,
        trendP: c.trendP,
      },
    })),
  };
}

/** KDE cells with a density above 0 as polygons (density in incidents per km²). */
export function kdeGeoJson(r: KdeAnalysisResult): FeatureCollection {
  const crs = crsOf(r.selection.crs);
  const features: FeatureCollection['features'] = [];
  r.density.forEach((d, id) => {
    if (d <= 0) return;
    features.push({
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: [cellRing(r.grid, id, crs)] },
      properties: { id, row: Math.floor(id / r.grid.nCols), col: id % r.grid.nCols, density: d },
    });
  });
  return { type: 'FeatureCollection', features };
}

function crsOf(text: string): MetricCrs {
  return Number(text.replace('EPSG:', ''));
}
