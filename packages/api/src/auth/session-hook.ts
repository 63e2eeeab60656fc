import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import { VigiaError } from '@vigia/domain';
import { resolveSession } from '@vigia/services';
import type { SessionRecord, Store } from '@vigia/store';
import { authorize, type RouteAccess } from './access.js';
import { sessionCookieName, type AuthOptions } from './auth-options.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered after the session hook, with its declared access (tests check it). */
    routeAccess: { method: string; url: string; access: RouteAccess | undefined }[];
  }
  interface FastifyRequest {
    /** The session of the request's cookie with its raw token, or null (set by the session hook). */
    authSession: { token: string; record: SessionRecord } | null;
  }
}

/** Methods that change nothing: no CSRF token needed. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Registers the session cookie parser, the rate limiter (used by sign-in), and one `onRequest` hook for every request, before its body is
 * read (so an upload without a session is refused before it is received):
 * 1. under /api/, loads the signed-in user from the session cookie into `request.principal`
 *    (sliding the session's expiry);
 * 2. enforces the route's `config.access`: `public` passes; `authenticated` needs a session (401);
 *    an action needs a role that has it (401 / 403, see domain access/policy.ts). An /api/v1 route
 *    without `config.access` is refused (fail closed); other routes (dashboard files, /api/docs) are
 *    public;
 * 3. on a state-changing method (not GET/HEAD/OPTIONS) of a non-public route, requires the session's
 *    CSRF token in the `X-CSRF-Token` header (403 CSRF_REJECTED): the synchronizer-token pattern of the
 *    OWASP CSRF cheat sheet, on top of the SameSite=Strict cookie.
 */
export async function registerSessionHook(
  app: FastifyInstance,
  ctx: { store: Store; now: () => number; options: AuthOptions },
): Promise<void> {
  await app.register(cookie);
  // Limits apply only where a route asks for them (sign-in: app.rateLimit in auth-routes.ts).
  await app.register(rateLimit, { global: false });
  const cookieName = sessionCookieName(ctx.options);
  app.decorateRequest('authSession', null);
  const routes: FastifyInstance['routeAccess'] = [];
  app.decorate('routeAccess', routes);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: r.url, access: r.config?.access });
    }
  });
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const path = request.url.split('?')[0] ?? '';
    if (path.startsWith('/api/')) await loadPrincipal(request);
    if (request.is404) return;
    const access = request.routeOptions.config.access;
    if (access === undefined) {
      if (path.startsWith('/api/v1/')) {
        throw new VigiaError('INTERNAL', {
          detail: `route ${request.routeOptions.url ?? path} declares no access`,
        });
      }
      return;
    }
    if (access === 'public') return;
    if (access === 'authenticated') {
      if (!request.principal) throw new VigiaError('UNAUTHENTICATED', { what: path });
    } else {
      authorize(request, access);
    }
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      const sent = typeof header === 'string' ? header : '';
      if (!request.authSession || !sameText(sent, request.authSession.record.csrfToken)) {
        throw new VigiaError('CSRF_REJECTED', {});
      }
    }
  });

  async function loadPrincipal(request: FastifyRequest): Promise<void> {
    const token = request.cookies[cookieName];
    if (!token) return;
    const found = await resolveSession(ctx.store, token, { now: ctx.now(), policy: ctx.options.policy });
    if (!found) return;
    const { user, session } = found;
    request.authSession = { token, record: session };
    request.principal = {
      userId: user.id,
      username: user.username,
      role: user.role,
      unitId: user.role === 'commander' ? user.unitId : null,
    };
  }
}
