import { describe, expect, it } from 'vitest';
import { DEMO_AGENCY } from '@vigia/demo';
import { DuckDbStore } from '@vigia/store';
import { fixtureAgency } from '../test-helpers/fixture-agency.js';
import { signIn } from '../users/sessions.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoAccounts } from './seed-demo-accounts.js';

describe('demo accounts', () => {
  it('are created in the synthetic demo database only, once, one per role, and sign in', async () => {
    const store = await DuckDbStore.open(':memory:');
    try {
      await store.createAgency({
        name: DEMO_AGENCY.name,
        country: 'PA',
        timeZone: 'America/Panama',
        locale: 'es',
      });
      await store.upsertUnits('precinto', null, [
        { code: 'P1', name: 'Centro', parentId: null, geometry: null },
      ]);
      expect(await seedDemoAccounts(store, 0)).toBe(5);
      expect(await seedDemoAccounts(store, 0)).toBe(0);
      const users = await store.listUsers();
      expect(new Set(users.map((u) => u.role)).size).toBe(5);
      expect(users.find((u) => u.role === 'commander')?.unitId).not.toBeNull();
      for (const a of DEMO_ACCOUNTS) {
        const s = await signIn(
          store,
          { username: a.username, password: DEMO_PASSWORD },
          { now: 1000, client: 'ip:1' },
        );
        expect(s.user.role).toBe(a.role);
      }
    } finally {
      await store.close();
    }
  });

  it('are never created in a real agency', async () => {
    const { store } = await fixtureAgency();
    try {
      expect(await seedDemoAccounts(store, 0)).toBe(0);
      expect(await store.listUsers()).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
