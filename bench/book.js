// Benchmark (not a test): time to build the COMPSTAT meeting book (PDF) of the real Chicago data for
// week 2019-W50, at district level (23 unit pages; p50 and max of 5 runs after a warm-up, wall and
// CPU) and once at beat level (275 unit pages). Prints numbers; asserts nothing.
// Run with `npm run bench:book` (or at the end of `npm run bench`).
import { rmSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { buildBook, importIncidents } from '@vigia/services';
import { DuckDbStore } from '@vigia/store';
import { CHICAGO_DATA, initChicagoAgency } from './chicago-units.js';

const out = join(dirname(fileURLToPath(import.meta.url)), 'out');
mkdirSync(out, { recursive: true });
const path = join(out, 'book-chicago.duckdb');
for (const f of [path, `${path}.wal`]) rmSync(f, { force: true });

console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} (2 cores shared: numbers are noisy)`,
);
const store = await DuckDbStore.open(path);
try {
  await initChicagoAgency(store);
  await importIncidents(store, {
    file: join(CHICAGO_DATA, 'aggravated_assaults_2010_2019.csv'),
    profile: 'chicago-code',
    nowMs: Date.UTC(2026, 0, 1),
  });

  const once = async (level) => {
    const cpu = process.cpuUsage();
    const t = performance.now();
    const book = await buildBook(store, { week: '2019-W50', lang: 'es', level });
    const used = process.cpuUsage(cpu);
    return { ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000, book };
  };
  await once('district'); // warm-up
  const runs = [];
  for (let i = 0; i < 5; i++) runs.push(await once('district'));
  const sorted = (k) => runs.map((r) => r[k]).sort((a, b) => a - b);
  const { book } = runs[0];
  console.log(
    `Chicago book, district level: ${book.pages} pages, ${(book.pdf.length / 1024).toFixed(0)} KiB; ` +
      `wall p50 ${sorted('ms')[2].toFixed(0)} ms, max ${sorted('ms')[4].toFixed(0)} ms; CPU p50 ${sorted('cpuMs')[2].toFixed(0)} ms`,
  );
  const beats = await once('beat');
  console.log(
    `Chicago book, beat level: ${beats.book.pages} pages, ${(beats.book.pdf.length / 1024).toFixed(0)} KiB; ` +
      `wall ${beats.ms.toFixed(0)} ms; CPU ${beats.cpuMs.toFixed(0)} ms`,
  );
} finally {
  await store.close();
}
