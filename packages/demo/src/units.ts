import type { UnitGeometry } from '@vigia/domain';
import { createRng, deriveSeed } from './prng.js';

/** A rectangle in WGS84 degrees: [minLon, minLat, maxLon, maxLat] (RFC 7946 bbox order). */
export type Bbox = readonly [number, number, number, number];

/** A GeoJSON Polygon geometry (lon/lat degrees, counter-clockwise outer ring, closed). */
export type PolygonGeometry = Extract<UnitGeometry, { type: 'Polygon' }>;

/** A precinct ("Precinto") of the demo city: the upper unit level. */
export interface DemoPrecinct {
  /** "P1".."P5". */
  code: string;
  /** Spanish name, e.g. "Precinto 1 — Centro". */
  name: string;
  bbox: Bbox;
  geometry: PolygonGeometry;
}

/** A sector of a precinct: the lower unit level, the one the incident CSV names. */
export interface DemoSector {
  /** "P1-S1", "P1-S2"...: precinct code, "-S", number west→east, south→north. */
  code: string;
  /** Neighbourhood name, e.g. "El Mercado". */
  name: string;
  /** Parent precinct code. */
  precinct: string;
  bbox: Bbox;
  geometry: PolygonGeometry;
  /** Relative resident population (unitless, about 0.3–2): drives household offenses. */
  residents: number;
  /** Relative commercial activity (unitless, about 0.2–3): drives street and property offenses. */
  commerce: number;
}

/** The unit tree of the demo city. */
export interface DemoUnits {
  /** The whole city: the union of all precincts. */
  cityBbox: Bbox;
  precincts: DemoPrecinct[];
  sectors: DemoSector[];
}

interface PrecinctPlan {
  code: string;
  name: string;
  /** Sector names by band, south band first, each band west→east. */
  bands: string[][];
  residents: number;
  commerce: number;
}

/** The fictional city: between −79.56 and −79.44 longitude, 8.97 and 9.05 latitude (≈ 13 × 9 km). */
export const DEMO_CITY_BBOX: Bbox = [-79.56, 8.97, -79.44, 9.05];

// South row (by the sea), west→east, then north row, west→east.
const SOUTH: PrecinctPlan[] = [
  {
    code: 'P1',
    name: 'Precinto 1 — Centro',
    bands: [
      ['El Mercado', 'La Catedral'],
      ['San Judas', 'Las Bóvedas'],
    ],
    residents: 1.0,
    commerce: 2.4,
  },
  {
    code: 'P2',
    name: 'Precinto 2 — La Ribera',
    bands: [['El Malecón', 'Calle Luna', 'La Ribera']],
    residents: 0.9,
    commerce: 1.6,
  },
  {
    code: 'P3',
    name: 'Precinto 3 — Puerto Nuevo',
    bands: [
      ['Los Astilleros', 'La Terminal'],
      ['El Progreso', 'Villa Mar', 'Puerto Nuevo'],
    ],
    residents: 1.3,
    commerce: 1.0,
  },
];
const NORTH: PrecinctPlan[] = [
  {
    code: 'P4',
    name: 'Precinto 4 — Los Almendros',
    bands: [
      ['Los Almendros', 'El Bosque'],
      ['Santa Rita', 'Villa Flor'],
    ],
    residents: 1.3,
    commerce: 0.8,
  },
  {
    code: 'P5',
    name: 'Precinto 5 — Altos del Valle',
    bands: [['Altos del Valle'], ['La Colina', 'Monte Claro']],
    residents: 0.9,
    commerce: 0.35,
  },
];

/** Rounds to 1e-5 degrees (≈ 1 m): cut lines have short, exact decimal coordinates. */
function round5(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}

/** Splits [a, b] into `n` parts of equal size ± `jitter` (fraction of a part), rounded. */
function cuts(a: number, b: number, n: number, jitter: number, u: () => number): number[] {
  const step = (b - a) / n;
  const out = [a];
  for (let i = 1; i < n; i++) out.push(round5(a + step * (i + jitter * (2 * u() - 1))));
  out.push(b);
  return out;
}

/**
 * A closed, counter-clockwise ring around `bbox` that also passes through every point of `vertices`
 * lying on its edges. Giving every unit the vertices of its neighbours makes the partition conforming
 * (no T-junctions): shared edges have exactly the same vertices on both sides.
 */
function conformingRing(bbox: Bbox, vertices: readonly (readonly [number, number])[]): number[][] {
  const [x0, y0, x1, y1] = bbox;
  const on = (pred: (x: number, y: number) => boolean, key: (x: number, y: number) => number) =>
    vertices
      .filter(([x, y]) => pred(x, y))
      .sort((p, q) => key(p[0], p[1]) - key(q[0], q[1]))
      .map(([x, y]) => [x, y]);
  return [
    [x0, y0],
    ...on(
      (x, y) => y === y0 && x > x0 && x < x1,
      (x) => x,
    ),
    [x1, y0],
    ...on(
      (x, y) => x === x1 && y > y0 && y < y1,
      (_x, y) => y,
    ),
    [x1, y1],
    ...on(
      (x, y) => y === y1 && x > x0 && x < x1,
      (x) => -x,
    ),
    [x0, y1],
    ...on(
      (x, y) => x === x0 && y > y0 && y < y1,
      (_x, y) => -y,
    ),
    [x0, y0],
  ];
}

/**
 * Generates the unit tree of the fictional Ciudad Esperanza: 5 precincts ("P1".."P5") in two rows,
 * split into 19 sectors (3–5 each, codes "P1-S1"...), all axis-aligned rectangles that tile
 * {@link DEMO_CITY_BBOX} without gaps or overlaps. Each precinct polygon is exactly the union of its
 * sectors, and neighbouring polygons share edges vertex for vertex. Coordinates are WGS84 lon/lat
 * degrees with at most 5 decimals. The seed moves the cut lines (by up to ±15 % of a part) and the
 * sectors' population and commerce weights; names, codes and topology are the same for every seed.
 *
 * Synthetic: the city and its units are invented.
 *
 * @param seed - integer seed; equal seeds give identical units.
 * @returns precincts and sectors, in code order.
 */
export function generateDemoUnits(seed: number): DemoUnits {
  const rng = createRng(deriveSeed(seed, 'units'));
  const u = () => rng.next();
  const [minX, minY, maxX, maxY] = DEMO_CITY_BBOX;
  const midY = round5((minY + maxY) / 2 + 0.003 * (2 * u() - 1));
  const rows: { plans: PrecinctPlan[]; y0: number; y1: number }[] = [
    { plans: SOUTH, y0: minY, y1: midY },
    { plans: NORTH, y0: midY, y1: maxY },
  ];

  const rects: { plan: PrecinctPlan; bbox: Bbox; sectors: { name: string; bbox: Bbox }[] }[] = [];
  for (const row of rows) {
    const xs = cuts(minX, maxX, row.plans.length, 0.15, u);
    row.plans.forEach((plan, i) => {
      const px0 = xs[i]!;
      const px1 = xs[i + 1]!;
      const ys = cuts(row.y0, row.y1, plan.bands.length, 0.15, u);
      const sectors: { name: string; bbox: Bbox }[] = [];
      plan.bands.forEach((band, b) => {
        const bx = cuts(px0, px1, band.length, 0.15, u);
        band.forEach((name, k) => sectors.push({ name, bbox: [bx[k]!, ys[b]!, bx[k + 1]!, ys[b + 1]!] }));
      });
      rects.push({ plan, bbox: [px0, row.y0, px1, row.y1], sectors });
    });
  }

  const seen = new Set<string>();
  const vertices: [number, number][] = [];
  for (const r of rects) {
    for (const s of r.sectors) {
      const [x0, y0, x1, y1] = s.bbox;
      for (const v of [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
      ] as [number, number][]) {
        const key = `${v[0]},${v[1]}`;
        if (!seen.has(key)) {
          seen.add(key);
          vertices.push(v);
        }
      }
    }
  }

  const precincts: DemoPrecinct[] = [];
  const sectors: DemoSector[] = [];
  for (const r of rects) {
    precincts.push({
      code: r.plan.code,
      name: r.plan.name,
      bbox: r.bbox,
      geometry: { type: 'Polygon', coordinates: [conformingRing(r.bbox, vertices)] },
    });
    r.sectors.forEach((s, k) => {
      sectors.push({
        code: `${r.plan.code}-S${k + 1}`,
        name: s.name,
        precinct: r.plan.code,
        bbox: s.bbox,
        geometry: { type: 'Polygon', coordinates: [conformingRing(s.bbox, vertices)] },
        residents: r.plan.residents * (0.6 + 0.8 * u()),
        commerce: r.plan.commerce * (0.6 + 0.8 * u()),
      });
    });
  }
  return { cityBbox: DEMO_CITY_BBOX, precincts, sectors };
}

/**
 * The sector whose rectangle strictly contains (lon, lat), or null when the point is outside the city
 * or exactly on a boundary (a boundary point would be ambiguous, so the generator never emits one).
 * O(number of sectors).
 */
export function findSector(units: DemoUnits, lon: number, lat: number): DemoSector | null {
  for (const s of units.sectors) {
    const [x0, y0, x1, y1] = s.bbox;
    if (lon > x0 && lon < x1 && lat > y0 && lat < y1) return s;
  }
  return null;
}

/** The sector with code `code`. @throws Error (naming this function) when there is none. */
export function sectorByCode(units: DemoUnits, code: string): DemoSector {
  const s = units.sectors.find((x) => x.code === code);
  if (!s) throw new Error(`sectorByCode: no sector ${code}`);
  return s;
}
