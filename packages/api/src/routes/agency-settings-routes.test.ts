import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFixture } from '../test-helpers/api-fixture.js';

let f: Awaited<ReturnType<typeof apiFixture>>;
beforeAll(async () => {
  f = await apiFixture([]);
});
afterAll(async () => f.close());

describe('PATCH /api/v1/agency', () => {
  it('saves an edit of the current version, and refuses a second edit of the same version with 409', async () => {
    const before = (await f.app.inject({ url: '/api/v1/agency' })).json<{ version: number; name: string }>();
    const first = await f.app.inject({
      method: 'PATCH',
      url: '/api/v1/agency',
      payload: { version: before.version, name: 'Policía de Prueba' },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ name: 'Policía de Prueba', version: before.version + 1 });
    const stale = await f.app.inject({
      method: 'PATCH',
      url: '/api/v1/agency?lang=es',
      payload: { version: before.version, locale: 'es' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ error: { code: string } }>().error.code).toBe('STORE_CONFLICT');
    const after = (await f.app.inject({ url: '/api/v1/agency' })).json<{ name: string; locale: string }>();
    expect(after).toMatchObject({ name: 'Policía de Prueba', locale: 'en' });
  });

  it('refuses unknown fields and bad values with 400', async () => {
    const v = (await f.app.inject({ url: '/api/v1/agency' })).json<{ version: number }>().version;
    for (const payload of [
      { version: v, timeZone: 'UTC' },
      { version: v, locale: 'fr' },
      { name: 'x' },
      { version: v, country: 'XYZ' },
    ]) {
      const r = await f.app.inject({ method: 'PATCH', url: '/api/v1/agency', payload });
      expect(r.statusCode, JSON.stringify(payload)).toBe(400);
    }
  });
});
