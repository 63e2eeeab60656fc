import { DuckDbStore } from '@vigia/store';
import { buildApp } from '../app/build-app.js';

/** Path of the committed OpenAPI document, relative to the repository root. */
export const OPENAPI_PATH = 'docs/openapi.json';

/**
 * The OpenAPI 3 document of the API as @fastify/swagger generates it from the route schemas, built on
 * a throw-away in-memory store, serialized with 2-space indentation and a final newline (the committed
 * docs/openapi.json; `npm run openapi` rewrites it and a test fails when they differ).
 */
export async function openApiDocumentText(): Promise<string> {
  const store = await DuckDbStore.open(':memory:');
  const app = await buildApp({ store });
  try {
    await app.ready();
    return `${JSON.stringify(app.swagger(), null, 2)}\n`;
  } finally {
    await app.close();
    await store.close();
  }
}
