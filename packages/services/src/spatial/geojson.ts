import { unprojectToLonLat, type MetricCrs } from '@vigia/analysis';
import { cellRing } from './cell-geometry.js';
import type { EmergingResult } from './emerging.js';
import type { HotspotsResult } from './hotspots.js';
import type { KdeAnalysisResult } from './kde.js';
import { round } from './selection.js';

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

/** A KDE surface as an image for a map: the grid's corners in WGS84 and its values row by row from the north. */
export interface KdeRaster {
  /** [lon, lat] of the grid's outer corners: north-west, north-east, south-east, south-west (MapLibre image order). */
  corners: [number, number][];
  nCols: number;
  nRows: number;
  /** Incidents per km², row by row from the NORTH (image order), 4 significant digits (for display). */
  density: number[];
  /** Largest density of the surface (incidents per km², not rounded). */
  max: number;
}

/**
 * The KDE surface as an image-like raster for a map layer: far lighter than one polygon per cell.
 * The grid is square in the projected CRS; its four corners placed in WGS84 stretch it onto the map
 * (within a fraction of a cell at city scale: the CRS's grid lines are nearly straight there).
 */
export function kdeRaster(r: KdeAnalysisResult): KdeRaster {
  const { x0, y0, cellSizeMeters: c, nCols, nRows } = r.grid;
  const x1 = x0 + nCols * c;
  const y1 = y0 + nRows * c;
  const { lons, lats } = unprojectToLonLat([x0, x1, x1, x0], [y1, y1, y0, y0], crsOf(r.selection.crs));
  const density: number[] = [];
  let max = 0;
  for (let row = nRows - 1; row >= 0; row--) {
    for (let col = 0; col < nCols; col++) {
      const d = r.density[row * nCols + col]!;
      if (d > max) max = d;
      density.push(d > 0 ? Number(d.toPrecision(4)) : 0);
    }
  }
  return {
    corners: Array.from(lons, (lon, k) => [round(lon, 6), round(lats[k]!, 6)]),
    nCols,
    nRows,
    density,
    max,
  };
}

function crsOf(text: string): MetricCrs {
  return Number(text.replace('EPSG:', ''));
}
