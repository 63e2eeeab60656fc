import { useEffect, useRef, useState } from 'react';
import * as maplibregl from 'maplibre-gl';
import type { GeoJSONSource, MapLayerMouseEvent } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { MapConfig } from '../../api/types.js';
import { useLang } from '../../i18n/lang-context.js';
import { baseStyle, featuresBounds, fillColor, labelPoint, positions, type Measure } from './map-style.js';

/** Unit polygons with `code`, `name` and the coloured `value` (null = no value). */
export interface UnitsGeo {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    geometry: { type: string; coordinates: unknown } | null;
    properties: { code: string; name: string; value: number | null };
  }[];
}
/** Incident points. */
export interface PointsGeo {
  type: 'FeatureCollection';
  features: { type: 'Feature'; geometry: { type: 'Point'; coordinates: number[] }; properties: object }[];
}

// MapLibre finds its worker beside its own module; bundled, the worker is a separate asset file.
maplibregl.setWorkerUrl(workerUrl);

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

function addLayers(map: maplibregl.Map): void {
  map.addSource('units', { type: 'geojson', data: EMPTY, promoteId: 'code' });
  map.addSource('incidents', {
    type: 'geojson',
    data: EMPTY,
    cluster: true,
    clusterRadius: 40,
    clusterMaxZoom: 13,
  });
  map.addLayer({
    id: 'units-fill',
    type: 'fill',
    source: 'units',
    paint: { 'fill-color': '#ccc', 'fill-opacity': 0.7 },
  });
  map.addLayer({
    id: 'units-line',
    type: 'line',
    source: 'units',
    paint: { 'line-color': '#333', 'line-width': 1.2 },
  });
  map.addLayer({
    id: 'clusters',
    type: 'circle',
    source: 'incidents',
    filter: ['has', 'point_count'],
    paint: {
      'circle-color': '#3b3b98',
      'circle-opacity': 0.55,
      'circle-stroke-color': '#fff',
      'circle-stroke-width': 1,
      'circle-radius': ['step', ['get', 'point_count'], 8, 10, 12, 50, 17, 200, 23],
    },
  });
  map.addLayer({
    id: 'points',
    type: 'circle',
    source: 'incidents',
    filter: ['!', ['has', 'point_count']],
    paint: {
      'circle-color': '#3b3b98',
      'circle-radius': 4,
      'circle-stroke-color': '#fff',
      'circle-stroke-width': 1,
    },
  });
}

/**
 * The MapLibre map: unit polygons coloured by `value`, HTML labels (no glyph downloads), clustered
 * incident points. Reports the visible bounding box and unit clicks; `data-units-rendered` holds how
 * many distinct units the map has drawn (for tests and support).
 */
export function MapView(props: {
  units: UnitsGeo;
  measure: Measure;
  maxAbs: number;
  points: PointsGeo;
  config: MapConfig | null;
  onUnitClick: (code: string) => void;
  onBounds: (bbox: [number, number, number, number]) => void;
}) {
  const { units, measure, maxAbs, points, config } = props;
  const { t } = useLang();
  const el = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const callbacks = useRef({ onUnitClick: props.onUnitClick, onBounds: props.onBounds });
  const [ready, setReady] = useState(false);
  // MapLibre needs WebGL 2; without it the page says so instead of failing.
  const [failed] = useState(() => !document.createElement('canvas').getContext('webgl2'));
  const [rendered, setRendered] = useState(0);
  const fitted = useRef('');

  useEffect(() => {
    callbacks.current = { onUnitClick: props.onUnitClick, onBounds: props.onBounds };
  });

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
      return; // no WebGL 2 after all: the map stays empty, the rest of the page works
    }
    mapRef.current = map;
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    const bounds = () => {
      const b = map.getBounds();
      const r = (x: number, limit: number) => Math.max(-limit, Math.min(limit, Math.round(x * 1000) / 1000));
      // Clamped: at low zoom the view spans world copies (longitudes beyond ±180), which the API refuses.
      callbacks.current.onBounds([
        r(b.getWest(), 180),
        r(b.getSouth(), 90),
        r(b.getEast(), 180),
        r(b.getNorth(), 90),
      ]);
    };
    map.on('load', () => {
      addLayers(map);
      setReady(true);
    });
    map.on('moveend', bounds);
    map.on('click', 'units-fill', (e: MapLayerMouseEvent) => {
      const code: unknown = e.features?.[0]?.properties['code'];
      if (typeof code === 'string') callbacks.current.onUnitClick(code);
    });
    map.on('mouseenter', 'units-fill', () => (map.getCanvas().style.cursor = 'pointer'));
    map.on('mouseleave', 'units-fill', () => (map.getCanvas().style.cursor = ''));
    map.on('idle', () => {
      if (!map.getSource('units')) return;
      const codes = new Set(map.querySourceFeatures('units').map((f) => String(f.properties['code'])));
      setRendered(codes.size);
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
    void (map.getSource('units') as GeoJSONSource).setData(units as FeatureCollection);
    map.setPaintProperty(
      'units-fill',
      'fill-color',
      fillColor(measure, maxAbs) as maplibregl.ExpressionSpecification,
    );
    const markers = units.features.flatMap((f) => {
      const p = f.geometry && labelPoint(f.geometry);
      if (!p) return [];
      const div = document.createElement('div');
      div.className = 'unit-label';
      div.textContent = f.properties.name;
      return [new maplibregl.Marker({ element: div }).setLngLat(p).addTo(map)];
    });
    const key = units.features.map((f) => f.properties.code).join(',');
    if (key !== fitted.current) {
      const b = featuresBounds(units.features.flatMap((f) => positions(f.geometry)));
      if (b) {
        map.fitBounds(b, { padding: 20, duration: 0 });
        fitted.current = key;
      }
    }
    return () => markers.forEach((m) => m.remove());
  }, [ready, units, measure, maxAbs]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    void (map.getSource('incidents') as GeoJSONSource).setData(points);
  }, [ready, points]);

  if (failed) return <p className="status error">{t('map.noWebgl')}</p>;
  return <div ref={el} className="map" data-testid="map" data-units-rendered={rendered} />;
}
