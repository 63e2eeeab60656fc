import { afterEach, describe, expect, it } from 'vitest';
import { DuckDbStore, type Store } from '@vigia/store';
import { sharedPath } from '../../../../test/shared-reference.js';
import { initAgency } from '../agency/init-agency.js';
import { importUnits } from '../units/import-units.js';
import { importIncidents } from './import-incidents.js';

/**
 * The built-in profiles on the real exports in ../shared/data: nothing lost, and the per-year counts
 * stated in each folder's README (counted by the local date written in the file).
 */
let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

async function perYear(s: Store, years: number[]): Promise<number[]> {
  const rows = await s.countIncidents({
    windows: years.map((y) => ({ start: `${y}-01-01`, end: `${y}-12-31` })),
    dateBasis: 'occurred',
    countEveryOffense: false,
  });
  const total = new Array<number>(years.length).fill(0);
  for (const r of rows) if (r.unitId === null) r.counts.forEach((n, i) => (total[i]! += n));
  return total;
}

async function setup(timeZone: string, units: string, codeProperty: string) {
  store = await DuckDbStore.open(':memory:');
  await initAgency(store, { name: 'Test', timeZone, locale: 'es' });
  await importUnits(store, { file: sharedPath(units), level: 'unit', codeProperty });
  return store;
}

describe('built-in profiles on real data', () => {
  it('medellin: 9,360 homicides, ";" and decimal comma, NA coordinates kept without location', async () => {
    const s = await setup('America/Bogota', 'data/medellin/comunas.geojson', 'COMUNA');
    const r = await importIncidents(s, {
      file: sharedPath('data/medellin/homicides.csv'),
      profile: 'medellin',
      nowMs: Date.UTC(2026, 0, 1),
    });
    expect(r).toMatchObject({ read: 9360, stored: 9360, quarantined: 0, noLocation: 81 });
    expect(r.detected.delimiter).toBe(';');
    const years = [2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019];
    expect(await perYear(s, years)).toEqual([2025, 1651, 1247, 928, 659, 496, 544, 582, 634, 594]);
  });

  it('nyc-homicides: 904 homicides with their CODE ids; a re-import is a no-op', async () => {
    const s = await setup('America/New_York', 'data/nyc/police_precincts_2022.geojson', 'Precinct');
    const input = {
      file: sharedPath('data/nyc/homicides_2016_2018.csv'),
      profile: 'nyc-homicides',
      nowMs: Date.UTC(2026, 0, 1),
    };
    expect(await importIncidents(s, input)).toMatchObject({ read: 904, stored: 904, quarantined: 0 });
    expect(await perYear(s, [2016, 2017, 2018])).toEqual([330, 277, 297]);
    expect(await importIncidents(s, input)).toMatchObject({ read: 904, stored: 0, unchanged: 904 });
  });
});

describe('houston profile on real data', () => {
  it('imports all 86,314 records with the offense counts of the data README', async () => {
    const s = await setup('America/Chicago', 'data/houston/hpd_beats_approx.geojson', 'beat');
    const r = await importIncidents(s, {
      file: sharedPath('data/houston/crime_2010_jan_aug.csv'),
      profile: 'houston',
      nowMs: Date.UTC(2026, 0, 1),
    });
    expect(r).toMatchObject({ read: 86_314, stored: 86_314, quarantined: 0, noLocation: 5 });
    const rows = await s.countIncidents({
      windows: [{ start: '2010-01-01', end: '2010-12-31' }],
      dateBasis: 'occurred',
      countEveryOffense: false,
    });
    const byCategory = Object.fromEntries(
      rows.filter((x) => x.unitId === null).map((x) => [x.category, x.counts[0]]),
    );
    expect(byCategory).toEqual({
      theft: 46_556,
      burglary: 17_802,
      motor_vehicle_theft: 7_946,
      aggravated_assault: 7_177,
      robbery: 6_298,
      sexual_assault: 378,
      homicide: 157,
    });
  });
});
