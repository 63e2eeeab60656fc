import type { FastifyInstance } from 'fastify';
import type { ApiPrincipal } from '../auth/access.js';

/** Header that carries the principal of a test request (JSON of an ApiPrincipal). TESTS ONLY. */
export const TEST_PRINCIPAL_HEADER = 'x-vigia-test-principal';

/**
 * Lets tests sign requests in without the session machinery: an onRequest hook that sets
 * `request.principal` from {@link TEST_PRINCIPAL_HEADER}. Only test fixtures call this; the server
 * sets principals from sessions. Call it before the first request (the app must not be ready yet).
 */
export function acceptTestPrincipals(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const header = request.headers[TEST_PRINCIPAL_HEADER];
    if (typeof header === 'string') request.principal = JSON.parse(header) as ApiPrincipal;
    await Promise.resolve();
  });
}

/** Headers that sign a test request in as `principal`. */
export function as(principal: ApiPrincipal | null): Record<string, string> {
  return principal ? { [TEST_PRINCIPAL_HEADER]: JSON.stringify(principal) } : {};
}
