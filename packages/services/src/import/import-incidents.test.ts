import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isVigiaError } from '@vigia/domain';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '@vigia/store';
import { rect } from '../../../../test/geometry.js';
import { initAgency } from '../agency/init-agency.js';
import { importUnits } from '../units/import-units.js';
import { compstatReport } from '../report/compstat-report.js';
import { FIXTURE_HEADER, FIXTURE_MAPPING, fixtureAgency } from '../test-helpers/fixture-agency.js';
import { openTestStore, removeTestStores, STORE_KINDS } from '../test-helpers/both-stores.js';
import { importIncidents } from './import-incidents.js';

const NOW = Date.UTC(2020, 0, 1);
let store: Store | undefined;

/** The store kind of the describe.each block running now: every rule is checked on both stores. */
let kind: (typeof STORE_KINDS)[number] = 'DuckDB';
const openFresh = () => openTestStore(kind);

afterEach(async () => {
  await store?.close();
  store = undefined;
  await removeTestStores();
});

async function setup(rows: string[]) {
  const f = await fixtureAgency(openFresh);
  store = f.store;
  const mapping = await f.write('m.json', JSON.stringify(FIXTURE_MAPPING));
  const csv = await f.write('in.csv', [FIXTURE_HEADER, ...rows].join('\n'));
  const run = (file = csv, nowMs = NOW) =>
    importIncidents(f.store, { file, profile: 'generic', mappingFile: mapping, nowMs });
  return { ...f, run, mapping };
}

/** Agency-wide and per-unit counts of the week 2019-W50 (2019-12-09..15) and its YTD. */
async function week50(s: Store, countEveryOffense = false) {
  const r = await compstatReport(s, { week: '2019-W50', level: 'beat', countEveryOffense });
  const get = (unit: string, category: string) =>
    r.rows.find((x) => x.unit === unit && x.category === category);
  return { r, get };
}

describe.each(STORE_KINDS)('on %s', (k) => {
  beforeAll(() => {
    kind = k;
  });

  describe('importUnits', () => {
    it('refuses to re-import a level under another parent level, which would detach its units', async () => {
      const f = await fixtureAgency(openFresh);
      store = f.store;
      const beats = await f.write(
        'beats2.geojson',
        JSON.stringify({
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              properties: { b: '11' },
              geometry: {
                type: 'Polygon',
                coordinates: [
                  [
                    [0, 0],
                    [1, 0],
                    [1, 0.5],
                    [0, 0],
                  ],
                ],
              },
            },
          ],
        }),
      );
      const e = await importUnits(f.store, { file: beats, level: 'beat', codeProperty: 'b' }).catch(
        (x: unknown) => x,
      );
      expect(isVigiaError(e, 'UNIT_LEVEL_PARENT_MISMATCH')).toBe(true);
      const units = await f.store.listUnits({ withGeometry: false });
      expect(units.filter((u) => u.level === 'beat').every((u) => u.parentId !== null)).toBe(true);
    });
  });

  describe('units imported after incidents', () => {
    it('places the stored incidents in the new units, with their source rules, without a re-import', async () => {
      const s = await openFresh();
      store = s;
      await initAgency(s, { name: 'Later PD', timeZone: 'America/Chicago', locale: 'en' });
      const dir = await mkdtemp(join(tmpdir(), 'vigia-later-'));
      const write = async (name: string, text: string) => {
        const path = join(dir, name);
        await writeFile(path, text);
        return path;
      };
      const mapping = await write('m.json', JSON.stringify(FIXTURE_MAPPING));
      const csv = await write(
        'in.csv',
        [FIXTURE_HEADER, '1,2019-12-10 10:00,ROBO,,R,,0.5,0.25', '2,2019-12-10 10:00,ROBO,,R,,1.5,0.25'].join(
          '\n',
        ),
      );
      const first = await importIncidents(s, {
        file: csv,
        profile: 'generic',
        mappingFile: mapping,
        nowMs: NOW,
      });
      expect(first).toMatchObject({ stored: 2, unitsAvailable: 0 });
      const districts = await write(
        'd.geojson',
        JSON.stringify({
          type: 'FeatureCollection',
          features: [
            { type: 'Feature', properties: { d: '1' }, geometry: rect(0, 0, 1, 1) },
            { type: 'Feature', properties: { d: '2' }, geometry: rect(1, 0, 2, 1) },
          ],
        }),
      );
      const units = await importUnits(s, { file: districts, level: 'district', codeProperty: 'd' });
      expect(units.replaced).toBe(2);
      const r = await compstatReport(s, { week: '2019-W50', level: 'district' });
      const d = (u: string) => r.rows.find((x) => x.unit === u && x.category === '*')?.wtd.current;
      expect([d('1'), d('2')]).toEqual([1, 1]);
      // A later import of the source with other rules re-places its incidents at once...
      const sourceRule = await write(
        'm2.json',
        JSON.stringify({ ...FIXTURE_MAPPING, unitOfRecord: 'source' }),
      );
      const one = await write('one.csv', [FIXTURE_HEADER, '3,2019-12-11 10:00,ROBO,,R,,1.5,0.75'].join('\n'));
      await importIncidents(s, { file: one, profile: 'generic', mappingFile: sourceRule, nowMs: NOW });
      expect((await s.listSourcePlacements())[0]?.rules.unitOfRecord).toBe('source');
      // ...so importing the same layer again changes nothing more.
      expect((await importUnits(s, { file: districts, level: 'district', codeProperty: 'd' })).replaced).toBe(
        0,
      );
    });
  });

  describe('importIncidents', () => {
    it('reconciles, and a re-import of the same file changes nothing', async () => {
      const { run, store: s } = await setup([
        '1,2019-12-10 10:00,ROBO,,R,11,0.5,0.25',
        '2,2019-12-11 10:00,HURTO,,R,22,1.5,0.75',
        '3,2019-31-12 10:00,HURTO,,R,22,1.5,0.75',
      ]);
      const first = await run();
      expect(first).toMatchObject({ read: 3, stored: 2, updated: 0, unchanged: 0, quarantined: 1 });
      expect(first.quarantineReasons).toEqual({ IMPOSSIBLE_DATE: 1 });
      const second = await run();
      expect(second).toMatchObject({ read: 3, stored: 0, updated: 0, unchanged: 2, quarantined: 1 });
      expect(await s.countCurrentIncidents()).toBe(2);
    });

    it('a changed source record becomes a new version; the report counts the latest', async () => {
      const { run, write, store: s } = await setup(['7,2019-12-10 10:00,HURTO,,R,11,0.5,0.25']);
      await run();
      const corrected = await write(
        'v2.csv',
        [FIXTURE_HEADER, '7,2019-12-10 10:00,ROBO,,R,11,0.5,0.25'].join('\n'),
      );
      const second = await run(corrected);
      expect(second).toMatchObject({ stored: 0, updated: 1, unchanged: 0 });
      const versions = await s.listIncidentVersions('fixture', '7');
      expect(versions.map((v) => [v.version, v.category, v.isCurrent])).toEqual([
        [1, 'theft', false],
        [2, 'robbery', true],
      ]);
      const { get } = await week50(s);
      expect(get('*', 'robbery')?.wtd.current).toBe(1);
      // The superseded theft version is not counted anywhere, so theft has no row at all.
      expect(get('*', 'theft')).toBeUndefined();
    });

    it('counts an incident once under its most serious offense, or every offense on request', async () => {
      const { run, store: s } = await setup(['1,2019-12-10 10:00,HURTO,HOMICIDIO,R,11,0.5,0.25']);
      await run();
      const once = await week50(s);
      expect(once.get('*', 'homicide')?.wtd.current).toBe(1);
      expect(once.get('*', 'theft')).toBeUndefined();
      expect(once.get('*', '*')?.wtd.current).toBe(1);
      const every = await week50(s, true);
      expect(every.get('*', 'homicide')?.wtd.current).toBe(1);
      expect(every.get('*', 'theft')?.wtd.current).toBe(1);
    });

    it('rows sharing a source id are one incident with all their offenses', async () => {
      const { run, store: s } = await setup([
        '9,2019-12-10 10:00,HURTO,,R,11,0.5,0.25',
        '9,2019-12-10 10:00,ROBO,,R,11,0.5,0.25',
      ]);
      const summary = await run();
      expect(summary).toMatchObject({ read: 2, stored: 2 });
      const [v] = await s.listIncidentVersions('fixture', '9');
      expect(v?.category).toBe('robbery');
      expect(v?.offenseCategories).toEqual(['robbery', 'theft']);
      expect(await s.countCurrentIncidents()).toBe(1);
    });

    it('warns about a record id whose rows disagree on when or where', async () => {
      const { run } = await setup([
        '9,2019-12-10 10:00,HURTO,,R,11,0.5,0.25',
        '9,2019-12-12 22:00,ROBO,,R,21,1.5,0.25',
        '8,2019-12-10 10:00,HURTO,,R,11,0.5,0.25',
        '8,2019-12-10 10:00,ROBO,,R,11,0.5,0.25',
      ]);
      expect(await run()).toMatchObject({ incidents: 2, conflictingIds: 1, conflictingIdSamples: ['9'] });
    });

    it('counts quarantine reasons per row, not per issue', async () => {
      const { run } = await setup([',,,,R,,,']);
      const r = await run();
      expect(r.quarantined).toBe(1);
      expect(r.quarantineReasons).toEqual({ MISSING_REQUIRED_FIELD: 1 });
    });

    it('calls no change significant in a window reaching before the first record', async () => {
      const rows = Array.from(
        { length: 30 },
        (_, i) => `${i + 1},2019-12-1${i % 7} 10:00,ROBO,,R,11,0.5,0.25`,
      );
      const { run, store: s } = await setup(rows);
      await run();
      const r = await compstatReport(s, { week: '2019-W50' });
      expect(r.dataRange).toEqual({ first: '2019-12-10', last: '2019-12-16' });
      const cell = r.rows.find((x) => x.unit === '*' && x.category === 'robbery')?.wtd;
      // 2019-12-16 is in W51, so 26 of the 30 fall in W50; last year had no data at all.
      expect(cell).toMatchObject({ current: 26, previous: 0, significant: false });
      expect(cell?.pValue).toBeLessThan(0.05);
    });

    it('judges "outside the data" per category: a category that starts later is not a significant rise', async () => {
      const theft = Array.from(
        { length: 40 },
        (_, i) => `t${i},${i % 2 ? 2018 : 2019}-12-1${i % 5} 10:00,HURTO,,R,11,0.5,0.25`,
      );
      const robbery = Array.from(
        { length: 30 },
        (_, i) => `r${i},2019-12-1${i % 5} 10:00,ROBO,,R,11,0.5,0.25`,
      );
      const early = 'e1,2018-01-05 10:00,HURTO,,R,11,0.5,0.25'; // the data as a whole start long before
      // ...and run past the week's Sunday (2019-12-15), so the week is whole: its "*" row may be marked.
      const late = 'l1,2019-12-16 10:00,HURTO,,R,11,0.5,0.25';
      const { run, store: s } = await setup([early, ...theft, ...robbery, late]);
      await run();
      const r = await compstatReport(s, { week: '2019-W50' });
      const cell = (category: string) => r.rows.find((x) => x.unit === '*' && x.category === category)?.wtd;
      // Robbery's first record is 2019-12-10: last year's week lies before it.
      expect(cell('robbery')).toMatchObject({ current: 30, previous: 0, significant: false });
      expect(r.dataRange).toEqual({ first: '2018-01-05', last: '2019-12-16' });
      expect(r.weekCoverage).toBe('whole');
      // With one range for all data, last year's week (2018-12-09..15) would count as covered.
      expect(cell('*')?.pValue).toBeLessThan(0.05);
      expect(cell('*')?.significant).toBe(true);
    });

    it('calls no change significant in a week the data cover only in part (they end on its Saturday)', async () => {
      // 40 robberies on 2018-12-10..14 and 2 in 2019-W50 (2019-12-09..15) up to Saturday 2019-12-14: a
      // drop the exact test alone calls significant, but the data stop before the week's Sunday.
      const rows = [
        'e1,2018-01-05 10:00,ROBO,,R,11,0.5,0.25', // robbery data start long before last year's windows
        ...Array.from({ length: 40 }, (_, i) => `p${i},2018-12-1${i % 5} 10:00,ROBO,,R,11,0.5,0.25`),
        'c1,2019-12-10 10:00,ROBO,,R,11,0.5,0.25',
        'c2,2019-12-14 10:00,ROBO,,R,11,0.5,0.25',
      ];
      const { run, write, store: s } = await setup(rows);
      await run();
      const partial = await compstatReport(s, { week: '2019-W50' });
      expect(partial.weekCoverage).toBe('partial');
      const robbery = partial.rows.find((x) => x.unit === '*' && x.category === 'robbery')!;
      expect(robbery.wtd).toMatchObject({ current: 2, previous: 40, significant: false });
      expect(robbery.wtd.pValue).toBeLessThan(0.05);
      for (const row of partial.rows)
        for (const w of ['wtd', 'd28', 'ytd'] as const)
          expect(row[w].significant, `${row.unit} ${w}`).toBe(false);
      // The week before is whole (2019-W49 ends on Sunday 2019-12-08, before the last record).
      expect((await compstatReport(s, { week: '2019-W49' })).weekCoverage).toBe('whole');
      // Once a record of the Sunday is loaded, the same drop is marked.
      await run(
        await write('sunday.csv', [FIXTURE_HEADER, 'c3,2019-12-15 10:00,ROBO,,R,11,0.5,0.25'].join('\n')),
      );
      const whole = await compstatReport(s, { week: '2019-W50' });
      expect(whole.weekCoverage).toBe('whole');
      expect(whole.rows.find((x) => x.unit === '*' && x.category === 'robbery')?.wtd).toMatchObject({
        current: 3,
        previous: 40,
        significant: true,
      });
    });

    it('unfounded incidents count in neither year', async () => {
      const { run, store: s } = await setup([
        '1,2019-12-10 10:00,ROBO,,U,11,0.5,0.25',
        '2,2018-12-10 10:00,ROBO,,U,11,0.5,0.25',
        '3,2019-12-10 11:00,ROBO,,R,11,0.5,0.25',
      ]);
      await run();
      const { get } = await week50(s);
      expect(get('*', 'robbery')?.wtd).toMatchObject({ current: 1, previous: 0, pctChange: null });
    });

    it('places by polygon, falls back to the source unit without location, flags outside points', async () => {
      const { run, store: s } = await setup([
        '1,2019-12-10 10:00,ROBO,,R,12,0.5,0.25', // point in beat 11, source says 12: polygon wins
        '2,2019-12-10 10:00,ROBO,,R,21,,', // no location: counts in source beat 21
        '3,2019-12-10 10:00,ROBO,,R,22,0,0', // 0,0 is no location too
        '4,2019-12-10 10:00,ROBO,,R,,5,5', // outside every unit, no source unit: agency only
        '5,2019-12-10 10:00,ROBO,,R,,,', // neither: agency only
      ]);
      const summary = await run();
      expect(summary).toMatchObject({
        stored: 5,
        noLocation: 3,
        outsideJurisdiction: 1,
        unitDisagreements: 1,
      });
      const { get } = await week50(s);
      expect(get('11', 'robbery')?.wtd.current).toBe(1);
      expect(get('12', 'robbery')?.wtd.current).toBe(0);
      expect(get('21', 'robbery')?.wtd.current).toBe(1);
      expect(get('22', 'robbery')?.wtd.current).toBe(1);
      expect(get('*', 'robbery')?.wtd.current).toBe(5);
      const districts = await compstatReport(s, { week: '2019-W50', level: 'district' });
      const d = (u: string) =>
        districts.rows.find((x) => x.unit === u && x.category === 'robbery')?.wtd.current;
      expect([d('1'), d('2')]).toEqual([1, 2]);
    });

    it('keeps identical rows without a source id apart and reports them as possible duplicates', async () => {
      const f = await fixtureAgency(openFresh);
      store = f.store;
      const mapping = await f.write(
        'm.json',
        JSON.stringify({ ...FIXTURE_MAPPING, columns: { ...FIXTURE_MAPPING.columns, sourceId: undefined } }),
      );
      const row = 'x,2019-12-10 10:00,ROBO,,R,11,0.5,0.25';
      const csv = await f.write('in.csv', [FIXTURE_HEADER, row, row, row].join('\n'));
      const run = () =>
        importIncidents(f.store, { file: csv, profile: 'generic', mappingFile: mapping, nowMs: NOW });
      expect(await run()).toMatchObject({ stored: 3, possibleDuplicates: 2 });
      expect(await run()).toMatchObject({ stored: 0, unchanged: 3 });
      expect(await f.store.countCurrentIncidents()).toBe(3);
    });

    it('quarantines occurrences after "now" and never stores them', async () => {
      const { run, store: s } = await setup(['1,2020-01-02 10:00,ROBO,,R,11,0.5,0.25']);
      const summary = await run(undefined, Date.UTC(2020, 0, 1));
      expect(summary).toMatchObject({ stored: 0, quarantined: 1, quarantineReasons: { FUTURE_DATE: 1 } });
      expect(await s.countCurrentIncidents()).toBe(0);
    });

    it('counts by the local date of the agency, across daylight-saving changes', async () => {
      // 2019-03-10 02:30 does not exist in Chicago (spring forward), 2019-11-03 01:30 happens twice.
      const { run, store: s } = await setup([
        '1,2019-03-10 02:30,ROBO,,R,11,0.5,0.25',
        '2,2019-11-03 01:30,ROBO,,R,11,0.5,0.25',
        '3,2019-03-10 23:59,ROBO,,R,11,0.5,0.25',
        '4,2019-03-11 00:00,ROBO,,R,11,0.5,0.25',
      ]);
      expect(await run()).toMatchObject({ stored: 4 });
      const w10 = await compstatReport(s, { week: '2019-W10' }); // 2019-03-04..10
      const w11 = await compstatReport(s, { week: '2019-W11' }); // 2019-03-11..17
      const w44 = await compstatReport(s, { week: '2019-W44' }); // 2019-10-28..11-03
      const agency = (r: typeof w10) => r.rows.find((x) => x.unit === '*' && x.category === '*')?.wtd.current;
      expect([agency(w10), agency(w11), agency(w44)]).toEqual([2, 1, 1]);
    });
  });
});
