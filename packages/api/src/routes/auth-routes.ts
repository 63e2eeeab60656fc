import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { VigiaError } from '@vigia/domain';
import { signIn, signOut } from '@vigia/services';
import type { Store } from '@vigia/store';
import { actorOf } from '../auth/access.js';
import { sessionCookieName, type AuthOptions } from '../auth/auth-options.js';
import { Lang, errorResponses } from '../app/schemas.js';
import { Me, userViews } from './user-schemas.js';

const AUTH_ERRORS = { ...errorResponses, 423: Type.Ref('Error'), 429: Type.Ref('Error') };

/**
 * POST /auth/login, POST /auth/logout, GET /auth/me. Sign-in sets the session cookie (httpOnly,
 * SameSite=Strict, Secure behind HTTPS) and returns the CSRF token that state-changing requests send
 * back in X-CSRF-Token. Sign-in is rate-limited per client IP and per user name (429 RATE_LIMITED),
 * on top of the account lockout (423 ACCOUNT_LOCKED). Its body must be JSON, so a cross-site form
 * cannot sign a victim in to another account (login CSRF).
 */
export function registerAuthRoutes(
  app: FastifyInstance,
  ctx: { store: Store; now: () => number; options: AuthOptions },
): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { store, options } = ctx;
  const cookieName = sessionCookieName(options);
  // Two limits, both counted on every attempt: per client IP and per user name (lower-cased), each
  // over one minute (@fastify/rate-limit runs one limit per request, so its limiters are called here).
  const perIp = app.createRateLimit({
    max: options.loginPerIp,
    timeWindow: 60_000,
    keyGenerator: (r) => `ip:${r.ip}`,
  });
  const perUser = app.createRateLimit({
    max: options.loginPerUser,
    timeWindow: 60_000,
    keyGenerator: (r) => `user:${(r.body as { username: string }).username.normalize('NFC').toLowerCase()}`,
  });
  const rateLimited = async (req: FastifyRequest) => {
    const results = [await perIp(req), await perUser(req)];
    const ttl = Math.max(0, ...results.map((l) => (!l.isAllowed && l.isExceeded ? l.ttl : 0)));
    if (ttl > 0) throw new VigiaError('RATE_LIMITED', { seconds: Math.max(1, Math.ceil(ttl / 1000)) });
  };

  api.post(
    '/auth/login',
    {
      config: { access: 'public' },
      preHandler: rateLimited,
      schema: {
        summary: 'Sign in: sets the session cookie and returns the user and the CSRF token',
        tags: ['auth'],
        querystring: Type.Object({ lang: Lang }),
        body: Type.Object(
          {
            username: Type.String({ minLength: 1, maxLength: 200 }),
            password: Type.String({ minLength: 1, maxLength: 1024 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Me, ...AUTH_ERRORS },
      },
    },
    async (req, reply) => {
      const now = ctx.now();
      const s = await signIn(store, req.body, { now, client: `ip:${req.ip}`, policy: options.policy });
      void reply.setCookie(cookieName, s.token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: options.secureCookies,
        path: '/',
        maxAge: Math.floor((s.maxExpiresAt - now) / 1000),
      });
      const [user] = await userViews(store, [s.user], now);
      return { user: user!, csrfToken: s.csrfToken, expiresAt: new Date(s.expiresAt).toISOString() };
    },
  );

  api.post(
    '/auth/logout',
    {
      config: { access: 'authenticated' },
      schema: {
        summary: 'Sign out: ends the session and clears its cookie',
        tags: ['auth'],
        querystring: Type.Object({ lang: Lang }),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      if (req.authSession) await signOut(store, req.authSession.token, actorOf(req));
      void reply.clearCookie(cookieName, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: options.secureCookies,
      });
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/auth/me',
    {
      config: { access: 'authenticated' },
      schema: {
        summary:
          'The signed-in user, the CSRF token of the session and when it expires (401 without a session)',
        tags: ['auth'],
        querystring: Type.Object({ lang: Lang }),
        response: { 200: Me, ...errorResponses },
      },
    },
    async (req) => {
      const session = req.authSession!;
      const record = await store.getUser(session.record.userId);
      if (!record) throw new VigiaError('UNAUTHENTICATED', { what: '/api/v1/auth/me' });
      const [user] = await userViews(store, [record], ctx.now());
      return {
        user: user!,
        csrfToken: session.record.csrfToken,
        expiresAt: new Date(session.record.expiresAt).toISOString(),
      };
    },
  );
}
