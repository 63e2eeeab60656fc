import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isVigiaError } from '@vigia/domain';
import type { Store } from '../../src/index.js';
import { countsOf, incident, runImport, seedUnits, type StoreFactory } from './fixtures.js';

/**
 * The Store contract: what every adapter must do, run against each one (duckdb.test.ts,
 * postgres.test.ts). Written against the port only, with hand-made placed incidents, so a failure
 * names the adapter and the rule. Backup/restore and concurrency have their own files.
 */
export function storeContract(kind: string, factory: StoreFactory): void {
  describe(`Store contract: ${kind}`, () => {
    let store: Store;
    let unit: Record<string, number>;
    let cleanup: () => Promise<void>;
    let reopen: () => Promise<Store>;

    beforeEach(async () => {
      ({ store, cleanup, reopen } = await factory());
      unit = await seedUnits(store);
    });
    afterEach(async () => {
      await cleanup();
    });

    it('keeps one agency, with a version that guards edits (optimistic concurrency)', async () => {
      const a = await store.getAgency();
      expect(a).toMatchObject({ id: 1, name: 'Contract PD', timeZone: 'America/Chicago', version: 1 });
      await expect(
        store.createAgency({ name: 'Other', country: '', timeZone: 'UTC', locale: 'es' }),
      ).rejects.toSatisfy((e) => isVigiaError(e, 'AGENCY_EXISTS'));
      const b = await store.updateAgency({ name: 'Contract Police' }, 1);
      expect(b).toMatchObject({ name: 'Contract Police', country: 'US', locale: 'en', version: 2 });
      // A second editor who also read version 1 must not overwrite the first one's change.
      const stale = await store.updateAgency({ locale: 'es' }, 1).catch((e: unknown) => e);
      expect(isVigiaError(stale, 'STORE_CONFLICT')).toBe(true);
      expect((stale as { params: object }).params).toMatchObject({ expected: 1, actual: 2 });
      expect(stale).toHaveProperty('httpStatus', 409);
      expect(await store.getAgency()).toMatchObject({ name: 'Contract Police', locale: 'en', version: 2 });
    });

    it("keeps the agency's metric CRS: none at first, set, kept by other edits, cleared, and reopened", async () => {
      expect((await store.getAgency())?.epsg).toBeNull();
      expect(await store.updateAgency({ epsg: 3116 }, 1)).toMatchObject({ epsg: 3116, version: 2 });
      expect(await store.updateAgency({ name: 'Renamed' }, 2)).toMatchObject({ epsg: 3116, version: 3 });
      await store.close();
      store = await reopen();
      expect(await store.getAgency()).toMatchObject({ name: 'Renamed', epsg: 3116, version: 3 });
      expect(await store.updateAgency({ epsg: null }, 3)).toMatchObject({ epsg: null, version: 4 });
    });

    it('keeps the unit hierarchy and updates units by code', async () => {
      expect(await store.listUnitLevels()).toEqual([
        { name: 'district', depth: 0, parentLevel: null },
        { name: 'beat', depth: 1, parentLevel: 'district' },
      ]);
      const units = await store.listUnits();
      expect(units.map((u) => [u.code, u.level, u.depth, u.parentId])).toEqual([
        ['D1', 'district', 0, null],
        ['D2', 'district', 0, null],
        ['B11', 'beat', 1, unit['D1']],
        ['B21', 'beat', 1, unit['D2']],
      ]);
      expect(units[0]!.geometry?.type).toBe('Polygon');
      const r = await store.upsertUnits('district', null, [
        { code: 'D2', name: 'Second', parentId: null, geometry: null },
        { code: 'D3', name: 'Third', parentId: null, geometry: null },
      ]);
      expect(r).toEqual({ created: 1, updated: 1 });
      await expect(store.upsertUnits('sector', 'zone', [])).rejects.toSatisfy((e) =>
        isVigiaError(e, 'PARENT_LEVEL_UNKNOWN'),
      );
    });

    it('stores new records, leaves identical ones unchanged, versions changed ones', async () => {
      const first = await runImport(store, [incident('A', unit['B11']!), incident('B', unit['B21']!)], {
        quarantined: [4],
      });
      expect(first.counts).toMatchObject({
        stored: 2,
        updated: 0,
        unchanged: 0,
        quarantined: 1,
        incidents: 2,
      });
      const again = await runImport(store, [incident('A', unit['B11']!), incident('B', unit['B21']!)]);
      expect(again.counts).toMatchObject({ stored: 0, updated: 0, unchanged: 2, replaced: 0 });
      expect(again.importId).toBeGreaterThan(first.importId);
      const changed = await runImport(store, [
        incident('A', unit['B11']!, { offenses: [{ category: 'homicide', sourceLabel: 'HOMICIDIO' }] }),
        incident('B', unit['B21']!),
        incident('C', unit['B21']!, { status: 'unfounded' }),
      ]);
      expect(changed.counts).toMatchObject({ stored: 1, updated: 1, unchanged: 1 });
      const versions = await store.listIncidentVersions('rms', 'A');
      expect(versions.map((v) => [v.version, v.isCurrent, v.category, v.importId])).toEqual([
        [1, false, 'robbery', first.importId],
        [2, true, 'homicide', changed.importId],
      ]);
      expect(versions[1]).toMatchObject({ occurredLocal: '2019-12-10T09:00:00', locationFlag: 'ok' });
      expect(await store.countCurrentIncidents()).toBe(3);
      expect(await store.countCurrentIncidents('other')).toBe(0);
      expect((await store.listImports()).map((i) => [i.importId, i.read, i.stored, i.quarantined])).toEqual([
        [first.importId, 3, 2, 1],
        [again.importId, 2, 0, 0],
        [changed.importId, 3, 1, 0],
      ]);
    });

    it('counts current, founded incidents per unit, rolled up, with an agency total', async () => {
      await runImport(store, [
        incident('A', unit['B11']!),
        incident('B', unit['B21']!, {
          offenses: [
            { category: 'robbery', sourceLabel: 'ROBO' },
            { category: 'theft', sourceLabel: 'HURTO' },
          ],
        }),
        incident('C', unit['B21']!, { status: 'unfounded' }),
        incident('D', null, { lon: null, lat: null, locationFlag: 'no_location', polygonUnitId: null }),
        incident('E', unit['B11']!, {
          occurredLocal: '2019-12-16T00:30:00',
          reportedLocalDate: '2019-12-16',
        }),
      ]);
      const { B11: b11, B21: b21, D1: d1, D2: d2 } = unit;
      expect(await countsOf(store)).toEqual({
        [`${b11}|robbery`]: 1,
        [`${d1}|robbery`]: 1,
        [`${b21}|robbery`]: 1,
        [`${d2}|robbery`]: 1,
        '*|robbery': 3,
      });
      expect(await countsOf(store, undefined, { countEveryOffense: true })).toMatchObject({
        [`${d2}|theft`]: 1,
        '*|theft': 1,
        '*|robbery': 3,
      });
      // By report date the incident reported on 2019-12-16 moves out of the week too.
      expect(
        (await countsOf(store, { start: '2019-12-16', end: '2019-12-22' }, { dateBasis: 'reported' }))[
          '*|robbery'
        ],
      ).toBe(1);
      expect(await store.occurrenceDateRanges()).toEqual([
        { category: 'robbery', first: '2019-12-10', last: '2019-12-16' },
      ]);
    });

    it('makes rows sharing an id one incident with every offense, and flags ids whose rows disagree', async () => {
      const { counts } = await runImport(store, [
        incident('A', unit['B11']!, { offenses: [{ category: 'theft', sourceLabel: 'HURTO' }] }),
        incident('A', unit['B11']!, { offenses: [{ category: 'robbery', sourceLabel: 'ROBO' }] }),
        incident('X', unit['B11']!),
        incident('X', unit['B11']!, {
          occurredLocal: '2019-12-11T09:00:00',
          occurredAt: Date.UTC(2019, 11, 11, 15),
        }),
      ]);
      expect(counts).toMatchObject({
        stored: 4,
        incidents: 2,
        conflictingIds: 1,
        conflictingIdSamples: ['X'],
      });
      const [a] = await store.listIncidentVersions('rms', 'A');
      expect(a).toMatchObject({ category: 'robbery', offenseCategories: ['robbery', 'theft'] });
      // The incident keeps its first row's date.
      expect((await store.listIncidentVersions('rms', 'X'))[0]?.occurredLocal).toBe('2019-12-10T09:00:00');
      const again = await runImport(store, [
        incident('A', unit['B11']!, { offenses: [{ category: 'robbery', sourceLabel: 'ROBO' }] }),
        incident('A', unit['B11']!, { offenses: [{ category: 'theft', sourceLabel: 'HURTO' }] }),
      ]);
      expect(again.counts).toMatchObject({ unchanged: 2, incidents: 1 });
    });

    it('lists quarantine per import, and a new import of the same file supersedes the open rows', async () => {
      const first = await runImport(store, [incident('A', unit['B11']!)], { quarantined: [3, 5] });
      const open = await store.listQuarantine();
      expect(open.map((q) => [q.importId, q.file, q.row, q.reasons, q.columns, q.values, q.status])).toEqual([
        [first.importId, 'incidents.csv', 3, ['BAD_DATE'], ['date'], ['31/02/2019'], 'open'],
        [first.importId, 'incidents.csv', 5, ['BAD_DATE'], ['date'], ['31/02/2019'], 'open'],
      ]);
      expect(open[0]!.raw).toEqual({ id: 'q3', date: '31/02/2019' });
      const second = await runImport(store, [incident('A', unit['B11']!)], { quarantined: [5] });
      expect((await store.listQuarantine()).map((q) => [q.importId, q.row])).toEqual([[second.importId, 5]]);
      expect((await store.listQuarantine({ importId: first.importId })).map((q) => q.status)).toEqual([
        'superseded',
        'superseded',
      ]);
      expect(await store.listQuarantine({ limit: 0 })).toEqual([]);
    });

    it('an aborted import leaves nothing behind', async () => {
      const session = await store.beginIncidentImport({
        file: 'x.csv',
        profile: 'generic',
        source: 'rms',
        startedAt: 0,
        placement: { unitOfRecord: 'polygon' },
      });
      session.addIncident(2, incident('A', unit['B11']!));
      session.addQuarantine(3, [{ reason: 'BAD_DATE', column: 'date', value: '' }], {});
      await session.abort();
      expect(await store.countCurrentIncidents()).toBe(0);
      expect(await store.listQuarantine()).toEqual([]);
      expect(await store.listImports()).toEqual([]);
    });

    it('re-places current incidents page by page, in place, and an unchanged re-import re-places too', async () => {
      const rows = Array.from({ length: 7 }, (_, i) => incident(`R${i}`, null, { polygonUnitId: null }));
      await runImport(store, rows);
      expect(await store.listSourcePlacements()).toEqual([
        { source: 'rms', rules: { unitOfRecord: 'polygon', sourceUnitLevel: undefined } },
      ]);
      const seen: string[] = [];
      let changed = 0;
      for (let cursor: number | null = null; ;) {
        const page = await store.listPlacementInputs('rms', cursor, 3);
        if (page.length === 0) break;
        expect(page.length).toBeLessThanOrEqual(3);
        seen.push(...page.map((p) => p.sourceId));
        expect(page[0]).toMatchObject({ lon: 0.5, lat: 0.5, sourceUnit: null });
        changed += await store.updatePlacements(
          'rms',
          page.map((p) => ({
            sourceId: p.sourceId,
            polygonUnitId: unit['B11']!,
            sourceUnitId: null,
            unitId: unit['B11']!,
            locationFlag: 'ok',
            unitDisagrees: false,
          })),
        );
        cursor = page.at(-1)!.cursor;
      }
      expect(seen.sort()).toEqual(rows.map((r) => r.sourceId).sort());
      expect(changed).toBe(7);
      const versions = await store.listIncidentVersions('rms');
      expect(versions.every((v) => v.version === 1 && v.unitId === unit['B11'])).toBe(true);
      // Same content, placed in another unit now: unchanged, but its placement follows.
      const again = await runImport(store, [incident('R0', unit['B21']!)]);
      expect(again.counts).toMatchObject({ unchanged: 1, replaced: 1 });
      expect((await store.listIncidentVersions('rms', 'R0'))[0]?.unitId).toBe(unit['B21']);
    });

    it('an unchanged re-import of rows without ids re-places them too, without a new version', async () => {
      // Derived ids (hash + ordinal, as the import derives them): the merge reads the staged rows directly.
      const id = (n: number) => `h:${'0123456789abcdef'.repeat(2)}#${n}`;
      const rows = [1, 2, 3].map((n) => incident(id(n), unit['B11']!, { sourceIdDerived: true }));
      expect((await runImport(store, rows)).counts).toMatchObject({ stored: 3, replaced: 0 });
      const moved = { ...rows[1]!, polygonUnitId: unit['B21']!, unitId: unit['B21']! };
      const again = await runImport(store, [rows[0]!, moved, rows[2]!]);
      expect(again.counts).toMatchObject({
        stored: 0,
        updated: 0,
        unchanged: 3,
        replaced: 1,
        conflictingIds: 0,
      });
      const versions = await store.listIncidentVersions('rms');
      expect(versions.map((v) => [v.sourceId, v.version, v.unitId])).toEqual([
        [id(1), 1, unit['B11']],
        [id(2), 1, unit['B21']],
        [id(3), 1, unit['B11']],
      ]);
      expect((await runImport(store, [rows[0]!, moved, rows[2]!])).counts).toMatchObject({ replaced: 0 });
    });

    it('keeps what it committed across close and reopen', async () => {
      await runImport(store, [incident('A', unit['B11']!)]);
      await store.close();
      store = await reopen();
      expect(await store.countCurrentIncidents()).toBe(1);
      expect((await store.getAgency())?.name).toBe('Contract PD');
    });
  });
}
