import { afterAll, describe, expect, it } from 'vitest';
import { dropTestSchema, testPostgresUrl } from '../../../../test/postgres-test-db.js';
import { sharedPath } from '../../../../test/shared-reference.js';
import { runCli, tempDir } from '../test-helpers/cli-harness.js';

const NOW = Date.UTC(2020, 0, 10);
const ROWS = [
  'date,loc_cat,longitude,latitude,district',
  '2019-12-09 10:00,street,-87.6277,41.7922,2',
  '2019-12-10 23:30,residence,-87.6683,41.7513,6',
  '2019-12-14 08:15,street,-87.7,41.9,25',
  '2019-02-30 10:00,street,-87.6,41.8,2',
];

/**
 * `vigia backup FILE` / `vigia restore FILE` round trip through the CLI on both stores: the restored
 * database prints the same report; a database that holds data is not overwritten without --replace;
 * VIGIA_DATABASE_URL selects PostgreSQL when --db is not given.
 */
describe.each(['DuckDB', 'PostgreSQL'] as const)('vigia backup / restore: %s', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.splice(0)) await c();
  });
  const location = (tmp: Awaited<ReturnType<typeof tempDir>>, name: string): string => {
    if (kind === 'DuckDB') return tmp.path(`${name}.duckdb`);
    const url = testPostgresUrl();
    cleanups.push(() => dropTestSchema(url));
    return url;
  };

  it('round trip: the restored database reports the same; refusals are clear', async () => {
    const tmp = await tempDir();
    cleanups.push(tmp.remove);
    const [source, target] = [location(tmp, 'source'), location(tmp, 'target')];
    const run = (args: string[], env: Record<string, string> = {}) => runCli(args, { nowMs: NOW, env });
    // The source is chosen by the environment, as several instances behind a load balancer would be.
    const env: Record<string, string> = {
      [kind === 'PostgreSQL' ? 'VIGIA_DATABASE_URL' : 'VIGIA_DB']: source,
    };
    expect(
      (await run(['init', '--agency-name', 'CPD', '--time-zone', 'America/Chicago', '--locale', 'en'], env))
        .code,
    ).toBe(0);
    const districts = sharedPath('data/chicago/police_districts_current.geojson');
    expect(
      (await run(['import', 'units', districts, '--level', 'district', '--code-property', 'district'], env))
        .code,
    ).toBe(0);
    const csv = await tmp.write('few.csv', `${ROWS.join('\n')}\n`);
    const imported = await run(['import', 'incidents', csv, '--profile', 'chicago-code', '--json'], env);
    expect(JSON.parse(imported.out)).toMatchObject({ read: 4, stored: 3, quarantined: 1 });

    const file = tmp.path('vigia.backup');
    const backup = await run(['backup', file], env);
    expect(backup.err).toBe('');
    expect(backup.out).toMatch(
      /Backup of .* written to .*vigia\.backup: 3 incident versions, 23 units, 1 imports\./,
    );
    expect((await run(['backup', file], env)).err).toContain('already exists');

    const restore = await run(['restore', file, '--db', target, '--json']);
    expect(restore.code, restore.err).toBe(0);
    expect(JSON.parse(restore.out)).toMatchObject({ tables: { incident: 3, unit: 23, quarantine: 1 } });
    const report = (db: string) =>
      run(['report', 'compstat', '--db', db, '--week', '2019-W50', '--format', 'json']);
    const [before, after] = [await report(source), await report(target)];
    expect(after.out).toBe(before.out);
    expect((JSON.parse(after.out) as { rows: unknown[] }).rows[0]).toMatchObject({
      unit: '*',
      wtd: { current: 3 },
    });
    const quarantine = await run(['quarantine', 'list', '--db', target, '--format', 'json']);
    expect(JSON.parse(quarantine.out)).toMatchObject([{ row: 5, reasons: ['IMPOSSIBLE_DATE'] }]);

    const again = await run(['restore', file, '--db', target]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('--replace');
    expect((await run(['restore', file, '--db', target, '--replace'])).code).toBe(0);
  });
});
