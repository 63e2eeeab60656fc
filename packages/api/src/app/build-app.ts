import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { VigiaError, type Locale } from '@vigia/domain';
import type { Store } from '@vigia/store';
import { ImportJobs } from '../imports/import-jobs.js';
import { registerAgencyRoutes } from '../routes/agency-routes.js';
import { registerAgencySettingsRoutes } from '../routes/agency-settings-routes.js';
import { registerAnalysisRoutes } from '../routes/analysis-routes.js';
import { registerAuditRoutes } from '../routes/audit-routes.js';
import { registerBookRoutes } from '../routes/book-routes.js';
import { registerImportRoutes } from '../routes/import-routes.js';
import { registerMapConfigRoutes } from '../routes/map-config-routes.js';
import { registerMeetingRoutes } from '../routes/meeting-routes.js';
import { registerReadRoutes } from '../routes/read-routes.js';
import { registerResponseRoutes } from '../routes/response-routes.js';
import { errorReply } from './error-reply.js';
import { ResponseCache } from './response-cache.js';
import { requestLocale } from './request-locale.js';
import { ErrorResponse } from './schemas.js';
import '../auth/access.js';
import { DEFAULT_AUTH_OPTIONS, type AuthOptions } from '../auth/auth-options.js';
import { registerSessionHook } from '../auth/session-hook.js';
import { registerAuthRoutes } from '../routes/auth-routes.js';
import { registerUserRoutes } from '../routes/user-routes.js';

/** Options of {@link buildApp}. */
export interface AppOptions {
  store: Store;
  /** Folder of the built dashboard (packages/web/dist); null or missing = API only. */
  webRoot?: string | null;
  /** Fastify's logger (pino): off by default (tests); `vigia serve` logs warnings and errors to stderr. */
  logger?: boolean | { level: string; stream?: NodeJS.WritableStream };
  /** Clock (UTC epoch ms) for "latest complete week" and future-date checks; tests fix it. */
  now?: () => number;
  /** Largest accepted upload in bytes (default 2 GiB). */
  maxUploadBytes?: number;
  /** Keep report and series results until an upload changes the data (default: on for DuckDB files). */
  cache?: boolean;
  /** Where uploads wait for their import (default: the OS temp folder). */
  uploadRoot?: string;
  /** Sign-in: secure cookies, session timeouts, lockout, rate limits (defaults: DEFAULT_AUTH_OPTIONS). */
  auth?: Partial<AuthOptions>;
  /**
   * Fastify's trustProxy: whose X-Forwarded-For to believe for the client IP (sign-in limits, audit).
   * Set it to the reverse proxy's address when there is one (VIGIA_TRUST_PROXY); default none.
   */
  trustProxy?: boolean | string;
}

/** The OpenAPI document's fixed part (paths come from the route schemas). */
export const OPENAPI_INFO = {
  openapi: '3.0.3',
  info: {
    title: 'Vigía API',
    version: '1.0.0',
    description:
      "COMPSTAT data of one agency: units, offense categories, the weekly report, incidents, trends, data quality, uploads, and the COMPSTAT meeting with its action items. Dates are local to the agency time zone unless marked UTC. Messages follow ?lang=es|en, else Accept-Language, else the agency locale. Sign in with POST /api/v1/auth/login: the session cookie goes with every request, and POST/PATCH/DELETE repeat the returned csrfToken in an X-CSRF-Token header. Without a session: 401; a role without the action: 403; a unit outside a commander's subtree: 404.",
  },
};

/**
 * Builds the HTTP application: the versioned JSON API under /api/v1 (schemas validated and documented
 * in OpenAPI 3 at /api/docs, JSON at /api/docs/json), catalogued errors in the request's language, and
 * the dashboard's static files with client-side routes. The caller owns the store (closes it).
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { store } = options;
  const now = options.now ?? Date.now;
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 200 },
    // Unique across restarts, so a request id in a user's report finds its log line.
    genReqId: () => randomUUID(),
    // Errors Fastify raises before routing (a malformed URL) get the same JSON body as every error.
    frameworkErrors: (error, request, reply) => {
      void errorReply(
        new VigiaError('INVALID_ARGUMENT', { name: 'URL', value: error.message }),
        request,
        reply,
        requestLocale(request.query, undefined, null),
      );
    },
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, useDefaults: true } },
  });
  let agencyLocale: Locale | null = null;
  const locale = async (req: Pick<FastifyRequest, 'query' | 'headers'>): Promise<Locale> => {
    agencyLocale ??= (await store.getAgency())?.locale ?? null;
    const accept = req.headers['accept-language'];
    return requestLocale(req.query, typeof accept === 'string' ? accept : undefined, agencyLocale);
  };

  // The session hook sets the signed-in user (auth/access.ts); null until then.
  app.decorateRequest('principal', null);
  const auth: AuthOptions = { ...DEFAULT_AUTH_OPTIONS, ...options.auth };
  await registerSessionHook(app, { store, now, options: auth });
  app.addSchema(ErrorResponse);
  app.setErrorHandler(async (error, request, reply) =>
    errorReply(error, request, reply, await locale(request)),
  );
  await app.register(swagger, { openapi: OPENAPI_INFO });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  // The embedded store is locked by this process, so only its uploads change the data: cache reads.
  const cache = new ResponseCache(options.cache ?? !/^postgres(ql)?:/.test(store.location));
  const maxUploadBytes = options.maxUploadBytes ?? 2 * 1024 ** 3;
  const jobs = new ImportJobs(
    store,
    options.uploadRoot ?? join(tmpdir(), 'vigia-uploads'),
    now,
    () => cache.clear(),
    (e) => app.log.error({ err: e }, 'upload import failed'),
  );
  void jobs.removeStaleUploads().catch(() => 0);
  app.decorate('importJobs', jobs);
  await app.register(multipart, {
    limits: { fileSize: maxUploadBytes, files: 3, fields: 10, fieldSize: 1024 * 1024, parts: 20 },
  });
  await app.register(
    (api, _opts, done) => {
      registerAgencyRoutes(api, { store, now });
      registerReadRoutes(api, { store, now, locale, cache });
      registerImportRoutes(api, { store, jobs, locale, maxUploadBytes });
      registerMapConfigRoutes(api, process.env);
      registerAnalysisRoutes(api, { store, cache, locale });
      registerAgencySettingsRoutes(api, { store, changed: () => cache.clear() });
      registerAuditRoutes(api, { store, locale });
      registerAuthRoutes(api, { store, now, options: auth });
      registerUserRoutes(api, { store, now });
      registerBookRoutes(api, { store, now, locale });
      registerResponseRoutes(api, { store, cache, now });
      registerMeetingRoutes(api, { store, now });
      done();
    },
    { prefix: '/api/v1' },
  );

  const webRoot = options.webRoot;
  const hasWeb = webRoot !== undefined && webRoot !== null && existsSync(join(webRoot, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webRoot, wildcard: false });
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    // Client-side routes (/map, /trends...) get the dashboard; API paths and missing files (a name with
    // an extension, e.g. /assets/x.js) get a JSON 404.
    const isApi = path === '/api' || path.startsWith('/api/');
    const looksLikeFile = /\.[A-Za-z0-9]{1,8}$/.test(path);
    if (hasWeb && (request.method === 'GET' || request.method === 'HEAD') && !isApi && !looksLikeFile) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return errorReply(
      new VigiaError('ROUTE_NOT_FOUND', { method: request.method, url: path }),
      request,
      reply,
      await locale(request),
    );
  });
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The upload import queue (tests wait on `importJobs.idle()`). */
    importJobs: ImportJobs;
  }
}
