import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isVigiaError, verifyAuditChain, type ChainedAuditRecord } from '@vigia/domain';
import type { Store } from '../../src/index.js';
import { importMeta, incident, runImport, seedUnits, square, type StoreFactory } from './fixtures.js';

async function chainOf(store: Store): Promise<ChainedAuditRecord[]> {
  const rows: ChainedAuditRecord[] = [];
  for await (const r of store.readAuditChain()) rows.push(r);
  return rows;
}

/** Rows written since `before` rows existed (the chain is read in seq order). */
async function rowsAfter(store: Store, before: number): Promise<ChainedAuditRecord[]> {
  return (await chainOf(store)).slice(before);
}

/**
 * Every change a store makes writes exactly one audit row of its own, in the change's transaction
 * (issue 6): agency creation and edits, unit imports, incident imports, re-placement, restore. A change
 * that fails or is aborted leaves no row; the chain verifies after all of them.
 */
export function auditChangesContract(kind: string, factory: StoreFactory): void {
  describe(`audited changes: ${kind}`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const c of cleanups.splice(0)) await c();
    });
    const fresh = async () => {
      const f = await factory();
      cleanups.push(f.cleanup);
      return f.store;
    };

    it('agency creation and edits: one row each with who, and before/after of what changed', async () => {
      const store = await fresh();
      await store.createAgency({
        name: 'Audit PD',
        country: 'US',
        timeZone: 'America/Chicago',
        locale: 'en',
        actor: 'cli:ana@host',
      });
      const [created, ...more] = await chainOf(store);
      expect(more).toEqual([]);
      expect(created).toMatchObject({
        seq: 1,
        actor: 'cli:ana@host',
        action: 'agency.create',
        target: 'agency',
        before: null,
        after: { name: 'Audit PD', country: 'US', timeZone: 'America/Chicago', locale: 'en', version: 1 },
      });
      // A second agency is refused and leaves no row.
      await expect(
        store.createAgency({ name: 'X', country: '', timeZone: 'UTC', locale: 'es', actor: 'x' }),
      ).rejects.toSatisfy((e) => isVigiaError(e, 'AGENCY_EXISTS'));
      expect(await rowsAfter(store, 1)).toEqual([]);

      // The locale is sent unchanged: only the name is a change.
      await store.updateAgency({ name: 'Audit Police', locale: 'en' }, 1, 'user:3:jdoe');
      const [updated, ...none] = await rowsAfter(store, 1);
      expect(none).toEqual([]);
      expect(updated).toMatchObject({
        actor: 'user:3:jdoe',
        action: 'agency.update',
        target: 'agency',
        before: { version: 1, name: 'Audit PD' },
        after: { version: 2, name: 'Audit Police' },
      });
      expect(Object.keys(updated!.after as object).sort()).toEqual(['name', 'version']);

      // A stale version is refused and leaves no row.
      await expect(store.updateAgency({ country: 'PA' }, 1, 'user:4:late')).rejects.toSatisfy((e) =>
        isVigiaError(e, 'STORE_CONFLICT'),
      );
      expect(await rowsAfter(store, 2)).toEqual([]);
      expect(verifyAuditChain(await chainOf(store))).toBeNull();
    });

    it('a unit import writes units.import; a refused one writes nothing', async () => {
      const store = await fresh();
      await store.createAgency({ name: 'U PD', country: '', timeZone: 'UTC', locale: 'es' });
      await store.upsertUnits(
        'district',
        null,
        [
          { code: 'D1', name: 'D 1', parentId: null, geometry: square(0, 0) },
          { code: 'D2', name: 'D 2', parentId: null, geometry: square(1, 0) },
        ],
        { actor: 'cli:ana@host', file: 'districts.geojson' },
      );
      await store.upsertUnits('district', null, [
        { code: 'D1', name: 'District 1', parentId: null, geometry: square(0, 0) },
      ]);
      const rows = await rowsAfter(store, 1);
      expect(rows.map((r) => [r.actor, r.action, r.target, r.after])).toEqual([
        [
          'cli:ana@host',
          'units.import',
          'level:district',
          { level: 'district', parentLevel: null, created: 2, updated: 0, file: 'districts.geojson' },
        ],
        // No actor given: the store still records the change, as "unknown".
        [
          'unknown',
          'units.import',
          'level:district',
          { level: 'district', parentLevel: null, created: 0, updated: 1 },
        ],
      ]);
      await expect(store.upsertUnits('beat', 'zone', [], { actor: 'x' })).rejects.toSatisfy((e) =>
        isVigiaError(e, 'PARENT_LEVEL_UNKNOWN'),
      );
      expect(await rowsAfter(store, 3)).toEqual([]);
    });

    it('a finished incident import writes import.incidents with its counts; an aborted one writes nothing', async () => {
      const store = await fresh();
      const unit = await seedUnits(store);
      const before = (await chainOf(store)).length;
      const aborted = await store.beginIncidentImport(
        importMeta({ file: 'aborted.csv', actor: 'cli:ana@host' }),
      );
      aborted.addIncident(2, incident('Z', unit['B11']!));
      await aborted.abort();
      expect(await rowsAfter(store, before)).toEqual([]);

      const session = await store.beginIncidentImport(
        importMeta({ file: 'week.csv', actor: 'user:7:analyst' }),
      );
      session.addIncident(2, incident('A', unit['B11']!));
      session.addIncident(3, incident('B', unit['B21']!));
      session.addQuarantine(4, [{ reason: 'BAD_DATE', column: 'date', value: 'x' }], { date: 'x' });
      await session.drain();
      await session.finish({});
      const [row, ...none] = await rowsAfter(store, before);
      expect(none).toEqual([]);
      expect(row).toMatchObject({
        actor: 'user:7:analyst',
        action: 'import.incidents',
        target: `import:${session.importId}`,
        before: null,
        after: {
          file: 'week.csv',
          profile: 'generic',
          source: 'rms',
          read: 3,
          stored: 2,
          updated: 0,
          unchanged: 0,
          quarantined: 1,
          incidents: 2,
          replaced: 0,
        },
      });
      // The same file again changes nothing but is still an import: one more row, counts say so.
      await runImport(store, [incident('A', unit['B11']!), incident('B', unit['B21']!)], {
        file: 'week.csv',
      });
      const [again] = await rowsAfter(store, before + 1);
      expect(again?.after).toMatchObject({ stored: 0, unchanged: 2 });
      expect(again?.actor).toBe('unknown');
      expect(verifyAuditChain(await chainOf(store))).toBeNull();
    });

    it('re-placement writes incidents.replace only when incidents moved', async () => {
      const store = await fresh();
      const unit = await seedUnits(store);
      await runImport(store, [incident('A', unit['B11']!), incident('B', unit['B11']!)]);
      const before = (await chainOf(store)).length;
      const inputs = await store.listPlacementInputs('rms', null, 10);
      const same = inputs.map((i) => ({
        sourceId: i.sourceId,
        polygonUnitId: unit['B11']!,
        sourceUnitId: null,
        unitId: unit['B11']!,
        locationFlag: 'ok' as const,
        unitDisagrees: false,
      }));
      expect(
        await store.updatePlacements('rms', same, { actor: 'cli:ana@host', cause: 'units.import' }),
      ).toBe(0);
      expect(await rowsAfter(store, before)).toEqual([]);
      const moved = same.map((u) => ({ ...u, polygonUnitId: unit['B21']!, unitId: unit['B21']! }));
      expect(
        await store.updatePlacements('rms', moved, { actor: 'cli:ana@host', cause: 'units.import' }),
      ).toBe(2);
      expect((await rowsAfter(store, before)).map((r) => [r.actor, r.action, r.target, r.after])).toEqual([
        [
          'cli:ana@host',
          'incidents.replace',
          'source:rms',
          { source: 'rms', changed: 2, cause: 'units.import' },
        ],
      ]);
    });

    it('a restore appends store.restore after the restored head, naming the head it replaced', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'vigia-audit-restore-'));
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      const source = await fresh();
      await seedUnits(source);
      const file = join(dir, 'b.backup');
      await source.backup(file);
      const backedUp = await chainOf(source);

      const target = await fresh();
      await target.createAgency({ name: 'Old', country: '', timeZone: 'UTC', locale: 'es', actor: 'a' });
      const [replaced] = await chainOf(target);
      await target.restore(file, { replace: true, actor: 'cli:root@host' });
      const chain = await chainOf(target);
      expect(chain.slice(0, -1)).toEqual(backedUp);
      const last = chain.at(-1)!;
      expect(last).toMatchObject({
        seq: backedUp.length + 1,
        prevHash: backedUp.at(-1)!.hash,
        actor: 'cli:root@host',
        action: 'store.restore',
        target: 'backup:b.backup',
        before: { head: { seq: replaced!.seq, hash: replaced!.hash } },
        after: { file },
      });
      expect(verifyAuditChain(chain)).toBeNull();
      // The store goes on chaining after the restore row.
      const next = await target.appendAudit({
        actor: 'a',
        action: 'x.y',
        target: 't',
        before: null,
        after: null,
      });
      expect(next.prevHash).toBe(last.hash);
    });
  });
}
