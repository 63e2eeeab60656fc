import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The PostgreSQL server tests use: VIGIA_TEST_DATABASE_URL, else the CI server at 127.0.0.1:5432,
 * database `test`, trust authentication (.ci/run starts it). Tests fail, not skip, when it is down:
 * a silently skipped store contract would hide a broken adapter.
 */
export const TEST_DATABASE_URL =
  process.env['VIGIA_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * A URL of a fresh, unique schema of the test database (`?schema=vigia_t_<random>`), so parallel test
 * files and parallel runs never see each other's tables. Drop it with {@link dropTestSchema}.
 */
export function testPostgresUrl(): string {
  const schema = `vigia_t_${randomBytes(6).toString('hex')}`;
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('schema', schema);
  return url.toString();
}

/** Drops the schema named in `url` (made by {@link testPostgresUrl}) and everything in it. */
export async function dropTestSchema(url: string): Promise<void> {
  const schema = new URL(url).searchParams.get('schema');
  if (!schema?.startsWith('vigia_t_')) throw new Error(`dropTestSchema: not a test schema: ${url}`);
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/**
 * Runs `sql` in the schema named in `url` on a connection of its own (tests that play a database
 * owner changing rows behind the store's back).
 */
export async function runInTestSchema(url: string, sql: string): Promise<void> {
  const schema = new URL(url).searchParams.get('schema');
  if (!schema?.startsWith('vigia_t_')) throw new Error(`runInTestSchema: not a test schema: ${url}`);
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`SET search_path TO "${schema}"`);
    await client.query(sql);
  } finally {
    await client.end();
  }
}
