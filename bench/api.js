// Benchmark (not a test): the HTTP API under load on the real Chicago data, loopback, bounded runs.
// Target (issue #3): report endpoint p99 < 100 ms at 20 concurrent clients. Prints numbers only.
// Run with `npm run bench` (after bench/run.js) or alone: `npm run build && node bench/api.js`.
import { existsSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { buildApp } from '@vigia/api';
import { createAccount, importIncidents } from '@vigia/services';
import { CHICAGO_DATA, initChicagoAgency } from './chicago-units.js';
import { DuckDbStore } from '@vigia/store';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'out');
mkdirSync(out, { recursive: true });
const DB = join(out, 'api-chicago.duckdb');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

async function chicagoStore() {
  const fresh = !existsSync(DB);
  const store = await DuckDbStore.open(DB);
  if (fresh) {
    await initChicagoAgency(store);
    await importIncidents(store, {
      file: join(CHICAGO_DATA, 'aggravated_assaults_2010_2019.csv'),
      profile: 'chicago-code',
      nowMs: Date.UTC(2026, 0, 1),
    });
  }
  return store;
}

const store = await chicagoStore();
const app = await buildApp({ store, now: () => Date.UTC(2019, 11, 20) });
const base = await app.listen({ port: 0, host: '127.0.0.1' });
// Every request is signed in, as the dashboard's are (the session lookup is part of what is measured).
const PASSWORD = 'carga-de-prueba-2026';
if (!(await store.findUserByUsername('bench'))) {
  await createAccount(store, { username: 'bench', role: 'viewer', password: PASSWORD }, 'bench', Date.now());
}
const login = await fetch(`${base}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'bench', password: PASSWORD }),
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
const headers = { cookie };
const targets = [
  ['report, districts', '/api/v1/reports/compstat?week=2019-W50&level=district'],
  ['report, district 11 beats', '/api/v1/reports/compstat?week=2019-W50&unit=11&level=beat'],
  ['incidents, 28 days, 1000', '/api/v1/incidents?from=2019-11-18&to=2019-12-15&limit=1000'],
  ['weekly series, district 11', '/api/v1/series/weekly?unit=11'],
];
const os = await import('node:os');
console.log(
  `node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}, ${SECONDS} s per route, 20 connections`,
);
for (const [label, path] of targets) {
  // One request first: the first computation is timed separately (later ones are served from the cache
  // until an upload changes the data, as in a COMPSTAT meeting).
  const t = performance.now();
  await fetch(`${base}${path}`, { headers }).then((res) => res.arrayBuffer());
  const first = performance.now() - t;
  const r = await autocannon({ url: `${base}${path}`, connections: 20, duration: SECONDS, headers });
  console.log(
    `${label.padEnd(28)} p50 ${String(r.latency.p50).padStart(4)} ms | p99 ${String(r.latency.p99).padStart(4)} ms | ` +
      `${Math.round(r.requests.average)} req/s | errors ${r.errors + r.non2xx} | first request ${first.toFixed(0)} ms`,
  );
}
await app.close();
await store.close();
