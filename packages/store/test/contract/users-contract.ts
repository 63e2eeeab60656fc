import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain, type ChainedAuditRecord } from '@vigia/domain';
import type { NewUser, SessionRecord, Store } from '../../src/index.js';
import type { StoreFactory } from './fixtures.js';

const T0 = Date.UTC(2026, 0, 5, 9);
const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA';
const TOKEN_HASH = 'a'.repeat(64);

const user = (username: string, over: Partial<NewUser> = {}): NewUser => ({
  username,
  displayName: `Name of ${username}`,
  role: 'analyst',
  unitId: null,
  passwordHash: HASH,
  at: T0,
  ...over,
});

const session = (userId: number, over: Partial<SessionRecord> = {}): SessionRecord => ({
  tokenHash: TOKEN_HASH,
  userId,
  createdAt: T0,
  expiresAt: T0 + 3_600_000,
  lastSeenAt: T0,
  csrfToken: 'csrf-token-1',
  ...over,
});

async function chainOf(store: Store): Promise<ChainedAuditRecord[]> {
  const rows: ChainedAuditRecord[] = [];
  for await (const r of store.readAuditChain()) rows.push(r);
  return rows;
}

/**
 * The user store contract (issue 6): accounts unique by case-insensitive name, changes and sign-in
 * events each committed with their audit row (never a hash or a token in it), lockout counting,
 * sessions stored by token hash, and the last active admin protected.
 */
export function usersContract(kind: string, factory: StoreFactory): void {
  describe(`User store contract: ${kind}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    let reopen: () => Promise<Store>;

    beforeEach(async () => {
      ({ store, cleanup, reopen } = await factory());
    });
    afterEach(async () => {
      await cleanup();
    });

    it('creates users, finds them ignoring case, and refuses a second name that differs only in case', async () => {
      const ana = await store.createUser(user('Ana.Pérez', { role: 'admin' }), 'cli:root@host');
      expect(ana).toMatchObject({
        id: 1,
        username: 'Ana.Pérez',
        role: 'admin',
        unitId: null,
        disabled: false,
        failedAttempts: 0,
        lockedUntil: null,
        createdAt: T0,
        updatedAt: T0,
      });
      expect(ana).not.toHaveProperty('passwordHash');
      const found = await store.findUserByUsername('ana.pérez');
      expect(found?.id).toBe(1);
      expect(found?.passwordHash).toBe(HASH);
      await expect(store.createUser(user('ANA.PÉREZ'), 'cli:root@host')).rejects.toMatchObject({
        code: 'USERNAME_TAKEN',
      });
      const cmd = await store.createUser(user('cmdr', { role: 'commander', unitId: 7 }), 'user:1:Ana.Pérez');
      expect(cmd.id).toBe(2);
      expect((await store.listUsers()).map((u) => u.username)).toEqual(['Ana.Pérez', 'cmdr']);
      expect(await store.getUser(2)).toEqual(cmd);
      expect(await store.getUser(99)).toBeNull();
      expect(await store.findUserByUsername('nobody')).toBeNull();

      // Kept across a reopen, and each creation audited without the hash.
      await store.close();
      store = await reopen();
      expect((await store.getUser(1))?.username).toBe('Ana.Pérez');
      const chain = await chainOf(store);
      expect(chain.map((r) => [r.actor, r.action, r.target])).toEqual([
        ['cli:root@host', 'user.create', 'user:1'],
        ['user:1:Ana.Pérez', 'user.create', 'user:2'],
      ]);
      expect(JSON.stringify(chain)).not.toContain('argon2');
      expect(verifyAuditChain(chain)).toBeNull();
    });

    it('updates an account, ends its sessions on a new password, and audits before and after', async () => {
      await store.createUser(user('root', { role: 'admin' }), 'cli:x@h');
      const u = await store.createUser(user('cmdr'), 'cli:x@h');
      await store.createSession(session(u.id), 'user:2:cmdr');
      const changed = await store.updateUser(
        u.id,
        { role: 'commander', unitId: 3, displayName: 'Cmdr. Ruiz', at: T0 + 1000 },
        'user:1:root',
      );
      expect(changed).toMatchObject({
        role: 'commander',
        unitId: 3,
        displayName: 'Cmdr. Ruiz',
        updatedAt: T0 + 1000,
      });
      expect(await store.getSession(TOKEN_HASH)).not.toBeNull();
      await store.updateUser(u.id, { passwordHash: '$argon2id$new', at: T0 + 2000 }, 'user:1:root');
      expect((await store.findUserByUsername('cmdr'))?.passwordHash).toBe('$argon2id$new');
      expect(await store.getSession(TOKEN_HASH)).toBeNull();
      await expect(store.updateUser(42, { disabled: true, at: T0 }, 'user:1:root')).rejects.toMatchObject({
        code: 'USER_NOT_FOUND',
      });
      const updates = (await chainOf(store)).filter((r) => r.action === 'user.update');
      expect(updates).toHaveLength(2);
      expect(updates[0]!.before).toMatchObject({ role: 'analyst', unitId: null });
      expect(updates[0]!.after).toMatchObject({ role: 'commander', unitId: 3 });
      expect(updates[1]!.after).toMatchObject({ passwordChanged: true });
      expect(JSON.stringify(updates)).not.toContain('$argon2id');
    });

    it('refuses to demote or disable the last active admin', async () => {
      const a = await store.createUser(user('a', { role: 'admin' }), 'cli:x@h');
      await expect(store.updateUser(a.id, { role: 'viewer', at: T0 }, 'cli:x@h')).rejects.toMatchObject({
        code: 'LAST_ADMIN',
      });
      await expect(store.updateUser(a.id, { disabled: true, at: T0 }, 'cli:x@h')).rejects.toMatchObject({
        code: 'LAST_ADMIN',
      });
      const b = await store.createUser(user('b', { role: 'admin' }), 'cli:x@h');
      await store.updateUser(a.id, { disabled: true, at: T0 }, 'cli:x@h');
      await expect(store.updateUser(b.id, { role: 'analyst', at: T0 }, 'cli:x@h')).rejects.toMatchObject({
        code: 'LAST_ADMIN',
      });
      // Refused changes leave no audit row.
      expect((await chainOf(store)).map((r) => r.action)).toEqual([
        'user.create',
        'user.create',
        'user.update',
      ]);
    });

    it('counts failures, locks at the limit, resets the count on sign-in, and unlocks on request', async () => {
      const u = await store.createUser(user('ana'), 'cli:x@h');
      const rule = { maxAttempts: 3, lockMs: 15 * 60_000, at: T0 };
      expect((await store.recordLoginFailure(u.id, rule, 'ip:10.0.0.1')).failedAttempts).toBe(1);
      expect((await store.recordLoginFailure(u.id, rule, 'ip:10.0.0.1')).failedAttempts).toBe(2);
      const locked = await store.recordLoginFailure(u.id, rule, 'ip:10.0.0.1');
      expect(locked).toMatchObject({ failedAttempts: 0, lockedUntil: T0 + 15 * 60_000 });
      const unlocked = await store.updateUser(u.id, { unlock: true, at: T0 + 1 }, 'user:1:root');
      expect(unlocked).toMatchObject({ failedAttempts: 0, lockedUntil: null });
      await store.recordLoginFailure(u.id, rule, 'ip:10.0.0.1');
      await store.createSession(session(u.id), 'ip:10.0.0.1');
      expect((await store.getUser(u.id))?.failedAttempts).toBe(0);
      const actions = (await chainOf(store)).map((r) => r.action);
      expect(actions).toEqual([
        'user.create',
        'user.login_failed',
        'user.login_failed',
        'user.locked',
        'user.update',
        'user.login_failed',
        'user.login',
      ]);
    });

    it('keeps every failure when they arrive together', async () => {
      const u = await store.createUser(user('ana'), 'cli:x@h');
      const rule = { maxAttempts: 100, lockMs: 60_000, at: T0 };
      await Promise.all(Array.from({ length: 8 }, () => store.recordLoginFailure(u.id, rule, 'ip:1')));
      expect((await store.getUser(u.id))?.failedAttempts).toBe(8);
      expect(verifyAuditChain(await chainOf(store))).toBeNull();
    });

    it('stores sessions by token hash, slides them, ends them, and purges expired ones', async () => {
      const u = await store.createUser(user('ana', { role: 'viewer' }), 'cli:x@h');
      await store.createSession(session(u.id), 'ip:127.0.0.1');
      const got = await store.getSession(TOKEN_HASH);
      expect(got?.session).toEqual(session(u.id));
      expect(got?.user).toMatchObject({ id: u.id, username: 'ana', role: 'viewer' });
      expect(got?.user).not.toHaveProperty('passwordHash');
      await store.touchSession(TOKEN_HASH, T0 + 60_000, T0 + 7_200_000);
      expect((await store.getSession(TOKEN_HASH))?.session).toMatchObject({
        lastSeenAt: T0 + 60_000,
        expiresAt: T0 + 7_200_000,
      });
      expect(await store.deleteSession(TOKEN_HASH, 'user:1:ana')).toBe(true);
      expect(await store.deleteSession(TOKEN_HASH, 'user:1:ana')).toBe(false);
      expect(await store.getSession(TOKEN_HASH)).toBeNull();

      await store.createSession(session(u.id, { tokenHash: 'b'.repeat(64), expiresAt: T0 + 10 }), 'ip:1');
      await store.createSession(session(u.id, { tokenHash: 'c'.repeat(64), expiresAt: T0 + 99_999 }), 'ip:1');
      expect(await store.purgeExpiredSessions(T0 + 10, 'system')).toBe(1);
      expect(await store.purgeExpiredSessions(T0 + 10, 'system')).toBe(0);
      expect(await store.getSession('c'.repeat(64))).not.toBeNull();

      // Disabling the user ends the remaining session.
      await store.createUser(user('root', { role: 'admin' }), 'cli:x@h');
      await store.updateUser(u.id, { disabled: true, at: T0 }, 'user:2:root');
      expect(await store.getSession('c'.repeat(64))).toBeNull();

      const chain = await chainOf(store);
      expect(chain.map((r) => r.action)).toEqual([
        'user.create',
        'user.login',
        'user.logout',
        'user.login',
        'user.login',
        'session.purge',
        'user.create',
        'user.update',
      ]);
      const text = JSON.stringify(chain);
      expect(text).not.toContain('a'.repeat(64));
      expect(text).not.toContain('csrf-token-1');
      expect(verifyAuditChain(chain)).toBeNull();
    });
  });
}
