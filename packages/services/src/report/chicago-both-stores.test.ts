import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@vigia/store';
import { importIncidents, type ImportSummary } from '../import/import-incidents.js';
import { openStore } from '../store/open-store.js';
import { CHICAGO_CSV, freshLocation, initChicago, type StoreLocation } from '../test-helpers/both-stores.js';
import { compstatReport } from './compstat-report.js';

// Heavy I/O on a shared 2-core machine: minutes under load, not a speed check (benchmarks do that).
const HEAVY_MS = 900_000;

/**
 * The real Chicago file (148,636 rows) through import and report on the embedded DuckDB store and on
 * PostgreSQL: the import summary and every report row must be identical (issue 7). Expected values are
 * the DuckDB store's, itself checked against the data README and R in chicago-real-data.test.ts.
 */
describe('Chicago on DuckDB and PostgreSQL', () => {
  const stores: { loc: StoreLocation; store: Store; summary: ImportSummary }[] = [];

  beforeAll(async () => {
    for (const kind of ['DuckDB', 'PostgreSQL'] as const) {
      const loc = await freshLocation(kind);
      await initChicago(loc.location);
      const store = await openStore(loc.location);
      const summary = await importIncidents(store, {
        file: CHICAGO_CSV,
        profile: 'chicago-code',
        nowMs: Date.UTC(2026, 0, 1),
      });
      stores.push({ loc, store, summary });
    }
  }, HEAVY_MS);

  afterAll(async () => {
    for (const s of stores) {
      await s.store.close();
      await s.loc.remove();
    }
  });

  it('imports with the same summary', () => {
    const [duck, pg] = stores.map(({ summary: { durationMs: _d, ...rest } }) => rest);
    expect(duck).toMatchObject({ read: 148_636, stored: 148_636, quarantined: 0 });
    expect(pg).toEqual(duck);
  });

  it('gives identical COMPSTAT reports at every level and in several years', async () => {
    for (const level of ['district', 'beat']) {
      for (const week of ['2019-W50', '2015-W01', '2012-W09']) {
        const [duck, pg] = await Promise.all(stores.map((s) => compstatReport(s.store, { week, level })));
        expect(duck!.rows.length).toBeGreaterThan(20);
        expect(pg).toEqual(duck);
      }
    }
  });

  it('counts every year identically per unit', async () => {
    const query = {
      windows: Array.from({ length: 10 }, (_, i) => ({
        start: `${2010 + i}-01-01`,
        end: `${2010 + i}-12-31`,
      })),
      dateBasis: 'occurred' as const,
      countEveryOffense: false,
    };
    const sorted = async (s: Store) =>
      (await s.countIncidents(query)).sort((a, b) => (a.unitId ?? -1) - (b.unitId ?? -1));
    const [duck, pg] = await Promise.all(stores.map((s) => sorted(s.store)));
    expect(duck!.find((r) => r.unitId === null)?.counts).toEqual([
      17324, 15920, 15103, 12950, 12943, 13284, 15329, 15022, 15433, 15328,
    ]);
    expect(pg).toEqual(duck);
  });
});
