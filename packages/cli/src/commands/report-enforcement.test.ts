import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boxFeature, runCli, tempDir } from '../test-helpers/cli-harness.js';

/*
 * `vigia report compstat` with an arrest flag in the source (generic mapping, `arrest` column): the
 * enforcement section in table, CSV and JSON, and the import summary's unreadable arrest values.
 * Agency in America/Panama; week 2019-W50 (WTD 2019-12-09..15, last year 2018-12-09..15).
 */

const NOW = Date.UTC(2019, 11, 20, 17, 0);
const run = (args: readonly string[]) => runCli(args, { nowMs: NOW });

const MAPPING = {
  name: 'rms',
  columns: {
    sourceId: 'id',
    occurredDateTime: 'fecha',
    offense: 'delito',
    longitude: 'lon',
    latitude: 'lat',
  },
  formats: { dateTime: 'yyyy-MM-dd HH:mm' },
  offenseMap: { ROBO: 'robbery', HURTO: 'theft' },
  arrest: { column: 'detenido', values: ['S'], falseValues: ['N'] },
};

// D1 is x −79.6..−79.5, D2 −79.5..−79.4.
const ROWS = [
  ['1', '2019-12-10 10:00', 'ROBO', '-79.55', 'S'], // WTD D1: arrest
  ['2', '2019-12-11 10:00', 'ROBO', '-79.55', 'N'], // WTD D1: none
  ['3', '2019-12-12 10:00', 'HURTO', '-79.55', ''], // WTD D1: the source does not say
  ['4', '2019-12-13 10:00', 'HURTO', '-79.45', 'S'], // WTD D2: arrest
  ['5', '2019-12-14 10:00', 'ROBO', '-79.45', 'X'], // WTD D2: unreadable, stored unknown
  ['6', '2018-12-10 10:00', 'ROBO', '-79.55', 'N'], // last year's WTD D1: none
];

describe('vigia report compstat: enforcement (clearance by arrest)', () => {
  const tmp = { dir: null as Awaited<ReturnType<typeof tempDir>> | null };
  let db: string;

  beforeAll(async () => {
    const t = (tmp.dir = await tempDir());
    db = t.path('e.duckdb');
    const districts = await t.write(
      'd.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          boxFeature([-79.6, 8.9, -79.5, 9.0], { code: 'D1' }),
          boxFeature([-79.5, 8.9, -79.4, 9.0], { code: 'D2' }),
        ],
      }),
    );
    const csv = await t.write(
      'i.csv',
      [
        'id,fecha,delito,lon,lat,detenido',
        ...ROWS.map(([id, f, d, lon, a]) => `${id},${f},${d},${lon},8.95,${a}`),
      ].join('\n'),
    );
    const mapping = await t.write('m.json', JSON.stringify(MAPPING));
    const init = [
      'init',
      '--db',
      db,
      '--agency-name',
      'PD',
      '--time-zone',
      'America/Panama',
      '--locale',
      'en',
    ];
    expect((await run(init)).code).toBe(0);
    const units = [
      'import',
      'units',
      districts,
      '--db',
      db,
      '--level',
      'district',
      '--code-property',
      'code',
    ];
    expect((await run(units)).code).toBe(0);
    const imp = await run([
      'import',
      'incidents',
      csv,
      '--db',
      db,
      '--profile',
      'generic',
      '--mapping',
      mapping,
    ]);
    expect(imp.code).toBe(0);
    expect(imp.out).toContain('Read 6 rows: 6 stored');
    expect(imp.out).toContain(
      'Arrest values the mapping does not list (1 rows, stored with the arrest unknown',
    );
    expect(imp.out).toContain('"X" (1)');
    // The same file again changes nothing.
    const again = await run([
      'import',
      'incidents',
      csv,
      '--db',
      db,
      '--profile',
      'generic',
      '--mapping',
      mapping,
    ]);
    expect(again.out).toContain('0 stored, 0 updated, 6 unchanged');
  });

  afterAll(async () => {
    await tmp.dir?.remove();
  });

  it('adds an "enforcement" field to the JSON, its other fields unchanged', async () => {
    const r = await run(['report', 'compstat', '--db', db, '--week', '2019-W50', '--format', 'json']);
    const json = JSON.parse(r.out) as {
      rows: { unit: string; category: string }[];
      enforcement: {
        rows: { unit: string; category: string; wtd: Record<string, Record<string, unknown>> }[];
      };
    };
    expect(Object.keys(json)).toEqual([
      'week',
      'timeZone',
      'periods',
      'rows',
      'dataRange',
      'weekCoverage',
      'enforcement',
      'remainder',
    ]);
    const e = json.enforcement.rows;
    expect(e.map((x) => [x.unit, x.category])).toEqual(json.rows.map((x) => [x.unit, x.category]));
    const cell = (unit: string, category: string) =>
      e.find((x) => x.unit === unit && x.category === category)!.wtd;
    // Agency: 5 incidents, 3 flagged (1, 2, 4), 2 arrests; last year 1 flagged, none.
    expect(cell('*', '*')).toEqual({
      current: { incidents: 5, withArrestData: 3, clearedByArrest: 2, clearanceRate: 2 / 3 },
      previous: { incidents: 1, withArrestData: 1, clearedByArrest: 0, clearanceRate: 0 },
    });
    expect(cell('D1', 'theft').current).toEqual({
      incidents: 1,
      withArrestData: 0,
      clearedByArrest: 0,
      clearanceRate: null,
    });
    expect(cell('D2', 'robbery').current).toMatchObject({
      incidents: 1,
      withArrestData: 0,
      clearanceRate: null,
    });
  });

  it('prints the section in the table and its columns at the end of the CSV', async () => {
    const table = await run(['report', 'compstat', '--db', db, '--week', '2019-W50']);
    expect(table.out).toContain('Enforcement — incidents cleared by arrest as flagged in the source export');
    expect(table.out).toMatch(/All categories +\| +3 +2 +66\.7% +\(0\.0%\) \|/);
    const csv = (await run(['report', 'compstat', '--db', db, '--week', '2019-W50', '--format', 'csv'])).out;
    const [header, ...lines] = csv.trim().split('\n');
    const cols = header!.split(',');
    // After the 23 report columns come week_coverage and data_end, then the enforcement columns.
    expect(cols.slice(25, 31)).toEqual([
      'wtd_with_arrest_data',
      'wtd_cleared_by_arrest',
      'wtd_clearance_rate',
      'wtd_previous_with_arrest_data',
      'wtd_previous_cleared_by_arrest',
      'wtd_previous_clearance_rate',
    ]);
    const agency = lines.find((l) => l.startsWith('2019-W50,*,PD,agency,*,'))!.split(',');
    expect(agency.slice(25, 31)).toEqual(['3', '2', '0.666666666667', '1', '0', '0']);
    const d1Theft = lines.find((l) => l.startsWith('2019-W50,D1,D1,district,theft,'))!.split(',');
    expect(d1Theft.slice(25, 28)).toEqual(['0', '0', '']);
  });
});
