import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '@vigia/api';
import { createAccount, importCalls, importUnits, initAgency } from '@vigia/services';
import { E2E_USER } from './chicago-server.js';
import { DuckDbStore, type Store } from '@vigia/store';
import { sharedPath } from '../test/shared-reference.js';
import { WEB_DIST } from './chicago-server.js';

/** Server clock: Wednesday 15 Nov 2023 in Seattle, so the latest complete COMPSTAT week is 2023-W45. */
export const SEATTLE_NOW = Date.UTC(2023, 10, 15, 20);

/** The Seattle calls sample in ../shared/data, as the tests read it. */
export const SEATTLE_CALLS = sharedPath(
  'data/seattle_calls/calls_east_precinct_sector_C_beat_C3_sample_2018_2023.csv',
);

/** A running server on a temporary DuckDB holding the real Seattle calls sample, and how to stop it. */
export interface SeattleServer {
  base: string;
  close: () => Promise<void>;
}

/**
 * Builds a temporary DuckDB with the Seattle sample (../shared/data/seattle_calls) as README "Police
 * response" does: the agency (America/Los_Angeles), the 2018 beats, the calls with the seattle-cad
 * profile (unless `calls: false`: then the browser uploads them); then starts the API and dashboard
 * in-process on a free loopback port.
 * @throws Error when packages/web/dist has not been built.
 */
export async function startSeattleServer(options: { calls?: boolean } = {}): Promise<SeattleServer> {
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    throw new Error(`${WEB_DIST}index.html is missing: run "npm run build" first`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'vigia-e2e-seattle-'));
  let store: Store | undefined;
  let app: FastifyInstance | undefined;
  try {
    store = await DuckDbStore.open(join(dir, 'seattle.duckdb'));
    await initAgency(store, {
      name: 'Seattle Police Department',
      timeZone: 'America/Los_Angeles',
      locale: 'en',
    });
    await importUnits(store, {
      file: sharedPath('data/seattle_calls/spd_beats_2018.geojson'),
      level: 'beat',
      codeProperty: 'beat',
    });
    if (options.calls ?? true) {
      await importCalls(store, { file: SEATTLE_CALLS, profile: 'seattle-cad', nowMs: SEATTLE_NOW });
    }
    await createAccount(
      store,
      { username: E2E_USER.username, displayName: E2E_USER.name, role: 'admin', password: E2E_USER.password },
      'e2e',
      SEATTLE_NOW,
    );
    app = await buildApp({
      store,
      webRoot: WEB_DIST,
      now: () => SEATTLE_NOW,
      uploadRoot: join(dir, 'uploads'),
    });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const opened = { store, app };
    return {
      base,
      close: async () => {
        await opened.app.close();
        await opened.store.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await app?.close();
    await store?.close();
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
}
