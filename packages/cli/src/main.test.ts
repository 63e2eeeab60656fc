import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { DuckDbStore } from '@vigia/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boxFeature, runCli, tempDir, type CliResult } from './test-helpers/cli-harness.js';

/*
 * End to end through `main(argv, io)`: init → import units (2 districts × 2 beats) → import incidents
 * (generic profile, a small CSV) → report compstat in json, csv and table. The agency is in
 * America/Panama (UTC−5, no DST); the test script runs with TZ=Pacific/Chatham (UTC+13:45), so any use
 * of the host zone would move dates across midnight and change the counts below.
 */

/** "Now": Friday 2019-12-20 12:00 in Panama. Rows after it are FUTURE_DATE. */
const NOW = Date.UTC(2019, 11, 20, 17, 0);
const AGENCY = 'Policía de Prueba, Panamá'; // the comma exercises CSV quoting

const run = (args: readonly string[], env: Record<string, string | undefined> = {}) =>
  runCli(args, { nowMs: NOW, env });

// Beats are 0.05° wide boxes side by side; D1 = B11 + B12, D2 = B21 + B22.
const BEATS = [
  { code: 'B11', name: 'Sector Once', district: 'D1', west: -79.6 },
  { code: 'B12', name: 'Sector Doce', district: 'D1', west: -79.55 },
  { code: 'B21', name: 'Sector Veintiuno', district: 'D2', west: -79.5 },
  { code: 'B22', name: 'Sector Veintidós', district: 'D2', west: -79.45 },
] as const;
const DISTRICTS = [
  { code: 'D1', name: 'Distrito Uno', west: -79.6 },
  { code: 'D2', name: 'Distrito Dos', west: -79.5 },
] as const;
/** A point well inside a beat. */
const inBeat = (code: string): [number, number] => {
  const b = BEATS.find((x) => x.code === code)!;
  return [b.west + 0.025, 8.95];
};

const MAPPING = {
  name: 'prueba',
  delimiter: ',',
  columns: {
    sourceId: 'id',
    occurredDateTime: 'fecha',
    offense: 'delito',
    longitude: 'lon',
    latitude: 'lat',
    unit: 'beat',
  },
  formats: { dateTime: 'yyyy-MM-dd HH:mm' },
  offenseMap: { HOMICIDIO: 'homicide', ROBO: 'robbery', HURTO: 'theft' },
};

/**
 * The incidents, local Panama time. Week 2019-W50: WTD 2019-12-09..15 vs 2018-12-09..15, 28-day
 * 2019-11-18..12-15 vs 2018-11-18..12-15, YTD 2019-01-01..12-15 vs 2018-01-01..12-15.
 */
const ROWS: [id: string, when: string, label: string, beat: string, where: 'beat' | 'none' | 'outside'][] = [
  ['1', '2019-12-10 10:00', 'ROBO', 'B11', 'beat'], // WTD, 28d, YTD  D1
  ['2', '2019-12-15 23:30', 'HURTO', 'B12', 'beat'], // Sunday night: WTD, 28d, YTD  D1
  ['3', '2019-12-16 00:10', 'HURTO', 'B21', 'beat'], // Monday of W51: no window
  ['4', '2019-12-01 08:00', 'HOMICIDIO', 'B21', 'beat'], // 28d, YTD  D2
  ['5', '2019-11-17 12:00', 'ROBO', 'B22', 'beat'], // day before the 28 days: YTD  D2
  ['6', '2019-11-18 00:00', 'ROBO', 'B22', 'beat'], // first day of the 28 days: 28d, YTD  D2
  ['7', '2019-01-01 00:05', 'HURTO', 'B11', 'beat'], // first minute of the year: YTD  D1
  ['8', '2018-12-31 23:59', 'HURTO', 'B11', 'beat'], // last year, after 12-15: no window
  ['9', '2018-12-09 09:00', 'ROBO', 'B12', 'beat'], // previous WTD, 28d, YTD  D1
  ['10', '2018-12-15 22:00', 'HURTO', 'B21', 'beat'], // previous WTD, 28d, YTD  D2
  ['11', '2018-12-16 01:00', 'HURTO', 'B21', 'beat'], // day after the previous windows: none
  ['12', '2018-11-18 06:00', 'ROBO', 'B22', 'beat'], // previous 28d, YTD  D2
  ['13', '2018-06-01 12:00', 'HOMICIDIO', 'B12', 'beat'], // previous YTD  D1
  ['14', '15/12/2019 10:00', 'ROBO', 'B11', 'beat'], // BAD_DATE
  ['15', '2019-12-11 14:00', 'ESTAFA', 'B22', 'beat'], // unmapped label: unclassified, WTD, 28d, YTD  D2
  ['16', '2019-12-12 03:00', 'ROBO', 'B21', 'none'], // no coordinates: counts in its beat B21 (D2)
  ['17', '2019-12-13 18:00', 'ROBO', '', 'outside'], // outside every unit: agency total only
  ['18', '2020-01-05 10:00', 'HURTO', 'B11', 'beat'], // FUTURE_DATE
  ['19', '2019-02-30 10:00', 'ROBO', 'B11', 'beat'], // IMPOSSIBLE_DATE
];

function csvText(): string {
  const lines = ['id,fecha,delito,lon,lat,beat'];
  for (const [id, when, label, beat, where] of ROWS) {
    const [lon, lat] = where === 'beat' ? inBeat(beat) : where === 'outside' ? [-80.2, 8.4] : ['', ''];
    lines.push([id, when, label, lon, lat, beat].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Expected counts by hand from ROWS: `unit|category` → [WTD, WTD prev, 28d, 28d prev, YTD, YTD prev].
 * Unit "*" is the agency (it includes row 17, in no unit); category "*" is all categories.
 */
const EXPECTED: Record<string, [number, number, number, number, number, number]> = {
  '*|homicide': [0, 0, 1, 0, 1, 1], // 4 | 13
  '*|robbery': [3, 1, 4, 2, 5, 2], // 1,16,17 | 9 ; 1,6,16,17 | 9,12 ; 1,5,6,16,17 | 9,12
  '*|theft': [1, 1, 1, 1, 2, 1], // 2 | 10 ; 2 | 10 ; 2,7 | 10
  '*|unclassified': [1, 0, 1, 0, 1, 0], // 15
  '*|*': [5, 2, 7, 3, 9, 4],
  'D1|homicide': [0, 0, 0, 0, 0, 1], // 13
  'D1|robbery': [1, 1, 1, 1, 1, 1], // 1 | 9
  'D1|theft': [1, 0, 1, 0, 2, 0], // 2 ; 2,7
  'D1|unclassified': [0, 0, 0, 0, 0, 0],
  'D1|*': [2, 1, 2, 1, 3, 2],
  'D2|homicide': [0, 0, 1, 0, 1, 0], // 4
  'D2|robbery': [1, 0, 2, 1, 3, 1], // 16 ; 6,16 | 12 ; 5,6,16 | 12
  'D2|theft': [0, 1, 0, 1, 0, 1], // 10
  'D2|unclassified': [1, 0, 1, 0, 1, 0], // 15
  'D2|*': [2, 1, 4, 2, 5, 2],
};
const ORDER = ['*', 'D1', 'D2'].flatMap((u) =>
  ['homicide', 'robbery', 'theft', 'unclassified', '*'].map((c) => `${u}|${c}`),
);

const WINDOWS = ['wtd', 'd28', 'ytd'] as const;
const CELL_KEYS = ['change', 'current', 'pValue', 'pctChange', 'previous', 'significant'];

interface Cell {
  current: number;
  previous: number;
  change: number;
  pctChange: number | null;
  pValue: number;
  significant: boolean;
}
interface ReportJson {
  week: string;
  timeZone: string;
  periods: Record<(typeof WINDOWS)[number], Record<string, string>>;
  dataRange: { first: string; last: string } | null;
  weekCoverage: string;
  remainder: unknown[];
  enforcement: unknown;
  rows: ({ unit: string; unitName: string; level: string; category: string } & Record<
    (typeof WINDOWS)[number],
    Cell
  >)[];
}

/** RFC 4180 reader for the test (quoted fields, doubled quotes; no line breaks inside fields here). */
function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let v = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          v += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else v += line[i++];
      }
      out.push(v);
      i++; // comma
    } else {
      const j = line.indexOf(',', i);
      const end = j < 0 ? line.length : j;
      out.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return out;
}

let t: Awaited<ReturnType<typeof tempDir>>;
let db: string;
const setup: Record<string, CliResult> = {};

beforeAll(async () => {
  t = await tempDir();
  db = t.path('vigia.duckdb');
  const districts = await t.write(
    'districts.geojson',
    JSON.stringify({
      type: 'FeatureCollection',
      features: DISTRICTS.map((d) =>
        boxFeature([d.west, 8.9, d.west + 0.1, 9.0], { code: d.code, name: d.name }),
      ),
    }),
  );
  const beats = await t.write(
    'beats.geojson',
    JSON.stringify({
      type: 'FeatureCollection',
      features: BEATS.map((b) =>
        boxFeature([b.west, 8.9, b.west + 0.05, 9.0], { code: b.code, name: b.name, district: b.district }),
      ),
    }),
  );
  const mapping = await t.write('m.json', JSON.stringify(MAPPING));
  const csv = await t.write('incidentes.csv', csvText());
  setup['init'] = await run([
    'init',
    '--db',
    db,
    '--agency-name',
    AGENCY,
    '--time-zone',
    'America/Panama',
    '--country',
    'pa',
  ]);
  setup['districts'] = await run([
    'import',
    'units',
    districts,
    '--db',
    db,
    '--level',
    'district',
    '--code-property',
    'code',
    '--name-property',
    'name',
  ]);
  setup['beats'] = await run([
    'import',
    'units',
    beats,
    '--db',
    db,
    '--level',
    'beat',
    '--code-property',
    'code',
    '--name-property',
    'name',
    '--parent-level',
    'district',
    '--parent-property',
    'district',
  ]);
  const importArgs = ['import', 'incidents', csv, '--db', db, '--profile', 'generic', '--mapping', mapping];
  setup['incidents'] = await run([...importArgs, '--json']);
  setup['again'] = await run([...importArgs, '--json']);
  setup['again-text'] = await run(importArgs);
});

afterAll(async () => {
  await t?.remove();
});

const report = (...extra: string[]) =>
  run(['report', 'compstat', '--db', db, '--week', '2019-W50', ...extra]);

describe('vigia init and import', () => {
  it('init and the unit imports succeed with Spanish messages', () => {
    for (const k of ['init', 'districts', 'beats']) {
      expect(setup[k]?.err, k).toBe('');
      expect(setup[k]?.code, k).toBe(0);
    }
    expect(setup['init']?.out).toBe(`Se creó la institución "${AGENCY}" (America/Panama) en ${db}.\n`);
    expect(setup['districts']?.out).toBe(
      'Se importaron 2 unidades del nivel "district" (2 nuevas, 0 actualizadas).\n',
    );
    expect(setup['beats']?.out).toBe(
      'Se importaron 4 unidades del nivel "beat" (4 nuevas, 0 actualizadas).\n',
    );
  });

  it('import incidents --json prints one JSON summary that reconciles', () => {
    const r = setup['incidents']!;
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out.endsWith('\n')).toBe(true);
    expect(r.out.trim().split('\n')).toHaveLength(1);
    const s = JSON.parse(r.out) as Record<string, unknown>;
    expect(Object.keys(s).slice(0, 6)).toEqual([
      'read',
      'stored',
      'updated',
      'unchanged',
      'quarantined',
      'quarantineReasons',
    ]);
    expect(s).toMatchObject({
      read: ROWS.length,
      stored: 16,
      updated: 0,
      unchanged: 0,
      quarantined: 3,
      quarantineReasons: { BAD_DATE: 1, IMPOSSIBLE_DATE: 1, FUTURE_DATE: 1 },
      noLocation: 1,
      outsideJurisdiction: 1,
      unitDisagreements: 0,
      unknownSourceUnits: 0,
      unclassifiedLabels: { ESTAFA: 1 },
    });
    expect(Object.keys(s['quarantineReasons'] as object).sort()).toEqual([
      'BAD_DATE',
      'FUTURE_DATE',
      'IMPOSSIBLE_DATE',
    ]);
    const n = (k: string) => s[k] as number;
    expect(n('read')).toBe(n('stored') + n('updated') + n('unchanged') + n('quarantined'));
  });

  it('re-importing the same export changes nothing and still reconciles', () => {
    const r = setup['again']!;
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out) as Record<string, number>;
    expect(s).toMatchObject({ read: ROWS.length, stored: 0, updated: 0, unchanged: 16, quarantined: 3 });
    expect(s['read']).toBe(s['stored']! + s['updated']! + s['unchanged']! + s['quarantined']!);
  });

  it('quarantine list shows each quarantined row with its file row, reason, column and value', async () => {
    const r = await run(['quarantine', 'list', '--db', db, '--import', '1', '--format', 'json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as {
      row: number;
      reasons: string[];
      columns: string[];
      values: string[];
    }[];
    // CSV rows 14, 18 and 19 are spreadsheet rows 15, 19 and 20 (the header is row 1).
    expect(rows.map((q) => [q.row, q.reasons[0], q.columns[0], q.values[0]])).toEqual([
      [15, 'BAD_DATE', 'fecha', '15/12/2019 10:00'],
      [19, 'FUTURE_DATE', 'fecha', '2020-01-05 10:00'],
      [20, 'IMPOSSIBLE_DATE', 'fecha', '2019-02-30 10:00'],
    ]);
    // The file was imported three times: only the latest import's quarantine is still open.
    const open = JSON.parse((await run(['quarantine', 'list', '--db', db, '--format', 'json'])).out) as {
      importId: number;
    }[];
    expect(open.length).toBe(3);
    expect(new Set(open.map((q) => q.importId)).size).toBe(1);
    expect(open[0]!.importId).toBeGreaterThan(1);
    const table = await run(['quarantine', 'list', '--db', db, '--import', '1']);
    expect(table.out).toContain(
      'fila 15  BAD_DATE: La fecha no tiene el formato esperado  fecha = "15/12/2019 10:00"',
    );
  });

  it('without --json the summary is for people, in Spanish', () => {
    const r = setup['again-text']!;
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('Filas leídas 19: 0 guardadas, 0 actualizadas, 16 sin cambios, 3 en cuarentena.');
    expect(r.out).toMatch(/Motivos de cuarentena \(filas; véalas con: vigia quarantine list --import \d+\):/);
    expect(r.out).toContain('La fecha no tiene el formato esperado');
    expect(r.out).toContain('"ESTAFA" (1)');
  });
});

describe('vigia report compstat', () => {
  let json: ReportJson;

  beforeAll(async () => {
    const r = await report('--format', 'json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    json = JSON.parse(r.out) as ReportJson;
  });

  it('--format json has the contract shape', () => {
    // The contract's fields, plus dataRange (the span of the data, for "outside the data" warnings),
    // weekCoverage (unless whole, nothing is marked significant), remainder (what a page's sub-units
    // do not account for; the same JSON as the API's report) and enforcement (clearance by arrest: null
    // here, this source has no arrest flag).
    expect(Object.keys(json).sort()).toEqual([
      'dataRange',
      'enforcement',
      'periods',
      'remainder',
      'rows',
      'timeZone',
      'week',
      'weekCoverage',
    ]);
    expect(Array.isArray(json.remainder)).toBe(true);
    expect(json.enforcement).toBeNull();
    expect(json.dataRange).toEqual({ first: '2018-06-01', last: '2019-12-16' });
    // The data run to Monday 2019-12-16, past the week's Sunday.
    expect(json.weekCoverage).toBe('whole');
    expect(json.week).toBe('2019-W50');
    expect(json.timeZone).toBe('America/Panama');
    expect(Object.keys(json.periods).sort()).toEqual(['d28', 'wtd', 'ytd']);
    for (const w of WINDOWS) {
      expect(Object.keys(json.periods[w]).sort()).toEqual(['end', 'previousEnd', 'previousStart', 'start']);
    }
    for (const row of json.rows) {
      expect(Object.keys(row).sort()).toEqual(['category', 'd28', 'level', 'unit', 'unitName', 'wtd', 'ytd']);
      for (const w of WINDOWS) {
        const c = row[w];
        expect(Object.keys(c).sort()).toEqual(CELL_KEYS);
        expect(c.change).toBe(c.current - c.previous);
        expect(c.pctChange).toBe(c.previous === 0 ? null : (100 * c.change) / c.previous);
        expect(c.pValue).toBeGreaterThanOrEqual(0);
        expect(c.pValue).toBeLessThanOrEqual(1);
        expect(typeof c.significant).toBe('boolean');
      }
    }
  });

  it('the periods are those of ../shared/reference/compstat/README.md', () => {
    expect(json.periods).toEqual({
      wtd: { start: '2019-12-09', end: '2019-12-15', previousStart: '2018-12-09', previousEnd: '2018-12-15' },
      d28: { start: '2019-11-18', end: '2019-12-15', previousStart: '2018-11-18', previousEnd: '2018-12-15' },
      ytd: { start: '2019-01-01', end: '2019-12-15', previousStart: '2018-01-01', previousEnd: '2018-12-15' },
    });
  });

  it('rows: agency "*" first, then the districts; categories by severity, then "*"', () => {
    expect(json.rows.map((r) => `${r.unit}|${r.category}`)).toEqual(ORDER);
    const agency = json.rows.filter((r) => r.unit === '*');
    expect(new Set(agency.map((r) => `${r.unitName}|${r.level}`))).toEqual(new Set([`${AGENCY}|agency`]));
    const d1 = json.rows.find((r) => r.unit === 'D1');
    expect([d1?.unitName, d1?.level]).toEqual(['Distrito Uno', 'district']);
  });

  it('the counts are the ones computed by hand from the CSV', () => {
    const got = Object.fromEntries(
      json.rows.map((r) => [
        `${r.unit}|${r.category}`,
        WINDOWS.flatMap((w) => [r[w].current, r[w].previous]),
      ]),
    );
    expect(got).toEqual(EXPECTED);
    const all = json.rows.find((r) => r.unit === '*' && r.category === '*')!;
    expect(all.wtd.pctChange).toBe(150);
    expect(all.d28.pctChange).toBeCloseTo(133.333333, 5);
    expect(all.ytd.pctChange).toBe(125);
  });

  it('categories add up to "*" and districts plus unplaced incidents to the agency', () => {
    for (const unit of ['*', 'D1', 'D2']) {
      const rows = json.rows.filter((r) => r.unit === unit);
      const total = rows.find((r) => r.category === '*')!;
      for (const w of WINDOWS) {
        const sum = rows.filter((r) => r.category !== '*').reduce((a, r) => a + r[w].current, 0);
        expect(sum).toBe(total[w].current);
      }
    }
    const outside = 1; // row 17, outside every unit
    const cur = (u: string) => json.rows.find((r) => r.unit === u && r.category === '*')!.wtd.current;
    expect(cur('D1') + cur('D2') + outside).toBe(cur('*'));
  });

  it('--level beat: a row without coordinates counts in the beat the source names', async () => {
    const r = await report('--format', 'json', '--level', 'beat');
    expect(r.code).toBe(0);
    const rows = (JSON.parse(r.out) as ReportJson).rows;
    expect([...new Set(rows.map((x) => x.unit))]).toEqual(['*', 'B11', 'B12', 'B21', 'B22']);
    const b21 = rows.find((x) => x.unit === 'B21' && x.category === 'robbery')!;
    expect([b21.wtd.current, b21.d28.current, b21.ytd.current]).toEqual([1, 1, 1]); // row 16
    const b12 = rows.find((x) => x.unit === 'B12' && x.category === 'theft')!;
    expect(b12.wtd.current).toBe(1); // row 2, Sunday 23:30 local
  });

  it('--unit D2: the district and its beats, no agency row', async () => {
    const r = await report('--format', 'json', '--unit', 'd2');
    expect(r.code).toBe(0);
    const rows = (JSON.parse(r.out) as ReportJson).rows;
    expect([...new Set(rows.map((x) => x.unit))]).toEqual(['D2', 'B21', 'B22']);
    const d2 = rows.find((x) => x.unit === 'D2' && x.category === '*')!;
    expect(WINDOWS.flatMap((w) => [d2[w].current, d2[w].previous])).toEqual(EXPECTED['D2|*']);
  });

  it('--format csv: a header and one line per row, with the JSON numbers', async () => {
    const r = await report('--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out.endsWith('\n')).toBe(true);
    const lines = r.out.slice(0, -1).split('\n');
    const cols = ['current', 'previous', 'change', 'pct_change', 'p_value', 'significant'];
    const header = [
      'week',
      'unit',
      'unit_name',
      'level',
      'category',
      ...WINDOWS.flatMap((w) => cols.map((c) => `${w}_${c}`)),
      'week_coverage',
      'data_end',
    ];
    expect(lines[0]).toBe(header.join(','));
    expect(lines).toHaveLength(1 + json.rows.length);
    lines.slice(1).forEach((line, i) => {
      const cells = parseCsvLine(line);
      expect(cells).toHaveLength(header.length);
      const row = json.rows[i]!;
      expect(cells.slice(0, 5)).toEqual(['2019-W50', row.unit, row.unitName, row.level, row.category]);
      WINDOWS.forEach((w, k) => {
        const c = row[w];
        const [cur, prev, change, pct, p, sig] = cells.slice(5 + 6 * k, 11 + 6 * k);
        expect([Number(cur), Number(prev), Number(change)]).toEqual([c.current, c.previous, c.change]);
        // The CSV rounds to 12 significant digits (no binary noise such as 0.6250000000000001).
        expect(pct === '' ? null : Number(pct)).toBe(
          c.pctChange === null ? null : Number(c.pctChange.toPrecision(12)),
        );
        expect(Number(p)).toBe(Number(c.pValue.toPrecision(12)));
        expect(sig).toBe(String(c.significant));
      });
      expect(cells.slice(-2)).toEqual(['whole', '2019-12-16']);
    });
    // The agency name has a comma, so it is quoted.
    expect(lines[1]?.startsWith(`2019-W50,*,"${AGENCY}",agency,homicide,`)).toBe(true);
  });

  /** The three cells of the first line of a table block whose label starts with `label`. */
  function tableCells(out: string, label: string): string[][] {
    const line = out.split('\n').find((l) => l.startsWith(label));
    expect(line, label).toBeDefined();
    return line!
      .split('|')
      .slice(1)
      .map((c) => c.trim().split(/\s+/));
  }

  it('--format table (the default) is in Spanish, the agency locale', async () => {
    const r = await report();
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const out = r.out;
    expect(out).toContain('COMPSTAT — semana 2019-W50 (2019-12-09 a 2019-12-15, America/Panama)');
    expect(out).toContain(`Total de la institución — ${AGENCY}`);
    expect(out).toContain('district D1 — Distrito Uno');
    expect(out).toContain('district D2 — Distrito Dos');
    for (const label of [
      'Homicidio',
      'Robo',
      'Hurto',
      'Sin clasificar',
      'Todas las categorías',
      'Año a la fecha',
    ]) {
      expect(out).toContain(label);
    }
    expect(out).toContain(
      'semana 2018-12-09..2018-12-15, 28 días 2018-11-18..2018-12-15, año 2018-01-01..2018-12-15',
    );
    // Row 17 lies outside every unit and names none: the agency page adds up only with a remainder.
    const remainder = out.slice(out.indexOf('En ningún district mostrado'));
    expect(remainder).toMatch(/Robo\s+\|\s+1\s+0\s+n\/d\s+\|/);
    // The fixture's data start on 2018-06-01: last year's YTD (from 2018-01-01) lies partly outside.
    expect(out).toContain('Aviso: los datos van del 2018-06-01 al 2019-12-16');
    expect(out).not.toMatch(/\b(report|category)\.[a-z*]/);
    expect(out).not.toContain('{{');
    // Agency, all categories: 5 vs 2 (+150 %), 7 vs 3 (+133.3 %), 9 vs 4 (+125 %), Spanish decimals.
    expect(tableCells(out, 'Todas las categorías')).toEqual([
      ['5', '2', '+150,0'],
      ['7', '3', '+133,3'],
      ['9', '4', '+125,0'],
    ]);
    // Unclassified, agency: 1 vs 0 → "n/d".
    expect(tableCells(out, 'Sin clasificar')[0]).toEqual(['1', '0', 'n/d']);
  });

  it('--lang en prints the table in English', async () => {
    for (const r of [
      await report('--lang', 'en'),
      await run(['--lang', 'en', 'report', 'compstat', '--db', db, '--week', '2019-W50']),
    ]) {
      expect(r.code).toBe(0);
      const out = r.out;
      expect(out).toContain('COMPSTAT — week 2019-W50 (2019-12-09 to 2019-12-15, America/Panama)');
      expect(out).toContain(`Agency total — ${AGENCY}`);
      for (const label of [
        'Homicide',
        'Robbery',
        'Theft',
        'Unclassified',
        'All categories',
        'Year to date',
      ]) {
        expect(out).toContain(label);
      }
      expect(out).not.toContain('Todas las categorías');
      expect(tableCells(out, 'All categories')).toEqual([
        ['5', '2', '+150.0'],
        ['7', '3', '+133.3'],
        ['9', '4', '+125.0'],
      ]);
      expect(tableCells(out, 'Unclassified')[0]).toEqual(['1', '0', 'n/a']);
    }
  });
});

describe('vigia report compstat: which week', () => {
  const json = async (args: string[], nowMs = NOW) => {
    const r = await runCli(['report', 'compstat', '--db', db, '--format', 'json', ...args], {
      nowMs,
      env: {},
    });
    expect(r.err).toBe('');
    return JSON.parse(r.out) as ReportJson;
  };

  it('without --week: the week the dashboard opens on, the last one the data cover whole', async () => {
    const w50 = await json(['--week', '2019-W50']);
    // On Friday 2019-12-20 the latest complete week is 2019-W50, and the data reach its Sunday.
    expect(await json([])).toEqual(w50);
    // On 2020-01-10 the latest complete week is 2020-W01, but the data end on Monday 2019-12-16: the
    // last week they cover whole is still 2019-W50 (2019-W51 would be a partial week).
    expect(await json([], Date.UTC(2020, 0, 10, 17))).toEqual(w50);
  });

  it('--week takes the ISO basic form 2019W50 as the same week, 2019-W50', async () => {
    expect(await json(['--week', '2019W50'])).toEqual(await json(['--week', '2019-W50']));
  });

  it('refuses any other week notation, saying the format with an example (es and en)', async () => {
    // 2019 has 52 ISO weeks; "2019-50" and "W50" are not ISO weeks; lowercase w is not ISO either.
    for (const week of ['2019-W53', '2019-W54', '2019-50', 'W50', '2019-w50', '2019-W5']) {
      const es = await run(['report', 'compstat', '--db', db, '--week', week]);
      expect(es.code, week).toBe(1);
      expect(es.out).toBe('');
      expect(es.err).toBe(
        `vigia: "${week}" no es una semana ISO. Escríbala como AAAA-Wss, p. ej. 2019-W50: una semana de W01 a W52, o W53 en los años que la tienen (p. ej. 2020, 2026). Las semanas van de lunes a domingo.\n`,
      );
      const en = await run(['--lang', 'en', 'report', 'compstat', '--db', db, '--week', week]);
      expect(en.err).toContain(`vigia: "${week}" is not an ISO week. Write it as YYYY-Www, e.g. 2019-W50`);
    }
  });

  it('a week the data cover only in part: no change marked, and the table and CSV say why', async () => {
    // 2019-W51 runs 2019-12-16..22 and the data end on its Monday.
    const partial = await json(['--week', '2019-W51']);
    expect(partial.weekCoverage).toBe('partial');
    for (const row of partial.rows) for (const w of WINDOWS) expect(row[w].significant).toBe(false);
    const table = await run(['report', 'compstat', '--db', db, '--week', '2019-W51']);
    expect(table.out).toContain(
      'Semana parcial: los datos terminan el 2019-12-16 y la semana el 2019-12-22. Ningún cambio se marca como significativo',
    );
    expect(table.out).not.toMatch(/\d\*/);
    const en = await run(['--lang', 'en', 'report', 'compstat', '--db', db, '--week', '2019-W51']);
    expect(en.out).toContain('Partial week: the data end on 2019-12-16, the week on 2019-12-22.');
    const csv = await run(['report', 'compstat', '--db', db, '--week', '2019-W51', '--format', 'csv']);
    for (const line of csv.out.trim().split('\n').slice(1)) expect(line).toMatch(/,partial,2019-12-16$/);
    // A week after the data says so too.
    const after = await run(['--lang', 'en', 'report', 'compstat', '--db', db, '--week', '2019-W52']);
    expect(after.out).toContain('No data for this week: the data end on 2019-12-16.');
  });
});

describe('vigia exit codes and messages', () => {
  it('--help exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('report');
  });

  it('a missing required option is a usage error: exit 2', async () => {
    const r = await run(['init', '--db', t.path('never.duckdb'), '--time-zone', 'America/Panama']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--agency-name');
    expect(r.out).toBe('');
    expect(existsSync(t.path('never.duckdb'))).toBe(false);
  });

  it('an unknown command or option is a usage error: exit 2, said in the user’s language', async () => {
    expect((await run(['frobnicate'])).code).toBe(2);
    const bogus = await report('--bogus');
    expect(bogus.code).toBe(2);
    expect(bogus.err).toBe(
      "vigia: Opción desconocida: '--bogus'. Las opciones de cada comando: vigia COMANDO --help.\n",
    );
    const en = await run(['--lang', 'en', 'report', 'compstat', '--db', db, '--levl', 'district']);
    expect(en.code).toBe(2);
    expect(en.err).toBe(
      "vigia: Unknown option '--levl'. Did you mean --level? The options of each command: vigia COMMAND --help.\n",
    );
    const noProfile = await run(['import', 'incidents', 'x.csv', '--db', db]);
    expect(noProfile.code).toBe(2);
    expect(noProfile.err).toContain("Falta la opción obligatoria '--profile <name>'.");
  });

  it('a week that does not exist is a catalogued error: exit 1, message in Spanish', async () => {
    const r = await run(['report', 'compstat', '--db', db, '--week', '2019-W53']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^vigia: "2019-W53" no es una semana ISO/);
  });

  it('--lang en switches catalogued errors to English', async () => {
    const r = await run(['--lang', 'en', 'report', 'compstat', '--db', db, '--week', '2019-W53']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^vigia: "2019-W53" is not an ISO week/);
  });

  it("errors follow the agency's language over LANG, and LANG when no agency is open", async () => {
    const agencyEs = await run(['report', 'compstat', '--db', db, '--week', '2019-W99'], {
      LANG: 'en_US.UTF-8',
    });
    expect(agencyEs.code).toBe(1);
    expect(agencyEs.err).toContain('no es una semana ISO');
    const none = await run(['report', 'compstat', '--db', t.path('missing.duckdb'), '--week', '2019-W50'], {
      LANG: 'en_US.UTF-8',
    });
    expect(none.err).toContain('There is no database');
  });

  it('VIGIA_LANG=en beats the agency locale; LANG=C is no preference, so the agency (es) decides', async () => {
    const en = await run(['report', 'compstat', '--db', db, '--week', '2019-W50'], { VIGIA_LANG: 'en' });
    expect(en.out).toContain('COMPSTAT — week 2019-W50');
    for (const LANG of ['C', 'C.UTF-8', 'POSIX']) {
      const c = await run(['report', 'compstat', '--db', db, '--week', '2019-W50'], { LANG });
      expect(c.out, LANG).toContain('COMPSTAT — semana 2019-W50');
    }
    // Before any database is open there is no agency: C falls through to Spanish, the product's default.
    const none = await run(['report', 'compstat', '--db', t.path('missing.duckdb')], { LANG: 'C.UTF-8' });
    expect(none.err).toMatch(/^vigia: No existe la base de datos/);
  });

  it('an empty LC_ALL is unset, so LANG still chooses the language (POSIX)', async () => {
    const r = await run(['report', 'compstat', '--db', t.path('missing.duckdb'), '--week', '2019-W50'], {
      LC_ALL: '',
      LANG: 'en_US.UTF-8',
    });
    expect(r.err).toContain('There is no database');
  });

  it('an unknown --format, level or unit is a catalogued error: exit 1', async () => {
    const f = await report('--format', 'pdf');
    expect(f.code).toBe(1);
    expect(f.err).toContain('Valor no válido para --format: "pdf"');
    const l = await report('--level', 'zona');
    expect(l.code).toBe(1);
    expect(l.err).toContain('No existe el nivel de unidad "zona". Niveles: district, beat.');
    const u = await report('--unit', 'X99');
    expect(u.code).toBe(1);
    expect(u.err).toContain('No existe una unidad con el código "X99".');
  });

  it('an unknown profile prints the Spanish message listing the profiles', async () => {
    const csv = await t.write('vacio.csv', 'a,b\n1,2\n');
    const r = await run(['import', 'incidents', csv, '--db', db, '--profile', 'nope']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^vigia: Perfil de importación desconocido "nope"\. Perfiles disponibles: .+\.\n$/);
    for (const p of ['chicago-code', 'houston', 'medellin', 'nyc-homicides', 'generic'])
      expect(r.err).toContain(p);
  });

  it('init on a database that already has an agency: AGENCY_EXISTS, exit 1', async () => {
    const r = await run(['init', '--db', db, '--agency-name', 'Otra', '--time-zone', 'America/Panama']);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`La base de datos ${db} ya tiene una institución (${AGENCY}).`);
  });

  it('init with a bad time zone: INVALID_TIME_ZONE, exit 1, nothing created', async () => {
    const other = t.path('bad-tz.duckdb');
    const r = await run(['init', '--db', other, '--agency-name', 'X', '--time-zone', 'Mars/Olympus']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('"Mars/Olympus" no es una zona horaria IANA');
    expect(existsSync(other)).toBe(false);
    const again = await run(['report', 'compstat', '--db', other, '--week', '2019-W50']);
    expect(again.err).toContain(`No existe la base de datos ${other}`);
    expect(existsSync(other)).toBe(false);
  });

  it('--lang accepts only es or en; with --json an error is also printed as JSON on stdout', async () => {
    const fr = await run(['--lang', 'fr', 'report', 'compstat', '--db', db, '--week', '2019-W50']);
    expect(fr.code).toBe(1);
    expect(fr.err).toContain('Idioma no admitido "fr"');
    const missing = t.path('nope.duckdb');
    const j = await run(['report', 'compstat', '--db', missing, '--week', '2019-W50', '--format', 'json']);
    expect(j.code).toBe(1);
    expect(JSON.parse(j.out)).toMatchObject({ error: { code: 'NO_DATABASE' } });
  });

  it('refuses a file that is not a database given to --db (DuckDB would open a CSV read-only)', async () => {
    const csv = t.path('export.csv');
    writeFileSync(csv, 'a,b\n1,2\n');
    const r = await run(['init', '--db', csv, '--agency-name', 'X', '--time-zone', 'America/Panama']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('no es una base de datos de Vigía');
    expect(readFileSync(csv, 'utf8')).toBe('a,b\n1,2\n');
  });

  it('report on a database without init prints NOT_INITIALIZED', async () => {
    const fresh = t.path('fresh.duckdb');
    await (await DuckDbStore.open(fresh)).close();
    const r = await run(['report', 'compstat', '--db', fresh, '--week', '2019-W50']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      `vigia: La base de datos ${fresh} aún no tiene institución. Ejecute: vigia init --db ${fresh} --agency-name NOMBRE --time-zone ZONA\n`,
    );
  });

  it('VIGIA_DB in the environment given to main() names the database when --db is absent', async () => {
    const viaEnv = t.path('via-env.duckdb');
    const r = await run(['init', '--agency-name', 'Env', '--time-zone', 'America/Panama'], {
      VIGIA_DB: viaEnv,
    });
    expect(r.code).toBe(0);
    expect(r.out).toContain(viaEnv);
    expect(existsSync(viaEnv)).toBe(true);
  });

  it('a second process holding the database file gives STORE_LOCKED, exit 1', async () => {
    const duckdb = createRequire(import.meta.url).resolve('@duckdb/node-api');
    const holder = `
      const { DuckDBInstance } = require(process.argv[1]);
      DuckDBInstance.create(process.argv[2]).then(async (i) => {
        await i.connect();
        process.stdout.write('ready\\n');
        setInterval(() => {}, 1000);
      }, (e) => { process.stderr.write(String(e)); process.exit(3); });`;
    const child = spawn(process.execPath, ['-e', holder, duckdb, db], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      await new Promise<void>((resolve, reject) => {
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.stdout.on('data', (d: Buffer) => {
          if (d.toString().includes('ready')) resolve();
        });
        child.on('exit', (code) => reject(new Error(`holder exited ${code}: ${stderr}`)));
      });
      const r = await report('--format', 'json');
      expect(r.code).toBe(1);
      expect(JSON.parse(r.out)).toMatchObject({ error: { code: 'STORE_LOCKED' } }); // no report, only the error
      expect(r.err).toContain(`vigia: Otro proceso está usando el archivo de base de datos ${db}`);
      expect(r.err).toContain(`(PID ${child.pid})`);
      const en = await report('--lang', 'en');
      expect(en.err).toContain(`The database file ${db} is in use by another process`);
    } finally {
      child.kill('SIGKILL');
      if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
    }
    const after = await report('--format', 'json');
    expect(after.code).toBe(0);
  });
});
