// Benchmarks (not tests): import throughput and COMPSTAT report latency on the real Chicago file and on
// a 2,000,000-row file generated from it, without ids (as Chicago's) and with a case-number column (as
// most RMS exports: generic mapping), each also re-imported unchanged (the weekly re-import of a
// cumulative export). Prints numbers; asserts nothing. Run with `npm run bench`.
// Targets (issue #2, 2 cores): >= 250,000 rows/s import including validation and unit assignment;
// weekly report < 100 ms at 2 M incidents.
// BENCH_STORE=duckdb (default), postgres or both; the PostgreSQL runs use BENCH_DATABASE_URL (default
// postgres://postgres@127.0.0.1:5432/test) in schemas vigia_bench_chicago / vigia_bench_large, dropped
// and created afresh each run (`npm run bench:pg` runs both stores).
import { createReadStream, createWriteStream, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join, dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { compstatReport, importIncidents } from '@vigia/services';
import { CHICAGO_DATA, initChicagoAgency } from './chicago-units.js';
import { DuckDbStore, PostgresStore } from '@vigia/store';
import { BUILTIN_PROFILES } from '@vigia/ingest';
import pg from 'pg';
import { URL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'out');
mkdirSync(out, { recursive: true });
const CHICAGO = join(CHICAGO_DATA, 'aggravated_assaults_2010_2019.csv');
const TARGET_ROWS = Number(process.env.BENCH_ROWS ?? 2_000_000);
const STORES =
  (process.env.BENCH_STORE ?? 'duckdb') === 'both'
    ? ['duckdb', 'postgres']
    : [process.env.BENCH_STORE ?? 'duckdb'];
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh, empty store of `kind` named `name` (a file in bench/out, or a PostgreSQL schema). */
async function openFresh(kind, name) {
  if (kind === 'postgres') {
    const schema = `vigia_bench_${name}`;
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
    const url = new URL(PG_URL);
    url.searchParams.set('schema', schema);
    return PostgresStore.open(url.toString());
  }
  const path = join(out, `${name}.duckdb`);
  for (const f of [path, `${path}.wal`]) rmSync(f, { force: true });
  return DuckDbStore.open(path);
}

/**
 * PostgreSQL only: the report again once autovacuum has run (here forced with VACUUM): the report's
 * covering indexes become index-only scans when the visibility map is set.
 */
async function reportAfterVacuum(kind, name, store) {
  if (kind !== 'postgres') return;
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  const t = performance.now();
  await client.query(`VACUUM (ANALYZE) vigia_bench_${name}.incident`);
  const vacuumMs = performance.now() - t;
  await client.end();
  const rep = await timeReport(store);
  console.log(
    `${'  after VACUUM'.padEnd(28)} (VACUUM ${(vacuumMs / 1000).toFixed(1)} s) weekly report p50 ${rep.p50.toFixed(1)} ms, max ${rep.max.toFixed(1)} ms`,
  );
}

async function freshStore(kind, name) {
  const store = await openFresh(kind, name);
  await initChicagoAgency(store);
  return store;
}

/**
 * Writes TARGET_ROWS rows: the Chicago rows repeated with coordinates jittered by up to ±0.002°, with
 * a first column `case_no` (unique: `JC<row>`) when `ids`.
 */
async function generateLarge(path, ids = false) {
  if (existsSync(path)) return;
  const w = createWriteStream(path);
  w.write(`${ids ? 'case_no,' : ''}date,loc_cat,longitude,latitude,district\n`);
  let n = 0;
  let seed = 42;
  const rnd = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296;
  for (let pass = 0; n < TARGET_ROWS; pass++) {
    const rl = createInterface({ input: createReadStream(CHICAGO) });
    let first = true;
    for await (const line of rl) {
      if (first) {
        first = false;
        continue;
      }
      if (n >= TARGET_ROWS) break;
      const [date, cat, lon, lat, district] = line.split(',');
      const jlon = pass === 0 ? lon : (Number(lon) + (rnd() - 0.5) * 0.004).toFixed(4);
      const jlat = pass === 0 ? lat : (Number(lat) + (rnd() - 0.5) * 0.004).toFixed(4);
      const id = ids ? `JC${n + 2},` : '';
      if (!w.write(`${id}${date},${cat},${jlon},${jlat},${district}\n`)) await once(w, 'drain');
      n++;
    }
  }
  w.end();
  await once(w, 'finish');
}

/** The chicago-code profile plus the generated `case_no` column as the source's record id. */
const chicagoCode = BUILTIN_PROFILES['chicago-code'];
const ID_MAPPING = {
  ...chicagoCode,
  name: 'chicago-case-no',
  columns: { ...chicagoCode.columns, sourceId: 'case_no' },
};

async function timeImport(store, file, mappingFile) {
  const t = performance.now();
  const s = await importIncidents(store, {
    file,
    ...(mappingFile ? { profile: 'generic', mappingFile } : { profile: 'chicago-code' }),
    nowMs: Date.UTC(2026, 0, 1),
  });
  const ms = performance.now() - t;
  return {
    rows: s.read,
    ms,
    rps: Math.round(s.read / (ms / 1000)),
    stage: s.durationMs.stage,
    merge: s.durationMs.merge,
  };
}

async function timeReport(store, runs = 20) {
  await compstatReport(store, { week: '2019-W50', level: 'district' }); // warm-up
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await compstatReport(store, { week: '2019-W50', level: 'district' });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(runs / 2)], max: times.at(-1) };
}

function line(label, imp, rep) {
  console.log(
    `${label.padEnd(28)} rows ${String(imp.rows).padStart(9)} | import ${(imp.ms / 1000).toFixed(2)} s ` +
      `(stage ${(imp.stage / 1000).toFixed(2)} s, merge ${(imp.merge / 1000).toFixed(2)} s) = ${imp.rps.toLocaleString('en-US')} rows/s` +
      ` | weekly report p50 ${rep.p50.toFixed(1)} ms, max ${rep.max.toFixed(1)} ms`,
  );
}

const os = await import('node:os');
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
console.log(
  `node ${process.version}, ${os.cpus().length} cores, load average ${load()} (other work on the machine skews these numbers)`,
);
for (const kind of STORES) {
  const store = await freshStore(kind, 'chicago');
  const imp = await timeImport(store, CHICAGO);
  const rep = await timeReport(store);
  line(`${kind} Chicago (real)`, imp, rep);
  await reportAfterVacuum(kind, 'chicago', store);
  const again = await timeImport(store, CHICAGO);
  console.log(
    `${'  re-import (no-op)'.padEnd(28)} ${(again.ms / 1000).toFixed(2)} s = ${again.rps.toLocaleString('en-US')} rows/s`,
  );
  await store.close();
}
const big = join(out, `chicago_x_${TARGET_ROWS}.csv`);
const bigIds = join(out, `chicago_x_ids_${TARGET_ROWS}.csv`);
const idMapping = join(out, 'chicago-case-no.json');
writeFileSync(idMapping, JSON.stringify(ID_MAPPING));
for (const [file, ids] of [
  [big, false],
  [bigIds, true],
]) {
  const t = performance.now();
  await generateLarge(file, ids);
  console.log(`generated ${file} in ${((performance.now() - t) / 1000).toFixed(1)} s (cached between runs)`);
}
for (const kind of STORES) {
  for (const [file, mapping, label] of [
    [big, undefined, ''],
    [bigIds, idMapping, ' case no.'],
  ]) {
    const store = await freshStore(kind, 'large');
    const imp = await timeImport(store, file, mapping);
    const rep = await timeReport(store);
    line(`${kind} generated ${(TARGET_ROWS / 1e6).toFixed(1)} M${label}`, imp, rep);
    await reportAfterVacuum(kind, 'large', store);
    const again = await timeImport(store, file, mapping);
    console.log(
      `${'  re-import (no-op)'.padEnd(28)} ${(again.ms / 1000).toFixed(2)} s = ${again.rps.toLocaleString('en-US')} rows/s`,
    );
    await store.close();
  }
}
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB, load average ${load()}`);
