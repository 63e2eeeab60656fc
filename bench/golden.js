// Golden import results (not a test; issue #2 speed work): runs the README "Your own data" commands
// through the CLI on the real exports of ../shared/data and writes every output that must not change
// when the import gets faster: the `--json` summaries (minus their wall times), the quarantine list, the
// COMPSTAT report, and a dump of every stored incident version and quarantine row.
//
//   node bench/golden.js record DIR        writes the outputs to DIR
//   node bench/golden.js check DIR         runs again and compares byte for byte with DIR
//
// GOLDEN_LARGE=1 adds the generated 2,000,000-row file of bench/run.js (run the bench once first).
import { Buffer } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { CHICAGO_DATA } from './chicago-units.js';

const here = dirname(fileURLToPath(import.meta.url));
const DATA = join(CHICAGO_DATA, '..');
const CLI = join(here, '..', 'packages', 'cli', 'bin', 'vigia.js');
const [mode, dirArg] = process.argv.slice(2);
if ((mode !== 'record' && mode !== 'check') || !dirArg) {
  console.error('usage: node bench/golden.js record|check DIR');
  process.exit(2);
}
const work = join(here, 'out', 'golden-work');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const outDir = mode === 'record' ? dirArg : join(work, 'outputs');
mkdirSync(outDir, { recursive: true });

const vigia = (...args) =>
  execFileSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
/** The summary without `durationMs` (wall time, different every run). */
const summary = (text) => {
  const { durationMs: _ignored, ...rest } = JSON.parse(text);
  return `${JSON.stringify(rest)}\n`;
};

/**
 * Every incident version, quarantine row and import batch of a database, in a stable order: each as
 * the SHA-256 of its rows' text (tab-separated fields, one line a row) and the number of rows.
 */
async function dump(db) {
  const instance = await DuckDBInstance.create(db);
  const c = await instance.connect();
  await c.run(`SET TimeZone = 'UTC'`);
  const digest = async (sql) => {
    const hash = createHash('sha256');
    const rows = (await c.runAndReadAll(sql)).getRows();
    for (const r of rows) hash.update(`${r.map((v) => (v === null ? '\\N' : String(v))).join('\t')}\n`);
    return `${hash.digest('hex')} ${rows.length}\n`;
  };
  // The same text on every schema: content_hash was 32 hex digits (VARCHAR) until DuckDB migration 10,
  // a UHUGEINT since (printed as the same digits); source_id is a generated column since then.
  const hashType = (
    await c.runAndReadAll(
      `SELECT data_type FROM duckdb_columns() WHERE table_name = 'incident' AND column_name = 'content_hash'`,
    )
  ).getRows()[0]?.[0];
  const hash = hashType === 'VARCHAR' ? 'content_hash' : `printf('%032x', content_hash)`;
  const incidents = await digest(
    `SELECT agency_id, source, source_id, version, is_current, import_id, source_row, ${hash},
            source_id_derived, occurred_at, occurred_local, occurred_date, reported_date, category,
            list_aggregate(offense_categories, 'string_agg', '|'), list_aggregate(offense_labels, 'string_agg', '|'),
            lon, lat, source_unit, source_unit_id, polygon_unit_id, unit_id, location_flag, unit_disagrees,
            status, arrest
     FROM incident ORDER BY source, source_id, version`,
  );
  const quarantine = await digest(`SELECT * FROM quarantine ORDER BY import_id, row_no`);
  const batches = await digest(
    `SELECT import_id, kind, file, profile, source, status, rows_read, rows_stored, rows_updated,
            rows_unchanged, rows_quarantined, summary
     FROM import_batch ORDER BY import_id`,
  );
  c.closeSync();
  instance.closeSync();
  return { incidents, quarantine, batches };
}

async function scenario(name, steps) {
  const db = join(work, `${name}.duckdb`);
  const files = {};
  let n = 0;
  for (const [label, args] of steps) {
    const out = vigia(...args.map((a) => (a === '$DB' ? db : a)));
    if (label)
      files[`${name}-${String(++n).padStart(2, '0')}-${label}`] = label.startsWith('import')
        ? summary(out)
        : out;
  }
  const d = await dump(db);
  // Dumps are large: their hash and row count, not the text.
  for (const [k, v] of Object.entries(d)) files[`${name}-dump-${k}.sha256`] = v;
  for (const [f, text] of Object.entries(files)) writeFileSync(join(outDir, f), text);
  console.log(`${name}: ${Object.keys(files).length} outputs`);
}

const units = (file, level, code, parent = []) => [
  '',
  ['import', 'units', join(DATA, file), '--db', '$DB', '--level', level, '--code-property', code, ...parent],
];
const init = (tz) => [
  '',
  ['init', '--db', '$DB', '--agency-name', 'Golden', '--time-zone', tz, '--locale', 'en'],
];
const incidents = (file, profile) => [
  'import.json',
  ['import', 'incidents', join(DATA, file), '--db', '$DB', '--profile', profile, '--json'],
];
const report = (week, level) => [
  'report.json',
  ['report', 'compstat', '--db', '$DB', '--week', week, '--level', level, '--format', 'json'],
];
const quarantine = [
  'quarantine.json',
  ['quarantine', 'list', '--db', '$DB', '--limit', '10000000', '--format', 'json'],
];
const chicagoUnits = [
  units('chicago/police_districts_current.geojson', 'district', 'district'),
  units('chicago/police_beats_2012.geojson', 'beat', 'BEAT_NUM', [
    '--parent-level',
    'district',
    '--parent-property',
    'DISTRICT',
  ]),
];

await scenario('chicago', [
  init('America/Chicago'),
  ...chicagoUnits,
  incidents('chicago/aggravated_assaults_2010_2019.csv', 'chicago-code'),
  quarantine,
  report('2019-W50', 'district'),
  incidents('chicago/aggravated_assaults_2010_2019.csv', 'chicago-code'), // a no-op
  report('2019-W50', 'beat'),
]);
await scenario('houston', [
  init('America/Chicago'),
  units('houston/hpd_beats_approx.geojson', 'beat', 'beat'),
  incidents('houston/crime_2010_jan_aug.csv', 'houston'),
  quarantine,
  report('2010-W30', 'beat'),
  incidents('houston/crime_2010_jan_aug.csv', 'houston'),
]);
await scenario('medellin', [
  init('America/Bogota'),
  units('medellin/comunas.geojson', 'comuna', 'COMUNA'),
  incidents('medellin/homicides.csv', 'medellin'),
  quarantine,
  report('2019-W50', 'comuna'),
]);
await scenario('nyc', [
  init('America/New_York'),
  units('nyc/police_precincts_2022.geojson', 'precinct', 'Precinct'),
  incidents('nyc/homicides_2016_2018.csv', 'nyc-homicides'),
  quarantine,
  report('2018-W50', 'precinct'),
  incidents('nyc/homicides_2016_2018.csv', 'nyc-homicides'),
]);

// Synthetic files made from the Chicago rows, so every quarantine reason, odd text and the versioning
// path (ids, several rows per id, reclassified records) are part of the golden outputs too.
const chicagoLines = readFileSync(join(DATA, 'chicago/aggravated_assaults_2010_2019.csv'), 'utf8')
  .split('\n')
  .slice(1, 40_001)
  .filter((l) => l !== '');
let seed = 7;
const rnd = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296;
const DEFECTS = [
  (f) => [`${f[0].slice(0, 10)}T${f[0].slice(11)}`, ...f.slice(1)], // BAD_DATE
  (f) => ['2019-02-30 10:00', ...f.slice(1)], // IMPOSSIBLE_DATE
  (f) => ['2031-05-01 10:00', ...f.slice(1)], // FUTURE_DATE
  (f) => [f[0], f[1], 'abc', f[3], f[4]], // BAD_COORDINATES
  (f) => [f[0], f[1], f[2], '95.5', f[4]], // BAD_COORDINATES (range)
  (f) => [f[0], f[1], '', '', f[4]], // no location
  (f) => [f[0], f[1], '0', '0', f[4]], // 0,0
  (f) => ['', ...f.slice(1)], // MISSING_REQUIRED_FIELD
  (f) => [...f, 'extra'], // COLUMN_COUNT_MISMATCH
  (f) => f.slice(0, 4), // COLUMN_COUNT_MISMATCH
  (f) => [f[0], `"${f[1]}, ""quoted"""`, f[2], f[3], f[4]], // quotes
  (f) => [f[0], f[1], f[2], f[3], '99'], // unknown source unit
  (f) => [f[0], f[1], f[2], f[3], ''], // no source unit
  (f) => ['2019-03-10 02:30', ...f.slice(1)], // spring-forward gap
  (f) => ['2019-11-03 01:30', ...f.slice(1)], // repeated fall-back hour
  (f) => [f[0], f[1], String(-Number(f[2])), f[3], f[4]], // outside (sign-less longitude)
  (f) => [f[0], f[1], f[3], f[2], f[4]], // swapped
  (f) => [f[0], f[1], ` ${f[2]} `, f[3], ` ${f[4]}`], // spaces
  (f) => ['NA', ...f.slice(1)], // missing value
  (f) => [f[0], f[1], f[2], f[3], `0${f[4]}`], // leading zero unit code
];
{
  const out = ['date,loc_cat,longitude,latitude,district'];
  for (const [i, line] of chicagoLines.slice(0, 30_000).entries()) {
    let f = line.split(',');
    if (rnd() < 0.15) f = DEFECTS[Math.floor(rnd() * DEFECTS.length)](f);
    out.push(f.join(','));
    if (rnd() < 0.01) out.push(f.join(',')); // an identical row
    if (rnd() < 0.003) out.push(rnd() < 0.5 ? '' : ',,,,');
    if (i === 100) out.push('not a date,x,1,2,3');
  }
  writeFileSync(
    join(work, 'dirty.csv'),
    out.join('\r\n').replace(/\r\n(?=2015)/g, '\n') /* mixed line ends */,
  );
}
{
  // A generic RMS-like export: `;`, decimal comma, Windows-1252, d/M/y dates, ids (some spanning rows),
  // two offense columns, status, report date, missing-value markers.
  const labels = [
    'HOMICIDIO DOLOSO',
    'Robo a mano armada',
    'ROBÓ',
    'hurto',
    'LESIONES  PERSONALES',
    'EXTORSIÓN',
    'DESCONOCIDO',
    'violencia doméstica',
    '',
  ];
  const statuses = ['ACTIVO', 'INFUNDADO', 'ESCLARECIDO', 'activo', 'OTRO', ''];
  const make = (variant) => {
    let s = 11;
    const r = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
    const rows = [
      'NUM_CASO;FECHA_HECHO;HORA_HECHO;FECHA_DENUNCIA;DELITO_1;DELITO_2;ESTADO;SUBESTACION;LONGITUD;LATITUD',
    ];
    let id = 1000;
    for (const line of chicagoLines) {
      const [date, , lon, lat, district] = line.split(',');
      if (r() > 0.7) id++;
      const [y, mo, d] = date.slice(0, 10).split('-');
      const rep = r() < 0.3 ? '' : r() < 0.05 ? '31/04/2019' : `${d}/${mo}/${y}`;
      let l1 = labels[Math.floor(r() * labels.length)];
      const l2 = r() < 0.2 ? labels[Math.floor(r() * labels.length)] : '';
      const st = statuses[Math.floor(r() * statuses.length)];
      if (variant === 2 && r() < 0.05) l1 = 'HURTO CON ESCALAMIENTO'; // reclassified
      const drop = variant === 2 && r() < 0.02;
      const x = r() < 0.02 ? 'SIN DATO' : lon.replace('.', ',');
      const yv = r() < 0.01 ? 'N/A' : lat.replace('.', ',');
      const hour = r() < 0.1 ? '' : r() < 0.02 ? '25:00' : date.slice(11);
      if (!drop) rows.push([`C-${id}`, `${d}/${mo}/${y}`, hour, rep, l1, l2, st, district, x, yv].join(';'));
    }
    return Buffer.from(rows.join('\n'), 'latin1');
  };
  writeFileSync(join(work, 'generic-1.csv'), make(1));
  writeFileSync(join(work, 'generic-2.csv'), make(2));
  const mapping = JSON.parse(
    readFileSync(join(here, '..', 'docs', 'examples', 'mapping-example.json'), 'utf8'),
  );
  // The synthetic export predates the example's arrest column (DETENIDO): read without it, so the
  // recordings stay comparable across versions.
  delete mapping.arrest;
  writeFileSync(
    join(work, 'mapping.json'),
    JSON.stringify({ ...mapping, timeZone: 'America/Chicago', sourceUnitLevel: 'district' }),
  );
}
const workFile = (f) => join(work, f);
await scenario('dirty', [
  init('America/Chicago'),
  ...chicagoUnits,
  [
    'import.json',
    ['import', 'incidents', workFile('dirty.csv'), '--db', '$DB', '--profile', 'chicago-code', '--json'],
  ],
  quarantine,
  report('2012-W05', 'beat'),
  [
    'import.json',
    ['import', 'incidents', workFile('dirty.csv'), '--db', '$DB', '--profile', 'chicago-code', '--json'],
  ],
  quarantine,
]);
const generic = (f) => [
  'import.json',
  [
    'import',
    'incidents',
    workFile(f),
    '--db',
    '$DB',
    '--profile',
    'generic',
    '--mapping',
    workFile('mapping.json'),
    '--json',
  ],
];
await scenario('generic', [
  init('America/Chicago'),
  ...chicagoUnits,
  generic('generic-1.csv'),
  quarantine,
  report('2010-W20', 'district'),
  generic('generic-2.csv'),
  quarantine,
  report('2010-W20', 'beat'),
  generic('generic-1.csv'),
]);
const large = join(here, 'out', 'chicago_x_2000000.csv');
if (process.env.GOLDEN_LARGE === '1' && existsSync(large)) {
  await scenario('large', [
    init('America/Chicago'),
    ...chicagoUnits,
    ['import.json', ['import', 'incidents', large, '--db', '$DB', '--profile', 'chicago-code', '--json']],
    report('2019-W50', 'district'),
  ]);
}

if (mode === 'check') {
  let bad = 0;
  for (const f of readdirSync(outDir)) {
    const want = join(dirArg, f);
    if (!existsSync(want)) {
      console.log(`NEW   ${f}`);
      bad++;
    } else if (readFileSync(want, 'utf8') !== readFileSync(join(outDir, f), 'utf8')) {
      console.log(`DIFF  ${f}`);
      bad++;
    }
  }
  for (const f of readdirSync(dirArg)) {
    if (!existsSync(join(outDir, f))) {
      console.log(`MISSING ${f}`);
      bad++;
    }
  }
  console.log(bad === 0 ? 'golden: identical' : `golden: ${bad} differences`);
  process.exitCode = bad === 0 ? 0 : 1;
}
