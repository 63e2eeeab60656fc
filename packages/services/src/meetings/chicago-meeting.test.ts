import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERIOD_KEYS } from '@vigia/domain';
import { DuckDbStore, type Store } from '@vigia/store';
import { sharedPath } from '../../../../test/shared-reference.js';
import { initAgency } from '../agency/init-agency.js';
import { importIncidents } from '../import/import-incidents.js';
import { compstatReport } from '../report/compstat-report.js';
import { importUnits } from '../units/import-units.js';
import type { ActionItemFigures } from './generate-agenda.js';
import { createActionItem, createMeeting, meetingUnits } from './meetings.js';
import { generateAgenda } from './generate-agenda.js';
import { emergingHotSpotSource, type HotSpotFigures } from './hot-spot-source.js';

// Importing 148,636 rows on a shared 2-core machine: minutes under load.
const HEAVY_MS = 900_000;
const NOW = () => Date.UTC(2020, 0, 6, 18);

/**
 * The meeting on the real Chicago file (../shared/data/chicago, districts): the agenda lists exactly the
 * districts, categories and windows whose increase the COMPSTAT report marks significant, and an action
 * item's follow-up equals the report's 28-day counts of the two weeks.
 */
describe('COMPSTAT meeting on the Chicago data', () => {
  let store: Store;

  beforeAll(async () => {
    store = await DuckDbStore.open(':memory:');
    await initAgency(store, { name: 'Chicago Police Department', timeZone: 'America/Chicago', locale: 'en' });
    await importUnits(store, {
      file: sharedPath('data/chicago/police_districts_current.geojson'),
      level: 'district',
      codeProperty: 'district',
    });
    await importIncidents(store, {
      file: sharedPath('data/chicago/aggravated_assaults_2010_2019.csv'),
      profile: 'chicago-code',
      nowMs: Date.UTC(2026, 0, 1),
    });
  }, HEAVY_MS);

  afterAll(async () => {
    await store.close();
  });

  for (const week of ['2019-W50', '2019-W30', '2016-W10']) {
    it(`lists the units with significant increases that the report shows (${week})`, async () => {
      const districts = await meetingUnits(store);
      expect(districts.length).toBeGreaterThanOrEqual(22);
      const agenda = await generateAgenda(
        store,
        week,
        districts.map((d) => d.id),
        { now: NOW },
      );
      const listed = agenda.units.flatMap((u) =>
        u.items
          .filter((i) => i.kind === 'significant_increase')
          .map((i) => `${u.code} ${i.category} ${(i.figures as { windows: string[] }).windows.join('+')}`),
      );
      const report = await compstatReport(store, { week, level: 'district' });
      const expected = report.rows
        .filter((r) => r.unit !== '*' && r.category !== '*')
        .map((r) => ({ r, windows: PERIOD_KEYS.filter((k) => r[k].significant && r[k].change > 0) }))
        .filter(({ windows }) => windows.length > 0)
        .map(({ r, windows }) => `${r.unit} ${r.category} ${windows.join('+')}`);
      // Each of these weeks has some (2 in 2019-W50 and W30, 8 in 2016-W10), so the comparison means something.
      expect(expected.length).toBeGreaterThan(0);
      expect(listed.sort()).toEqual(expected.sort());
      expect(agenda.units.map((u) => u.code)).toEqual(districts.map((d) => d.code));
    });
  }

  it('follows an action item up with the report’s 28-day counts of both weeks', async () => {
    const [d11] = await meetingUnits(store, ['11']);
    const { meeting } = await createMeeting(
      store,
      { week: '2019-W46', unitIds: [d11!.id], actor: 'cli:test@host' },
      { now: NOW },
    );
    const item = await createActionItem(store, {
      meetingId: meeting.id,
      unitId: d11!.id,
      category: 'aggravated_assault',
      title: 'Focus on the corridor',
      actor: 'cli:test@host',
    });
    const before = (await compstatReport(store, { week: '2019-W46', unit: '11' })).rows[0]!;
    const after = (await compstatReport(store, { week: '2019-W50', unit: '11' })).rows[0]!;
    expect([before.unit, before.category]).toEqual(['11', 'aggravated_assault']);
    expect(item.baseline).toMatchObject({ count: before.d28.current });

    const agenda = await generateAgenda(store, '2019-W50', [d11!.id], { now: NOW });
    const figures = agenda.units[0]!.items.find((i) => i.kind === 'action_item')!
      .figures as ActionItemFigures;
    expect(figures.followUp).toMatchObject({
      before: { start: '2019-10-21', end: '2019-11-17', count: before.d28.current },
      after: { start: '2019-11-18', end: '2019-12-15', count: after.d28.current },
      change: after.d28.current - before.d28.current,
      overlapDays: 0,
    });
  });

  it('adds the new and intensifying hot spots of 2019-W50 through the agenda source', async () => {
    const districts = await meetingUnits(store);
    const ids = districts.map((d) => d.id);
    const tPlain = performance.now();
    const plain = await generateAgenda(store, '2019-W50', ids, { now: NOW });
    const plainMs = performance.now() - tPlain;
    const t0 = performance.now();
    const agenda = await generateAgenda(store, '2019-W50', ids, {
      now: NOW,
      sources: [emergingHotSpotSource()],
    });
    const ms = performance.now() - t0;
    // Printed, not asserted: the cost of the source on 22 districts × 52 weeks (docs/meetings.md).
    console.log(
      `agenda 2019-W50: ${Math.round(plainMs)} ms without, ${Math.round(ms)} ms with emerging hot spots`,
    );
    const hot = agenda.units.flatMap((u) =>
      u.items.filter((i) => i.kind === 'hot_spot').map((i) => i.figures as HotSpotFigures),
    );
    for (const f of hot) {
      expect(f).toMatchObject({ from: '2018-12-17', to: '2019-12-15', step: 'week', cellSizeMeters: 500 });
      expect(f.new + f.intensifying).toBeGreaterThan(0);
      expect(f.places.length).toBe(Math.min(5, f.new + f.intensifying));
    }
    console.log(
      `hot spot items: ${hot.length}, cells new ${hot.reduce((s, f) => s + f.new, 0)}, intensifying ${hot.reduce((s, f) => s + f.intensifying, 0)}`,
    );
    // The other items are unchanged by the source.
    expect(agenda.units.map((u) => u.items.filter((i) => i.kind !== 'hot_spot'))).toEqual(
      plain.units.map((u) => u.items),
    );
  });
});
