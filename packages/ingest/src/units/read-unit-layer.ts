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
  /**
   * Called for a feature whose geometry is not a (multi)polygon (a stray LineString in a hand-traced
   * beat map, say), which is then skipped. Without it such a feature is an error. A layer with no
   * polygon at all is an error either way.
   */
  onSkipped?: ((skipped: { feature: number; code: string | null; geometryType: string }) => void) | undefined;
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
    if (typeof f !== 'object' || f === null) {
      throw new VigiaError('GEOJSON_INVALID', {
        file: path,
        detail: `feature ${i + 1} is not a GeoJSON Feature`,
      });
    }
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
    const geometry = options.onSkipped
      ? asGeometry(feature.geometry)
      : toGeometry(feature.geometry, path, featureNo);
    if (!geometry) {
      const g = feature.geometry as { type?: unknown } | null;
      options.onSkipped?.({
        feature: i + 1,
        code,
        geometryType: typeof g?.type === 'string' ? g.type : 'null',
      });
      return;
    }
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
  if (byCode.size === 0 && fc.features.length > 0) {
    throw new VigiaError('GEOJSON_INVALID', {
      file: path,
      detail: 'no feature has a Polygon or MultiPolygon geometry',
    });
  }
  return [...byCode.values()];
}

/**
 * The feature's area, or null. A closed LineString (first point = last, 4 points or more) is read as a
 * polygon outline: hand-traced beat maps (e.g. ../shared/data/houston) often draw a beat as a line.
 */
function asGeometry(g: unknown): UnitGeometry | null {
  const geom = g as { type?: unknown; coordinates?: unknown } | null;
  if (!geom || !Array.isArray(geom.coordinates)) return null;
  if (geom.type === 'Polygon' || geom.type === 'MultiPolygon') return geom as UnitGeometry;
  if (geom.type === 'LineString') {
    const line = geom.coordinates as number[][];
    const a = line[0];
    const b = line.at(-1);
    if (line.length >= 4 && a && b && a[0] === b[0] && a[1] === b[1])
      return { type: 'Polygon', coordinates: [line] };
  }
  return null;
}

function toGeometry(g: unknown, file: string, feature: string): UnitGeometry {
  const geometry = asGeometry(g);
  if (geometry) return geometry;
  const geom = g as { type?: unknown } | null;
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
