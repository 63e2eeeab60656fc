import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boxFeature, runCli, tempDir } from '../test-helpers/cli-harness.js';

/*
 * `vigia analyze` end to end on a small synthetic agency in Panama (UTM 17N): two districts of
 * 0.1° × 0.1°, 60 burglaries spread over D1 and D2 in December 2019, 40 more at one spot of D1 (a
 * fallback geocode: the station), and one without coordinates. The numbers checked are those the
 * fixture fixes by construction (counts, the notices, the shape of each format); the statistics
 * themselves are validated against R in packages/analysis and packages/services.
 */
const NOW = Date.UTC(2020, 0, 10, 17, 0);
const run = (args: readonly string[]) => runCli(args, { nowMs: NOW, env: {} });
const STATION: [number, number] = [-79.575, 8.95];

function csvText(): string {
  const lines = ['id,fecha,delito,lon,lat'];
  let seed = 7;
  const rnd = (): number => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296;
  for (let i = 0; i < 60; i++) {
    const day = 1 + (i % 28);
    lines.push(
      `s${i},2019-12-${String(day).padStart(2, '0')} 10:00,ROBO DOMICILIO,${(-79.6 + rnd() * 0.2).toFixed(5)},${(8.9 + rnd() * 0.1).toFixed(5)}`,
    );
  }
  for (let i = 0; i < 40; i++)
    lines.push(
      `f${i},2019-12-${String(1 + (i % 28)).padStart(2, '0')} 12:00,ROBO DOMICILIO,${STATION[0]},${STATION[1]}`,
    );
  lines.push('n1,2019-12-05 09:00,ROBO DOMICILIO,,');
  return lines.join('\n') + '\n';
}

let t: Awaited<ReturnType<typeof tempDir>>;
let db: string;
let files: { units: string; mapping: string; csv: string };
const base = () => ['--db', db, '--category', 'burglary', '--from', '2019-12-01', '--to', '2019-12-31'];

beforeAll(async () => {
  t = await tempDir();
  db = t.path('vigia.duckdb');
  const units = await t.write(
    'd.geojson',
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        boxFeature([-79.6, 8.9, -79.5, 9.0], { code: 'D1' }),
        boxFeature([-79.5, 8.9, -79.4, 9.0], { code: 'D2' }),
      ],
    }),
  );
  const mapping = await t.write(
    'm.json',
    JSON.stringify({
      name: 'prueba',
      columns: {
        sourceId: 'id',
        occurredDateTime: 'fecha',
        offense: 'delito',
        longitude: 'lon',
        latitude: 'lat',
      },
      formats: { dateTime: 'yyyy-MM-dd HH:mm' },
      offenseMap: { 'ROBO DOMICILIO': 'burglary' },
    }),
  );
  const csv = await t.write('i.csv', csvText());
  files = { units, mapping, csv };
  for (const args of [
    [
      'init',
      '--db',
      db,
      '--agency-name',
      'Policía de Prueba',
      '--time-zone',
      'America/Panama',
      '--locale',
      'es',
    ],
    ['import', 'units', units, '--db', db, '--level', 'district', '--code-property', 'code'],
    ['import', 'incidents', csv, '--db', db, '--profile', 'generic', '--mapping', mapping, '--json'],
  ]) {
    const r = await run(args);
    expect(r.code, r.err).toBe(0);
  }
});

afterAll(async () => {
  await t?.remove();
});

describe('vigia analyze', () => {
  it('hotspots --format json: the whole agency grid, the station cell a 99 % hot spot, notices in Spanish', async () => {
    const r = await run(['analyze', 'hotspots', ...base()]);
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out) as {
      selection: {
        crs: string;
        incidents: number;
        withoutLocation: number;
        analysed: number;
        recurringLocations: { count: number }[];
      };
      cells: { count: number; class: number }[];
    };
    expect(json.selection).toMatchObject({
      crs: 'EPSG:32617',
      incidents: 101,
      withoutLocation: 1,
      analysed: 100,
    });
    expect(json.selection.recurringLocations[0]?.count).toBe(40);
    expect(json.cells.reduce((s, c) => s + c.count, 0)).toBe(100);
    const top = json.cells.reduce((a, b) => (b.count > a.count ? b : a));
    expect(top.count).toBeGreaterThanOrEqual(40);
    expect(top.class).toBe(3);
    expect(r.err).toMatch(/1 incidente de esta selección no tiene ubicación/);
    expect(r.err).toMatch(/--exclude-recurring/);
  });

  it('--exclude-recurring leaves the station out and says so', async () => {
    const r = await run(['analyze', 'nni', ...base(), '--exclude-recurring', '--lang', 'en']);
    expect(r.code, r.err).toBe(0);
    expect((JSON.parse(r.out) as { selection: { analysed: number } }).selection.analysed).toBe(60);
    expect(r.err).toMatch(
      /1 location that recurs far more often than chance allows was left out \(40 incidents\)/,
    );
  });

  it('hotspots --format geojson and csv describe the same cells', async () => {
    const g = await run(['analyze', 'hotspots', ...base(), '--format', 'geojson', '--cell-size', '500']);
    const c = await run(['analyze', 'hotspots', ...base(), '--format', 'csv', '--cell-size', '500']);
    const fc = JSON.parse(g.out) as { type: string; features: { geometry: { coordinates: number[][][] } }[] };
    expect(fc.type).toBe('FeatureCollection');
    const lines = c.out.trim().split('\n');
    expect(lines[0]).toBe('cell_id,row,col,x,y,lon,lat,count,z,p,class');
    expect(lines).toHaveLength(fc.features.length + 1);
    expect(fc.features[0]!.geometry.coordinates[0]).toHaveLength(5);
  });

  it('kde --format csv: densities in incidents per km², only cells above 0', async () => {
    const r = await run([
      'analyze',
      'kde',
      ...base(),
      '--format',
      'csv',
      '--bandwidth',
      '400',
      '--cell-size',
      '200',
    ]);
    expect(r.code, r.err).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe('cell_id,row,col,x,y,density_per_km2');
    const max = Math.max(...lines.slice(1).map((l) => Number(l.split(',')[5])));
    // 40 incidents at one spot under a quartic of r = 400 m: at least 40 · 3/(π·0.4²) per km² nearby
    expect(max).toBeGreaterThan(0.5 * ((40 * 3) / (Math.PI * 0.16)));
  });

  it('knox --format json has the table and a plain-language summary; geojson is refused', async () => {
    const r = await run(['analyze', 'knox', ...base(), '--permutations', '99', '--lang', 'en']);
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out) as { table: { observed: number }[][]; summary: string[]; pairs: number };
    expect(json.pairs).toBe((100 * 99) / 2);
    expect(json.table.flat().reduce((s, c) => s + c.observed, 0)).toBe(4950);
    expect(json.summary[0]).toMatch(/at the same location|No near-repeat pattern/);
    const bad = await run(['analyze', 'knox', ...base(), '--format', 'geojson', '--lang', 'en']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/--format \(knox: json, csv\)/);
  });

  it('emerging --format json|csv|geojson: weekly steps back from the 31st, the first 3 days counted apart', async () => {
    const args = ['analyze', 'emerging', ...base(), '--step', 'week', '--cell-size', '2000', '--lang', 'en'];
    const j = await run(args);
    expect(j.code, j.err).toBe(0);
    const json = JSON.parse(j.out) as {
      steps: { start: string; end: string; incidents: number }[];
      outsideSteps: number;
      outsideStudyArea: number;
      selection: { analysed: number };
      cells: { category: string }[];
      categories: Record<string, number>;
    };
    expect(json.steps.map((s) => s.start)).toEqual(['2019-12-04', '2019-12-11', '2019-12-18', '2019-12-25']);
    // fixture days are 1 + (i mod 28): 1–3 December hold 9 of the 60 spread and 6 of the 40 station incidents
    expect(json.outsideSteps).toBe(9 + 6);
    const inSteps = json.steps.reduce((s, x) => s + x.incidents, 0);
    expect(inSteps + json.outsideSteps + json.outsideStudyArea).toBe(json.selection.analysed);
    expect(j.err).toMatch(/15 incidents fall in a partial week or month/);
    expect(j.err).toMatch(/only 4 time steps/);
    const c = await run([...args, '--format', 'csv']);
    const lines = c.out.trim().split('\n');
    expect(lines[0]).toBe('cell_id,row,col,x,y,lon,lat,count,category,hot_steps,cold_steps,trend_z,trend_p');
    expect(lines.slice(1).map((l) => l.split(',')[8])).toEqual(json.cells.map((x) => x.category));
    const g = await run([...args, '--format', 'geojson']);
    expect((JSON.parse(g.out) as { features: unknown[] }).features).toHaveLength(json.cells.length);
  });

  it("init --epsg: the agency's metric CRS is every analysis' default; --epsg still overrides it", async () => {
    const feet = t.path('feet.duckdb');
    const bad = await run([
      'init',
      '--db',
      feet,
      '--agency-name',
      'P',
      '--time-zone',
      'America/Panama',
      '--epsg',
      '2276',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/EPSG:2276 no es un sistema proyectado en metros \(su unidad: us-ft\)/);
    expect(existsSync(feet)).toBe(false);
    const other = t.path('crtm.duckdb');
    // CRTM05 (Costa Rica's transverse Mercator, metres): a grid of the agency's choosing, not its UTM zone
    for (const args of [
      ['init', '--db', other, '--agency-name', 'P', '--time-zone', 'America/Panama', '--epsg', '5367'],
      ['import', 'units', files.units, '--db', other, '--level', 'district', '--code-property', 'code'],
      ['import', 'incidents', files.csv, '--db', other, '--profile', 'generic', '--mapping', files.mapping],
    ]) {
      const r = await run(args);
      expect(r.code, r.err).toBe(0);
    }
    const sel = ['--db', other, '--category', 'burglary', '--from', '2019-12-01', '--to', '2019-12-31'];
    const crs = async (...extra: string[]) =>
      (JSON.parse((await run(['analyze', 'nni', ...sel, ...extra])).out) as { selection: { crs: string } })
        .selection.crs;
    expect(await crs()).toBe('EPSG:5367');
    expect(await crs('--epsg', '32617')).toBe('EPSG:32617');
  });

  it('catalogued errors: unknown analysis, bad number, too few incidents', async () => {
    expect((await run(['analyze', 'heatmap', ...base()])).code).toBe(1);
    const n = await run(['analyze', 'kde', ...base(), '--bandwidth', 'wide', '--lang', 'en']);
    expect(n.err).toMatch(/--bandwidth/);
    const few = await run([
      'analyze',
      'knox',
      '--db',
      db,
      '--from',
      '2018-01-01',
      '--to',
      '2018-01-31',
      '--lang',
      'en',
    ]);
    expect(few.code).toBe(1);
    expect(few.err).toMatch(/Only 0 incidents with a location match this selection/);
  });
});
