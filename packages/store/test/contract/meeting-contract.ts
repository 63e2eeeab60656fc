import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isVigiaError, verifyAuditChain, type ChainedAuditRecord } from '@vigia/domain';
import type { NewActionItem, Store } from '../../src/index.js';
import { seedUnits, type StoreFactory } from './fixtures.js';

async function chainOf(store: Store): Promise<ChainedAuditRecord[]> {
  const rows: ChainedAuditRecord[] = [];
  for await (const r of store.readAuditChain()) rows.push(r);
  return rows;
}

/** The meeting rows of the chain (setting up the agency and units writes rows of its own). */
const meetingRows = (chain: ChainedAuditRecord[]) =>
  chain.filter((r) => /^(meeting|agenda_item|action_item)\./.test(r.action));

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (e) {
    return isVigiaError(e) ? e.code : String(e);
  }
}

const ANA = 'user:1:ana';
const LUIS = 'user:2:luis';

/**
 * The meeting part of the store contract (issue 6): meetings with their generated agenda, notes,
 * action items with a history row per changed field, filters, optimistic concurrency, and an audit row
 * committed with every change (none for a change refused or a no-op).
 */
export function meetingContract(kind: string, factory: StoreFactory): void {
  describe(`Meeting store contract: ${kind}`, () => {
    let store: Store;
    let reopen: () => Promise<Store>;
    let cleanup: () => Promise<void>;
    let ids: Record<string, number>;

    beforeEach(async () => {
      ({ store, reopen, cleanup } = await factory());
      ids = await seedUnits(store);
    });
    afterEach(async () => {
      await cleanup();
    });

    const newMeeting = () => ({
      week: '2019-W50',
      title: 'COMPSTAT 2019-W50',
      unitIds: [ids['D2']!, ids['D1']!],
      agenda: [
        {
          unitId: ids['D2']!,
          kind: 'significant_increase' as const,
          category: 'robbery' as const,
          figures: { d28: { current: 12, previous: 4 }, note: 'ñandú' },
        },
        { unitId: ids['D1']!, kind: 'response_time' as const, category: null, figures: { p90Sec: 900 } },
      ],
    });

    const newItem = (meetingId: number, over: Partial<NewActionItem> = {}): NewActionItem => ({
      meetingId,
      agendaItemId: null,
      unitId: ids['D2']!,
      category: 'robbery',
      title: 'Patrol the market at night',
      owner: { name: 'Cmdr. Ruiz', userId: 7 },
      dueDate: '2019-12-31',
      notes: '',
      baseline: { window: { start: '2019-11-18', end: '2019-12-15' }, count: 12 },
      ...over,
    });

    it('creates a meeting with its units and agenda in order, and reads it back after reopening', async () => {
      const m = await store.createMeeting(newMeeting(), ANA);
      expect(m).toMatchObject({
        week: '2019-W50',
        title: 'COMPSTAT 2019-W50',
        status: 'open',
        unitIds: [ids['D2'], ids['D1']],
        createdBy: ANA,
        version: 1,
      });
      expect(new Date(m.createdAt).toISOString()).toBe(m.createdAt);
      expect(m.agenda.map((a) => [a.position, a.unitId, a.kind, a.category, a.notes])).toEqual([
        [0, ids['D2'], 'significant_increase', 'robbery', ''],
        [1, ids['D1'], 'response_time', null, ''],
      ]);
      expect(m.agenda[0]!.figures).toEqual(newMeeting().agenda[0]!.figures);
      await store.close();
      store = await reopen();
      expect(await store.getMeeting(m.id)).toEqual(m);
      expect(await store.getMeeting(m.id + 100)).toBeNull();
    });

    it('lists meetings newest first and numbers agenda items across meetings', async () => {
      const a = await store.createMeeting(newMeeting(), ANA);
      const b = await store.createMeeting(
        { ...newMeeting(), week: '2019-W51', unitIds: [ids['B11']!] },
        LUIS,
      );
      expect((await store.listMeetings()).map((m) => [m.id, m.week, m.unitIds])).toEqual([
        [b.id, '2019-W51', [ids['B11']]],
        [a.id, '2019-W50', [ids['D2'], ids['D1']]],
      ]);
      const agendaIds = [...a.agenda, ...b.agenda].map((x) => x.id);
      expect(new Set(agendaIds).size).toBe(agendaIds.length);
    });

    it('writes one audit row per change, chained, with who and what', async () => {
      const m = await store.createMeeting(newMeeting(), ANA);
      await store.updateAgendaNotes(m.id, m.agenda[0]!.id, 'Robberies near the market', LUIS);
      const item = await store.createActionItem(newItem(m.id), LUIS);
      await store.updateActionItem(item.id, { status: 'in_progress' }, ANA);
      await store.updateMeeting(m.id, { status: 'closed' }, ANA);
      const all = await chainOf(store);
      expect(verifyAuditChain(all)).toBeNull();
      const chain = meetingRows(all);
      expect(chain.map((r) => [r.actor, r.action, r.target])).toEqual([
        [ANA, 'meeting.create', `meeting:${m.id}`],
        [LUIS, 'agenda_item.update', `agenda_item:${m.agenda[0]!.id}`],
        [LUIS, 'action_item.create', `action_item:${item.id}`],
        [ANA, 'action_item.update', `action_item:${item.id}`],
        [ANA, 'meeting.update', `meeting:${m.id}`],
      ]);
      expect(chain[1]!.before).toEqual({ meetingId: m.id, notes: '' });
      expect(chain[1]!.after).toEqual({ meetingId: m.id, notes: 'Robberies near the market' });
      expect(chain[3]!.before).toEqual({ status: 'open' });
      expect(chain[3]!.after).toEqual({ status: 'in_progress' });
      expect(chain[4]!.after).toEqual({ title: 'COMPSTAT 2019-W50', status: 'closed' });
    });

    it('keeps the notes, who wrote them and when', async () => {
      const m = await store.createMeeting(newMeeting(), ANA);
      const saved = await store.updateAgendaNotes(m.id, m.agenda[1]!.id, 'Two cars short on nights', LUIS);
      expect(saved).toMatchObject({ id: m.agenda[1]!.id, notes: 'Two cars short on nights', notesBy: LUIS });
      expect((await store.getMeeting(m.id))!.agenda[1]).toEqual(saved);
      // Another meeting's item, or no such item: not found, and nothing audited.
      const other = await store.createMeeting(newMeeting(), ANA);
      expect(await codeOf(store.updateAgendaNotes(other.id, m.agenda[0]!.id, 'x', LUIS))).toBe('NOT_FOUND');
      expect(meetingRows(await chainOf(store)).map((r) => r.action)).toEqual([
        'meeting.create',
        'agenda_item.update',
        'meeting.create',
      ]);
    });

    it('records every changed field of an action item in its history, and versions it', async () => {
      const m = await store.createMeeting(newMeeting(), ANA);
      const item = await store.createActionItem(newItem(m.id, { agendaItemId: m.agenda[0]!.id }), LUIS);
      expect(item).toMatchObject({
        status: 'open',
        version: 1,
        owner: { name: 'Cmdr. Ruiz', userId: 7 },
        agendaItemId: m.agenda[0]!.id,
        baseline: newItem(m.id).baseline,
      });
      const updated = await store.updateActionItem(
        item.id,
        { status: 'done', owner: { name: 'Sgt. Paz', userId: null }, dueDate: null, title: item.title },
        ANA,
        1,
      );
      expect(updated).toMatchObject({
        status: 'done',
        owner: { name: 'Sgt. Paz', userId: null },
        dueDate: null,
        version: 2,
      });
      expect(updated.statusChangedAt >= item.statusChangedAt).toBe(true);
      expect(await store.getActionItem(item.id)).toEqual(updated);
      const history = await store.listActionItemHistory(item.id);
      expect(history.map((h) => [h.seq, h.actor, h.field, h.before, h.after])).toEqual([
        [1, LUIS, 'created', null, expect.objectContaining({ title: item.title, status: 'open' })],
        [2, ANA, 'status', 'open', 'done'],
        [3, ANA, 'owner', { name: 'Cmdr. Ruiz', userId: 7 }, { name: 'Sgt. Paz', userId: null }],
        [4, ANA, 'dueDate', '2019-12-31', null],
      ]);
    });

    it('refuses a stale version and changes nothing on a no-op', async () => {
      const m = await store.createMeeting(newMeeting(), ANA);
      const item = await store.createActionItem(newItem(m.id), LUIS);
      await store.updateActionItem(item.id, { notes: 'first' }, ANA, 1);
      expect(await codeOf(store.updateActionItem(item.id, { notes: 'second' }, LUIS, 1))).toBe(
        'STORE_CONFLICT',
      );
      expect(await codeOf(store.updateMeeting(m.id, { title: 'x' }, LUIS, 7))).toBe('STORE_CONFLICT');
      const same = await store.updateActionItem(item.id, { notes: 'first', owner: { ...item.owner } }, LUIS);
      expect(same.version).toBe(2);
      expect(await codeOf(store.updateActionItem(999, { notes: 'x' }, LUIS))).toBe('NOT_FOUND');
      expect(await codeOf(store.createActionItem(newItem(999), LUIS))).toBe('NOT_FOUND');
      expect(meetingRows(await chainOf(store)).map((r) => r.action)).toEqual([
        'meeting.create',
        'action_item.create',
        'action_item.update',
      ]);
      expect((await store.listActionItemHistory(item.id)).map((h) => h.field)).toEqual(['created', 'notes']);
    });

    it('filters action items by unit, status, meeting, due date and owner', async () => {
      const m1 = await store.createMeeting(newMeeting(), ANA);
      const m2 = await store.createMeeting(newMeeting(), ANA);
      const a = await store.createActionItem(newItem(m1.id), ANA);
      const b = await store.createActionItem(
        newItem(m1.id, { unitId: ids['B11']!, owner: { name: null, userId: null }, dueDate: '2019-12-20' }),
        ANA,
      );
      const c = await store.createActionItem(
        newItem(m2.id, { unitId: ids['D1']!, owner: { name: 'Ana', userId: 1 }, dueDate: null }),
        ANA,
      );
      await store.updateActionItem(a.id, { status: 'dropped' }, ANA);
      const idsOf = async (q: Parameters<Store['listActionItems']>[0]) =>
        (await store.listActionItems(q)).map((x) => x.id);
      expect(await idsOf({})).toEqual([a.id, b.id, c.id]);
      expect(await idsOf({ unitIds: [ids['D1']!, ids['B11']!] })).toEqual([b.id, c.id]);
      expect(await idsOf({ unitIds: [] })).toEqual([]);
      expect(await idsOf({ statuses: ['open', 'in_progress'] })).toEqual([b.id, c.id]);
      expect(await idsOf({ meetingId: m2.id })).toEqual([c.id]);
      expect(await idsOf({ dueBefore: '2019-12-21' })).toEqual([b.id]);
      expect(await idsOf({ dueBefore: '2019-12-20' })).toEqual([]);
      expect(await idsOf({ owner: { userId: 1 } })).toEqual([c.id]);
      // The default owner (none set) is the unit's commander: B11's commander owes b.
      expect(await idsOf({ owner: { userId: 1, orDefaultOwnerOfUnit: ids['B11']! } })).toEqual([b.id, c.id]);
      expect(await idsOf({ owner: { userId: 7, orDefaultOwnerOfUnit: ids['D1']! } })).toEqual([a.id]);
    });

    it('keeps ids unique and the audit chain whole under concurrent changes', async () => {
      const m = await store.createMeeting(newMeeting(), ANA);
      const items = await Promise.all(
        Array.from({ length: 8 }, (_, i) => store.createActionItem(newItem(m.id, { title: `T${i}` }), ANA)),
      );
      expect(new Set(items.map((x) => x.id)).size).toBe(8);
      await Promise.all(items.map((x, i) => store.updateActionItem(x.id, { notes: `n${i}` }, LUIS)));
      // Two edits of one item at once: both apply, one after the other, each with its history row.
      await Promise.all([
        store.updateActionItem(items[0]!.id, { status: 'in_progress' }, ANA),
        store.updateActionItem(items[0]!.id, { dueDate: '2020-01-10' }, LUIS),
      ]);
      expect(await store.getActionItem(items[0]!.id)).toMatchObject({
        status: 'in_progress',
        dueDate: '2020-01-10',
        version: 4,
      });
      const chain = await chainOf(store);
      expect(meetingRows(chain)).toHaveLength(1 + 8 + 8 + 2);
      expect(verifyAuditChain(chain)).toBeNull();
    });
  });
}
