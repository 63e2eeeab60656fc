import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compstatRemainder,
  compstatReport,
  importCalls,
  importIncidents,
  policeResponseSection,
} from '@vigia/services';
import { FIXTURE_HEADER, FIXTURE_MAPPING } from '../../../services/src/test-helpers/fixture-agency.js';
import { CompstatReport } from '../app/compstat-schemas.js';
import { API_NOW, apiFixture } from '../test-helpers/api-fixture.js';

/*
 * GET /api/v1/reports/compstat for an agency whose incidents carry an arrest flag and that has calls
 * for service: the body is the services' report with its enforcement and police response sections,
 * and the OpenAPI schema describes every field of it (serializing the body with the schema keeps it
 * whole: fast-json-stringify drops what a schema does not name).
 */
const INCIDENTS = [
  `${FIXTURE_HEADER},arrest`,
  'a1,2019-12-09 10:00,ROBO,,R,,0.5,0.25,Y',
  'a2,2019-12-10 23:30,HURTO,,R,,0.5,0.75,N',
  'a3,2019-12-15 23:59,ROBO,,R,,1.5,0.25,',
  'a4,2018-12-11 08:00,ROBO,,R,,1.5,0.75,Y',
];
const CALLS = [
  'id,received,on_scene,priority,lon,lat',
  'c1,2019-12-09 10:00:00,2019-12-09 10:06:00,1,0.5,0.25',
  'c2,2018-12-11 09:00:00,2018-12-11 09:20:00,2,0.5,0.25',
];
const CALL_MAPPING = {
  name: 'api-cad',
  columns: {
    sourceId: 'id',
    received: 'received',
    onScene: 'on_scene',
    priority: 'priority',
    longitude: 'lon',
    latitude: 'lat',
  },
  formats: { dateTime: 'yyyy-MM-dd HH:mm:ss' },
};

let f: Awaited<ReturnType<typeof apiFixture>>;
beforeAll(async () => {
  f = await apiFixture([]);
  const write = async (name: string, text: string) => f.write(name, text);
  const mapping = { ...FIXTURE_MAPPING, arrest: { column: 'arrest', values: ['Y'], falseValues: ['N'] } };
  await importIncidents(f.store, {
    file: await write('i.csv', INCIDENTS.join('\n')),
    profile: 'generic',
    mappingFile: await write('im.json', JSON.stringify(mapping)),
    nowMs: API_NOW,
  });
  await importCalls(f.store, {
    file: await write('c.csv', CALLS.join('\n')),
    profile: 'generic',
    mappingFile: await write('cm.json', JSON.stringify(CALL_MAPPING)),
    nowMs: API_NOW,
  });
});
afterAll(async () => f.close());

describe('GET /api/v1/reports/compstat with arrest flags and calls', () => {
  it('is the service report with its enforcement and police response sections', async () => {
    const r = await f.app.inject({ url: '/api/v1/reports/compstat?level=district' });
    expect(r.statusCode).toBe(200);
    const body = r.json<Record<string, unknown>>();
    const report = await compstatReport(f.store, { week: '2019-W50', level: 'district' });
    const response = await policeResponseSection(f.store, { week: '2019-W50', level: 'district' });
    expect(body).toEqual(
      JSON.parse(JSON.stringify({ ...report, remainder: compstatRemainder(report), response })),
    );
    const agency = report.enforcement?.rows.find((x) => x.unit === '*' && x.category === '*');
    // a1 (arrest) and a2 (none) are flagged, a3 is not; last year a4 was cleared by arrest.
    expect(agency?.wtd).toEqual({
      current: { incidents: 3, withArrestData: 2, clearedByArrest: 1, clearanceRate: 0.5 },
      previous: { incidents: 1, withArrestData: 1, clearedByArrest: 1, clearanceRate: 1 },
    });
  });

  it('is described whole by the OpenAPI schema, including the enforcement and response sections', async () => {
    const body = (await f.app.inject({ url: '/api/v1/reports/compstat?level=district' })).json<object>();
    const probe = Fastify();
    probe.get('/', { schema: { response: { 200: CompstatReport } } }, () => body);
    const serialized = (await probe.inject({ url: '/' })).json<object>();
    await probe.close();
    expect(serialized).toEqual(body);
    expect(Object.keys(serialized)).toContain('response');
    expect(Object.keys(serialized)).toContain('enforcement');
  });
});
