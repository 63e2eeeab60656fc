import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openApiDocumentText } from './openapi-document.js';

describe('docs/openapi.json', () => {
  it('is what the route schemas generate (run `npm run openapi` after changing a route)', async () => {
    const committed = await readFile(
      fileURLToPath(new URL('../../../../docs/openapi.json', import.meta.url)),
      'utf8',
    );
    const generated = await openApiDocumentText();
    expect(JSON.parse(generated), 'docs/openapi.json is stale: run npm run openapi and commit it').toEqual(
      JSON.parse(committed),
    );
    const doc = JSON.parse(generated) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/v1/agency',
      '/api/v1/reports/compstat',
      '/api/v1/incidents',
      '/api/v1/imports',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });
});
