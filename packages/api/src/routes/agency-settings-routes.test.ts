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

  it('sets the metric CRS of analyses (checked with proj4) and clears it; refuses feet and unknown codes', async () => {
    const v = (await f.app.inject({ url: '/api/v1/agency' })).json<{ version: number }>().version;
    const patch = (payload: object, lang = 'en') =>
      f.app.inject({ method: 'PATCH', url: `/api/v1/agency?lang=${lang}`, payload });
    const set = await patch({ version: v, epsg: 3116 });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ epsg: 3116, version: v + 1 });
    expect((await f.app.inject({ url: '/api/v1/agency' })).json()).toMatchObject({ epsg: 3116 });
    const feet = await patch({ version: v + 1, epsg: 2276 }, 'es');
    expect(feet.statusCode).toBe(400);
    expect(feet.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'CRS_NOT_METRIC',
      message: expect.stringMatching(
        /^EPSG:2276 no es un sistema proyectado en metros \(su unidad: us-ft\)/,
      ) as unknown,
    });
    const unknown = await patch({ version: v + 1, epsg: 99999 });
    expect(unknown.json<{ error: { code: string } }>().error.code).toBe('CRS_UNKNOWN');
    const cleared = await patch({ version: v + 1, epsg: null });
    expect(cleared.json()).toMatchObject({ epsg: null, version: v + 2 });
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
