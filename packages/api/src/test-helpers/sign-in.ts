import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Role } from '@vigia/domain';
import { createAccount } from '@vigia/services';
import type { Store } from '@vigia/store';

/** The password of every test account (strong enough for the policy). */
export const TEST_PASSWORD = 'prueba-de-contraseña-42';

/** What a signed-in test client sends: the session cookie and the CSRF header. */
export type AuthHeaders = { cookie: string; 'x-csrf-token': string };

/**
 * Creates an account (`username`, `role`, a commander's `unitCode`) and signs it in through
 * POST /api/v1/auth/login, as a browser would. Returns the headers of its requests.
 * @throws Error when sign-in does not answer 200.
 */
export async function signInAs(
  app: FastifyInstance,
  store: Store,
  role: Role,
  options: { username?: string; unitCode?: string; now?: number } = {},
): Promise<AuthHeaders> {
  const username = options.username ?? `test-${role}`;
  if (!(await store.findUserByUsername(username))) {
    await createAccount(
      store,
      { username, role, unitCode: options.unitCode ?? null, password: TEST_PASSWORD },
      'test',
      options.now ?? Date.now(),
    );
  }
  return login(app, username, TEST_PASSWORD);
}

/** Signs in an existing account. @throws Error unless the answer is 200. */
export async function login(app: FastifyInstance, username: string, password: string): Promise<AuthHeaders> {
  const r = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (r.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${r.statusCode} ${r.body}`);
  const cookie = r.cookies.find((c) => c.name === 'vigia_session');
  if (!cookie) throw new Error('sign-in set no vigia_session cookie');
  return {
    cookie: `vigia_session=${cookie.value}`,
    'x-csrf-token': r.json<{ csrfToken: string }>().csrfToken,
  };
}

/**
 * Makes `app.inject` send `headers` with every request, unless the request sets its own `cookie`
 * header (`headers: { cookie: '' }` sends no session at all).
 */
export function injectAs(app: FastifyInstance, headers: AuthHeaders): void {
  const inject = app.inject.bind(app) as (o: InjectOptions | string) => ReturnType<FastifyInstance['inject']>;
  const patched = (o: InjectOptions | string) => {
    const opts: InjectOptions = typeof o === 'string' ? { url: o } : o;
    const own = (opts.headers ?? {}) as Record<string, string>;
    return inject({ ...opts, headers: 'cookie' in own ? own : { ...headers, ...own } });
  };
  (app as unknown as { inject: typeof patched }).inject = patched;
}
