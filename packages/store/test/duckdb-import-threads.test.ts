import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportThreadLimit } from '../src/duckdb/import-threads.js';

/** DuckDB's thread count as another connection of the same database sees it. */
async function threads(c: DuckDBConnection): Promise<number> {
  return Number((await c.runAndReadAll(`SELECT current_setting('threads')`)).getRows()[0]![0]);
}

describe('ImportThreadLimit', () => {
  let instance: DuckDBInstance;
  let a: DuckDBConnection;
  let b: DuckDBConnection;
  let other: DuckDBConnection;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    [a, b, other] = [await instance.connect(), await instance.connect(), await instance.connect()];
    await other.run('SET threads = 3');
  });
  afterAll(() => {
    for (const c of [a, b, other]) c.closeSync();
    instance.closeSync();
  });

  it('holds the database to one thread until the last holder releases, then restores the count', async () => {
    const limit = new ImportThreadLimit();
    await limit.acquire(a);
    expect(await threads(other)).toBe(1);
    await limit.acquire(b);
    await limit.release(a);
    expect(await threads(other)).toBe(1);
    await limit.release(b);
    expect(await threads(other)).toBe(3);
  });

  it('ignores a release without an acquire', async () => {
    const limit = new ImportThreadLimit();
    await limit.release(a);
    expect(await threads(other)).toBe(3);
  });
});
