import { afterEach, describe, expect, it } from 'vitest';
import { isVigiaError } from '@vigia/domain';
import type { Store } from '@vigia/store';
import { compstatReport } from '../report/compstat-report.js';
import { importIncidents } from '../import/import-incidents.js';
import { FIXTURE_HEADER, FIXTURE_MAPPING, fixtureAgency } from '../test-helpers/fixture-agency.js';
import { dataQuality } from './data-quality.js';
import { incidentFeatures } from './incident-features.js';
import { unitFeatures } from './unit-features.js';
import { weeklySeries } from './weekly-series.js';

const NOW = Date.UTC(2020, 0, 1);
let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

/** Fixture rows (America/Chicago): beats 11/12 in district 1, 21/22 in district 2 (see fixtureAgency). */
const ROWS = [
  'a1,2019-12-09 10:00,ROBO,,R,,0.5,0.25', // beat 11, 2019-W50
  'a2,2019-12-10 23:30,HURTO,,R,,0.5,0.75', // beat 12
  'a3,2019-12-15 23:59,ROBO,,R,,1.5,0.25', // beat 21, Sunday of W50
  'a4,2019-12-16 00:00,ROBO,,R,,1.5,0.75', // beat 22, W51
  'a5,2019-12-11 12:00,ROBO,,U,,0.5,0.25', // unfounded: never counted
  'a6,2019-12-12 12:00,HURTO,,R,11,,', // no location, source names beat 11
  'a7,2018-12-12 12:00,ROBO,,R,,0.5,0.25', // last year, beat 11
  'a8,2019-12-13 12:00,BAILE,,R,,5,5', // unclassified, outside every unit
  'a9,2019-12-14 12:00,ROBO,,R,,0.6,0.3', // beat 11
];

async function setup(rows = ROWS) {
  const f = await fixtureAgency();
  store = f.store;
  const mapping = await f.write('m.json', JSON.stringify(FIXTURE_MAPPING));
  const csv = await f.write('in.csv', [FIXTURE_HEADER, ...rows, 'bad,not a date,ROBO,,R,,0,0'].join('\n'));
  await importIncidents(f.store, { file: csv, profile: 'generic', mappingFile: mapping, nowMs: NOW });
  return f.store;
}

describe('incidentFeatures', () => {
  it('lists founded incidents of the range in occurrence order, with the unmapped ones counted', async () => {
    const s = await setup();
    const fc = await incidentFeatures(s, { from: '2019-12-09', to: '2019-12-15' });
    expect(fc.features.map((f) => f.properties.sourceId)).toEqual(['a1', 'a2', 'a6', 'a8', 'a9', 'a3']);
    expect(fc.matched).toBe(6);
    expect(fc.withoutLocation).toBe(1);
    expect(fc.features.find((f) => f.properties.sourceId === 'a6')?.geometry).toBeNull();
    expect(fc.features[0]?.geometry).toEqual({ type: 'Point', coordinates: [0.5, 0.25] });
    expect(fc.features[0]?.properties.unit).toBe('11');
    expect(fc.features[0]?.properties.occurredLocal).toBe('2019-12-09T10:00:00');
    expect(fc.features[0]?.properties.occurredAt).toBe('2019-12-09T16:00:00.000Z');
  });

  it('filters by unit subtree, category and bbox, and pages', async () => {
    const s = await setup();
    const d1 = await incidentFeatures(s, { from: '2019-12-01', to: '2019-12-31', unit: '1' });
    expect(d1.features.map((f) => f.properties.sourceId).sort()).toEqual(['a1', 'a2', 'a6', 'a9']);
    const robbery = await incidentFeatures(s, { from: '2019-12-01', to: '2019-12-31', category: 'robbery' });
    expect(robbery.matched).toBe(4);
    const box = await incidentFeatures(s, { from: '2019-12-01', to: '2019-12-31', bbox: [0, 0, 1, 0.5] });
    expect(box.features.map((f) => f.properties.sourceId)).toEqual(['a1', 'a9']);
    expect(box.withoutLocation).toBe(1);
    const p1 = await incidentFeatures(s, { from: '2019-12-01', to: '2019-12-31', limit: 4 });
    const p2 = await incidentFeatures(s, { from: '2019-12-01', to: '2019-12-31', limit: 4, offset: 4 });
    expect(p1.nextOffset).toBe(4);
    expect(p2.nextOffset).toBeNull();
    expect([...p1.features, ...p2.features].map((f) => f.id)).toHaveLength(7);
  });

  it('refuses bad parameters with catalogued errors', async () => {
    const s = await setup();
    const code = async (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: unknown) => (isVigiaError(e) ? e.code : 'other'),
      );
    expect(await code(incidentFeatures(s, { from: '2019-13-01', to: '2019-12-31' }))).toBe('INVALID_DATE');
    expect(await code(incidentFeatures(s, { from: '2019-12-31', to: '2019-12-01' }))).toBe(
      'INVALID_ARGUMENT',
    );
    expect(await code(incidentFeatures(s, { from: '2019-12-01', to: '2019-12-31', limit: 0 }))).toBe(
      'INVALID_ARGUMENT',
    );
    expect(
      await code(incidentFeatures(s, { from: '2019-12-01', to: '2019-12-31', bbox: [1, 0, 0, 1] })),
    ).toBe('INVALID_ARGUMENT');
    expect(await code(incidentFeatures(s, { from: '2019-12-01', to: '2019-12-31', category: 'x' }))).toBe(
      'INVALID_ARGUMENT',
    );
    expect(await code(incidentFeatures(s, { from: '2019-12-01', to: '2019-12-31', unit: '99' }))).toBe(
      'UNKNOWN_UNIT',
    );
  });
});

describe('weeklySeries', () => {
  it('gives the same week counts as the COMPSTAT report, and the same weeks of last year', async () => {
    const s = await setup();
    const series = await weeklySeries(s, { week: '2019-W51', previousYears: 1 });
    const y2019 = series.years.find((y) => y.isoYear === 2019)!;
    const w50 = y2019.weeks.find((w) => w.week === 50)!;
    const report = await compstatReport(s, { week: '2019-W50' });
    const total = report.rows.find((r) => r.unit === '*' && r.category === '*')!;
    expect(w50).toMatchObject({ start: '2019-12-09', end: '2019-12-15', count: total.wtd.current });
    expect(w50.rolling28).toBe(total.d28.current);
    expect(y2019.weeks.at(-1)).toMatchObject({ week: 51, count: 1 });
    const y2018 = series.years.find((y) => y.isoYear === 2018)!;
    expect(y2018.weeks).toHaveLength(52);
    expect(y2018.weeks.find((w) => w.week === 50)?.count).toBe(1);
  });

  it('filters by unit and category', async () => {
    const s = await setup();
    const series = await weeklySeries(s, {
      week: '2019-W50',
      unit: '11',
      category: 'robbery',
      previousYears: 0,
    });
    expect(series.years).toHaveLength(1);
    expect(series.years[0]?.weeks.at(-1)?.count).toBe(2); // a1 and a9; a5 unfounded
  });
});

describe('dataQuality and unitFeatures', () => {
  it('reports location flags, unclassified labels and quarantine reasons', async () => {
    const s = await setup();
    const q = await dataQuality(s);
    expect(q).toMatchObject({
      incidents: 9,
      noLocation: 1,
      outsideJurisdiction: 1,
      unfounded: 1,
      quarantinedRows: 1,
    });
    expect(q.located).toBe(7);
    expect(q.shareLocated).toBeCloseTo(7 / 9, 12);
    expect(q.unclassifiedLabels).toEqual([{ label: 'BAILE', count: 1 }]);
    expect(q.quarantineByReason.map((r) => r.count)).toEqual([1]);
    expect(q.imports).toHaveLength(1);
  });

  it('lists units as GeoJSON with their parent codes', async () => {
    const s = await setup([]);
    const beats = await unitFeatures(s, { level: 'beat' });
    expect(beats.features.map((f) => [f.properties.code, f.properties.parent])).toEqual([
      ['11', '1'],
      ['12', '1'],
      ['21', '2'],
      ['22', '2'],
    ]);
    await expect(unitFeatures(s, { level: 'zone' })).rejects.toMatchObject({ code: 'UNKNOWN_LEVEL' });
  });
});
