// One import, for profiling (`node --cpu-prof bench/import-one.js FILE`): a fresh DuckDB store in
// bench/out with the Chicago agency and units, then FILE imported with the chicago-code profile.
// Prints rows/s split into stage and merge, and CPU time of all the process's threads (on a shared
// machine CPU per row is steadier than wall time). BENCH_WORKER=0|1 forces rows to be mapped in the
// main thread or on a worker (default: by file size). BENCH_ROWS-sized files come from bench/run.js.
// On Linux it also prints CPU time per row by thread role (main, the import's worker, DuckDB, V8's
// helpers: see thread-cpu.js); BENCH_TIMELINE=1 adds CPU seconds per role for every second of the import.
// BENCH_REIMPORT=1 imports FILE once untimed and then measures importing it again (a no-op merge).
import { stat } from 'node:fs/promises';
import { clearInterval, setInterval } from 'node:timers';
import { rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importIncidents } from '@vigia/services';
import { DuckDbStore } from '@vigia/store';
import { CHICAGO_DATA, initChicagoAgency } from './chicago-units.js';
import { nameNewThreads, nameStartupThreads, startSampler, summarize, threadIds } from './thread-cpu.js';

const file = process.argv[2] ?? join(CHICAGO_DATA, 'aggravated_assaults_2010_2019.csv');
const path = join(dirname(fileURLToPath(import.meta.url)), 'out', 'import-one.duckdb');
for (const f of [path, `${path}.wal`]) rmSync(f, { force: true });
// Thread roles by when threads appear (see thread-cpu.js).
const known = new Set([String(process.pid)]);
nameStartupThreads(known);
await stat(file);
nameNewThreads(known, 'libuv');
const store = await DuckDbStore.open(path);
nameNewThreads(known, 'duckdb');
await initChicagoAgency(store);
nameNewThreads(known, 'duckdb');
const worker = { 0: false, 1: true }[process.env.BENCH_WORKER ?? ''];
const run = () =>
  importIncidents(store, { file, profile: 'chicago-code', nowMs: Date.UTC(2026, 0, 1), worker });
if (process.env.BENCH_REIMPORT === '1') {
  await run();
  // The import's worker has exited; threads new since then are DuckDB's (its pool is restarted when
  // an import restores the thread count).
  nameNewThreads(known, 'duckdb');
}
const sampler = startSampler(100);
await sampler.ready;
for (const tid of threadIds()) known.add(tid);
const namer = setInterval(() => nameNewThreads(known, 'import-worker'), 50);
const t = performance.now();
const cpu0 = process.cpuUsage();
const s = await run();
const ms = performance.now() - t;
const cpu = process.cpuUsage(cpu0);
clearInterval(namer);
const samples = await sampler.stop();
console.log(
  `${s.read} rows in ${(ms / 1000).toFixed(2)} s (stage ${(s.durationMs.stage / 1000).toFixed(2)} s, merge ${(s.durationMs.merge / 1000).toFixed(2)} s) = ${Math.round(s.read / (ms / 1000)).toLocaleString('en-US')} rows/s; CPU ${((cpu.user + cpu.system) / 1000 / (ms / 1000) / 1000).toFixed(2)} s/s = ${((cpu.user + cpu.system) / s.read).toFixed(2)} µs per row; RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`,
);
if (samples.length > 1) {
  const { totals, timeline } = summarize(samples);
  const roles = ['main', 'import-worker', 'duckdb', 'libuv', 'v8', 'sampler', 'other'].filter(
    (r) => totals[r] !== undefined,
  );
  console.log(
    `CPU µs per row by thread: ${roles.map((r) => `${r} ${((totals[r] * 1e6) / s.read).toFixed(2)}`).join(', ')}; load average ${(
      await import('node:os')
    )
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  if (process.env.BENCH_TIMELINE === '1') {
    console.log(`second  ${roles.map((r) => r.padStart(13)).join(' ')}`);
    for (const [i, b] of timeline.entries())
      console.log(
        `${String(i).padStart(6)}  ${roles.map((r) => (b[r] ?? 0).toFixed(2).padStart(13)).join(' ')}`,
      );
  }
}
await store.close();
