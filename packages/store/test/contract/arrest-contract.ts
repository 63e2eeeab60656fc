import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/index.js';
import { incident, runImport, seedUnits, type StoreFactory } from './fixtures.js';

/** Flagged incidents and those cleared by arrest in one window, as `unit|category → [flagged, cleared]`. */
async function arrestsOf(
  store: Store,
  window = { start: '2019-12-09', end: '2019-12-15' },
): Promise<Record<string, [number, number]>> {
  const rows = await store.countArrests({
    windows: [window],
    dateBasis: 'occurred',
    countEveryOffense: false,
  });
  return Object.fromEntries(
    rows
      .filter((r) => r.counts[0] !== 0)
      .map((r) => [`${r.unitId ?? '*'}|${r.category}`, [r.counts[0]!, r.counts[1]!] as [number, number]]),
  );
}

/**
 * The arrest flag of incidents (issue 5, enforcement), on every adapter: stored as the source says
 * (null = it does not say), versioned like any other content, and counted for clearance rates.
 */
export function arrestContract(kind: string, factory: StoreFactory): void {
  describe(`Store contract, arrest flag: ${kind}`, () => {
    let store: Store;
    let unit: Record<string, number>;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, cleanup } = await factory());
      unit = await seedUnits(store);
    });
    afterEach(async () => {
      await cleanup();
    });

    it('stores the flag, leaves an identical re-import unchanged and versions a changed flag', async () => {
      const rows = (a: boolean | null, b: boolean | null) => [
        incident('A', unit['B11']!, { arrest: a }),
        incident('B', unit['B21']!, { arrest: b }),
        incident('C', unit['B21']!),
      ];
      const first = await runImport(store, rows(true, null));
      expect(first.counts).toMatchObject({ stored: 3 });
      expect((await store.listIncidentVersions('rms')).map((v) => [v.sourceId, v.arrest])).toEqual([
        ['A', true],
        ['B', null],
        ['C', null],
      ]);
      expect((await runImport(store, rows(true, null))).counts).toMatchObject({ unchanged: 3, updated: 0 });
      // A flag that changes (true → false), or that the source now gives (null → true), is a new version.
      const second = await runImport(store, rows(false, true));
      expect(second.counts).toMatchObject({ updated: 2, unchanged: 1 });
      expect(
        (await store.listIncidentVersions('rms', 'A')).map((v) => [v.version, v.isCurrent, v.arrest]),
      ).toEqual([
        [1, false, true],
        [2, true, false],
      ]);
      expect((await store.listIncidentVersions('rms', 'B')).map((v) => [v.version, v.arrest])).toEqual([
        [1, null],
        [2, true],
      ]);
    });

    it('counts flagged incidents and those cleared by arrest, rolled up, current and founded only', async () => {
      await runImport(store, [
        incident('A', unit['B11']!, { arrest: true }),
        incident('B', unit['B11']!, { arrest: false }),
        incident('C', unit['B11']!), // the source does not say: in neither count
        incident('D', unit['B21']!, { arrest: true, status: 'unfounded' }),
        incident('E', unit['B21']!, {
          arrest: false,
          offenses: [{ category: 'theft', sourceLabel: 'HURTO' }],
        }),
        incident('F', null, { arrest: true, lon: null, lat: null, locationFlag: 'no_location' }),
        incident('G', unit['B11']!, {
          arrest: true,
          occurredLocal: '2019-12-16T00:30:00',
          occurredAt: Date.UTC(2019, 11, 16, 6, 30),
        }),
      ]);
      const { B11: b11, B21: b21, D1: d1, D2: d2 } = unit;
      expect(await arrestsOf(store)).toEqual({
        [`${b11}|robbery`]: [2, 1],
        [`${d1}|robbery`]: [2, 1],
        [`${b21}|theft`]: [1, 0],
        [`${d2}|theft`]: [1, 0],
        '*|robbery': [3, 2],
        '*|theft': [1, 0],
      });
      // A superseded version no longer counts: B is now cleared by arrest.
      await runImport(store, [incident('B', unit['B11']!, { arrest: true })]);
      expect((await arrestsOf(store))[`${d1}|robbery`]).toEqual([2, 2]);
      // Two windows: two numbers each, in order.
      const two = await store.countArrests({
        windows: [
          { start: '2019-12-09', end: '2019-12-15' },
          { start: '2019-12-16', end: '2019-12-22' },
        ],
        dateBasis: 'occurred',
        countEveryOffense: false,
      });
      expect(two.find((r) => r.unitId === b11 && r.category === 'robbery')?.counts).toEqual([2, 2, 1, 1]);
    });

    it('makes rows sharing an id cleared by arrest when any row says so', async () => {
      await runImport(store, [
        incident('A', unit['B11']!, { arrest: false }),
        incident('A', unit['B11']!, {
          arrest: true,
          offenses: [{ category: 'theft', sourceLabel: 'HURTO' }],
        }),
        incident('B', unit['B11']!, { arrest: null }),
        incident('B', unit['B11']!, {
          arrest: false,
          offenses: [{ category: 'theft', sourceLabel: 'HURTO' }],
        }),
        incident('C', unit['B11']!),
        incident('C', unit['B11']!, { offenses: [{ category: 'theft', sourceLabel: 'HURTO' }] }),
      ]);
      expect((await store.listIncidentVersions('rms')).map((v) => [v.sourceId, v.arrest])).toEqual([
        ['A', true],
        ['B', false],
        ['C', null],
      ]);
    });
  });
}
