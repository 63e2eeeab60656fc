// Spatial analytics benchmark (not a test): our times next to the R timings stored with the reference
// sets in ../shared/reference (same data; R 4.2.2, spdep 1.2-7, spatstat 3.0-3, surveillance 1.20.3, as
// timed by the make_*.R scripts and timing_anchors.R). Prints numbers; asserts nothing.
// Run with `npm run bench:spatial` (or as part of `npm run bench`). Target (issue 4): ≥ 10× faster than R.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  distanceBandNeighbours,
  getisOrdGiStar,
  gridAroundPoints,
  gridCounts,
  kernelDensity,
  knnNeighbours,
  knoxNearRepeat,
  SeededRandom,
} from '@vigia/analysis';

const here = dirname(fileURLToPath(import.meta.url));
const ref = (p) => join(here, '..', '..', 'shared', 'reference', p);

function csv(path) {
  const [head, ...lines] = readFileSync(ref(path), 'utf8').trim().split('\n');
  const cols = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
}
function timings(path) {
  return Object.fromEntries(
    readFileSync(ref(path), 'utf8')
      .trim()
      .split('\n')
      .filter((l) => /^[\w.]+: [\d.]+$/.test(l))
      .map((l) => l.split(': '))
      .map(([k, v]) => [k, Number(v)]),
  );
}
/**
 * Median wall time and median CPU time (user + system of this process) in ms of `runs` runs after one
 * warm-up. On a shared machine the CPU time is the fairer number: other processes stretch wall time.
 */
function time(fn, runs = 5) {
  fn();
  const wall = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const s = performance.now();
    fn();
    wall.push(performance.now() - s);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1000);
  }
  const med = (a) => a.sort((x, y) => x - y)[Math.floor(runs / 2)];
  return { wall: med(wall), cpu: med(cpu) };
}
const fmt = (ms) => (ms < 10 ? `${ms.toFixed(2)} ms` : `${ms.toFixed(0)} ms`);
function row(task, t, rSeconds, rWhat) {
  const r =
    rSeconds === null
      ? 'no R anchor in the reference'
      : `R ${rSeconds.toFixed(3)} s (${rWhat}): ${((rSeconds * 1000) / t.wall).toFixed(0)}× (wall), ${((rSeconds * 1000) / t.cpu).toFixed(0)}× (CPU)`;
  console.log(`${task.padEnd(66)} wall ${fmt(t.wall).padStart(9)} cpu ${fmt(t.cpu).padStart(9)}   ${r}`);
}

const tGi = timings('gistar/timings.txt');
const tKde = timings('kde/timings_and_checks.txt');
const tKnox = timings('knox/timings.txt');
const tAnchor = timings('timing_anchors.txt');
const os = await import('node:os');
console.log(
  `node ${process.version}, ${os.cpus().length} cores, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}; ` +
    'median of 5 runs (3 for the long ones) after a warm-up; R timings are wall-clock from the reference runs\n',
);

// 1. Gi* on the Chicago 500 m grid (2,669 cells), band 1000 m and kNN 8
{
  const cells = csv('gistar/cells.csv');
  const xs = cells.map((c) => Number(c.x));
  const ys = cells.map((c) => Number(c.y));
  const counts = cells.map((c) => Number(c.count));
  const ids = cells.map((c) => Number(c.cell_id));
  row(
    'Gi* Chicago 500 m grid, 2,669 cells, band 1000 m (nb + Gi*)',
    time(() => getisOrdGiStar(counts, distanceBandNeighbours(xs, ys, 1000))),
    tGi.band1000_nb + tGi.band1000_G,
    'dnearneigh + localG',
  );
  row(
    'Gi* Chicago 500 m grid, 2,669 cells, kNN 8 (nb + Gi*)',
    time(() => getisOrdGiStar(counts, knnNeighbours(xs, ys, 8, ids))),
    tGi.knn8_spdep + tGi.knn8_G,
    'knearneigh + localG',
  );
  // whole bounding grid, 69 × 86 = 5,934 cells (timing_anchors.R)
  const pts = csv('gistar/points_2019_utm16n.csv');
  const grid = { x0: 422000, y0: 4610000, cellSizeMeters: 500, nCols: 69, nRows: 86 };
  const bx = [];
  const by = [];
  for (let id = 0; id < 69 * 86; id++) {
    bx.push(422000 + 500 * (id % 69) + 250);
    by.push(4610000 + 500 * Math.floor(id / 69) + 250);
  }
  const px = pts.map((p) => Number(p.x));
  const py = pts.map((p) => Number(p.y));
  row(
    'Gi* bounding grid 5,934 cells, band 1000 m (grid + nb + Gi*)',
    time(() => getisOrdGiStar(gridCounts(px, py, grid).counts, distanceBandNeighbours(bx, by, 1000))),
    tAnchor.gistar_bbox_grid_5934_cells_dnearneigh1000 + tAnchor.gistar_bbox_grid_5934_cells_localG,
    'dnearneigh + localG',
  );
  row(
    'kNN 8 neighbours, 5,934 cells',
    time(() => knnNeighbours(bx, by, 8)),
    tAnchor.knn8_knearneigh_5934_cells,
    'knearneigh',
  );
}

// 2. KDE district 11, 2019 (1,390 points), 100 m grid 70 × 62
const d11 = csv('kde/points_d11_2019_utm16n.csv');
const dx = d11.map((p) => Number(p.x));
const dy = d11.map((p) => Number(p.y));
{
  const grid = gridAroundPoints(dx, dy, 100, 1000);
  row(
    'KDE district-year, Gaussian σ 300 m, exact (no cutoff)',
    time(() =>
      kernelDensity(dx, dy, grid, {
        kernel: 'gaussian',
        bandwidthMeters: 300,
        gaussianCutoffSigmas: Infinity,
      }),
    ),
    tKde.gauss_direct_R_loop,
    'direct R loop; spatstat exact ' + tKde.spatstat_gauss_exact_at_points + ' s',
  );
  row(
    'KDE district-year, Gaussian σ 300 m, default 6σ cutoff',
    time(() => kernelDensity(dx, dy, grid, { kernel: 'gaussian', bandwidthMeters: 300 })),
    tKde.gauss_direct_R_loop,
    'direct R loop',
  );
  row(
    'KDE district-year, quartic r 500 m',
    time(() => kernelDensity(dx, dy, grid, { kernel: 'quartic', bandwidthMeters: 500 })),
    tKde.quartic_direct_R_loop,
    'direct R loop; spatstat ' + tKde.spatstat_quartic_exact_at_points + ' s',
  );
  // citywide anchors: 15,328 points, 334 × 438 cells
  const pts = csv('gistar/points_2019_utm16n.csv');
  const px = pts.map((p) => Number(p.x));
  const py = pts.map((p) => Number(p.y));
  const city = gridAroundPoints(px, py, 100, 1000);
  row(
    `KDE citywide 15,328 pts, ${city.nCols}×${city.nRows}, Gaussian σ 300 (6σ)`,
    time(() => kernelDensity(px, py, city, { kernel: 'gaussian', bandwidthMeters: 300 })),
    tAnchor.kde_citywide_exact_densityfun,
    'spatstat densityfun exact; FFT ' + tAnchor.kde_citywide_15328pts_spatstat_fft + ' s',
  );
  row(
    `KDE citywide 15,328 pts, ${city.nCols}×${city.nRows}, quartic r 500 m`,
    time(() => kernelDensity(px, py, city, { kernel: 'quartic', bandwidthMeters: 500 })),
    tAnchor.kde_citywide_quartic_R_loop,
    'R loop',
  );
}

// 3. Knox, district-year, 999 date permutations, full 7 × 5 table
{
  const days = d11.map(
    (p) => Date.UTC(+p.date.slice(0, 4), +p.date.slice(5, 7) - 1, +p.date.slice(8, 10)) / 86_400_000,
  );
  row(
    'Knox district-year, 1,390 events, 999 permutations, 7×5 table',
    time(() => knoxNearRepeat(dx, dy, days, { permutations: 999, seed: 20191215 }), 3),
    tKnox.pair_distances + tKnox.mc_999_date_permutations_full_table,
    'pair distances + 999 permutations; surveillance::knox ' +
      tKnox.surveillance_knox_poisson_plus_999 +
      ' s',
  );
}

// 4. KDE of 1,000,000 points on a 1000 × 1000 grid (points: the Chicago 2019 points repeated with a seeded jitter of ±250 m)
{
  const pts = csv('gistar/points_2019_utm16n.csv');
  const n = 1_000_000;
  const rng = new SeededRandom(42);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = pts[i % pts.length];
    xs[i] = Number(p.x) + (rng.nextFloat() - 0.5) * 500;
    ys[i] = Number(p.y) + (rng.nextFloat() - 0.5) * 500;
  }
  const grid = { x0: 420000, y0: 4608000, cellSizeMeters: 50, nCols: 1000, nRows: 1000 };
  row(
    'KDE 1,000,000 points, 1000×1000 grid (50 m), quartic r 250 m',
    time(() => kernelDensity(xs, ys, grid, { kernel: 'quartic', bandwidthMeters: 250 }), 3),
    null,
  );
  row(
    'KDE 1,000,000 points, 1000×1000 grid (50 m), Gaussian σ 100 m (6σ)',
    time(() => kernelDensity(xs, ys, grid, { kernel: 'gaussian', bandwidthMeters: 100 }), 3),
    null,
  );
}
console.log(`\npeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
