import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importIncidents } from '../import/import-incidents.js';
import {
  CHICAGO_CSV,
  freshLocation,
  initChicago,
  STORE_KINDS,
  type StoreLocation,
} from '../test-helpers/both-stores.js';
import { importInChild } from '../test-helpers/import-in-child.js';
import { openStore } from './open-store.js';

// Heavy I/O on a shared 2-core machine: minutes under load, not a speed check (benchmarks do that).
const HEAVY_MS = 900_000;

/**
 * Crash safety (issue 7): a `vigia` process killed in the middle of an import leaves no partial batch
 * (no incident, no quarantine row, no import listed) on either store, and running the import again
 * completes it, with one audit row. The file is the real Chicago export plus three bad rows, so quarantine is exercised.
 */
describe.each(STORE_KINDS)('an import killed mid-way: %s', (kind) => {
  let file: string;
  const locations: StoreLocation[] = [];

  beforeAll(async () => {
    const loc = await freshLocation('DuckDB');
    locations.push(loc);
    file = join(dirname(loc.location), 'chicago_plus_bad_rows.csv');
    const bad = [
      '2019-02-30 10:00,street,-87.6,41.8,2',
      'yesterday,street,-87.6,41.8,2',
      ',street,-87.6,41.8,2',
    ];
    await writeFile(file, `${(await readFile(CHICAGO_CSV, 'utf8')).trimEnd()}\n${bad.join('\n')}\n`);
  });
  afterAll(async () => {
    for (const l of locations.splice(0)) await l.remove();
  });

  for (const [phase, delayMs] of [
    ['staging', 0],
    ['merging', 150],
  ] as const) {
    it(
      `while ${phase}: nothing is left behind, and a re-run completes the import`,
      async () => {
        const loc = await freshLocation(kind);
        locations.push(loc);
        await initChicago(loc.location, { beats: false });
        const run = await importInChild(loc.location, file, phase, delayMs);
        // The kill must have landed before the import finished, or this test proves nothing.
        expect(run.signal, run.stderr).toBe('SIGKILL');
        expect(run.stdout).not.toContain('"read"');

        const store = await openStore(loc.location, { create: false });
        try {
          expect(await store.countCurrentIncidents()).toBe(0);
          expect(await store.listImports()).toEqual([]);
          expect(await store.listQuarantine({ importId: undefined })).toEqual([]);
          // ...nor an audit row for it (the row commits with the merge or not at all).
          expect(await store.listAudit({ action: 'import.' })).toEqual([]);
          const summary = await importIncidents(store, {
            file,
            profile: 'chicago-code',
            nowMs: Date.UTC(2026, 0, 1),
          });
          expect(summary).toMatchObject({ read: 148_639, stored: 148_636, quarantined: 3 });
          expect(await store.countCurrentIncidents()).toBe(148_636);
          expect((await store.listImports()).map((i) => i.stored)).toEqual([148_636]);
          expect((await store.listQuarantine()).map((q) => q.row)).toEqual([148_638, 148_639, 148_640]);
          expect((await store.listAudit({ action: 'import.' })).map((r) => r.after)).toEqual([
            expect.objectContaining({ read: 148_639, stored: 148_636, quarantined: 3 }),
          ]);
        } finally {
          await store.close();
        }
      },
      HEAVY_MS,
    );
  }
});
