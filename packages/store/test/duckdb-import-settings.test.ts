import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportSettings } from '../src/duckdb/import-settings.js';

/** DuckDB's thread count and row groups buffered before writing, as another connection sees them. */
async function settings(c: DuckDBConnection): Promise<number[]> {
  const rows = await c.runAndReadAll(
    `SELECT current_setting('threads'), current_setting('write_buffer_row_group_count')`,
  );
  return rows.getRows()[0]!.map(Number);
}

describe('ImportSettings', () => {
  let instance: DuckDBInstance;
  let a: DuckDBConnection;
  let b: DuckDBConnection;
  let other: DuckDBConnection;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    [a, b, other] = [await instance.connect(), await instance.connect(), await instance.connect()];
    await other.run('SET threads = 3; SET write_buffer_row_group_count = 4');
  });
  afterAll(() => {
    for (const c of [a, b, other]) c.closeSync();
    instance.closeSync();
  });

  it('holds the import settings until the last holder releases, then restores the values', async () => {
    const limit = new ImportSettings();
    await limit.acquire(a);
    expect(await settings(other)).toEqual([1, 1]);
    await limit.acquire(b);
    await limit.release(a);
    expect(await settings(other)).toEqual([1, 1]);
    await limit.release(b);
    expect(await settings(other)).toEqual([3, 4]);
  });

  it('ignores a release without an acquire', async () => {
    const limit = new ImportSettings();
    await limit.release(a);
    expect(await settings(other)).toEqual([3, 4]);
  });
});
