import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { isVigiaError } from '@vigia/domain';
import { freshLocation, CHICAGO_CSV, initChicago, type StoreLocation } from '../test-helpers/both-stores.js';
import { importInChild } from '../test-helpers/import-in-child.js';
import { openStore } from './open-store.js';

const VIGIA = fileURLToPath(new URL('../../../cli/bin/vigia.js', import.meta.url));

/** Agency-wide, all-category WTD count of 2019-W50, as another `vigia` process reports it. */
async function reportInOtherProcess(location: string): Promise<number> {
  const { stdout } = await promisify(execFile)(process.execPath, [
    VIGIA,
    'report',
    'compstat',
    '--db',
    location,
    '--week',
    '2019-W50',
    '--format',
    'json',
  ]);
  const report = JSON.parse(stdout) as {
    rows: { unit: string; category: string; wtd: { current: number } }[];
  };
  return report.rows.find((r) => r.unit === '*' && r.category === '*')?.wtd.current ?? 0;
}

// Heavy I/O on a shared 2-core machine: minutes under load, not a speed check (benchmarks do that).
const HEAVY_MS = 900_000;

/**
 * Several Vigía instances on one PostgreSQL database (issue 7): an import done by one process is seen
 * whole by another process's report, never in part; two editors of the same record get STORE_CONFLICT.
 */
describe('several instances on one PostgreSQL database', () => {
  const locations: StoreLocation[] = [];
  afterAll(async () => {
    for (const l of locations.splice(0)) await l.remove();
  });

  it(
    "one process's import shows in another process's report, all or nothing",
    async () => {
      const loc = await freshLocation('PostgreSQL');
      locations.push(loc);
      await initChicago(loc.location, { beats: false });
      expect(await reportInOtherProcess(loc.location)).toBe(0);
      // Report from a second process while the first one imports: it sees none of the import or all.
      const importing = importInChild(loc.location, CHICAGO_CSV);
      const during = await reportInOtherProcess(loc.location);
      const done = await importing;
      expect(done.stdout).toContain('"stored":148636');
      expect([0, 255]).toContain(during);
      // 255 aggravated assaults in Chicago in 2019-W50 (chicago-real-data.test.ts, checked against R).
      expect(await reportInOtherProcess(loc.location)).toBe(255);
    },
    HEAVY_MS,
  );

  it('two instances saving the same version of the agency: one wins, the other gets a conflict', async () => {
    const loc = await freshLocation('PostgreSQL');
    locations.push(loc);
    const a = await openStore(loc.location);
    const b = await openStore(loc.location);
    try {
      await a.createAgency({ name: 'Policía', country: 'PA', timeZone: 'America/Panama', locale: 'es' });
      const readByA = (await a.getAgency())!.version;
      const readByB = (await b.getAgency())!.version;
      const results = await Promise.allSettled([
        a.updateAgency({ name: 'Policía Nacional' }, readByA),
        b.updateAgency({ name: 'Policía Nacional de Panamá' }, readByB),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const lost = results.find((r) => r.status === 'rejected');
      expect(isVigiaError(lost?.reason, 'STORE_CONFLICT')).toBe(true);
      expect((await b.getAgency())?.version).toBe(2);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
