import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { incidentContentHash } from '@vigia/domain';
import { DuckDbStore } from '../src/index.js';
import { MIGRATIONS } from '../src/duckdb/migrations.js';
import { storeContract } from './contract/store-contract.js';
import { backupContract } from './contract/backup-contract.js';
import { auditContract } from './contract/audit-contract.js';
import { auditChangesContract } from './contract/audit-changes-contract.js';
import { usersContract } from './contract/users-contract.js';
import { callContract } from './contract/call-contract.js';
import { meetingContract } from './contract/meeting-contract.js';
import { arrestContract } from './contract/arrest-contract.js';
import { incident, runImport, type StoreFactory } from './contract/fixtures.js';

/** The embedded store in a fresh file of a temp directory (a file, so reopening is tested too). */
const duckdb: StoreFactory = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'vigia-contract-'));
  const path = join(dir, 'v.duckdb');
  let current = await DuckDbStore.open(path);
  return {
    store: current,
    reopen: async () => (current = await DuckDbStore.open(path)),
    cleanup: async () => {
      await current.close().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
    ownerSql: async (sql) => {
      await current.close();
      const instance = await DuckDBInstance.create(path);
      const c = await instance.connect();
      try {
        await c.run(sql);
      } finally {
        c.closeSync();
        instance.closeSync();
      }
      return (current = await DuckDbStore.open(path));
    },
  };
};

storeContract('DuckDB', duckdb);
backupContract('DuckDB', duckdb);
auditContract('DuckDB', duckdb);
auditChangesContract('DuckDB', duckdb);
usersContract('DuckDB', duckdb);
callContract('DuckDB', duckdb);
meetingContract('DuckDB', duckdb);
arrestContract('DuckDB', duckdb);

describe('DuckDB migrations', () => {
  it('a new database whose process dies before closing it still opens (migrations are checkpointed)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vigia-crash-'));
    const path = join(dir, 'v.duckdb');
    const first = await DuckDbStore.open(path);
    try {
      await first.createAgency({ name: 'PD', country: '', timeZone: 'UTC', locale: 'en' });
      // never closed, as after a crash: a second instance must replay what the first left in the WAL
      const second = await DuckDbStore.open(path);
      expect((await second.getAgency())?.name).toBe('PD');
      await second.close();
    } finally {
      await first.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('upgrades a database made before agency versions: its agency starts at version 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vigia-migrate-'));
    const path = join(dir, 'old.duckdb');
    try {
      // A database as schema version 2 left it (before migration 3 added agency.version).
      const instance = await DuckDBInstance.create(path);
      const c = await instance.connect();
      await c.run('CREATE TABLE schema_version (version INTEGER NOT NULL)');
      for (const [i, sql] of MIGRATIONS.slice(0, 2).entries()) {
        await c.run(sql);
        await c.run(`INSERT INTO schema_version VALUES (${i + 1})`);
      }
      await c.run(
        `INSERT INTO agency (agency_id, name, country, time_zone, locale) VALUES (1, 'Old PD', '', 'UTC', 'en')`,
      );
      c.closeSync();
      instance.closeSync();

      const store = await DuckDbStore.open(path);
      try {
        expect(await store.getAgency()).toMatchObject({ name: 'Old PD', version: 1 });
        expect((await store.updateAgency({ name: 'New PD' }, 1)).version).toBe(2);
      } finally {
        await store.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('upgrades incidents stored before the arrest flag: unknown, and a re-import leaves them unchanged', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vigia-migrate-'));
    const path = join(dir, 'old.duckdb');
    try {
      // A database as schema version 8 left it, with an incident stored then (no arrest column).
      const instance = await DuckDBInstance.create(path);
      const c = await instance.connect();
      await c.run('CREATE TABLE schema_version (version INTEGER NOT NULL)');
      for (const [i, sql] of MIGRATIONS.slice(0, 8).entries()) {
        await c.run(sql);
        await c.run(`INSERT INTO schema_version VALUES (${i + 1})`);
      }
      await c.run(
        `INSERT INTO agency (agency_id, name, country, time_zone, locale) VALUES (1, 'Old PD', '', 'America/Chicago', 'en')`,
      );
      const old = incident('A', null, { polygonUnitId: null });
      await c.run(
        `INSERT INTO incident VALUES (1, 'rms', 'A', 1, true, 1, 2, $1, false, TIMESTAMPTZ '2019-12-10 15:00:00+00',
           TIMESTAMP '2019-12-10 09:00:00', DATE '2019-12-10', DATE '2019-12-11', 'robbery', ['robbery'], ['ROBO'],
           0.5, 0.5, NULL, NULL, NULL, NULL, 'ok', false, 'reported')`,
        [incidentContentHash(old)],
      );
      c.closeSync();
      instance.closeSync();

      const store = await DuckDbStore.open(path);
      try {
        expect((await store.listIncidentVersions('rms')).map((v) => [v.sourceId, v.arrest])).toEqual([
          ['A', null],
        ]);
        expect((await runImport(store, [old])).counts).toMatchObject({ unchanged: 1, stored: 0, updated: 0 });
        expect((await runImport(store, [{ ...old, arrest: true }])).counts).toMatchObject({ updated: 1 });
      } finally {
        await store.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
