import type { FastifyRequest } from 'fastify';
import { VigiaError, decide, type Action, type Principal } from '@vigia/domain';

/**
 * The signed-in user as routes see them: the policy principal (role, commander's unit) plus who they
 * are, for the audit log (`actor` is written as `user:<id>:<username>`).
 */
export interface ApiPrincipal extends Principal {
  userId: number;
  username: string;
}

/**
 * What a route needs, declared in its options as `config: { access: ... }`: an action of the policy
 * (domain access/policy.ts), `authenticated` (any signed-in user: sign-out, "who am I"), or `public`
 * (no session: the login route, health, the OpenAPI document).
 * Every /api/v1 route declares one; a test checks that none is missing.
 */
export type RouteAccess = Action | 'authenticated' | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    /** The session's user, or null before sign-in (set by the session hook). */
    principal: ApiPrincipal | null;
  }
}

/** The audit actor of a request: `user:<id>:<username>`, or `anonymous`. */
export function actorOf(request: Pick<FastifyRequest, 'principal'>): string {
  const p = request.principal;
  return p ? `user:${p.userId}:${p.username}` : 'anonymous';
}

/**
 * Checks that the request's user may perform `action`, on a resource of unit `resource.unitId` whose
 * ancestors (itself included) are `resource.unitAncestors` (omit for agency-wide checks). Routes call
 * it for unit-scoped data after the route-level check.
 * @throws VigiaError UNAUTHENTICATED (401) without a session; FORBIDDEN (403) when the role lacks the
 *   action; NOT_FOUND (404) when the resource is outside a commander's units (so its existence does
 *   not leak).
 */
export function authorize(
  request: Pick<FastifyRequest, 'principal' | 'url'>,
  action: Action,
  resource: { unitId: number | null; unitAncestors: readonly number[]; what?: string } | null = null,
): ApiPrincipal {
  const who = request.principal;
  if (!who) throw new VigiaError('UNAUTHENTICATED', { what: request.url.split('?')[0] ?? '' });
  const decision = decide(who, action, resource);
  if (decision === 'forbidden') throw new VigiaError('FORBIDDEN', { role: who.role, action });
  if (decision === 'hidden') throw new VigiaError('NOT_FOUND', { what: resource?.what ?? request.url });
  return who;
}
