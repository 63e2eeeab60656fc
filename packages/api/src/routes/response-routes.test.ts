import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCalls, responseReport } from '@vigia/services';
import { API_NOW, apiFixture } from '../test-helpers/api-fixture.js';
import {
  FIXTURE_CAD_HEADER,
  FIXTURE_CAD_MAPPING,
} from '../../../services/src/test-helpers/fixture-agency.js';

/*
 * GET /api/v1/reports/response against the fixture agency (America/Chicago, districts 1 and 2) with a
 * few calls in 2019-W50 (9–15 December 2019) and last year: the body must be the service's report.
 */
const CALLS = [
  FIXTURE_CAD_HEADER,
  'c1,2019-12-09 10:00:00,2019-12-09 10:01:00,2019-12-09 10:06:00,1,911,0.5,0.25',
  'c2,2019-12-10 23:55:00,2019-12-10 23:58:00,2019-12-11 00:10:00,1,911,1.5,0.25',
  'c3,2019-12-12 08:00:00,,,2,PHONE,1.5,0.75',
  'c4,2019-12-13 14:00:00,,2019-12-13 14:00:00,3,ONVIEW,0.5,0.75',
  'c5,2018-12-11 09:00:00,2018-12-11 09:02:00,2018-12-11 09:20:00,2,911,0.5,0.25',
];
let f: Awaited<ReturnType<typeof apiFixture>>;
beforeAll(async () => {
  f = await apiFixture();
  const csv = await f.write('calls.csv', CALLS.join('\n'));
  const mapping = await f.write('calls.json', JSON.stringify(FIXTURE_CAD_MAPPING));
  await importCalls(f.store, { file: csv, profile: 'generic', mappingFile: mapping, nowMs: API_NOW });
});
afterAll(async () => f.close());

const get = async (url: string) => {
  const r = await f.app.inject({ url });
  return { status: r.statusCode, body: r.json<Record<string, unknown>>() };
};
const errorOf = (b: Record<string, unknown>) => b['error'] as { code: string; message: string };

describe('GET /api/v1/reports/response', () => {
  it('is the service report; without a week, for the week the Police response page opens on', async () => {
    // The calls end on Friday 13 December: 2019-W50 is not covered whole, so the default is 2019-W49,
    // the agency's responseDefaultWeek (the rule GET /reports/compstat follows on incidents).
    const byDefault = await get('/api/v1/reports/response?level=district');
    expect(byDefault.body['week']).toBe('2019-W49');
    expect((await get('/api/v1/agency')).body['responseDefaultWeek']).toBe('2019-W49');
    const r = await get('/api/v1/reports/response?level=district&week=2019-W50');
    expect(r.status).toBe(200);
    const expected = await responseReport(f.store, { week: '2019-W50', level: 'district' });
    expect(r.body).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(r.body['week']).toBe('2019-W50');
    const agency = (
      r.body['rows'] as { dimension: string; periods: Record<string, { current: { calls: number } }> }[]
    ).find((x) => x.dimension === 'agency');
    expect(agency?.periods['wtd']?.current.calls).toBe(4);
  });

  it('passes dates, unit, priority, targets, shifts and officer-initiated calls to the service', async () => {
    const url =
      '/api/v1/reports/response?from=2019-12-01&to=2019-12-31&unit=1&priority=1&targets=1=5,2=20' +
      '&shifts=day=06:00,night=18:00&includeOfficerInitiated=true';
    const r = await get(url);
    expect(r.status).toBe(200);
    const expected = await responseReport(f.store, {
      from: '2019-12-01',
      to: '2019-12-31',
      unit: '1',
      priority: '1',
      targetsSec: { '1': 300, '2': 1200 },
      shifts: [
        { name: 'day', startMinute: 360 },
        { name: 'night', startMinute: 1080 },
      ],
      includeOfficerInitiated: true,
    });
    expect(r.body).toEqual(JSON.parse(JSON.stringify(expected)));
    // District 1, priority 1: only c1 (6 min; target 5) → 0 % within target.
    const rows = r.body['rows'] as {
      dimension: string;
      targetSec: number;
      periods: Record<string, { current: { calls: number; withinTargetShare: number } }>;
    }[];
    expect(rows.find((x) => x.dimension === 'agency')).toMatchObject({
      targetSec: 300,
      periods: { range: { current: { calls: 1, withinTargetShare: 0 } } },
    });
  });

  it('answers bad parameters with 400 naming them, and an unknown unit with 404', async () => {
    const targets = await get('/api/v1/reports/response?week=2019-W50&targets=1:7');
    expect(targets.status).toBe(400);
    expect(errorOf(targets.body)).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(errorOf(targets.body).message).toContain('targets');
    const shifts = await get('/api/v1/reports/response?week=2019-W50&shifts=day=25:00&lang=es');
    expect(shifts.status).toBe(400);
    expect(errorOf(shifts.body).message).toContain('shifts');
    const half = await get('/api/v1/reports/response?from=2019-12-01');
    expect(half.status).toBe(400);
    expect(errorOf(half.body).message).toContain('from/to');
    const both = await get('/api/v1/reports/response?week=2019-W50&from=2019-12-01&to=2019-12-31');
    expect(both.status).toBe(400);
    const unit = await get('/api/v1/reports/response?week=2019-W50&unit=99');
    expect(unit.status).toBe(404);
    expect(errorOf(unit.body).code).toBe('UNKNOWN_UNIT');
    const week = await get('/api/v1/reports/response?week=2019-W60');
    expect(errorOf(week.body).code).toBe('INVALID_WEEK');
  });
});
