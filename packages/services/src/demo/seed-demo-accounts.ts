import type { Role } from '@vigia/domain';
import type { Store } from '@vigia/store';
import { requireAgency } from '../agency/require-agency.js';
import { createAccount } from '../users/accounts.js';
import { isDemoAgency } from './seed-demo.js';

/** The password of every demo account (README "Quick start"). Demo database only. */
export const DEMO_PASSWORD = 'demo-vigia-2024';

/** One demo account per role; the commander commands precinct P1 (Centro). */
export const DEMO_ACCOUNTS: readonly {
  username: string;
  displayName: string;
  role: Role;
  unitCode?: string;
}[] = [
  { username: 'demo-admin', displayName: 'Demo · Administración', role: 'admin' },
  { username: 'demo-analista', displayName: 'Demo · Analista', role: 'analyst' },
  { username: 'demo-estado-mayor', displayName: 'Demo · Estado Mayor', role: 'command_staff' },
  { username: 'demo-comandante', displayName: 'Demo · Comandante P1', role: 'commander', unitCode: 'P1' },
  { username: 'demo-lector', displayName: 'Demo · Lector', role: 'viewer' },
];

/**
 * Creates the demo accounts ({@link DEMO_ACCOUNTS}, password {@link DEMO_PASSWORD}) in the synthetic
 * demo database when it has no account yet, audited as `system:demo`. Does nothing on any other
 * agency: a real database never gets a known password.
 * @returns how many accounts were created (0 when not the demo or accounts exist).
 */
export async function seedDemoAccounts(store: Store, nowMs: number): Promise<number> {
  if (!isDemoAgency(await requireAgency(store))) return 0;
  if ((await store.listUsers()).length > 0) return 0;
  for (const a of DEMO_ACCOUNTS) {
    await createAccount(store, { ...a, password: DEMO_PASSWORD }, 'system:demo', nowMs);
  }
  return DEMO_ACCOUNTS.length;
}
