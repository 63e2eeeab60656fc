import { SYNTHETIC_NOTE } from './agency.js';
import type { DemoUnits, PolygonGeometry } from './units.js';

/** Properties of a demo precinct feature. `_synthetic` is always true. */
export interface DemoPrecinctProperties {
  code: string;
  name: string;
  _synthetic: true;
}

/** Properties of a demo sector feature: `precinct` is the parent precinct's code. */
export interface DemoSectorProperties extends DemoPrecinctProperties {
  precinct: string;
}

/**
 * An RFC 7946 FeatureCollection of demo units, with two foreign members that label it as synthetic
 * (`_synthetic: true` and `_nota`, a Spanish sentence); importers ignore them.
 */
export interface DemoFeatureCollection<P> {
  type: 'FeatureCollection';
  _synthetic: true;
  _nota: string;
  features: { type: 'Feature'; properties: P; geometry: PolygonGeometry }[];
}

/** The precincts as a GeoJSON FeatureCollection (lon/lat WGS84), in code order. */
export function precinctsFeatureCollection(units: DemoUnits): DemoFeatureCollection<DemoPrecinctProperties> {
  return {
    type: 'FeatureCollection',
    _synthetic: true,
    _nota: SYNTHETIC_NOTE,
    features: units.precincts.map((p) => ({
      type: 'Feature',
      properties: { code: p.code, name: p.name, _synthetic: true },
      geometry: p.geometry,
    })),
  };
}

/** The sectors as a GeoJSON FeatureCollection (lon/lat WGS84), in code order. */
export function sectorsFeatureCollection(units: DemoUnits): DemoFeatureCollection<DemoSectorProperties> {
  return {
    type: 'FeatureCollection',
    _synthetic: true,
    _nota: SYNTHETIC_NOTE,
    features: units.sectors.map((s) => ({
      type: 'Feature',
      properties: { code: s.code, name: s.name, precinct: s.precinct, _synthetic: true },
      geometry: s.geometry,
    })),
  };
}
