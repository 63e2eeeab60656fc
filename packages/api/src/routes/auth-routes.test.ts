import { afterEach, describe, expect, it } from 'vitest';
import { createAccount } from '@vigia/services';
import { apiFixture } from '../test-helpers/api-fixture.js';
import { TEST_PASSWORD, login, signInAs } from '../test-helpers/sign-in.js';

const T0 = Date.UTC(2019, 11, 20, 18);
const MIN = 60_000;
type Fixture = Awaited<ReturnType<typeof apiFixture>>;
let f: Fixture | undefined;
afterEach(async () => {
  await f?.close();
  f = undefined;
});

/** A fixture without a signed-in user, on a clock the test moves. */
async function open(auth: Record<string, unknown> = {}) {
  const clock = { now: T0 };
  f = await apiFixture([], T0, { signIn: false, app: { now: () => clock.now, auth } });
  return { f, clock };
}

const postLogin = (fx: Fixture, username: string, password: string, headers: Record<string, string> = {}) =>
  fx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login?lang=es',
    payload: { username, password },
    headers,
  });
const codeOf = (r: { json: <T>() => T }) => r.json<{ error: { code: string; message: string } }>().error;

describe('POST /api/v1/auth/login', () => {
  it('sets an httpOnly, SameSite=Strict session cookie (Secure only behind HTTPS) and returns the CSRF token', async () => {
    const { f } = await open();
    await signInAs(f.app, f.store, 'analyst', { username: 'ana' });
    const r = await postLogin(f, 'ANA', TEST_PASSWORD);
    expect(r.statusCode).toBe(200);
    const body = r.json<{ user: { username: string; role: string }; csrfToken: string; expiresAt: string }>();
    expect(body.user).toMatchObject({ username: 'ana', role: 'analyst' });
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.expiresAt).toBe(new Date(T0 + 30 * MIN).toISOString());
    const setCookie = String(r.headers['set-cookie']);
    expect(setCookie).toMatch(/^vigia_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).toContain(`Max-Age=${8 * 60 * 60}`);
    expect(setCookie).not.toContain('Secure');
    expect(r.body).not.toContain(setCookie.split(';')[0]!.split('=')[1]!);
  });

  it('marks the cookie Secure with the __Host- prefix when the server runs behind HTTPS', async () => {
    const { f } = await open({ secureCookies: true });
    await createAccount(f.store, { username: 'vera', role: 'viewer', password: TEST_PASSWORD }, 'test', T0);
    const r = await postLogin(f, 'vera', TEST_PASSWORD);
    const setCookie = String(r.headers['set-cookie']);
    expect(setCookie).toMatch(/^__Host-vigia_session=/);
    expect(setCookie).toContain('Secure');
  });

  it('answers a wrong password in the asked language, and locks the account after 5 in a row', async () => {
    const { f, clock } = await open({ loginPerUser: 100 });
    await signInAs(f.app, f.store, 'viewer', { username: 'vera' });
    for (let i = 0; i < 4; i++) {
      const r = await postLogin(f, 'vera', 'no-es-la-clave');
      expect([r.statusCode, codeOf(r).code]).toEqual([401, 'INVALID_CREDENTIALS']);
      expect(codeOf(r).message).toMatch(/contraseña incorrectos/);
    }
    const locked = await postLogin(f, 'vera', 'no-es-la-clave');
    expect([locked.statusCode, codeOf(locked).code]).toEqual([423, 'ACCOUNT_LOCKED']);
    expect((await postLogin(f, 'vera', TEST_PASSWORD)).statusCode).toBe(423);
    clock.now += 15 * MIN;
    expect((await postLogin(f, 'vera', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('limits attempts per user name and per IP, with 429 RATE_LIMITED', async () => {
    const { f } = await open({ loginPerUser: 3, loginPerIp: 6 });
    const byUser = [];
    for (let i = 0; i < 4; i++) byUser.push(await postLogin(f, 'nadie', 'x'));
    expect(byUser.map((r) => r.statusCode)).toEqual([401, 401, 401, 429]);
    expect(codeOf(byUser[3]!)).toMatchObject({ code: 'RATE_LIMITED' });
    expect(codeOf(byUser[3]!).message).toMatch(/Espere \d+ segundos/);
    // The same IP trying other names: 2 more pass (6 in the minute, the 429 above included), then 429.
    const byIp = [];
    for (const name of ['a1', 'a2', 'a3']) byIp.push((await postLogin(f, name, 'x')).statusCode);
    expect(byIp).toEqual([401, 401, 429]);
  });

  it('refuses a form-encoded or text body (a cross-site form cannot sign anyone in)', async () => {
    const { f } = await open();
    const r = await f.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: 'username=a&password=b',
    });
    expect(r.statusCode).toBe(400);
  });
});

describe('sessions', () => {
  it('GET /auth/me names the user; logout ends the session and clears the cookie', async () => {
    const { f } = await open();
    const h = await signInAs(f.app, f.store, 'commander', { username: 'cmdr', unitCode: '2' });
    const me = await f.app.inject({ url: '/api/v1/auth/me', headers: h });
    expect(me.json()).toMatchObject({
      user: { username: 'cmdr', role: 'commander', unitCode: '2' },
      csrfToken: h['x-csrf-token'],
    });
    const out = await f.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: h });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/vigia_session=;.*Expires=Thu, 01 Jan 1970/);
    expect((await f.app.inject({ url: '/api/v1/auth/me', headers: h })).statusCode).toBe(401);
    const audit = (await f.store.listAudit({ action: 'user.' })).map((r) => `${r.actor} ${r.action}`);
    expect(audit.slice(0, 2)).toEqual(['user:1:cmdr user.logout', 'user:1:cmdr user.login']);
  });

  it('slides with use, and expires after 30 idle minutes', async () => {
    const { f, clock } = await open();
    const h = await signInAs(f.app, f.store, 'viewer', { username: 'vera' });
    const status = async () => (await f.app.inject({ url: '/api/v1/agency', headers: h })).statusCode;
    clock.now += 25 * MIN;
    expect(await status()).toBe(200);
    clock.now += 25 * MIN; // 50 minutes after sign-in, 25 after the last request
    expect(await status()).toBe(200);
    clock.now += 31 * MIN;
    const r = await f.app.inject({ url: '/api/v1/agency?lang=en', headers: h });
    expect([r.statusCode, codeOf(r).code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('ends every session of a user whose password an admin resets, or who is disabled', async () => {
    const { f } = await open();
    const admin = await signInAs(f.app, f.store, 'admin', { username: 'root' });
    const vera = await signInAs(f.app, f.store, 'viewer', { username: 'vera' });
    const patch = (payload: object) =>
      f.app.inject({ method: 'PATCH', url: '/api/v1/users/2', payload, headers: admin });
    expect((await patch({ password: 'otra-clave-segura-9' })).statusCode).toBe(200);
    expect((await f.app.inject({ url: '/api/v1/agency', headers: vera })).statusCode).toBe(401);
    const again = await login(f.app, 'vera', 'otra-clave-segura-9');
    expect((await patch({ disabled: true })).json()).toMatchObject({ disabled: true });
    expect((await f.app.inject({ url: '/api/v1/agency', headers: again })).statusCode).toBe(401);
    expect((await postLogin(f, 'vera', 'otra-clave-segura-9')).statusCode).toBe(401);
  });
});

describe('/api/v1/users (admins)', () => {
  it('creates a commander, changes role and unit, unlocks, and keeps one active admin', async () => {
    const { f } = await open({ loginPerUser: 100 });
    const admin = await signInAs(f.app, f.store, 'admin', { username: 'root' });
    const send = (method: 'POST' | 'PATCH' | 'GET', url: string, payload?: object) =>
      f.app.inject({ method, url: `${url}?lang=en`, payload, headers: admin });
    const created = await send('POST', '/api/v1/users', {
      username: 'Comandante.Uno',
      displayName: 'Comandante Uno',
      role: 'commander',
      unitCode: '1',
      password: 'una-clave-bastante-larga',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      id: 2,
      role: 'commander',
      unitCode: '1',
      unitName: '1',
      disabled: false,
    });
    expect(created.body).not.toContain('argon2');
    expect(
      codeOf(
        await send('POST', '/api/v1/users', {
          username: 'x',
          role: 'commander',
          password: 'una-clave-bastante-larga',
        }),
      ).code,
    ).toBe('COMMANDER_UNIT_REQUIRED');
    const taken = await send('POST', '/api/v1/users', {
      username: 'comandante.uno',
      role: 'viewer',
      password: 'una-clave-bastante-larga',
    });
    expect([taken.statusCode, codeOf(taken).code]).toEqual([409, 'USERNAME_TAKEN']);

    for (let i = 0; i < 5; i++) await postLogin(f, 'comandante.uno', 'wrong-password');
    const listed = (await send('GET', '/api/v1/users')).json<
      { username: string; lockedUntil: string | null }[]
    >();
    expect(listed.find((u) => u.username === 'Comandante.Uno')?.lockedUntil).not.toBeNull();
    expect((await send('PATCH', '/api/v1/users/2', { unlock: true })).json()).toMatchObject({
      lockedUntil: null,
    });
    expect((await postLogin(f, 'comandante.uno', 'una-clave-bastante-larga')).statusCode).toBe(200);

    expect((await send('PATCH', '/api/v1/users/2', { role: 'analyst' })).json()).toMatchObject({
      role: 'analyst',
      unitCode: null,
    });
    const last = await send('PATCH', '/api/v1/users/1', { role: 'viewer' });
    expect([last.statusCode, codeOf(last).code]).toEqual([409, 'LAST_ADMIN']);
    expect((await send('PATCH', '/api/v1/users/9', { disabled: true })).statusCode).toBe(404);
    const actions = (await f.store.listAudit({ actor: 'user:1:root' })).map((r) => r.action);
    expect(actions).toEqual(['user.update', 'user.update', 'user.create', 'user.login']);
  });
});
