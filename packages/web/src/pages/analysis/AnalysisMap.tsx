import { useEffect, useRef, useState } from 'react';
import * as maplibregl from 'maplibre-gl';
import type { GeoJSONSource, ImageSource } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { MapConfig } from '../../api/types.js';
import { useLang } from '../../i18n/lang-context.js';
import { baseStyle, featuresBounds, positions } from '../map/map-style.js';

maplibregl.setWorkerUrl(workerUrl);

/** Unit polygons drawn as outlines for context (the selected unit, or the top-level units). */
export interface OutlineGeo {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    geometry: { type: string; coordinates: unknown } | null;
    properties: { code: string };
  }[];
}

/** Grid cells (GeoJSON polygons) with an `id` and the property the fill colour reads. */
export interface CellsGeo {
  type: 'FeatureCollection';
  features: { type: 'Feature'; geometry: unknown; properties: { id: number } & Record<string, unknown> }[];
}

/** A KDE image: a data URL and its corners [lon, lat] NW, NE, SE, SW. */
export interface KdeImage {
  url: string;
  corners: [number, number][];
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

function addLayers(map: maplibregl.Map): void {
  map.addSource('units', { type: 'geojson', data: EMPTY });
  map.addSource('cells', { type: 'geojson', data: EMPTY });
  map.addLayer({
    id: 'cells-fill',
    type: 'fill',
    source: 'cells',
    paint: { 'fill-color': '#ccc', 'fill-opacity': 0.8 },
  });
  map.addLayer({
    id: 'cells-line',
    type: 'line',
    source: 'cells',
    paint: { 'line-color': '#555', 'line-width': 0.3, 'line-opacity': 0.25 },
  });
  map.addLayer({
    id: 'units-line',
    type: 'line',
    source: 'units',
    paint: { 'line-color': '#222', 'line-width': 1.4 },
  });
}

/**
 * The Analysis page's MapLibre map: unit outlines, and either grid cells coloured by `fillColor` (Gi*
 * classes, emerging categories; cells matching `hidden` are not filled) or the KDE surface as an image.
 * `data-cells-rendered` holds how many distinct cells the map has loaded (for tests and support).
 */
export function AnalysisMap(props: {
  outline: OutlineGeo;
  cells: CellsGeo | null;
  fillColor: unknown;
  hidden: unknown;
  kde: KdeImage | null;
  config: MapConfig | null;
}) {
  const { outline, cells, fillColor, hidden, kde, config } = props;
  const { t } = useLang();
  const el = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const [ready, setReady] = useState(false);
  const [failed] = useState(() => !document.createElement('canvas').getContext('webgl2'));
  const [rendered, setRendered] = useState(0);
  const fitted = useRef('');

  useEffect(() => {
    if (!el.current || failed) return;
    let map: maplibregl.Map;
    try {
      map = new maplibregl.Map({
        container: el.current,
        style: baseStyle(config),
        attributionControl: { compact: true },
      });
    } catch {
      return;
    }
    mapRef.current = map;
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.on('load', () => {
      addLayers(map);
      setReady(true);
    });
    map.on('idle', () => {
      if (!map.getSource('cells')) return;
      const ids = new Set(map.querySourceFeatures('cells').map((f) => String(f.properties['id'])));
      setRendered(ids.size);
    });
    return () => {
      map.remove();
      mapRef.current = null;
      setReady(false);
    };
  }, [config, failed]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    void (map.getSource('units') as GeoJSONSource).setData(outline as FeatureCollection);
    const key = outline.features.map((f) => f.properties.code).join(',');
    if (key !== fitted.current) {
      const b = featuresBounds(outline.features.flatMap((f) => positions(f.geometry)));
      if (b) {
        map.fitBounds(b, { padding: 20, duration: 0 });
        fitted.current = key;
      }
    }
  }, [ready, outline]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    void (map.getSource('cells') as GeoJSONSource).setData((cells ?? EMPTY) as FeatureCollection);
    map.setPaintProperty('cells-fill', 'fill-color', fillColor as maplibregl.ExpressionSpecification);
    map.setFilter('cells-fill', ['!', hidden] as maplibregl.FilterSpecification);
  }, [ready, cells, fillColor, hidden]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    const source = map.getSource<ImageSource>('kde');
    if (!kde) {
      if (map.getLayer('kde')) map.setLayoutProperty('kde', 'visibility', 'none');
      return;
    }
    const coordinates = kde.corners as [
      [number, number],
      [number, number],
      [number, number],
      [number, number],
    ];
    if (source) source.updateImage({ url: kde.url, coordinates });
    else {
      map.addSource('kde', { type: 'image', url: kde.url, coordinates });
      map.addLayer(
        {
          id: 'kde',
          type: 'raster',
          source: 'kde',
          paint: { 'raster-opacity': 0.85, 'raster-fade-duration': 0 },
        },
        'units-line',
      );
    }
    map.setLayoutProperty('kde', 'visibility', 'visible');
  }, [ready, kde]);

  if (failed) return <p className="status error">{t('map.noWebgl')}</p>;
  return <div ref={el} className="map" data-testid="analysis-map" data-cells-rendered={rendered} />;
}
