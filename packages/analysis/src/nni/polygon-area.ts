import type { UnitGeometry } from '@vigia/domain';

/**
 * Planar area of a Polygon or MultiPolygon in the square of its coordinates' unit (square metres for a
 * projected CRS): the shoelace formula, outer rings minus holes, whatever the ring orientation.
 * @see Any computational geometry text (Gauss's area formula). O(vertices).
 */
export function polygonArea(geometry: UnitGeometry): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let area = 0;
  for (const rings of polygons) {
    rings.forEach((ring, k) => {
      const a = Math.abs(ringSignedArea(ring));
      area += k === 0 ? a : -a;
    });
  }
  return area;
}

function ringSignedArea(ring: readonly (readonly number[])[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    s += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  }
  return s / 2;
}
