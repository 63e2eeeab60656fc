import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDbStore } from '../src/index.js';
import { storeContract } from './contract/store-contract.js';
import { backupContract } from './contract/backup-contract.js';
import type { StoreFactory } from './contract/fixtures.js';

/** The embedded store in a fresh file of a temp directory (a file, so reopening is tested too). */
const duckdb: StoreFactory = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'vigia-contract-'));
  const path = join(dir, 'v.duckdb');
  let current = await DuckDbStore.open(path);
  return {
    store: current,
    reopen: async () => (current = await DuckDbStore.open(path)),
    cleanup: async () => {
      await current.close().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
};

storeContract('DuckDB', duckdb);
backupContract('DuckDB', duckdb);
