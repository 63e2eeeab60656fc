import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isVigiaError } from '@vigia/domain';
import type { Store } from '../../src/index.js';
import { countsOf, incident, runImport, seedUnits, type StoreFactory } from './fixtures.js';

/** Everything a report or an analyst could read from a store, to compare two stores. */
async function snapshot(store: Store) {
  return {
    agency: await store.getAgency(),
    levels: await store.listUnitLevels(),
    units: await store.listUnits(),
    imports: await store.listImports(),
    quarantine: await store.listQuarantine({ importId: 1 }),
    openQuarantine: await store.listQuarantine(),
    versions: await store.listIncidentVersions('rms'),
    counts: await countsOf(store, { start: '2019-01-01', end: '2019-12-31' }),
    placements: await store.listSourcePlacements(),
    ranges: await store.occurrenceDateRanges(),
  };
}

/** Backup and restore of one kind of store: a round trip keeps everything; refusals are clear. */
export function backupContract(kind: string, factory: StoreFactory): void {
  describe(`backup and restore: ${kind}`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const c of cleanups.splice(0)) await c();
    });
    const fresh = async () => {
      const f = await factory();
      cleanups.push(f.cleanup);
      return f.store;
    };

    it('round trip: a restored store reads exactly as the original, and goes on importing', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'vigia-backup-'));
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      const source = await fresh();
      const unit = await seedUnits(source);
      await source.updateAgency({ name: 'Backed-up PD' }, 1);
      await runImport(source, [incident('A', unit['B11']!), incident('B', unit['B21']!)], {
        quarantined: [5],
      });
      await runImport(source, [
        incident('A', unit['B11']!, {
          offenses: [{ category: 'homicide', sourceLabel: 'HOMICIDIO\ttab\\n' }],
        }),
      ]);
      const file = join(dir, 'vigia.backup');
      const info = await source.backup(file);
      expect(info.tables).toMatchObject({ incident: 3, unit: 4, import_batch: 2, quarantine: 1, agency: 1 });
      await expect(source.backup(file)).rejects.toSatisfy((e) => isVigiaError(e, 'BACKUP_EXISTS'));

      const target = await fresh();
      const restored = await target.restore(file);
      expect(restored.tables).toEqual(info.tables);
      expect(await snapshot(target)).toEqual(await snapshot(source));
      // Ids continue after the restored ones; the version guard goes on from the restored version.
      const next = await runImport(target, [incident('C', unit['B11']!)]);
      expect(next.importId).toBeGreaterThan(2);
      expect((await target.updateAgency({ locale: 'es' }, 2)).version).toBe(3);

      // A store that has data is not overwritten unless asked to.
      await expect(target.restore(file)).rejects.toSatisfy((e) => isVigiaError(e, 'STORE_NOT_EMPTY'));
      expect(await target.countCurrentIncidents()).toBe(3);
      await target.restore(file, { replace: true });
      expect(await snapshot(target)).toEqual(await snapshot(source));
    });

    it('refuses a file that is not a backup, and a missing one', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'vigia-backup-'));
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      const store = await fresh();
      const junk = join(dir, 'junk.csv');
      await writeFile(junk, 'id,date\n1,2019-01-01\n');
      await expect(store.restore(junk)).rejects.toSatisfy((e) => isVigiaError(e, 'BACKUP_INVALID'));
      await expect(store.restore(join(dir, 'missing'))).rejects.toSatisfy((e) =>
        isVigiaError(e, 'FILE_NOT_FOUND'),
      );
      expect(await store.getAgency()).toBeNull();
    });
  });
}
