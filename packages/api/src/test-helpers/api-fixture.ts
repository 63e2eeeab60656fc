import type { FastifyInstance } from 'fastify';
import { importIncidents } from '@vigia/services';
import type { Store } from '@vigia/store';
import {
  FIXTURE_HEADER,
  FIXTURE_MAPPING,
  fixtureAgency,
} from '../../../services/src/test-helpers/fixture-agency.js';
import { buildApp, type AppOptions } from '../app/build-app.js';
import { injectAs, signInAs, type AuthHeaders } from './sign-in.js';

/** "Now" of API tests: Friday 2019-12-20, so the latest complete week is 2019-W50. */
export const API_NOW = Date.UTC(2019, 11, 20, 18);

/** Fixture incidents (America/Chicago; beats 11/12 in district 1, 21/22 in district 2). */
export const API_ROWS = [
  'a1,2019-12-09 10:00,ROBO,,R,,0.5,0.25',
  'a2,2019-12-10 23:30,HURTO,,R,,0.5,0.75',
  'a3,2019-12-15 23:59,ROBO,,R,,1.5,0.25',
  'a4,2018-12-11 08:00,ROBO,,R,,1.5,0.75',
  'a5,2019-12-12 12:00,HURTO,,R,11,,',
  'a6,2019-12-13 12:00,BAILE,,R,,5,5',
  'bad,2019-13-01 10:00,ROBO,,R,,0.5,0.5',
];

/**
 * The fixture agency with a few incidents (one quarantined row), served by buildApp. `close()` closes
 * the app and the store. Unless `signIn: false`, an admin account is signed in and `app.inject` sends
 * its session cookie and CSRF header with every request (`auth`): tests go through the real checks
 * rather than around them. A request that sets its own `cookie` header sends only that.
 */
export async function apiFixture(
  rows: string[] = API_ROWS,
  now: number = API_NOW,
  options: { signIn?: boolean; app?: Partial<AppOptions> } = {},
): Promise<{
  app: FastifyInstance;
  store: Store;
  /** Temp folder of the fixture files, also the upload root. */
  dir: string;
  write: (name: string, text: string) => Promise<string>;
  mapping: string;
  /** The admin session's headers (empty strings when `signIn: false`). */
  auth: AuthHeaders;
  close: () => Promise<void>;
}> {
  const f = await fixtureAgency();
  const mapping = await f.write('m.json', JSON.stringify(FIXTURE_MAPPING));
  if (rows.length > 0) {
    const csv = await f.write('fixture.csv', [FIXTURE_HEADER, ...rows].join('\n'));
    await importIncidents(f.store, { file: csv, profile: 'generic', mappingFile: mapping, nowMs: API_NOW });
  }
  const app = await buildApp({ store: f.store, now: () => now, uploadRoot: f.dir, ...options.app });
  let auth: AuthHeaders = { cookie: '', 'x-csrf-token': '' };
  if (options.signIn ?? true) {
    auth = await signInAs(app, f.store, 'admin', { username: 'admin', now });
    injectAs(app, auth);
  }
  return {
    app,
    auth,
    store: f.store,
    dir: f.dir,
    write: f.write,
    mapping,
    close: async () => {
      await app.close();
      await f.store.close();
    },
  };
}
