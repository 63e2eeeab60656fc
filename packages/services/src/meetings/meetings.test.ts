import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isVigiaError } from '@vigia/domain';
import type { Store, StoredUnit } from '@vigia/store';
import { importIncidents } from '../import/import-incidents.js';
import { compstatReport } from '../report/compstat-report.js';
import { FIXTURE_HEADER, FIXTURE_MAPPING, fixtureAgency } from '../test-helpers/fixture-agency.js';
import { STORE_KINDS, openTestStore, removeTestStores } from '../test-helpers/both-stores.js';
import type { ActionItemFigures } from './generate-agenda.js';
import { generateAgenda } from './generate-agenda.js';
import { bookActionItems } from './book-items.js';
import { createActionItem, createMeeting, meetingUnits, updateActionItem } from './meetings.js';

/**
 * Fixture incidents around week 2019-W50 (28-day window 2019-11-18..12-15, last year 2018-11-18..12-15):
 * - district 2: 12 robberies in the window (8 in beat 21, 4 in beat 22) against 1 last year: a
 *   significant rise; one more beat-21 robbery on 2019-12-18 (week 51);
 * - district 1: 11 thefts against 5 last year: +6, not significant, but a rise with volume;
 * - an early robbery (2018-01-05) so last year's window lies inside the robbery data.
 */
function rows(): string[] {
  const out: string[] = [];
  let n = 0;
  const add = (date: string, offense: string, lon: number, lat: number) =>
    out.push(`i${++n},${date} 12:00,${offense},,R,,${lon},${lat}`);
  add('2018-01-05', 'ROBO', 0.5, 0.25);
  add('2018-12-01', 'ROBO', 1.5, 0.25);
  for (const d of ['2019-11-20', '2019-11-21']) add(d, 'ROBO', 1.5, 0.25);
  for (let d = 1; d <= 6; d++) add(`2019-12-0${d}`, 'ROBO', 1.5, 0.25);
  for (let d = 1; d <= 4; d++) add(`2019-12-1${d}`, 'ROBO', 1.5, 0.75);
  add('2019-12-18', 'ROBO', 1.5, 0.25);
  for (let d = 18; d <= 28; d++) add(`2019-11-${d}`, 'HURTO', 0.5, 0.5);
  for (let d = 20; d <= 24; d++) add(`2018-11-${d}`, 'HURTO', 0.5, 0.5);
  return out;
}

const ANA = 'user:1:ana';
/** Monday 2019-12-23, noon in Chicago. */
const NOW = () => Date.UTC(2019, 11, 23, 18);

for (const kind of STORE_KINDS) {
  describe(`COMPSTAT meeting services: ${kind}`, () => {
    let store: Store;
    let unit: Record<string, StoredUnit>;

    beforeAll(async () => {
      const f = await fixtureAgency(() => openTestStore(kind));
      store = f.store;
      const csv = await f.write('m.csv', [FIXTURE_HEADER, ...rows()].join('\n'));
      const mapping = await f.write('m.json', JSON.stringify(FIXTURE_MAPPING));
      await importIncidents(store, { file: csv, profile: 'generic', mappingFile: mapping, nowMs: NOW() });
      unit = Object.fromEntries((await store.listUnits({ withGeometry: false })).map((u) => [u.code, u]));
    });
    afterAll(async () => {
      await store.close();
      await removeTestStores();
    });

    it('picks the named units in order, or every top-level unit', async () => {
      expect((await meetingUnits(store, ['2', '011'])).map((u) => u.code)).toEqual(['2', '11']);
      expect((await meetingUnits(store)).map((u) => u.code)).toEqual(['1', '2']);
      const e = await meetingUnits(store, ['9']).catch((x: unknown) => x);
      expect(isVigiaError(e, 'UNKNOWN_UNIT')).toBe(true);
    });

    it('puts the significant rise and the rise with volume on the agenda, with the report’s figures', async () => {
      const agenda = await generateAgenda(store, '2019-W50', [unit['2']!.id, unit['1']!.id], { now: NOW });
      expect(agenda).toMatchObject({ week: '2019-W50', today: '2019-12-23' });
      expect(agenda.reviewed).toEqual({ start: '2019-11-18', end: '2019-12-15' });
      expect(agenda.units.map((u) => [u.code, u.items.map((i) => [i.kind, i.category])])).toEqual([
        ['2', [['significant_increase', 'robbery']]],
        ['1', [['volume_increase', 'theft']]],
      ]);
      const report = await compstatReport(store, { week: '2019-W50', level: 'district' });
      const robbery = report.rows.find((r) => r.unit === '2' && r.category === 'robbery')!;
      expect(agenda.units[0]!.items[0]!.figures).toEqual({
        windows: ['d28'],
        wtd: robbery.wtd,
        d28: robbery.d28,
        ytd: robbery.ytd,
      });
      expect(robbery.d28).toMatchObject({ current: 12, previous: 1 });
      const theft = report.rows.find((r) => r.unit === '1' && r.category === 'theft')!;
      expect(agenda.units[1]!.items[0]!.figures).toEqual({ rank: 1, d28: theft.d28 });
    });

    it('refuses an empty unit list and unknown units', async () => {
      for (const [ids, code] of [
        [[], 'INVALID_ARGUMENT'],
        [[9999], 'UNKNOWN_UNIT'],
      ] as const) {
        const e = await generateAgenda(store, '2019-W50', ids).catch((x: unknown) => x);
        expect(isVigiaError(e, code)).toBe(true);
      }
    });

    it('adds the items of agenda sources (the hot spot hook) to the units on the meeting only', async () => {
      const agenda = await generateAgenda(store, '2019-W50', [unit['1']!.id], {
        now: NOW,
        sources: [
          async ({ units, periods }) => {
            await Promise.resolve();
            expect(periods.d28.current.end - periods.d28.current.start).toBe(27);
            return [
              { unitId: units[0]!.id, kind: 'hot_spot', category: 'theft', figures: { cells: 3 } },
              { unitId: unit['2']!.id, kind: 'hot_spot', category: 'robbery', figures: {} },
            ];
          },
        ],
      });
      expect(agenda.units[0]!.items.map((i) => i.kind)).toEqual(['volume_increase', 'hot_spot']);
    });

    it('stores the meeting, and follows each action item up at the next meeting', async () => {
      const { meeting, agenda } = await createMeeting(
        store,
        { week: '2019-W50', unitIds: [unit['2']!.id, unit['1']!.id], actor: ANA },
        { now: NOW },
      );
      expect(meeting).toMatchObject({
        week: '2019-W50',
        title: 'COMPSTAT 2019-W50',
        unitIds: [unit['2']!.id, unit['1']!.id],
      });
      expect(meeting.agenda.map((a) => [a.unitId, a.kind, a.category, a.figures])).toEqual(
        agenda.units.flatMap((u) => u.items.map((i) => [u.unitId, i.kind, i.category, i.figures])),
      );

      // An item for beat 21, from the robbery agenda item: its baseline is beat 21's 28-day robberies.
      const item = await createActionItem(store, {
        meetingId: meeting.id,
        unitId: unit['21']!.id,
        agendaItemId: meeting.agenda[0]!.id,
        title: '  Night patrols on the market street ',
        dueDate: '2019-12-20',
        actor: ANA,
      });
      expect(item).toMatchObject({
        title: 'Night patrols on the market street',
        category: 'robbery',
        owner: { name: null, userId: null },
        baseline: {
          week: '2019-W50',
          category: 'robbery',
          window: { start: '2019-11-18', end: '2019-12-15' },
          count: 8,
        },
      });
      const dropped = await createActionItem(store, {
        meetingId: meeting.id,
        unitId: unit['1']!.id,
        title: 'Theft prevention leaflets',
        owner: { name: 'Sgt. Paz', userId: null },
        actor: ANA,
      });
      await updateActionItem(store, dropped.id, { status: 'dropped' }, ANA);

      // Week 51 reviews 2019-11-25..12-22: beat 21 lost the two robberies of 20-21 Nov and had one on 18 Dec.
      const next = await generateAgenda(store, '2019-W51', [unit['2']!.id, unit['1']!.id], { now: NOW });
      const followed = next.units.map((u) => [
        u.code,
        u.items.filter((i) => i.kind === 'action_item').map((i) => i.figures as ActionItemFigures),
      ]);
      expect(
        followed.map(([code, items]) => [code, (items as ActionItemFigures[]).map((i) => i.actionItemId)]),
      ).toEqual([
        ['2', [item.id]],
        ['1', [dropped.id]],
      ]);
      const f = (followed[0]![1] as ActionItemFigures[])[0]!;
      expect(f).toMatchObject({
        status: 'open',
        overdue: true,
        meetingId: meeting.id,
        dueDate: '2019-12-20',
      });
      expect(f.followUp).toMatchObject({
        category: 'robbery',
        before: { start: '2019-11-18', end: '2019-12-15', count: 8 },
        after: { start: '2019-11-25', end: '2019-12-22', count: 7 },
        change: -1,
        overlapDays: 21,
        significant: false,
      });
      expect((followed[1]![1] as ActionItemFigures[])[0]).toMatchObject({
        status: 'dropped',
        overdue: false,
      });
      // A beat meeting takes the item under the beat itself.
      const beat = await generateAgenda(store, '2019-W51', [unit['21']!.id], { now: NOW });
      expect(beat.units[0]!.items.filter((i) => i.kind === 'action_item')).toHaveLength(1);
    });

    it('checks what an action item may hold before storing it', async () => {
      const { meeting } = await createMeeting(
        store,
        { week: '2019-W50', unitIds: [unit['1']!.id], title: 'District 1 only', actor: ANA },
        { now: NOW },
      );
      // District 2's robbery item of another meeting, and of this meeting for district 2.
      const { meeting: other } = await createMeeting(
        store,
        { week: '2019-W50', unitIds: [unit['2']!.id, unit['1']!.id], actor: ANA },
        { now: NOW },
      );
      expect(other.agenda[0]).toMatchObject({ unitId: unit['2']!.id });
      const cross = await createActionItem(store, {
        meetingId: other.id,
        unitId: unit['11']!.id,
        agendaItemId: other.agenda[0]!.id,
        title: 'x',
        actor: ANA,
      }).catch((x: unknown) => x);
      expect(isVigiaError(cross, 'NOT_FOUND')).toBe(true);
      const base = { meetingId: meeting.id, unitId: unit['11']!.id, title: 'x', actor: ANA };
      for (const [input, code] of [
        [{ unitId: unit['21']!.id }, 'INVALID_ARGUMENT'],
        [{ title: '   ' }, 'INVALID_ARGUMENT'],
        [{ dueDate: '2019-02-30' }, 'INVALID_DATE'],
        [{ agendaItemId: 99_999 }, 'NOT_FOUND'],
        [{ agendaItemId: other.agenda[0]!.id }, 'NOT_FOUND'],
        [{ meetingId: 99_999 }, 'NOT_FOUND'],
        [{ owner: { name: 'x', userId: -2 } }, 'INVALID_ARGUMENT'],
      ] as const) {
        const e = await createActionItem(store, { ...base, ...input }).catch((x: unknown) => x);
        expect(isVigiaError(e, code), JSON.stringify(input)).toBe(true);
      }
      const ok = await createActionItem(store, { ...base, category: 'theft', dueDate: '' });
      expect(ok).toMatchObject({ dueDate: null, baseline: { category: 'theft', count: 11 } });
      const e = await updateActionItem(store, ok.id, { status: 'closed' as never }, ANA).catch(
        (x: unknown) => x,
      );
      expect(isVigiaError(e, 'INVALID_ARGUMENT')).toBe(true);
    });

    it('gives the book the open items of a unit and the units below it, with their owner', async () => {
      const { meeting } = await createMeeting(
        store,
        { week: '2019-W50', unitIds: [unit['2']!.id], actor: ANA },
        { now: NOW },
      );
      const open = await createActionItem(store, {
        meetingId: meeting.id,
        unitId: unit['22']!.id,
        title: 'Lighting on the plaza',
        dueDate: '2020-01-15',
        actor: ANA,
      });
      const done = await createActionItem(store, {
        meetingId: meeting.id,
        unitId: unit['2']!.id,
        owner: { name: 'Lt. Mora', userId: null },
        title: 'Done already',
        actor: ANA,
      });
      await updateActionItem(store, done.id, { status: 'done' }, ANA);
      const itemsOf = bookActionItems(store, 'es');
      const district = await itemsOf(unit['2']!.id);
      expect(district.map((i) => i.title)).toContain(open.title);
      expect(district.map((i) => i.title)).not.toContain(done.title);
      expect(district.find((i) => i.title === open.title)).toEqual({
        title: 'Lighting on the plaza',
        owner: 'el jefe de la unidad',
        due: '2020-01-15',
        status: 'open',
      });
      expect((await itemsOf(unit['21']!.id)).map((i) => i.title)).not.toContain(open.title);
      expect((await itemsOf(unit['1']!.id)).map((i) => i.title)).not.toContain(open.title);
    });
  });
}
