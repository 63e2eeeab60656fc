import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { poissonRateTest } from '@vigia/analysis';
import { DuckDbStore, type Store } from '@vigia/store';
import { parseRNumber, readSharedCsv, relativeError, sharedPath } from '../../../../test/shared-reference.js';
import { initAgency } from '../agency/init-agency.js';
import { importIncidents, type ImportSummary } from '../import/import-incidents.js';
import { importUnits } from '../units/import-units.js';
import { compstatReport, type CompstatReport } from './compstat-report.js';
import { defaultCompstatWeek } from './report-week.js';

/** Incidents of the raw Chicago CSV whose local date is in `start`..`end`, counted apart from Vigía. */
function csvCount(start: string, end: string): number {
  return readSharedCsv('data/chicago/aggravated_assaults_2010_2019.csv').filter((r) => {
    const day = (r['date'] ?? '').slice(0, 10);
    return day >= start && day <= end;
  }).length;
}

/**
 * The whole real Chicago file (../shared/data/chicago, 148,636 aggravated assaults 2010–2019) through
 * import and report, compared with the counts the README states and with the R reference
 * ../shared/reference/compstat (make_compstat.R, R 4.2.2) for week 2019-W50.
 */
describe('Chicago aggravated assaults, real data', () => {
  let store: Store;
  let summary: ImportSummary;
  let report: CompstatReport;

  beforeAll(async () => {
    store = await DuckDbStore.open(':memory:');
    await initAgency(store, { name: 'Chicago Police Department', timeZone: 'America/Chicago', locale: 'en' });
    await importUnits(store, {
      file: sharedPath('data/chicago/police_districts_current.geojson'),
      level: 'district',
      codeProperty: 'district',
    });
    summary = await importIncidents(store, {
      file: sharedPath('data/chicago/aggravated_assaults_2010_2019.csv'),
      profile: 'chicago-code',
      nowMs: Date.UTC(2026, 0, 1),
    });
    report = await compstatReport(store, { week: '2019-W50', level: 'district' });
  });

  afterAll(async () => {
    await store.close();
  });

  it('states the span of the data, so windows outside it can be flagged', () => {
    expect(report.dataRange).toEqual({ first: '2010-01-01', last: '2019-12-31' });
  });

  it('marks no change significant in a week the data cover only in part (2020-W01: data stop on its Tuesday)', async () => {
    // 2020-W01 runs Monday 2019-12-30 to Sunday 2020-01-05; the file's last record is on Tuesday 2019-12-31.
    const partial = await compstatReport(store, { week: '2020-W01', level: 'district' });
    expect(partial.weekCoverage).toBe('partial');
    const agency = partial.rows.find((r) => r.unit === '*' && r.category === '*')!;
    // The counts are still shown (two days against a whole week last year)...
    expect([agency.wtd.current, agency.wtd.previous]).toEqual([
      csvCount('2019-12-30', '2020-01-05'),
      csvCount('2018-12-30', '2019-01-05'),
    ]);
    expect(agency.wtd.current).toBeLessThan(agency.wtd.previous / 2);
    // ...and the exact test alone would call that drop significant; the report must not.
    expect(poissonRateTest(agency.wtd.current, agency.wtd.previous, 7, 7).pValue).toBeLessThan(0.05);
    for (const row of partial.rows)
      for (const w of ['wtd', 'd28', 'ytd'] as const)
        expect(row[w].significant, `${row.unit} ${w}`).toBe(false);
  });

  it('still marks the week before, 2019-W52, which the data cover whole; reports open on it', async () => {
    const w52 = await compstatReport(store, { week: '2019-W52', level: 'district' });
    expect(w52.weekCoverage).toBe('whole');
    const agency = w52.rows.find((r) => r.unit === '*' && r.category === '*')!;
    const current = csvCount('2019-12-23', '2019-12-29');
    const previous = csvCount('2018-12-23', '2018-12-29');
    expect([agency.wtd.current, agency.wtd.previous]).toEqual([current, previous]);
    expect(agency.wtd.significant).toBe(poissonRateTest(current, previous, 7, 7).pValue < 0.05);
    expect(agency.wtd.significant).toBe(true); // a rise the exact test calls significant
    // Years after the file ends, the dashboard, the API and `vigia report compstat` open on 2019-W52.
    expect(await defaultCompstatWeek(store, Date.UTC(2026, 10, 30))).toBe('2019-W52');
  });

  it('has no enforcement section: this export carries no arrest flag', () => {
    expect(report.enforcement).toBeNull();
    expect(summary.unreadableArrestValues).toEqual({});
  });

  it('imports every row: nothing lost, nothing quarantined', () => {
    expect(summary).toMatchObject({ read: 148_636, stored: 148_636, quarantined: 0 });
    expect(summary.read).toBe(summary.stored + summary.updated + summary.unchanged + summary.quarantined);
  });

  it('matches the per-year counts of the data README', async () => {
    const years = [2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019];
    const expected = [17324, 15920, 15103, 12950, 12943, 13284, 15329, 15022, 15433, 15328];
    const rows = await store.countIncidents({
      windows: years.map((y) => ({ start: `${y}-01-01`, end: `${y}-12-31` })),
      dateBasis: 'occurred',
      countEveryOffense: false,
    });
    const agency = rows.find((r) => r.unitId === null && r.category === 'aggravated_assault');
    expect(agency?.counts).toEqual(expected);
  });

  it('matches the R COMPSTAT reference for every district and window (counts exact)', () => {
    const ref = readSharedCsv('reference/compstat/compstat_results.csv');
    const windowKey = { week: 'wtd', '28day': 'd28', ytd: 'ytd' } as const;
    let compared = 0;
    for (const r of ref) {
      const unit = r['unit'] === 'citywide' ? '*' : (r['district'] ?? '');
      const row = report.rows.find((x) => x.unit === unit && x.category === '*');
      const key = windowKey[r['window'] as keyof typeof windowKey];
      if (!row) throw new Error(`no report row for unit ${unit}`);
      const cell = row[key];
      expect([unit, key, cell.current, cell.previous]).toEqual([
        unit,
        key,
        Number(r['current']),
        Number(r['previous']),
      ]);
      expect(report.periods[key]).toEqual({
        start: r['current_start'],
        end: r['current_end'],
        previousStart: r['previous_start'],
        previousEnd: r['previous_end'],
      });
      expect(relativeError(cell.pctChange, parseRNumber(r['pct_change']))).toBeLessThan(1e-9);
      const days = key === 'wtd' ? 7 : key === 'd28' ? 28 : 349;
      expect(cell.pValue).toBe(poissonRateTest(cell.current, cell.previous, days, days).pValue);
      compared++;
    }
    // City-wide plus the 23 districts of the reference (1–12, 14–20, 22, 24, 25, 31), 3 windows each.
    expect(compared).toBe(3 * 24);
  });
});
