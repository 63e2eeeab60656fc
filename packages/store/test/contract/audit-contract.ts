import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH, verifyAuditChain, type ChainedAuditRecord } from '@vigia/domain';
import type { Store } from '../../src/index.js';
import type { StoreFactory } from './fixtures.js';

async function chainOf(store: Store): Promise<ChainedAuditRecord[]> {
  const rows: ChainedAuditRecord[] = [];
  for await (const r of store.readAuditChain()) rows.push(r);
  return rows;
}

const entry = (n: number) => ({
  actor: n % 2 ? 'user:1:ana' : 'cli:root@host',
  action: n % 3 ? 'import.incidents' : 'agency.update',
  target: `import:${n}`,
  before: n % 3 ? null : { name: `Old ${n}` },
  after: { n, ok: true, 'ñandú é': 'sí' },
});

/**
 * The audit log contract (issue 6): append-only rows chained by hash, in order with no gap even when
 * written concurrently, filterable newest first, and tampering (an edited or deleted row) detected by
 * the domain's verifyAuditChain on what the store reads back.
 */
export function auditContract(kind: string, factory: StoreFactory): void {
  describe(`Audit log contract: ${kind}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    let ownerSql: (sql: string) => Promise<Store>;

    beforeEach(async () => {
      ({ store, cleanup, ownerSql } = await factory());
      await store.createAgency({
        name: 'Audit PD',
        country: 'US',
        timeZone: 'America/Chicago',
        locale: 'en',
      });
    });
    afterEach(async () => {
      await cleanup();
    });

    it('chains rows written one after another and reads them back exactly', async () => {
      // Row 1 is the agency's creation (beforeEach).
      const [created] = await chainOf(store);
      expect(created).toMatchObject({ seq: 1, action: 'agency.create', prevHash: GENESIS_HASH });
      const written = [];
      for (let n = 1; n <= 4; n++) written.push(await store.appendAudit(entry(n)));
      expect(written.map((r) => r.seq)).toEqual([2, 3, 4, 5]);
      expect(written[0]!.prevHash).toBe(created!.hash);
      expect(written[1]!.prevHash).toBe(written[0]!.hash);
      const read = await chainOf(store);
      expect(read).toEqual([created, ...written]);
      expect(verifyAuditChain(read)).toBeNull();
      expect(new Date(read[1]!.at).toISOString()).toBe(read[1]!.at);
    });

    it('keeps one unbroken chain under concurrent writers', async () => {
      const rows = await Promise.all(Array.from({ length: 25 }, (_, i) => store.appendAudit(entry(i + 1))));
      expect(rows.map((r) => r.seq).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 25 }, (_, i) => i + 2),
      );
      const read = await chainOf(store);
      expect(read).toHaveLength(26);
      expect(verifyAuditChain(read)).toBeNull();
    });

    it('lists newest first with filters and paging', async () => {
      // Row 1 is the agency's creation (beforeEach); entry(n) is row n + 1.
      for (let n = 1; n <= 6; n++) await store.appendAudit(entry(n));
      expect((await store.listAudit()).map((r) => r.seq)).toEqual([7, 6, 5, 4, 3, 2, 1]);
      expect((await store.listAudit({ limit: 2 })).map((r) => r.seq)).toEqual([7, 6]);
      expect((await store.listAudit({ beforeSeq: 5, limit: 2 })).map((r) => r.seq)).toEqual([4, 3]);
      expect((await store.listAudit({ actor: 'user:1:ana' })).map((r) => r.seq)).toEqual([6, 4, 2]);
      expect((await store.listAudit({ action: 'agency.update' })).map((r) => r.seq)).toEqual([7, 4]);
      expect((await store.listAudit({ action: 'agency.' })).map((r) => r.seq)).toEqual([7, 4, 1]);
      expect((await store.listAudit({ action: 'import.' })).map((r) => r.seq)).toEqual([6, 5, 3, 2]);
      const all = await store.listAudit();
      const third = all.find((r) => r.seq === 3)!.at;
      expect((await store.listAudit({ from: third })).every((r) => r.at >= third)).toBe(true);
      expect(await store.listAudit({ to: '2000-01-01T00:00:00.000Z' })).toEqual([]);
    });

    it('detects a row edited behind the store', async () => {
      for (let n = 1; n <= 5; n++) await store.appendAudit(entry(n));
      const disable =
        kind === 'PostgreSQL' ? 'ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change; ' : '';
      store = await ownerSql(`${disable}UPDATE audit_log SET after_json = '{"n":99}' WHERE seq = 3`);
      expect(verifyAuditChain(await chainOf(store))).toEqual({ seq: 3, reason: 'edited' });
    });

    it('detects a row deleted behind the store', async () => {
      for (let n = 1; n <= 5; n++) await store.appendAudit(entry(n));
      const disable =
        kind === 'PostgreSQL' ? 'ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change; ' : '';
      store = await ownerSql(`${disable}DELETE FROM audit_log WHERE seq = 2`);
      expect(verifyAuditChain(await chainOf(store))).toEqual({ seq: 2, reason: 'missing' });
      // New rows still chain after the surviving head, so the break stays visible.
      await store.appendAudit(entry(6));
      expect(verifyAuditChain(await chainOf(store))).toEqual({ seq: 2, reason: 'missing' });
    });

    if (kind === 'PostgreSQL') {
      it('refuses UPDATE and DELETE through the append-only trigger', async () => {
        await store.appendAudit(entry(1));
        await expect(ownerSql(`UPDATE audit_log SET actor = 'x'`)).rejects.toThrow(/append-only/);
        await expect(ownerSql(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
        expect(verifyAuditChain(await chainOf(store))).toBeNull();
      });
    }
  });
}
