import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '@vigia/store';
import { fixtureAgency } from '../test-helpers/fixture-agency.js';
import { assertStrongPassword, hashPassword, verifyPassword } from './password.js';
import { changeAccount, createAccount } from './accounts.js';
import { DEFAULT_SESSION_POLICY, resolveSession, sessionTokenHash, signIn, signOut } from './sessions.js';

const T0 = Date.UTC(2026, 2, 2, 14);
const PW = 'cuatro-caballos-azules';
const MIN = 60_000;

describe('passwords', () => {
  it('hashes with argon2id at the OWASP parameters, verifies, and refuses another password', async () => {
    const h = await hashPassword(PW);
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(h, PW)).toBe(true);
    expect(await verifyPassword(h, `${PW}!`)).toBe(false);
    expect(await verifyPassword('not a hash', PW)).toBe(false);
    // The same text typed composed or decomposed (é vs e + ◌́) is the same password.
    expect(
      await verifyPassword(await hashPassword('contraseña-café-7'), 'contrasen\u0303a-cafe\u0301-7'),
    ).toBe(true);
  });

  it('refuses short, repeated, common and user-name passwords', () => {
    for (const weak of ['short1', 'aaaaaaaaaaaaa', 'Password123', 'ana.perez-2026', 'x'.repeat(300)]) {
      expect(() => assertStrongPassword(weak, 'ana.perez'), weak).toThrow(
        expect.objectContaining({ code: 'WEAK_PASSWORD' }) as Error,
      );
    }
    expect(() => assertStrongPassword('cuatro-caballos', 'ana')).not.toThrow();
  });
});

describe('accounts and sessions', () => {
  let store: Store;
  beforeEach(async () => {
    ({ store } = await fixtureAgency());
  });
  afterEach(async () => store.close());

  it('creates a commander of a unit found by code, and needs that unit', async () => {
    const c = await createAccount(
      store,
      { username: 'cmdr1', role: 'commander', unitCode: '01', password: PW },
      'cli:t@h',
      T0,
    );
    const district1 = (await store.listUnits({ withGeometry: false })).find((u) => u.code === '1');
    expect(c).toMatchObject({
      username: 'cmdr1',
      displayName: 'cmdr1',
      role: 'commander',
      unitId: district1!.id,
    });
    await expect(
      createAccount(store, { username: 'cmdr2', role: 'commander', password: PW }, 'cli:t@h', T0),
    ).rejects.toMatchObject({ code: 'COMMANDER_UNIT_REQUIRED' });
    await expect(
      createAccount(
        store,
        { username: 'cmdr3', role: 'commander', unitCode: '9', password: PW },
        'cli:t@h',
        T0,
      ),
    ).rejects.toMatchObject({ code: 'UNKNOWN_UNIT' });
    await expect(
      createAccount(store, { username: 'bad name', role: 'viewer', password: PW }, 'cli:t@h', T0),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    // Another role clears the unit.
    expect((await changeAccount(store, c.id, { role: 'viewer' }, 'cli:t@h', T0)).unitId).toBeNull();
  });

  it('signs in, slides the session, expires it when idle, and signs out', async () => {
    await createAccount(store, { username: 'Ana', role: 'analyst', password: PW }, 'cli:t@h', T0);
    const s = await signIn(store, { username: 'ana', password: PW }, { now: T0, client: 'ip:127.0.0.1' });
    expect(s.user.username).toBe('Ana');
    expect(s.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(s.expiresAt).toBe(T0 + DEFAULT_SESSION_POLICY.idleMinutes * MIN);
    // The store keeps the hash, not the token.
    expect(await store.getSession(s.token)).toBeNull();
    expect(await store.getSession(sessionTokenHash(s.token))).not.toBeNull();

    // Used 20 minutes later: alive, and its expiry slides to 20 + 30 minutes.
    const later = await resolveSession(store, s.token, { now: T0 + 20 * MIN });
    expect(later?.session.expiresAt).toBe(T0 + 50 * MIN);
    // Idle for 31 minutes after that: gone.
    expect(await resolveSession(store, s.token, { now: T0 + 51 * MIN })).toBeNull();

    // Never past the absolute lifetime, however busy.
    const s2 = await signIn(store, { username: 'ANA', password: PW }, { now: T0, client: 'ip:1' });
    let t = T0;
    for (; t < T0 + DEFAULT_SESSION_POLICY.maxMinutes * MIN; t += 25 * MIN) {
      expect(await resolveSession(store, s2.token, { now: t }), `at ${(t - T0) / MIN} min`).not.toBeNull();
    }
    expect(
      await resolveSession(store, s2.token, { now: T0 + DEFAULT_SESSION_POLICY.maxMinutes * MIN }),
    ).toBeNull();

    const s3 = await signIn(store, { username: 'ana', password: PW }, { now: T0, client: 'ip:1' });
    expect(await signOut(store, s3.token, 'user:1:Ana')).toBe(true);
    expect(await resolveSession(store, s3.token, { now: T0 })).toBeNull();
    expect(await resolveSession(store, 'made-up', { now: T0 })).toBeNull();
  });

  it('locks after 5 wrong passwords, refuses the right one while locked, and unlocks after 15 minutes', async () => {
    await createAccount(store, { username: 'ana', role: 'viewer', password: PW }, 'cli:t@h', T0);
    const attempt = (password: string, now: number) =>
      signIn(store, { username: 'ana', password }, { now, client: 'ip:10.1.1.1' });
    for (let i = 1; i <= 4; i++)
      await expect(attempt('wrong-password', T0)).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    await expect(attempt('wrong-password', T0)).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED' });
    await expect(attempt(PW, T0 + 14 * MIN)).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED' });
    expect((await attempt(PW, T0 + 15 * MIN)).user.username).toBe('ana');
    const actions = (await store.listAudit({ limit: 20 })).map((r) => `${r.actor} ${r.action}`).reverse();
    expect(actions).toEqual([
      'cli:t@h user.create',
      ...Array.from({ length: 4 }, () => 'ip:10.1.1.1 user.login_failed'),
      'ip:10.1.1.1 user.locked',
      'ip:10.1.1.1 user.login_failed',
      'user:1:ana user.login',
    ]);
  });

  it('answers an unknown user and a disabled one like a wrong password, and audits why', async () => {
    await createAccount(store, { username: 'root', role: 'admin', password: PW }, 'cli:t@h', T0);
    const u = await createAccount(store, { username: 'ana', role: 'viewer', password: PW }, 'cli:t@h', T0);
    const s = await signIn(store, { username: 'ana', password: PW }, { now: T0, client: 'ip:1' });
    await changeAccount(store, u.id, { disabled: true }, 'user:1:root', T0);
    expect(await resolveSession(store, s.token, { now: T0 })).toBeNull();
    for (const username of ['ana', 'nobody']) {
      await expect(
        signIn(store, { username, password: PW }, { now: T0, client: 'ip:1' }),
      ).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    }
    const failures = (await store.listAudit({ action: 'user.login_failed' })).map((r) => [r.target, r.after]);
    expect(failures).toEqual([
      ['username:nobody', { reason: 'unknown_user' }],
      ['user:2:ana', { reason: 'disabled' }],
    ]);
  });
});
