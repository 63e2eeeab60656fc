import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isVigiaError } from '@vigia/domain';
import { DuckDbStore, type Store } from '@vigia/store';
import { readSharedCsv, sharedPath } from '../../../../test/shared-reference.js';
import { initAgency } from '../agency/init-agency.js';
import { importIncidents } from '../import/import-incidents.js';
import { importUnits } from '../units/import-units.js';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { analyzeHotspots } from './hotspots.js';
import { analyzeKde } from './kde.js';
import { analyzeKnox, knoxSummary } from './knox.js';
import { analyzeNni } from './nni.js';
import { analyzeEmerging } from './emerging.js';
import { emergingGeoJson, hotspotsGeoJson } from './geojson.js';

/**
 * The spatial services end to end on real data: the 2019 rows of the Chicago file imported with the
 * chicago-code profile, then Gi*, KDE and Knox through the store, compared with the R reference sets
 * (../shared/reference/gistar, kde, knox; make_*.R, R 4.2.2 with spdep 1.2-7 / spatstat 3.0-3). The
 * only difference from R's inputs is that Vigía projects lon/lat itself (proj4, within 0.5 mm of sf).
 */
describe('spatial analysis services on Chicago 2019', () => {
  let store: Store;
  const base = { category: 'aggravated_assault', from: '2019-01-01', to: '2019-12-31', epsg: 32616 };

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vigia-spatial-'));
    const lines = readFileSync(sharedPath('data/chicago/aggravated_assaults_2010_2019.csv'), 'utf8').split(
      '\n',
    );
    const file = join(dir, 'chicago_2019.csv');
    await writeFile(file, [lines[0], ...lines.filter((l) => l.startsWith('2019'))].join('\n') + '\n');
    store = await DuckDbStore.open(':memory:');
    await initAgency(store, { name: 'Chicago Police Department', timeZone: 'America/Chicago', locale: 'en' });
    await importUnits(store, {
      file: sharedPath('data/chicago/police_districts_current.geojson'),
      level: 'district',
      codeProperty: 'district',
    });
    const s = await importIncidents(store, { file, profile: 'chicago-code', nowMs: Date.UTC(2026, 0, 1) });
    expect(s.stored).toBe(15328);
  });

  afterAll(async () => {
    await store.close();
  });

  it('hot spots: the 2,669 cells of make_gistar.R, counts exact, z within 1e-9 of spdep::localG', async () => {
    const r = await analyzeHotspots(store, { ...base, cellSizeMeters: 500, distanceBandMeters: 1000 });
    const ref = readSharedCsv('reference/gistar/gistar_results.csv');
    expect(r.grid).toEqual({ x0: 422000, y0: 4610000, cellSizeMeters: 500, nCols: 69, nRows: 86 });
    expect(r.cells.map((c) => c.id)).toEqual(ref.map((c) => Number(c.cell_id)));
    expect(r.cells.map((c) => c.count)).toEqual(ref.map((c) => Number(c.count)));
    let worst = 0;
    r.cells.forEach((c, i) => (worst = Math.max(worst, Math.abs(c.z! - Number(ref[i]!.z_band1000)))));
    expect(worst).toBeLessThan(1e-9);
    expect(r.selection).toMatchObject({
      incidents: 15328,
      withoutLocation: 0,
      analysed: 15328,
      crs: 'EPSG:32616',
    });
    expect(r.outsideStudyArea).toBe(0);
    expect(hotspotsGeoJson(r).features).toHaveLength(2669);
  });

  it('Knox for district 11: the observed table of make_knox.R exactly, and a plain-language summary', async () => {
    const r = await analyzeKnox(store, { ...base, unit: '11', permutations: 99, seed: 20191215 });
    expect(r.selection.analysed).toBe(1390);
    const matrix = readSharedCsv('reference/knox/knox_observed_matrix.csv');
    const cols = ['0-7d', '8-14d', '15-21d', '22-28d', 'more_than_28d'];
    matrix.forEach((row, s) => cols.forEach((c, t) => expect(r.table[s]![t]!.observed).toBe(Number(row[c]))));
    expect(r.knox.observed).toBe(475);
    // same location × 0–7 days is the one strong cell in R (46 vs 26.3, p = 0.001)
    expect(r.nearRepeats[0]).toMatchObject({ spatialBand: [0, 0], temporalBand: [0, 7], observed: 46 });
    const text = knoxSummary(r, 'en');
    expect(text[0]).toMatch(
      /^For 7 days after an incident \(aggravated assault\), the risk of another at the same location is 1\.\d times normal/,
    );
    expect(knoxSummary(r, 'es')[0]).toMatch(
      /^Durante 7 días después de un incidente \(agresión agravada|^Durante 7 días/,
    );
  });

  // Exact to 1e-9 in analysis/kde on R's projected x,y; here Vigía re-projects lon/lat (≤ 0.5 mm from sf),
  // which moves a kernel's edge a little: compared in absolute terms, against a maximum of 312.6 per km².
  it('KDE for district 11 equals the R quartic surface at every reference cell centre it covers', async () => {
    const r = await analyzeKde(store, { ...base, unit: '11', cellSizeMeters: 100, bandwidthMeters: 500 });
    const ref = readSharedCsv('reference/kde/kde_grid.csv');
    let compared = 0;
    let worst = 0;
    for (const row of ref) {
      const col = (Number(row.x) - 50 - r.grid.x0) / 100;
      const rw = (Number(row.y) - 50 - r.grid.y0) / 100;
      if (col < 0 || rw < 0 || col >= r.grid.nCols || rw >= r.grid.nRows) continue;
      const got = r.density[rw * r.grid.nCols + col]!;
      const want = Number(row.quartic_r500_per_km2);
      worst = Math.max(worst, Math.abs(got - want));
      compared++;
    }
    expect(compared).toBeGreaterThan(3000);
    expect(worst).toBeLessThan(1e-3); // per km²: ≤ 0.012 per m of shift × 0.5 mm × the points near a cell (observed 1.2e-4)
  });

  it('NNI for district 11 uses the district polygon area and finds clustering', async () => {
    const r = await analyzeNni(store, { ...base, unit: '11' });
    expect(r.areaSource).toBe('unit_polygons');
    expect(r.areaSquareMeters / 1e6).toBeGreaterThan(15); // district 11 (Harrison) is about 6.1 sq mi = 15.8 km²
    expect(r.areaSquareMeters / 1e6).toBeLessThan(16.5);
    expect(r.ratio).toBeLessThan(1);
    expect(r.pointsWithTwin).toBeGreaterThan(0);
  });

  it('flags recurring locations, and leaves them out only when asked', async () => {
    const kept = await analyzeNni(store, base);
    const left = await analyzeNni(store, { ...base, excludeRecurring: true });
    expect(kept.selection.recurringLocations.length).toBeGreaterThan(0);
    const flaggedIncidents = kept.selection.recurringLocations.reduce((s, l) => s + l.count, 0);
    expect(left.selection.analysed).toBe(15328 - flaggedIncidents);
    expect(kept.selection.analysed).toBe(15328);
  });

  it('emerging hot spots: a monthly cube on the Gi* grid, every incident accounted for', async () => {
    const grid = { cellSizeMeters: 500, distanceBandMeters: 1000 };
    const r = await analyzeEmerging(store, { ...base, ...grid });
    const hot = await analyzeHotspots(store, { ...base, ...grid });
    expect(r.step).toBe('month');
    expect(r.steps.map((s) => s.start)).toEqual(
      Array.from({ length: 12 }, (_, m) => `2019-${String(m + 1).padStart(2, '0')}-01`),
    );
    expect(r.cells.map((c) => [c.id, c.count])).toEqual(hot.cells.map((c) => [c.id, c.count]));
    const inSteps = r.steps.reduce((s, x) => s + x.incidents, 0);
    expect(inSteps + r.outsideSteps + r.outsideStudyArea).toBe(r.selection.analysed);
    expect(r.outsideSteps).toBe(0);
    expect(Object.values(r.categories).reduce((s, n) => s + n, 0)).toBe(r.cells.length);
    // a cell hot in ≥ 90 % of the months is a hot spot of the whole year too
    const zYear = new Map(hot.cells.map((c) => [c.id, c.z!]));
    const steady = r.cells.filter((c) => /^(persistent|intensifying|diminishing)_hot$/.test(c.category));
    expect(steady.length).toBeGreaterThan(10);
    for (const c of steady) expect(zYear.get(c.id)!).toBeGreaterThan(1.96);
    expect(emergingGeoJson(r).features).toHaveLength(r.cells.length);
    // weekly: 52 steps of 7 days ending on 31 December; 1 January is in no step and is counted apart
    const w = await analyzeEmerging(store, { ...base, ...grid, step: 'week' });
    expect(w.steps).toHaveLength(52);
    expect(w.steps.at(-1)).toMatchObject({ start: '2019-12-25', end: '2019-12-31' });
    const jan1 = await analyzeNni(store, { ...base, from: '2019-01-01', to: '2019-01-01' });
    expect(w.outsideSteps).toBe(jan1.selection.analysed);
  });

  it('says why when a selection has too few incidents, and refuses an unknown unit or category', async () => {
    const err = await analyzeKnox(store, { ...base, from: '2025-01-01', to: '2025-01-31' }).catch(
      (e: unknown) => e,
    );
    expect(isVigiaError(err, 'TOO_FEW_INCIDENTS')).toBe(true);
    await expect(analyzeKde(store, { ...base, unit: '99' })).rejects.toThrow(/99/);
    await expect(analyzeKde(store, { ...base, category: 'arson' })).rejects.toThrow(/--category/);
    await expect(analyzeKde(store, { ...base, from: '2019-12-31', to: '2019-01-01' })).rejects.toThrow(
      /--from/,
    );
  });
});
