import { afterEach, describe, expect, it } from 'vitest';
import { DuckDbStore, type Store } from '@vigia/store';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app/build-app.js';
import { injectAs, signInAs } from '../test-helpers/sign-in.js';

const KEYS = ['VIGIA_MAP_STYLE_URL', 'VIGIA_MAP_TILE_URL', 'VIGIA_MAP_ATTRIBUTION'] as const;

describe('GET /api/v1/map-config', () => {
  let store: Store | undefined;
  let app: FastifyInstance | undefined;
  const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));

  afterEach(async () => {
    await app?.close();
    await store?.close();
    for (const k of KEYS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });

  async function get(env: Partial<Record<(typeof KEYS)[number], string>>) {
    for (const k of KEYS) delete process.env[k];
    Object.assign(process.env, env);
    store = await DuckDbStore.open(':memory:');
    app = await buildApp({ store });
    injectAs(app, await signInAs(app, store, 'viewer'));
    const r = await app.inject({ url: '/api/v1/map-config?lang=es' });
    return { status: r.statusCode, body: r.json<Record<string, unknown>>() };
  }

  it('configures no basemap by default, so the map fetches no tiles', async () => {
    expect(await get({})).toEqual({
      status: 200,
      body: { styleUrl: null, tileUrl: null, attribution: null },
    });
  });

  it('passes configured http(s) style and tile URLs and the attribution', async () => {
    const r = await get({
      VIGIA_MAP_STYLE_URL: ' https://tiles.example.org/style.json ',
      VIGIA_MAP_TILE_URL: 'http://10.0.0.5/tiles/{z}/{x}/{y}.png',
      VIGIA_MAP_ATTRIBUTION: '© OpenStreetMap',
    });
    expect(r.body).toEqual({
      styleUrl: 'https://tiles.example.org/style.json',
      tileUrl: 'http://10.0.0.5/tiles/{z}/{x}/{y}.png',
      attribution: '© OpenStreetMap',
    });
  });

  it('ignores a URL that is not http(s) rather than handing it to the browser', async () => {
    const r = await get({
      VIGIA_MAP_STYLE_URL: 'javascript:alert(1)',
      VIGIA_MAP_TILE_URL: 'file:///etc/passwd',
    });
    expect(r.body).toMatchObject({ styleUrl: null, tileUrl: null });
  });

  it('rejects an unknown language with 400', async () => {
    for (const k of KEYS) delete process.env[k];
    store = await DuckDbStore.open(':memory:');
    app = await buildApp({ store });
    injectAs(app, await signInAs(app, store, 'viewer'));
    const r = await app.inject({ url: '/api/v1/map-config?lang=fr' });
    expect(r.statusCode).toBe(400);
    expect(r.json<{ error: { code: string } }>().error.code).toBeTruthy();
  });
});
