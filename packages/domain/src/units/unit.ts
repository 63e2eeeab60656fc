/**
 * A GeoJSON polygon or multipolygon in WGS84 (EPSG:4326) longitude/latitude degrees (RFC 7946).
 * Rings are arrays of [lon, lat] positions; the first ring of a polygon is its outer boundary,
 * the others are holes.
 */
export type UnitGeometry =
  { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };

/**
 * An organizational unit of the agency: region, district, precinct, sector, beat... Units form a tree
 * (each has at most one parent, at the level above). `level` is a free name chosen on import
 * ("district", "beat", "precinto"); `depth` is its position from the top (0 = highest imported level).
 */
export interface Unit {
  /** Code as the agency writes it, unique within its level, e.g. "011" or "1713". */
  code: string;
  name: string;
  level: string;
  /** Code of the parent unit, or null at the top level. */
  parentCode: string | null;
  /** Level of the parent unit, or null at the top level. */
  parentLevel: string | null;
  /** The unit's area, or null when imported without a polygon. */
  geometry: UnitGeometry | null;
}

/** A unit level, top (depth 0) to bottom. */
export interface UnitLevel {
  name: string;
  depth: number;
  parentLevel: string | null;
}
