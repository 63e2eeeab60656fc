import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropTestSchema, testPostgresUrl } from '../../../../test/postgres-test-db.js';
import { sharedPath } from '../../../../test/shared-reference.js';
import { initAgency } from '../agency/init-agency.js';
import { DuckDbStore, type Store } from '@vigia/store';
import { openStore } from '../store/open-store.js';
import { importUnits } from '../units/import-units.js';

/** A store location of each kind, fresh: a DuckDB file in a temp dir, a PostgreSQL test schema. */
export interface StoreLocation {
  kind: 'DuckDB' | 'PostgreSQL';
  location: string;
  remove: () => Promise<void>;
}

export async function freshLocation(kind: StoreLocation['kind']): Promise<StoreLocation> {
  if (kind === 'PostgreSQL') {
    const location = testPostgresUrl();
    return { kind, location, remove: () => dropTestSchema(location) };
  }
  const dir = await mkdtemp(join(tmpdir(), 'vigia-services-'));
  return { kind, location: join(dir, 'v.duckdb'), remove: () => rm(dir, { recursive: true, force: true }) };
}

export const STORE_KINDS = ['DuckDB', 'PostgreSQL'] as const;

/**
 * Creates the Chicago agency with its districts and (unless `beats: false`, quicker) beats
 * (../shared/data/chicago) at `location`.
 */
export async function initChicago(location: string, options: { beats?: boolean } = {}): Promise<void> {
  const store = await openStore(location);
  try {
    await initAgency(store, { name: 'Chicago Police Department', timeZone: 'America/Chicago', locale: 'en' });
    await importUnits(store, {
      file: sharedPath('data/chicago/police_districts_current.geojson'),
      level: 'district',
      codeProperty: 'district',
    });
    if (options.beats === false) return;
    await importUnits(store, {
      file: sharedPath('data/chicago/police_beats_2012.geojson'),
      level: 'beat',
      codeProperty: 'BEAT_NUM',
      parentLevel: 'district',
      parentProperty: 'DISTRICT',
    });
  } finally {
    await store.close();
  }
}

export const CHICAGO_CSV = sharedPath('data/chicago/aggravated_assaults_2010_2019.csv');

const opened: StoreLocation[] = [];

/**
 * A fresh, empty store of `kind`: DuckDB in memory, PostgreSQL in a new test schema. Remove the
 * schemas with {@link removeTestStores} (afterEach) once the stores are closed.
 */
export async function openTestStore(kind: StoreLocation['kind']): Promise<Store> {
  if (kind === 'DuckDB') return DuckDbStore.open(':memory:');
  const loc = await freshLocation(kind);
  opened.push(loc);
  return openStore(loc.location);
}

/** Drops what {@link openTestStore} created. */
export async function removeTestStores(): Promise<void> {
  for (const loc of opened.splice(0)) await loc.remove();
}
