import { readFile } from 'node:fs/promises';
import { VigiaError, type UnitGeometry } from '@vigia/domain';

/** One unit read from a GeoJSON layer, before it is linked to its parent. */
export interface UnitFeature {
  code: string;
  name: string;
  parentCode: string | null;
  geometry: UnitGeometry;
}

/** Which feature properties hold the unit's code, name and parent code. */
export interface UnitLayerOptions {
  codeProperty: string;
  nameProperty?: string | undefined;
  parentProperty?: string | undefined;
}

function propText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

/**
 * Reads a GeoJSON FeatureCollection of Polygon/MultiPolygon features (WGS84, RFC 7946) as units.
 * Features sharing a code (e.g. Chicago district 31, drawn as three polygons) are merged into one
 * MultiPolygon; they must then agree on name and parent.
 *
 * @throws VigiaError FILE_NOT_FOUND; GEOJSON_INVALID when the file is not a FeatureCollection or a
 *   feature is not a (multi)polygon; UNIT_CODE_MISSING when a feature lacks the code property;
 *   UNIT_CODE_DUPLICATE when features with one code disagree on name or parent.
 */
export async function readUnitLayer(path: string, options: UnitLayerOptions): Promise<UnitFeature[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new VigiaError('FILE_NOT_FOUND', { file: path }, { cause: e });
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new VigiaError('GEOJSON_INVALID', { file: path, detail: (e as Error).message }, { cause: e });
  }
  const fc = doc as { type?: unknown; features?: unknown };
  if (fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new VigiaError('GEOJSON_INVALID', { file: path, detail: 'expected "type": "FeatureCollection"' });
  }
  const byCode = new Map<string, UnitFeature>();
  fc.features.forEach((f: unknown, i: number) => {
    const feature = f as { properties?: Record<string, unknown> | null; geometry?: unknown };
    const props = feature.properties ?? {};
    const featureNo = String(i + 1);
    const code = propText(props[options.codeProperty]);
    if (code === null) {
      throw new VigiaError('UNIT_CODE_MISSING', {
        file: path,
        feature: featureNo,
        property: options.codeProperty,
        found: Object.keys(props).join(', '),
      });
    }
    const geometry = toGeometry(feature.geometry, path, featureNo);
    const name = (options.nameProperty ? propText(props[options.nameProperty]) : null) ?? code;
    const parentCode = options.parentProperty ? propText(props[options.parentProperty]) : null;
    const prev = byCode.get(code);
    if (!prev) {
      byCode.set(code, { code, name, parentCode, geometry });
      return;
    }
    if (prev.name !== name || prev.parentCode !== parentCode) {
      throw new VigiaError('UNIT_CODE_DUPLICATE', { file: path, code, feature: featureNo });
    }
    prev.geometry = mergeGeometries(prev.geometry, geometry);
  });
  return [...byCode.values()];
}

function toGeometry(g: unknown, file: string, feature: string): UnitGeometry {
  const geom = g as { type?: unknown; coordinates?: unknown } | null;
  if (geom && (geom.type === 'Polygon' || geom.type === 'MultiPolygon') && Array.isArray(geom.coordinates)) {
    return geom as UnitGeometry;
  }
  throw new VigiaError('GEOJSON_INVALID', {
    file,
    detail: `feature ${feature} has geometry ${typeof geom?.type === 'string' ? geom.type : 'null'}, expected Polygon or MultiPolygon`,
  });
}

function polygonsOf(g: UnitGeometry): number[][][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

function mergeGeometries(a: UnitGeometry, b: UnitGeometry): UnitGeometry {
  return { type: 'MultiPolygon', coordinates: [...polygonsOf(a), ...polygonsOf(b)] };
}
