import { afterEach, describe, expect, it } from 'vitest';
import { isVigiaError } from '@vigia/domain';
import { DuckDbStore, type Store } from '@vigia/store';
import { initAgency } from './init-agency.js';
import { updateAgencySettings } from './update-agency.js';

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

/** Validation here; the version guard itself is in the Store contract suite (both stores). */
describe('updateAgencySettings', () => {
  it('saves valid settings from the version read, and refuses a stale version with STORE_CONFLICT', async () => {
    store = await DuckDbStore.open(':memory:');
    await initAgency(store, { name: 'PN', timeZone: 'America/Panama', locale: 'es' });
    const saved = await updateAgencySettings(store, { name: ' Policía Nacional ', country: 'pa' }, 1);
    expect(saved).toMatchObject({ name: 'Policía Nacional', country: 'PA', locale: 'es', version: 2 });
    const stale = await updateAgencySettings(store, { locale: 'en' }, 1).catch((e: unknown) => e);
    expect(isVigiaError(stale, 'STORE_CONFLICT')).toBe(true);
  });

  it('refuses an empty name, a bad country or language, before touching the store', async () => {
    store = await DuckDbStore.open(':memory:');
    await initAgency(store, { name: 'PN', timeZone: 'America/Panama', locale: 'es' });
    for (const [input, code] of [
      [{ name: '  ' }, 'INVALID_ARGUMENT'],
      [{ country: 'Panama' }, 'INVALID_ARGUMENT'],
      [{ locale: 'fr' }, 'INVALID_LOCALE'],
      [{ epsg: 4326 }, 'CRS_NOT_METRIC'],
      [{ epsg: 12 }, 'CRS_UNKNOWN'],
    ] as const) {
      const e = await updateAgencySettings(store, input, 1).catch((x: unknown) => x);
      expect(isVigiaError(e, code), JSON.stringify(input)).toBe(true);
    }
    expect((await store.getAgency())?.version).toBe(1);
  });
});
