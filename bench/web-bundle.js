// Benchmark (not a test): size of the production dashboard bundle (packages/web/dist, built by
// `npm run build`), raw and gzip-compressed (level 9), split into what index.html loads first and
// what is loaded on demand (map, charts, the MapLibre worker). Prints numbers; asserts nothing.
import { Buffer } from 'node:buffer';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'packages', 'web', 'dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`${dist}/index.html is missing: run "npm run build" first`);
  process.exit(1);
}
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const rows = [{ file: 'index.html', initial: true, data: Buffer.from(html) }];
for (const f of readdirSync(join(dist, 'assets')).sort()) {
  rows.push({
    file: `assets/${f}`,
    initial: html.includes(`/assets/${f}`),
    data: readFileSync(join(dist, 'assets', f)),
  });
}
const sum = (list, pick) => list.reduce((s, r) => s + pick(r), 0);
for (const r of rows) r.gzip = gzipSync(r.data, { level: 9 }).length;
console.log('web bundle (packages/web/dist)');
for (const r of rows) {
  console.log(
    `  ${r.file.padEnd(48)} ${kb(r.data.length).padStart(12)} raw ${kb(r.gzip).padStart(11)} gzip  ${r.initial ? 'initial' : 'on demand'}`,
  );
}
const initial = rows.filter((r) => r.initial);
console.log(
  `  initial load: ${kb(sum(initial, (r) => r.data.length))} raw, ${kb(sum(initial, (r) => r.gzip))} gzip`,
);
console.log(
  `  everything:   ${kb(sum(rows, (r) => r.data.length))} raw, ${kb(sum(rows, (r) => r.gzip))} gzip`,
);
