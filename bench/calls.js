// Benchmark (not a test): calls-for-service import throughput and police response report latency on
// 1,000,000 generated CAD calls (issue #5). Prints numbers; asserts nothing. Run with `npm run bench`
// or alone: `npm run build && node bench/calls.js` (BENCH_CALLS=N to change the size; BENCH_STORE=postgres
// or both to run on PostgreSQL too, at BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test,
// in schema vigia_bench_calls, dropped first).
import { createWriteStream, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join, dirname } from 'node:path';
import { URL, fileURLToPath } from 'node:url';
import { importCalls, responseReport } from '@vigia/services';
import { initChicagoAgency } from './chicago-units.js';
import { DuckDbStore, PostgresStore } from '@vigia/store';
import pg from 'pg';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'out');
mkdirSync(out, { recursive: true });
const CALLS = Number(process.env.BENCH_CALLS ?? 1_000_000);
const STORES =
  (process.env.BENCH_STORE ?? 'duckdb') === 'both'
    ? ['duckdb', 'postgres']
    : [process.env.BENCH_STORE ?? 'duckdb'];
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const MAPPING = {
  name: 'bench-cad',
  columns: {
    sourceId: 'call_id',
    received: 'received',
    dispatched: 'dispatched',
    onScene: 'on_scene',
    cleared: 'cleared',
    priority: 'priority',
    channel: 'source',
    respondingUnit: 'unit',
    finalType: 'type',
    disposition: 'disposition',
    longitude: 'lon',
    latitude: 'lat',
    unit: 'district',
  },
  formats: { dateTime: 'yyyy-MM-dd HH:mm:ss' },
  officerInitiated: { column: 'source', values: ['ONVIEW'] },
  arrest: { column: 'disposition', values: ['ARREST'] },
};

const pad = (n) => (n < 10 ? `0${n}` : String(n));
const local = (ms) => {
  // Wall time written as if UTC: the generator does not care about the zone, the importer does.
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};

/** CALLS calls over 2022–2023 in the Chicago area: priorities 1–5, 8% on-view, 10% never arrive. */
async function generate(path) {
  if (existsSync(path)) return;
  const w = createWriteStream(path);
  w.write(
    'call_id,received,dispatched,on_scene,cleared,priority,source,unit,type,disposition,lon,lat,district\n',
  );
  let seed = 7;
  const rnd = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296;
  const start = Date.UTC(2022, 0, 1);
  const span = Date.UTC(2024, 0, 1) - start;
  const types = ['DISTURBANCE', 'THEFT', 'TRAFFIC', 'ALARM', 'ASSAULT', 'SUSPICIOUS'];
  for (let i = 0; i < CALLS; i++) {
    const r = start + Math.floor(rnd() * span);
    const priority = 1 + Math.floor(rnd() * 5);
    const onview = rnd() < 0.08;
    const d = r + Math.floor(rnd() * 120_000 * priority);
    const arrives = rnd() > 0.1;
    const o = onview ? r : d + Math.floor(rnd() * 600_000 * priority);
    const c = o + Math.floor(rnd() * 3_600_000);
    const line = [
      `K${i}`,
      local(r),
      local(d),
      arrives ? local(o) : '',
      local(c),
      priority,
      onview ? 'ONVIEW' : rnd() < 0.6 ? '911' : 'PHONE',
      `U${Math.floor(rnd() * 300)}`,
      types[Math.floor(rnd() * types.length)],
      rnd() < 0.05 ? 'ARREST' : 'REPORT',
      (-87.85 + rnd() * 0.3).toFixed(5),
      (41.65 + rnd() * 0.35).toFixed(5),
      1 + Math.floor(rnd() * 25),
    ].join(',');
    if (!w.write(`${line}\n`)) await once(w, 'drain');
  }
  w.end();
  await once(w, 'finish');
}

console.log(`node ${process.version}, ${(await import('node:os')).cpus().length} cores`);
const csv = join(out, `calls_${CALLS}.csv`);
const mapping = join(out, 'calls-mapping.json');
writeFileSync(mapping, JSON.stringify(MAPPING));
let t = performance.now();
await generate(csv);
console.log(`generated ${csv} in ${((performance.now() - t) / 1000).toFixed(1)} s (cached between runs)`);

/** A fresh, empty store of `kind`: bench/out/calls.duckdb, or the PostgreSQL schema vigia_bench_calls. */
async function openFresh(kind) {
  if (kind === 'postgres') {
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query('DROP SCHEMA IF EXISTS vigia_bench_calls CASCADE');
    await client.end();
    const url = new URL(PG_URL);
    url.searchParams.set('schema', 'vigia_bench_calls');
    return PostgresStore.open(url.toString());
  }
  const dbPath = join(out, 'calls.duckdb');
  for (const f of [dbPath, `${dbPath}.wal`]) rmSync(f, { force: true });
  return DuckDbStore.open(dbPath);
}

for (const kind of STORES) {
  console.log(`-- ${kind}`);
  const store = await openFresh(kind);
  await initChicagoAgency(store, 'Bench PD');
  t = performance.now();
  const cpu = process.cpuUsage();
  const s = await importCalls(store, {
    file: csv,
    profile: 'generic',
    mappingFile: mapping,
    nowMs: Date.UTC(2026, 0, 1),
  });
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  console.log(
    `import calls ${s.read.toLocaleString('en-US')} rows | ${(ms / 1000).toFixed(2)} s (stage ${(s.durationMs.stage / 1000).toFixed(2)} s, merge ${(s.durationMs.merge / 1000).toFixed(2)} s) = ${Math.round(s.read / (ms / 1000)).toLocaleString('en-US')} rows/s; this process's CPU ${((used.user + used.system) / 1e6).toFixed(1)} s`,
  );
  t = performance.now();
  const again = await importCalls(store, {
    file: csv,
    profile: 'generic',
    mappingFile: mapping,
    nowMs: Date.UTC(2026, 0, 1),
  });
  console.log(
    `  re-import (no-op: ${again.unchanged.toLocaleString('en-US')} unchanged) ${((performance.now() - t) / 1000).toFixed(2)} s`,
  );

  // Wall time (p50 and max of `runs` after a warm-up) and this process's CPU time per report (JavaScript
  // plus DuckDB's threads; PostgreSQL's own work is in the server process): CPU moves less with the load.
  async function timed(label, input, runs = 3) {
    await responseReport(store, input); // warm-up
    const times = [];
    const cpus = [];
    let calls = 0;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const r = await responseReport(store, input);
      times.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpus.push((c.user + c.system) / 1000);
      calls = r.rows.find((x) => x.dimension === 'agency')?.periods[r.periodKeys.at(-1)]?.current.calls ?? 0;
    }
    times.sort((a, b) => a - b);
    cpus.sort((a, b) => a - b);
    console.log(
      `${label.padEnd(44)} p50 ${times[Math.floor(runs / 2)].toFixed(0)} ms, max ${times.at(-1).toFixed(0)} ms, CPU p50 ${cpus[Math.floor(runs / 2)].toFixed(0)} ms (${calls.toLocaleString('en-US')} calls in the last window)`,
    );
  }
  await timed('response report, week 2023-W50 (WTD/28d/YTD)', { week: '2023-W50', level: 'district' });
  await timed('response report, 2022-01-01..2023-12-31', {
    from: '2022-01-01',
    to: '2023-12-31',
    level: 'district',
  });
  await store.close();
}
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
