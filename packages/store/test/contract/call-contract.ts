import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlacedCall } from '@vigia/domain';
import {
  CALL_FACT_FLAGS,
  isCallStore,
  type CallFacts,
  type CallImportCounts,
  type CallStore,
  type Store,
} from '../../src/index.js';
import { BAD_DATE, NOW, seedUnits, type StoreFactory } from './fixtures.js';

/** 2019-12-10 09:00 in Chicago (CST, UTC−6). */
const RECEIVED = Date.UTC(2019, 11, 10, 15);
const MIN = 60_000;

/** A placed call received 2019-12-10 09:00 Chicago time in `unitId`, with any field overridden. */
export function call(sourceId: string, unitId: number | null, over: Partial<PlacedCall> = {}): PlacedCall {
  return {
    sourceId,
    sourceIdDerived: false,
    receivedAt: RECEIVED,
    receivedLocal: '2019-12-10T09:00:00',
    dispatchedAt: RECEIVED + 2 * MIN,
    enRouteAt: null,
    onSceneAt: RECEIVED + 7 * MIN,
    clearedAt: RECEIVED + 60 * MIN,
    timePrecision: 'second',
    priority: '1',
    channel: '911',
    initialType: 'ALARM',
    finalType: 'THEFT',
    disposition: 'REPORT',
    officerInitiated: false,
    arrest: false,
    respondingUnits: ['A1'],
    lon: 0.5,
    lat: 0.5,
    sourceUnit: 'B11',
    polygonUnitId: unitId,
    sourceUnitId: unitId,
    unitId,
    locationFlag: 'ok',
    unitDisagrees: false,
    ...over,
  };
}

export async function importCalls(
  store: CallStore,
  rows: readonly PlacedCall[],
  options: { file?: string; quarantined?: number[] } = {},
): Promise<{ importId: number; counts: CallImportCounts }> {
  const session = await store.beginCallImport({
    file: options.file ?? 'calls.csv',
    profile: 'generic',
    source: 'cad',
    startedAt: NOW,
    placement: { unitOfRecord: 'polygon' },
  });
  rows.forEach((r, i) => session.addCall(i + 2, r));
  for (const rowNo of options.quarantined ?? []) {
    session.addQuarantine(rowNo, BAD_DATE, { id: `q${rowNo}`, date: '31/02/2019' });
  }
  await session.drain();
  return { importId: session.importId, counts: await session.finish({ note: 'contract' }) };
}

/** The facts as one plain object per call, sorted by call type then day (the store's order is free). */
function rowsOf(f: CallFacts) {
  const text = (c: { codes: Int32Array; values: (string | null)[] }, i: number) => c.values[c.codes[i]!];
  return Array.from({ length: f.length }, (_, i) => ({
    day: f.receivedDay[i],
    minute: f.minuteOfDay[i],
    dispatchedMs: f.dispatchedMs[i],
    enRouteMs: f.enRouteMs[i],
    onSceneMs: f.onSceneMs[i],
    clearedMs: f.clearedMs[i],
    flags: f.flags[i],
    unitId: f.unitId[i],
    priority: text(f.priority, i),
    channel: text(f.channel, i),
    callType: text(f.callType, i),
    sourceUnit: text(f.sourceUnit, i),
    respondingUnits: text(f.respondingUnits, i),
  })).sort((a, b) => String(a.callType).localeCompare(String(b.callType)) || a.day! - b.day!);
}

/**
 * The CallStore contract (calls for service), run against each adapter (duckdb.test.ts,
 * postgres.test.ts) with hand-made placed calls, so a failure names the adapter and the rule.
 */
export function callContract(kind: string, factory: StoreFactory): void {
  describe(`CallStore contract: ${kind}`, () => {
    let store: Store & CallStore;
    let unit: Record<string, number>;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      const made = await factory();
      if (!isCallStore(made.store)) throw new Error(`${kind} does not implement CallStore`);
      store = made.store;
      cleanup = made.cleanup;
      unit = await seedUnits(store);
    });
    afterEach(async () => {
      await cleanup();
    });

    it('stores new calls, leaves identical ones unchanged, versions changed ones, keeps quarantine', async () => {
      const b11 = unit['B11']!;
      const first = await importCalls(store, [call('C1', b11), call('C2', b11)], { quarantined: [4] });
      expect(first.counts).toEqual({ stored: 2, updated: 0, unchanged: 0, quarantined: 1, calls: 2 });
      const again = await importCalls(store, [call('C1', b11), call('C2', b11)]);
      expect(again.counts).toEqual({ stored: 0, updated: 0, unchanged: 2, quarantined: 0, calls: 2 });
      const changed = await importCalls(store, [
        call('C1', b11, { onSceneAt: RECEIVED + 9 * MIN }),
        call('C3', b11),
      ]);
      expect(changed.counts).toMatchObject({ stored: 1, updated: 1, unchanged: 0 });
      const versions = await store.listCallVersions('cad', 'C1');
      expect(versions.map((v) => [v.version, v.isCurrent, v.onSceneAt, v.importId])).toEqual([
        [1, false, RECEIVED + 7 * MIN, first.importId],
        [2, true, RECEIVED + 9 * MIN, changed.importId],
      ]);
      expect(versions[1]).toMatchObject({
        receivedLocal: '2019-12-10T09:00:00',
        respondingUnits: ['A1'],
        unitId: b11,
      });
      expect(await store.countCurrentCalls()).toBe(3);
      expect((await store.listImports()).map((i) => [i.importId, i.read, i.stored, i.quarantined])).toEqual([
        [first.importId, 3, 2, 1],
        [again.importId, 2, 0, 0],
        [changed.importId, 2, 1, 0],
      ]);
      const q = await store.listQuarantine({ importId: first.importId });
      expect(q.map((r) => [r.row, r.reasons, r.raw])).toEqual([
        [4, ['BAD_DATE'], { id: 'q4', date: '31/02/2019' }],
      ]);
      // A new import of the same file supersedes the open quarantine of the earlier one.
      expect(await store.listQuarantine()).toEqual([]);
    });

    it('merges rows sharing a call id: first arrival, latest clearance, every unit, any flag', async () => {
      const b11 = unit['B11']!;
      const { counts } = await importCalls(store, [
        call('M', b11, {
          respondingUnits: ['B2'],
          onSceneAt: RECEIVED + 9 * MIN,
          clearedAt: RECEIVED + 30 * MIN,
        }),
        call('M', b11, { respondingUnits: ['A1'], onSceneAt: RECEIVED + 5 * MIN, arrest: true }),
        call('M', b11, { respondingUnits: ['B2'], onSceneAt: null, clearedAt: RECEIVED + 90 * MIN }),
      ]);
      expect(counts).toMatchObject({ stored: 3, calls: 1 });
      const [m] = await store.listCallVersions('cad', 'M');
      expect(m).toMatchObject({ onSceneAt: RECEIVED + 5 * MIN, respondingUnits: ['A1', 'B2'] });
      const [f] = rowsOf(
        await store.listCallFacts({ windows: [{ start: '2019-12-10', end: '2019-12-10' }] }),
      );
      expect(f).toMatchObject({ onSceneMs: 5 * MIN, clearedMs: 90 * MIN, respondingUnits: 'A1\u001fB2' });
      expect(f!.flags! & CALL_FACT_FLAGS.arrest).toBe(CALL_FACT_FLAGS.arrest);
      const again = await importCalls(store, [
        call('M', b11, { respondingUnits: ['B2'], onSceneAt: null, clearedAt: RECEIVED + 90 * MIN }),
        call('M', b11, {
          respondingUnits: ['B2'],
          onSceneAt: RECEIVED + 9 * MIN,
          clearedAt: RECEIVED + 30 * MIN,
        }),
        call('M', b11, { respondingUnits: ['A1'], onSceneAt: RECEIVED + 5 * MIN, arrest: true }),
      ]);
      expect(again.counts).toMatchObject({ unchanged: 3, calls: 1 });
    });

    it('lists the facts of current calls in the windows, column by column', async () => {
      const b21 = unit['B21']!;
      await importCalls(store, [
        call('A', b21),
        // 23:59 local on 12 Dec, arrives after midnight; officer-initiated; no dispatch; odd texts.
        call('B', null, {
          receivedAt: Date.UTC(2019, 11, 13, 5, 59),
          receivedLocal: '2019-12-12T23:59:00',
          dispatchedAt: null,
          onSceneAt: Date.UTC(2019, 11, 13, 6, 4),
          clearedAt: null,
          officerInitiated: true,
          arrest: null,
          priority: null,
          channel: 'ON\tVIEW \\ ñ',
          finalType: null,
          initialType: 'LÍNEA\nDOS',
          respondingUnits: [],
          sourceUnit: 'Z9',
          polygonUnitId: null,
          sourceUnitId: null,
        }),
        call('C', b21, {
          timePrecision: 'date',
          receivedLocal: '2019-12-11T00:00:00',
          receivedAt: Date.UTC(2019, 11, 11, 6),
          finalType: 'X',
        }),
        call('OLD', b21, { receivedLocal: '2019-11-01T09:00:00', receivedAt: Date.UTC(2019, 10, 1, 14) }),
      ]);
      const facts = await store.listCallFacts({
        windows: [
          { start: '2019-12-10', end: '2019-12-12' },
          { start: '2018-12-10', end: '2018-12-12' },
        ],
      });
      expect(facts.length).toBe(3);
      const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000;
      expect(rowsOf(facts)).toEqual([
        {
          day: day(2019, 12, 12),
          minute: 23 * 60 + 59,
          dispatchedMs: NaN,
          enRouteMs: NaN,
          onSceneMs: 5 * MIN,
          clearedMs: NaN,
          flags: CALL_FACT_FLAGS.officerInitiated,
          unitId: -1,
          priority: null,
          channel: 'ON\tVIEW \\ ñ',
          callType: 'LÍNEA\nDOS',
          sourceUnit: 'Z9',
          respondingUnits: null,
        },
        {
          day: day(2019, 12, 10),
          minute: 9 * 60,
          dispatchedMs: 2 * MIN,
          enRouteMs: NaN,
          onSceneMs: 7 * MIN,
          clearedMs: 60 * MIN,
          flags: CALL_FACT_FLAGS.arrestKnown,
          unitId: b21,
          priority: '1',
          channel: '911',
          callType: 'THEFT',
          sourceUnit: 'B11',
          respondingUnits: 'A1',
        },
        expect.objectContaining({
          day: day(2019, 12, 11),
          minute: 0,
          flags: CALL_FACT_FLAGS.dateOnly | CALL_FACT_FLAGS.arrestKnown,
          callType: 'X',
        }),
      ]);
      // Each distinct text once.
      expect(facts.priority.values.filter((v) => v === '1')).toHaveLength(1);
      expect(await store.callDateRange()).toEqual({ first: '2019-11-01', last: '2019-12-12' });
      expect((await store.listCallFacts({ windows: [] })).length).toBe(0);
    });

    it('places unchanged calls anew in place, and an aborted import leaves nothing', async () => {
      await importCalls(store, [call('P', null, { polygonUnitId: null, sourceUnitId: null })]);
      const again = await importCalls(store, [call('P', unit['B11']!)]);
      expect(again.counts).toMatchObject({ unchanged: 1, stored: 0 });
      expect(await store.listCallVersions('cad', 'P')).toEqual([
        expect.objectContaining({ version: 1, isCurrent: true, unitId: unit['B11'] }),
      ]);
      const session = await store.beginCallImport({
        file: 'x.csv',
        profile: 'generic',
        source: 'cad',
        startedAt: 0,
        placement: { unitOfRecord: 'polygon' },
      });
      session.addCall(2, call('Q', null));
      session.addQuarantine(3, BAD_DATE, {});
      await session.abort();
      expect(await store.countCurrentCalls()).toBe(1);
      expect((await store.listImports()).length).toBe(2);
      expect(await store.listQuarantine()).toEqual([]);
    });
  });
}
