import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '@vigia/api';
import { createAccount, importIncidents, importUnits, initAgency, type AccountInput } from '@vigia/services';
import { DuckDbStore, type Store } from '@vigia/store';
import { sharedPath } from '../test/shared-reference.js';

/** The built dashboard the server serves (npm run build writes it). */
export const WEB_DIST = fileURLToPath(new URL('../packages/web/dist/', import.meta.url));

/** Server clock: Wednesday 18 Dec 2019, so the latest complete COMPSTAT week is 2019-W50. */
export const SERVER_NOW = Date.UTC(2019, 11, 18, 18);

/** The administrator account the browser tests sign in with (admins upload and read the audit log). */
export const E2E_USER = {
  username: 'ana.admin',
  password: 'e2e-contraseña-segura',
  name: 'Ana Administradora',
};

/** A running server on a temporary DuckDB holding the real Chicago data, and how to stop it. */
export interface ChicagoServer {
  base: string;
  dir: string;
  close: () => Promise<void>;
}

/**
 * Builds a temporary DuckDB with the real Chicago data exactly as README "Your own data" does (agency,
 * districts, beats, the aggravated-assault export from ../shared/data/chicago), then starts the API and
 * dashboard in-process on a free loopback port. `accounts` adds more accounts than the analyst (a
 * commander needs the code of their unit).
 * @throws Error when packages/web/dist has not been built.
 */
export async function startChicagoServer(
  options: { accounts?: readonly AccountInput[] } = {},
): Promise<ChicagoServer> {
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    throw new Error(`${WEB_DIST}index.html is missing: run "npm run build" first`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'vigia-e2e-'));
  let store: Store | undefined;
  let app: FastifyInstance | undefined;
  try {
    store = await DuckDbStore.open(join(dir, 'chicago.duckdb'));
    await initAgency(store, { name: 'Chicago Police Department', timeZone: 'America/Chicago', locale: 'en' });
    const data = (f: string) => sharedPath(`data/chicago/${f}`);
    await importUnits(store, {
      file: data('police_districts_current.geojson'),
      level: 'district',
      codeProperty: 'district',
    });
    await importUnits(store, {
      file: data('police_beats_2012.geojson'),
      level: 'beat',
      codeProperty: 'BEAT_NUM',
      parentLevel: 'district',
      parentProperty: 'DISTRICT',
    });
    await importIncidents(store, {
      file: data('aggravated_assaults_2010_2019.csv'),
      profile: 'chicago-code',
      nowMs: Date.UTC(2026, 0, 1),
    });
    await createAccount(
      store,
      {
        username: E2E_USER.username,
        displayName: E2E_USER.name,
        role: 'admin',
        password: E2E_USER.password,
      },
      'e2e',
      SERVER_NOW,
    );
    for (const account of options.accounts ?? []) await createAccount(store, account, 'e2e', SERVER_NOW);
    app = await buildApp({
      store,
      webRoot: WEB_DIST,
      now: () => SERVER_NOW,
      uploadRoot: join(dir, 'uploads'),
    });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const opened = { store, app };
    return {
      base,
      dir,
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
