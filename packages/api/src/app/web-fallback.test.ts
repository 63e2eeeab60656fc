import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DuckDbStore } from '@vigia/store';
import { buildApp } from './build-app.js';

describe('dashboard files and client-side routes', () => {
  it('serves index.html for client routes, but JSON 404s for API paths and missing files', async () => {
    const web = await mkdtemp(join(tmpdir(), 'vigia-web-'));
    await writeFile(join(web, 'index.html'), '<!doctype html><title>Vigía</title>');
    await writeFile(join(web, 'app.js'), 'console.log(1)');
    const store = await DuckDbStore.open(':memory:');
    const app = await buildApp({ store, webRoot: web });
    try {
      const page = await app.inject({ url: '/map?unit=11' });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect((await app.inject({ method: 'HEAD', url: '/trends' })).statusCode).toBe(200);
      expect((await app.inject({ url: '/app.js' })).body).toContain('console.log');
      for (const url of ['/api', '/api/v2/x', '/assets/missing.js']) {
        const r = await app.inject({ url });
        expect(r.statusCode, url).toBe(404);
        expect(r.json<{ error: { code: string } }>().error.code).toBe('ROUTE_NOT_FOUND');
      }
    } finally {
      await app.close();
      await store.close();
    }
  });
});
