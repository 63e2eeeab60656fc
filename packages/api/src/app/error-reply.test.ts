import { describe, expect, it } from 'vitest';
import { DuckDbStore } from '@vigia/store';
import { buildApp } from './build-app.js';
import { requestLocale } from './request-locale.js';
import { injectAs, signInAs } from '../test-helpers/sign-in.js';

describe('requestLocale', () => {
  it('takes ?lang, then the best Accept-Language Vigía speaks, then the agency locale, then Spanish', () => {
    expect(requestLocale({ lang: 'en' }, 'es', 'es')).toBe('en');
    expect(requestLocale({ lang: 'fr' }, 'en-US,en;q=0.8', 'es')).toBe('en');
    expect(requestLocale({}, 'fr-FR, en;q=0.4, es;q=0.9', 'en')).toBe('es');
    expect(requestLocale({}, 'fr-FR, de;q=0.9', 'en')).toBe('en');
    expect(requestLocale({}, 'en;q=0', null)).toBe('es');
    expect(requestLocale(undefined, undefined, null)).toBe('es');
  });
});

describe('uncatalogued and store-level errors', () => {
  it('hides an unexpected failure behind a generic 500 that carries the request id', async () => {
    const store = await DuckDbStore.open(':memory:');
    await store.createAgency({ name: 'X', country: 'PA', timeZone: 'America/Panama', locale: 'es' });
    store.qualityFigures = () => Promise.reject(new Error('disk on fire at /secret/path'));
    const app = await buildApp({ store });
    injectAs(app, await signInAs(app, store, 'viewer'));
    try {
      const r = await app.inject({ url: '/api/v1/quality', headers: { 'accept-language': 'en' } });
      expect(r.statusCode).toBe(500);
      const body = r.json<{ error: { code: string; message: string; requestId: string } }>();
      expect(body.error.code).toBe('INTERNAL');
      expect(body.error.message).not.toContain('secret');
      expect(body.error.message).toContain(body.error.requestId);
    } finally {
      await app.close();
      await store.close();
    }
  });

  it('answers a store with no agency yet with 409 NOT_INITIALIZED', async () => {
    const store = await DuckDbStore.open(':memory:');
    const app = await buildApp({ store });
    injectAs(app, await signInAs(app, store, 'viewer'));
    try {
      const r = await app.inject({ url: '/api/v1/agency?lang=es' });
      expect(r.statusCode).toBe(409);
      expect(r.json<{ error: { code: string; message: string } }>().error.message).toContain('vigia init');
    } finally {
      await app.close();
      await store.close();
    }
  });
});
