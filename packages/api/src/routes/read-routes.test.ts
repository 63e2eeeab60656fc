import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compstatRemainder,
  compstatReport,
  dataQuality,
  incidentFeatures,
  unitFeatures,
  weeklySeries,
} from '@vigia/services';
import { API_NOW, API_ROWS, apiFixture } from '../test-helpers/api-fixture.js';

let f: Awaited<ReturnType<typeof apiFixture>>;
beforeAll(async () => {
  f = await apiFixture();
});
afterAll(async () => f.close());

const get = async (url: string, headers: Record<string, string> = {}) => {
  const r = await f.app.inject({ url, headers });
  return { status: r.statusCode, body: r.json<Record<string, unknown>>(), type: r.headers['content-type'] };
};
const errorOf = (b: Record<string, unknown>) =>
  b['error'] as { code: string; message: string; requestId: string; details?: string[] };

describe('GET /api/v1/agency', () => {
  it('describes the agency, its levels, its data span and the latest complete week', async () => {
    const r = await get('/api/v1/agency');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      name: 'Test PD',
      timeZone: 'America/Chicago',
      locale: 'en',
      latestCompleteWeek: '2019-W50',
      defaultWeek: '2019-W50',
      dataRange: { first: '2018-12-11', last: '2019-12-15' },
      demo: false,
    });
    expect(r.body['levels']).toEqual([
      { name: 'district', depth: 0, parentLevel: null },
      { name: 'beat', depth: 1, parentLevel: 'district' },
    ]);
  });
});

describe('GET /api/v1/agency defaultWeek and the report without a week: one rule', () => {
  it('opens on the last week the data cover whole when they end before the latest complete week', async () => {
    const later = await apiFixture(undefined, Date.UTC(2026, 10, 30));
    try {
      const body = (await later.app.inject({ url: '/api/v1/agency' })).json<Record<string, string>>();
      expect(body['latestCompleteWeek']).toBe('2026-W47'); // still Sunday 29 November in Chicago
      expect(body['defaultWeek']).toBe('2019-W50'); // 2019-12-15 is the Sunday of 2019-W50
      const report = (await later.app.inject({ url: '/api/v1/reports/compstat' })).json<{ week: string }>();
      expect(report.week).toBe('2019-W50');
    } finally {
      await later.close();
    }
  });

  it('never opens on a week the data end in: with data to a Wednesday, the week before', async () => {
    // The fixture's rows plus one on Wednesday 2019-12-18: the data now end inside 2019-W51. On Monday
    // 2019-12-23 the latest complete week is 2019-W51, but it is partial: both open on 2019-W50.
    const rows = [...API_ROWS, 'late,2019-12-18 10:00,HURTO,,R,11,0.5,0.25'];
    const midweek = await apiFixture(rows, Date.UTC(2019, 11, 23, 18));
    try {
      const body = (await midweek.app.inject({ url: '/api/v1/agency' })).json<Record<string, string>>();
      expect(body['latestCompleteWeek']).toBe('2019-W51');
      expect(body['defaultWeek']).toBe('2019-W50');
      const report = (await midweek.app.inject({ url: '/api/v1/reports/compstat' })).json<{
        week: string;
        weekCoverage: string;
      }>();
      expect(report).toMatchObject({ week: '2019-W50', weekCoverage: 'whole' });
      const partial = (await midweek.app.inject({ url: '/api/v1/reports/compstat?week=2019-W51' })).json<{
        weekCoverage: string;
        rows: {
          wtd: { significant: boolean };
          d28: { significant: boolean };
          ytd: { significant: boolean };
        }[];
      }>();
      expect(partial.weekCoverage).toBe('partial');
      expect(partial.rows.flatMap((r) => [r.wtd, r.d28, r.ytd]).some((c) => c.significant)).toBe(false);
    } finally {
      await midweek.close();
    }
  });
});

describe('GET /api/v1/units and /categories', () => {
  it('returns the same GeoJSON as the service, filtered by level', async () => {
    const r = await get('/api/v1/units?level=beat');
    expect(r.body).toEqual(await unitFeatures(f.store, { level: 'beat' }));
    const noGeom = await get('/api/v1/units?geometry=false');
    expect((noGeom.body['features'] as { geometry: unknown }[]).every((x) => x.geometry === null)).toBe(true);
  });

  it('answers an unknown level with 404 UNKNOWN_LEVEL in the asked language', async () => {
    const r = await get('/api/v1/units?level=zona&lang=es');
    expect(r.status).toBe(404);
    expect(errorOf(r.body).code).toBe('UNKNOWN_LEVEL');
    expect(errorOf(r.body).message).toMatch(/nivel/i);
  });

  it('labels categories in the request language, with ICCS and NIBRS codes', async () => {
    const es = (await get('/api/v1/categories', { 'accept-language': 'es-PA,es;q=0.9,en;q=0.5' }))
      .body as unknown as {
      code: string;
      label: string;
      iccs: string | null;
    }[];
    const en = (await get('/api/v1/categories?lang=en')).body as unknown as typeof es;
    expect(es[0]).toMatchObject({ code: 'homicide', label: 'Homicidio', iccs: '0101' });
    expect(en[0]?.label).toBe('Homicide');
    expect(es.at(-1)?.code).toBe('unclassified');
  });
});

describe('GET /api/v1/reports/compstat', () => {
  it('is the service report plus its remainder rows, for the agency defaultWeek by default', async () => {
    const r = await get('/api/v1/reports/compstat?level=beat');
    const report = await compstatReport(f.store, { week: '2019-W50', level: 'beat' });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ ...report, remainder: compstatRemainder(report) });
    expect((r.body['rows'] as unknown[]).length).toBeGreaterThan(0);
  });

  it('selects a unit subtree and answers bad parameters with 400 naming them', async () => {
    const unit = await get('/api/v1/reports/compstat?week=2019-W50&unit=1');
    expect((unit.body['rows'] as { unit: string }[])[0]?.unit).toBe('1');
    const week = await get('/api/v1/reports/compstat?week=2019-W60&lang=es');
    expect(week.status).toBe(400);
    expect(errorOf(week.body).code).toBe('INVALID_WEEK');
    expect(errorOf(week.body).message).toContain('semana ISO');
    const pattern = await get('/api/v1/reports/compstat?week=50');
    expect(pattern.status).toBe(400);
    expect(errorOf(pattern.body)).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(errorOf(pattern.body).message).toContain('week');
    const basis = await get('/api/v1/reports/compstat?dateBasis=filed');
    expect(basis.status).toBe(400);
    const unknown = await get('/api/v1/reports/compstat?unit=99');
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown.body).code).toBe('UNKNOWN_UNIT');
  });
});

describe('GET /api/v1/incidents', () => {
  it('returns the service GeoJSON page, with the unmapped incidents counted', async () => {
    const r = await get('/api/v1/incidents?from=2019-12-01&to=2019-12-31&limit=2&offset=1');
    expect(r.body).toEqual(
      await incidentFeatures(f.store, { from: '2019-12-01', to: '2019-12-31', limit: 2, offset: 1 }),
    );
    expect(r.body).toMatchObject({ matched: 5, withoutLocation: 1, nextOffset: 3 });
  });

  it('filters by bbox, unit and category', async () => {
    const r = await get(
      '/api/v1/incidents?from=2019-12-01&to=2019-12-31&bbox=0,0,1,1&category=robbery&unit=1',
    );
    const ids = (r.body['features'] as { properties: { sourceId: string } }[]).map(
      (x) => x.properties.sourceId,
    );
    expect(ids).toEqual(['a1']);
  });

  it.each([
    ['/api/v1/incidents?from=2019-12-01', 'to'],
    ['/api/v1/incidents?from=2019-12-01&to=2019-12-31&limit=10001', 'limit'],
    ['/api/v1/incidents?from=2019-12-01&to=2019-12-31&bbox=1,2,3', 'bbox'],
    ['/api/v1/incidents?from=2019-12-01&to=2019-12-31&bbox=3,0,1,1', 'bbox'],
    ['/api/v1/incidents?from=2019-12-31&to=2019-12-01', 'from'],
    ['/api/v1/incidents?from=2019-02-30&to=2019-12-01', '2019-02-30'],
    ['/api/v1/incidents?from=2019-12-01&to=2019-12-31&category=arson', 'category'],
    ['/api/v1/incidents?from=2019-12-01&to=2019-12-31&offset=-1', 'offset'],
    ['/api/v1/incidents?from=2019-12-01&to=2019-12-31&offset=99999999999999999999', 'offset'],
    ['/api/v1/incidents?from=2019-12-01&to=2019-12-31&bbox=-,-,-,-', '-,-,-,-'],
    ['/api/v1/quarantine?offset=99999999999999999999', 'offset'],
    ['/api/v1/quarantine?importId=999', 'importId'],
  ])('%s is a 400 that names %s', async (url, name) => {
    const r = await get(url);
    expect(r.status).toBe(400);
    expect(errorOf(r.body).message).toContain(name);
    expect(errorOf(r.body).requestId).toBeTruthy();
  });
});

describe('GET /api/v1/series/weekly, /quality, /quarantine', () => {
  it('returns the weekly series of the service', async () => {
    const r = await get('/api/v1/series/weekly?unit=1&category=robbery&previousYears=1');
    expect(r.body).toEqual(
      await weeklySeries(f.store, { unit: '1', category: 'robbery', previousYears: 1 }, API_NOW),
    );
    expect((await get('/api/v1/series/weekly?previousYears=9')).status).toBe(400);
  });

  it('returns the quality figures with reason labels in the request language', async () => {
    const r = await get('/api/v1/quality?lang=es');
    const q = await dataQuality(f.store);
    expect(r.body).toMatchObject({
      incidents: q.incidents,
      noLocation: 1,
      outsideJurisdiction: 1,
      quarantinedRows: 1,
    });
    const reasons = r.body['quarantineByReason'] as { reason: string; label: string; count: number }[];
    expect(reasons).toHaveLength(1);
    expect(reasons[0]?.label).not.toBe(reasons[0]?.reason);
    expect(r.body['unclassifiedLabels']).toEqual([{ label: 'BAILE', count: 1 }]);
  });

  it('lists quarantined rows with file, row, column and value', async () => {
    const r = await get('/api/v1/quarantine?limit=10');
    const rows = r.body['rows'] as { file: string; row: number; columns: string[]; values: string[] }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      file: 'fixture.csv',
      row: 8,
      columns: ['date'],
      values: ['2019-13-01 10:00'],
    });
    expect((await get('/api/v1/quarantine?importId=99')).status).toBe(400);
    expect((await get('/api/v1/quarantine?limit=0')).status).toBe(400);
  });
});

describe('errors', () => {
  it('explains a schema failure in Spanish when asked', async () => {
    const r = await get('/api/v1/incidents?from=2019-12-01&to=2019-12-31&limit=0&lang=es');
    expect(r.status).toBe(400);
    expect(errorOf(r.body).message).toContain('limit');
    expect(errorOf(r.body).message).toMatch(/debe ser/);
  });

  it('accepts a language tag in any case, with a region', async () => {
    const r = await get('/api/v1/categories?lang=ES-pa');
    expect((r.body as unknown as { label: string }[])[0]?.label).toBe('Homicidio');
    expect((await get('/api/v1/categories?lang=fr')).status).toBe(400);
  });

  it('answers a malformed URL with the JSON error body', async () => {
    const r = await get('/api/v1/imports/%ZZ');
    expect(r.status).toBe(400);
    expect(errorOf(r.body).requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unknown address with a catalogued 404 in JSON', async () => {
    const r = await get('/api/v1/nothing-here', { 'accept-language': 'en' });
    expect(r.status).toBe(404);
    expect(r.type).toContain('application/json');
    expect(errorOf(r.body)).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
  });
});
