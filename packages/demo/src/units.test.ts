import { describe, expect, it } from 'vitest';
import { precinctsFeatureCollection, sectorsFeatureCollection } from './geojson.js';
import { DEMO_CITY_BBOX, generateDemoUnits, type Bbox } from './units.js';

/** Signed area of a closed ring (shoelace), square degrees; positive when counter-clockwise. */
function ringArea(ring: number[][]): number {
  let a = 0;
  for (let i = 0; i + 1 < ring.length; i++)
    a += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return a / 2;
}

function bboxArea(b: Bbox): number {
  return (b[2] - b[0]) * (b[3] - b[1]);
}

function overlapArea(a: Bbox, b: Bbox): number {
  const w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
  const h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  return w > 0 && h > 0 ? w * h : 0;
}

/** True when (x, y) lies on the ring's boundary (on one of its segments). */
function onBoundary(ring: number[][], x: number, y: number): boolean {
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x0, y0] = ring[i] as [number, number];
    const [x1, y1] = ring[i + 1] as [number, number];
    const cross = (x1 - x0) * (y - y0) - (y1 - y0) * (x - x0);
    const within =
      x >= Math.min(x0, x1) && x <= Math.max(x0, x1) && y >= Math.min(y0, y1) && y <= Math.max(y0, y1);
    if (cross === 0 && within) return true;
  }
  return false;
}

const key = (p: number[]) => `${p[0]},${p[1]}`;

describe('generateDemoUnits', () => {
  const units = generateDemoUnits(1);

  it('has 5 precincts of 3–5 sectors with coded names', () => {
    expect(units.precincts.map((p) => p.code)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5']);
    for (const p of units.precincts) {
      const mine = units.sectors.filter((s) => s.precinct === p.code);
      expect(mine.length).toBeGreaterThanOrEqual(3);
      expect(mine.length).toBeLessThanOrEqual(5);
      mine.forEach((s, i) => expect(s.code).toBe(`${p.code}-S${i + 1}`));
      expect(p.name).toMatch(/^Precinto \d — /);
    }
    expect(new Set(units.sectors.map((s) => s.code)).size).toBe(units.sectors.length);
  });

  it('lies near Panama City in lon/lat order, with closed counter-clockwise rings', () => {
    for (const u of [...units.precincts, ...units.sectors]) {
      const ring = u.geometry.coordinates[0]!;
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      expect(ringArea(ring)).toBeGreaterThan(0);
      for (const [lon, lat] of ring as [number, number][]) {
        expect(lon).toBeGreaterThan(-79.6);
        expect(lon).toBeLessThan(-79.4);
        expect(lat).toBeGreaterThan(8.9);
        expect(lat).toBeLessThan(9.1);
      }
    }
  });

  it('makes each precinct exactly the union of its sectors, and the precincts tile the city', () => {
    const all = units.sectors;
    for (let i = 0; i < all.length; i++) {
      for (let j = i + 1; j < all.length; j++) expect(overlapArea(all[i]!.bbox, all[j]!.bbox)).toBe(0);
    }
    let cityArea = 0;
    for (const p of units.precincts) {
      const mine = all.filter((s) => s.precinct === p.code);
      const sum = mine.reduce((a, s) => a + ringArea(s.geometry.coordinates[0]!), 0);
      const area = ringArea(p.geometry.coordinates[0]!);
      expect(Math.abs(sum - area)).toBeLessThan(1e-12);
      // Non-overlapping sectors inside the precinct with the same total area cover it exactly.
      for (const s of mine) expect(overlapArea(s.bbox, p.bbox)).toBeCloseTo(bboxArea(s.bbox), 15);
      cityArea += area;
    }
    expect(Math.abs(cityArea - bboxArea(DEMO_CITY_BBOX))).toBeLessThan(1e-12);
  });

  it('shares edges vertex for vertex (no T-junctions between any two units)', () => {
    const rings = [...units.precincts, ...units.sectors].map((u) => u.geometry.coordinates[0]!);
    for (const a of rings) {
      const own = new Set(a.map(key));
      for (const b of rings)
        for (const v of b) if (onBoundary(a, v[0]!, v[1]!)) expect(own.has(key(v))).toBe(true);
    }
    // A precinct's vertices are exactly its sectors' vertices that lie on its boundary.
    for (const p of units.precincts) {
      const ring = p.geometry.coordinates[0]!;
      const fromSectors = new Set<string>();
      for (const s of units.sectors.filter((x) => x.precinct === p.code)) {
        for (const v of s.geometry.coordinates[0]!)
          if (onBoundary(ring, v[0]!, v[1]!)) fromSectors.add(key(v));
      }
      expect(new Set(ring.map(key))).toEqual(fromSectors);
    }
  });

  it('is deterministic for a seed and moves the cut lines for another', () => {
    expect(JSON.stringify(generateDemoUnits(1))).toBe(JSON.stringify(units));
    const other = generateDemoUnits(2);
    expect(JSON.stringify(other.sectors.map((s) => s.bbox))).not.toBe(
      JSON.stringify(units.sectors.map((s) => s.bbox)),
    );
    expect(other.sectors.map((s) => s.code)).toEqual(units.sectors.map((s) => s.code));
  });

  it('labels the GeoJSON as synthetic and carries code, name and parent', () => {
    const p = precinctsFeatureCollection(units);
    const s = sectorsFeatureCollection(units);
    expect(p._synthetic).toBe(true);
    expect(s._nota).toMatch(/sintéticos/);
    expect(s.features[0]!.properties).toEqual({
      code: 'P1-S1',
      name: 'El Mercado',
      precinct: 'P1',
      _synthetic: true,
    });
    expect(Object.keys(p.features[0]!.properties).sort()).toEqual(['_synthetic', 'code', 'name']);
  });
});
