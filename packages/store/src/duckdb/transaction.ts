import type { DuckDBConnection } from '@duckdb/node-api';

/** Runs `work` inside BEGIN/COMMIT, rolling back and rethrowing on any error. */
export async function inTransaction<T>(connection: DuckDBConnection, work: () => Promise<T>): Promise<T> {
  await connection.run('BEGIN TRANSACTION');
  try {
    const result = await work();
    await connection.run('COMMIT');
    return result;
  } catch (e) {
    await connection.run('ROLLBACK');
    throw e;
  }
}
