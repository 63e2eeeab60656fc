import type { StyleSpecification } from 'maplibre-gl';
import type { MapConfig } from '../../api/types.js';

/**
 * The map's base style. Without a configured basemap it has no sources at all, so nothing is fetched
 * from the network: a plain background under the unit polygons (labels are HTML, needing no glyphs).
 * A configured raster tile URL ({z}/{x}/{y}) adds it as the bottom layer; a configured style URL
 * replaces the base style entirely (our layers are added on top).
 */
export function baseStyle(config: MapConfig | null): StyleSpecification | string {
  if (config?.styleUrl) return config.styleUrl;
  const style: StyleSpecification = {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef1f4' } }],
  };
  if (config?.tileUrl) {
    style.sources['basemap'] = {
      type: 'raster',
      tiles: [config.tileUrl],
      tileSize: 256,
      attribution: config.attribution ?? '',
    };
    style.layers.push({ id: 'basemap', type: 'raster', source: 'basemap' });
  }
  return style;
}

/** Measures a unit can be coloured by. */
export type Measure = 'count' | 'change' | 'pctChange';

/**
 * Fill colour expression for the `value` property: a sequential ramp for counts, a diverging ramp
 * (blue = fewer, red = more) symmetric around 0 for changes; units without a value are grey.
 */
export function fillColor(measure: Measure, maxAbs: number): unknown {
  const m = Math.max(maxAbs, 1);
  const ramp =
    measure === 'count'
      ? ['interpolate', ['linear'], ['get', 'value'], 0, '#fff5eb', m / 2, '#fd8d3c', m, '#a63603']
      : ['interpolate', ['linear'], ['get', 'value'], -m, '#2166ac', 0, '#f7f7f7', m, '#b2182b'];
  return ['case', ['==', ['typeof', ['get', 'value']], 'number'], ramp, '#cccccc'];
}

/** A point inside-ish a polygon for its label: the centre of the bounding box of its largest ring. */
export function labelPoint(geometry: { type: string; coordinates: unknown }): [number, number] | null {
  const polys =
    geometry.type === 'Polygon'
      ? [geometry.coordinates as number[][][]]
      : geometry.type === 'MultiPolygon'
        ? (geometry.coordinates as number[][][][])
        : [];
  let best: number[][] | null = null;
  for (const p of polys) if (p[0] && (!best || p[0].length > best.length)) best = p[0];
  if (!best) return null;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x = 0, y = 0] of best) {
    w = Math.min(w, x);
    e = Math.max(e, x);
    s = Math.min(s, y);
    n = Math.max(n, y);
  }
  return [(w + e) / 2, (s + n) / 2];
}

/** Bounding box [west, south, east, north] of unit features, or null when none has a geometry. */
export function featuresBounds(coords: number[][]): [number, number, number, number] | null {
  if (coords.length === 0) return null;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x = 0, y = 0] of coords) {
    w = Math.min(w, x);
    e = Math.max(e, x);
    s = Math.min(s, y);
    n = Math.max(n, y);
  }
  return [w, s, e, n];
}

/** Every position of a polygon geometry, flattened. */
export function positions(geometry: { type: string; coordinates: unknown } | null): number[][] {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return (geometry.coordinates as number[][][]).flat();
  if (geometry.type === 'MultiPolygon') return (geometry.coordinates as number[][][][]).flat(2);
  return [];
}
