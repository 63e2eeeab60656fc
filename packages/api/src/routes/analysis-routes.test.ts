import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeEmerging, analyzeHotspots, analyzeKnox, analyzeNni, knoxSummary } from '@vigia/services';
import { apiFixture } from '../test-helpers/api-fixture.js';

let f: Awaited<ReturnType<typeof apiFixture>>;
// A small cluster in beat 11 and a scatter elsewhere (fixture units span x 0..2, y 0..1 degrees).
const rows = Array.from({ length: 40 }, (_, i) => {
  const clustered = i < 25;
  const x = clustered ? 0.2 + (i % 5) * 0.001 : 0.1 + ((i * 37) % 180) / 100;
  const y = clustered ? 0.2 + Math.floor(i / 5) * 0.001 : 0.05 + ((i * 53) % 90) / 100;
  const day = String(1 + (i % 28)).padStart(2, '0');
  return `h${i},2019-11-${day} 10:00,ROBO,,R,,${x.toFixed(4)},${y.toFixed(4)}`;
});
beforeAll(async () => {
  f = await apiFixture(rows);
});
afterAll(async () => f.close());

const get = async (url: string) => {
  const r = await f.app.inject({ url });
  return { status: r.statusCode, body: r.json<Record<string, unknown>>() };
};
const SEL = 'from=2019-11-01&to=2019-11-30';

describe('GET /api/v1/analysis/*', () => {
  it('hotspots: the service result with its cells as GeoJSON polygons', async () => {
    const r = await get(`/api/v1/analysis/hotspots?${SEL}&unit=1&cellSize=5000`);
    expect(r.status).toBe(200);
    const direct = await analyzeHotspots(f.store, {
      from: '2019-11-01',
      to: '2019-11-30',
      unit: '1',
      cellSizeMeters: 5000,
    });
    const cells = r.body['cells'] as {
      type: string;
      features: { properties: { count: number; z: number | null } }[];
    };
    expect(cells.type).toBe('FeatureCollection');
    expect(cells.features.map((c) => c.properties.count)).toEqual(direct.cells.map((c) => c.count));
    expect(cells.features.map((c) => c.properties.z)).toEqual(direct.cells.map((c) => c.z));
    expect(r.body['selection']).toEqual(direct.selection);
  });

  it('kde: a surface in incidents per km²', async () => {
    const r = await get(`/api/v1/analysis/kde?${SEL}&unit=11&cellSize=2000&bandwidth=5000`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ analysis: 'kde', kernel: 'quartic', bandwidthMeters: 5000 });
    const cells = (
      r.body['cells'] as { features: { properties: { row: number; col: number; density: number } }[] }
    ).features;
    expect(cells.length).toBeGreaterThan(0);
    const ras = await get(`/api/v1/analysis/kde?${SEL}&unit=11&cellSize=2000&bandwidth=5000&output=raster`);
    const raster = ras.body['raster'] as { nCols: number; nRows: number; density: number[]; max: number };
    const grid = r.body['grid'] as { nCols: number; nRows: number };
    expect([raster.nCols, raster.nRows]).toEqual([grid.nCols, grid.nRows]);
    expect(raster.density).toHaveLength(grid.nCols * grid.nRows);
    for (const c of cells) {
      // the raster runs from the north: grid row r is raster row nRows − 1 − r
      const v = raster.density[(grid.nRows - 1 - c.properties.row) * grid.nCols + c.properties.col]!;
      expect(Math.abs(v - c.properties.density)).toBeLessThanOrEqual(c.properties.density * 1e-3);
    }
    expect(raster.max).toBe(Math.max(...cells.map((c) => c.properties.density)));
    expect(raster.density.filter((d) => d > 0)).toHaveLength(cells.length);
  });

  it('knox and nni: the service results, the Knox summary in the request language', async () => {
    const knox = await get(`/api/v1/analysis/knox?${SEL}&permutations=99&lang=es`);
    const direct = await analyzeKnox(f.store, { from: '2019-11-01', to: '2019-11-30', permutations: 99 });
    expect(knox.body['table']).toEqual(JSON.parse(JSON.stringify(direct.table))); // NaN ratios are null in JSON
    expect(knox.body['summary']).toEqual(knoxSummary(direct, 'es'));
    const nni = await get(`/api/v1/analysis/nni?${SEL}`);
    expect(nni.body).toEqual(
      JSON.parse(JSON.stringify(await analyzeNni(f.store, { from: '2019-11-01', to: '2019-11-30' }))),
    );
  });

  it('emerging: weekly steps over November, the cells as GeoJSON with their category', async () => {
    const r = await get(`/api/v1/analysis/emerging?${SEL}&unit=1&cellSize=5000&step=week`);
    expect(r.status).toBe(200);
    const direct = await analyzeEmerging(f.store, {
      from: '2019-11-01',
      to: '2019-11-30',
      unit: '1',
      cellSizeMeters: 5000,
      step: 'week',
    });
    expect(r.body).toMatchObject({ analysis: 'emerging', step: 'week', categories: direct.categories });
    expect(r.body['steps']).toEqual(direct.steps);
    const cells = r.body['cells'] as { features: { properties: { category: string; count: number } }[] };
    expect(cells.features.map((c) => [c.properties.category, c.properties.count])).toEqual(
      direct.cells.map((c) => [c.category, c.count]),
    );
    const few = await get(`/api/v1/analysis/emerging?from=2019-11-01&to=2019-11-10&step=week&lang=en`);
    expect(few.status).toBe(422);
    expect((few.body['error'] as { code: string }).code).toBe('TOO_FEW_TIME_STEPS');
    expect((await get(`/api/v1/analysis/emerging?${SEL}&step=day`)).status).toBe(400);
  });

  it('answers bad selections with catalogued 4xx errors', async () => {
    expect((await get(`/api/v1/analysis/hotspots?from=2019-11-01`)).status).toBe(400);
    expect((await get(`/api/v1/analysis/kde?${SEL}&kernel=box`)).status).toBe(400);
    expect((await get(`/api/v1/analysis/hotspots?${SEL}&cellSize=0`)).status).toBe(400);
    expect((await get(`/api/v1/analysis/nni?${SEL}&unit=99`)).status).toBe(404);
    const few = await get(`/api/v1/analysis/knox?from=2019-01-01&to=2019-01-02`);
    expect(few.status).toBe(422);
    expect((few.body['error'] as { code: string }).code).toBe('TOO_FEW_INCIDENTS');
  });
});
