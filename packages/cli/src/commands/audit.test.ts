import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { dropTestSchema, runInTestSchema, testPostgresUrl } from '../../../../test/postgres-test-db.js';
import { sharedPath } from '../../../../test/shared-reference.js';
import { runCli, tempDir } from '../test-helpers/cli-harness.js';

const NOW = Date.UTC(2020, 0, 10);
const ROWS = [
  'date,loc_cat,longitude,latitude,district',
  '2019-12-09 10:00,street,-87.6277,41.7922,2',
  '2019-12-10 23:30,residence,-87.6683,41.7513,6',
  '2019-02-30 10:00,street,-87.6,41.8,2',
];
const run = (args: string[]) => runCli(args, { nowMs: NOW, env: {} });

interface Verification {
  ok: boolean;
  rows: number;
  head: { seq: number; hash: string } | null;
  break: { seq: number; reason: string } | null;
  anchor: { seq: number; status: string } | null;
}

const verify = async (db: string, ...more: string[]) => {
  const r = await run(['audit', 'verify', '--db', db, '--json', ...more]);
  return { ...r, v: JSON.parse(r.out) as Verification };
};

/**
 * `vigia audit verify` and `vigia audit list` end to end on both stores: the commands that change data
 * leave their rows with the CLI actor; verify passes on a clean log, finds an edited and a deleted row
 * (exit 1, the row and the reason in words), and with --expect-head also a deleted last row, which the
 * chain alone cannot see. Rows are tampered with as a database owner would, behind Vigía's back.
 */
describe.each(['DuckDB', 'PostgreSQL'] as const)('vigia audit: %s', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  /** A fresh database with an agency, districts and one import: 3 audit rows. */
  async function seeded(): Promise<{ db: string; tamper: (sql: string) => Promise<void> }> {
    const tmp = await tempDir('vigia-audit-');
    cleanups.push(tmp.remove);
    let db: string;
    let tamper: (sql: string) => Promise<void>;
    if (kind === 'DuckDB') {
      db = tmp.path('a.duckdb');
      tamper = async (sql) => {
        const instance = await DuckDBInstance.create(db);
        const c = await instance.connect();
        try {
          await c.run(sql);
        } finally {
          c.closeSync();
          instance.closeSync();
        }
      };
    } else {
      const url = testPostgresUrl();
      cleanups.push(() => dropTestSchema(url));
      db = url;
      tamper = (sql) =>
        runInTestSchema(url, `ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change; ${sql}`);
    }
    const init = ['init', '--db', db, '--agency-name', 'CPD', '--time-zone', 'America/Chicago'];
    expect((await run([...init, '--locale', 'en'])).code).toBe(0);
    const districts = sharedPath('data/chicago/police_districts_current.geojson');
    const units = ['import', 'units', districts, '--db', db, '--level', 'district'];
    expect((await run([...units, '--code-property', 'district'])).code).toBe(0);
    const csv = await tmp.write('few.csv', `${ROWS.join('\n')}\n`);
    expect((await run(['import', 'incidents', csv, '--db', db, '--profile', 'chicago-code'])).code).toBe(0);
    return { db, tamper };
  }

  it('lists what the commands did, with the CLI actor, filtered and paged', async () => {
    const { db } = await seeded();
    const list = await run(['audit', 'list', '--db', db, '--format', 'json']);
    expect(list.code).toBe(0);
    const page = JSON.parse(list.out) as {
      rows: { seq: number; actor: string; action: string; after: Record<string, unknown> }[];
      nextBeforeSeq: number | null;
    };
    expect(page.rows.map((r) => [r.seq, r.action])).toEqual([
      [3, 'import.incidents'],
      [2, 'units.import'],
      [1, 'agency.create'],
    ]);
    for (const r of page.rows) expect(r.actor).toMatch(/^cli:[^@]+@.+$/);
    expect(page.rows[0]!.after).toMatchObject({
      file: 'few.csv',
      profile: 'chicago-code',
      stored: 2,
      quarantined: 1,
    });
    expect(page.nextBeforeSeq).toBeNull();

    const table = await run(['audit', 'list', '--db', db, '--action', 'import', '--lang', 'es']);
    expect(table.out).toContain('cuándo (UTC)');
    expect(table.out).toMatch(
      /^3 {2}\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ {2}cli:.+ {2}import\.incidents {2}import:1 {2}file="few\.csv"/m,
    );
    expect(table.out).not.toContain('units.import');
    const paged = await run(['audit', 'list', '--db', db, '--limit', '1', '--lang', 'en']);
    expect(paged.out).toContain('More rows: add --before 3.');
    const none = await run(['audit', 'list', '--db', db, '--actor', 'user:9:nobody', '--lang', 'en']);
    expect(none.out).toBe('No audit rows match.\n');
    const bad = await run(['audit', 'list', '--db', db, '--from', 'last week']);
    expect([bad.code, bad.err]).toEqual([1, expect.stringContaining('from')]);
  });

  it('verify: passes on a clean log and prints the head to write down', async () => {
    const { db } = await seeded();
    const { code, v } = await verify(db);
    expect(code).toBe(0);
    expect(v).toMatchObject({ ok: true, rows: 3, head: { seq: 3 }, break: null, anchor: null });
    expect(v.head!.hash).toMatch(/^[0-9a-f]{64}$/);
    const text = await run(['audit', 'verify', '--db', db, '--lang', 'en']);
    expect(text.code).toBe(0);
    expect(text.out).toContain(`Audit log intact: 3 rows checked. Head: seq 3, hash ${v.head!.hash}.`);
    expect(text.out).toContain(`--expect-head 3:${v.head!.hash}`);
    const anchored = await verify(db, '--expect-head', `2:${(await verify(db)).v.head!.hash}`);
    // Row 2's hash is not the head's: a mismatch, exit 1.
    expect([anchored.code, anchored.v.anchor?.status]).toEqual([1, 'mismatch']);
    expect((await verify(db, '--expect-head', `3:${v.head!.hash}`)).v.anchor?.status).toBe('match');
  });

  it('verify: an edited row fails with exit 1, naming the row and the reason', async () => {
    const { db, tamper } = await seeded();
    await tamper(
      `UPDATE audit_log SET after_json = replace(after_json, '"stored":2', '"stored":20') WHERE seq = 3`,
    );
    const { code, v, err } = await verify(db, '--lang', 'en');
    expect(code).toBe(1);
    expect(v).toMatchObject({ ok: false, rows: 3, break: { seq: 3, reason: 'edited' }, head: null });
    expect(err).toContain('The audit log is BROKEN at row 3: the row was changed after it was written');
    const es = await run(['audit', 'verify', '--db', db, '--lang', 'es']);
    expect([es.code, es.out]).toEqual([1, '']);
    expect(es.err).toContain('El registro de auditoría está ROTO en la fila 3: la fila se modificó');
  });

  it('verify: a deleted row fails; a deleted LAST row only fails against the head written down', async () => {
    const { db, tamper } = await seeded();
    const before = (await verify(db)).v.head!;
    await tamper('DELETE FROM audit_log WHERE seq = 2');
    const middle = await verify(db, '--lang', 'en');
    expect([middle.code, middle.v.break]).toEqual([1, { seq: 2, reason: 'missing' }]);
    expect(middle.err).toContain('BROKEN at row 2: the row is missing');

    const { db: other, tamper: tamperOther } = await seeded();
    const head = (await verify(other)).v.head!;
    await tamperOther('DELETE FROM audit_log WHERE seq = 3');
    // The shorter chain is itself valid...
    expect((await verify(other)).v).toMatchObject({ ok: true, rows: 2, head: { seq: 2 } });
    // ...but the head written down before is gone.
    const anchored = await verify(other, '--expect-head', `${head.seq}:${head.hash}`, '--lang', 'en');
    expect([anchored.code, anchored.v.anchor?.status]).toEqual([1, 'missing']);
    expect(anchored.err).toContain('the log now ends at row 2, so rows at its end were deleted');
    expect(before.seq).toBe(3);
    const malformed = await run(['audit', 'verify', '--db', other, '--expect-head', '3:abc']);
    expect([malformed.code, malformed.err]).toEqual([1, expect.stringContaining('--expect-head')]);
  });

  it('restore appends store.restore; a head from the replaced log then reads as replaced', async () => {
    const { db } = await seeded();
    const tmp = await tempDir('vigia-audit-bk-');
    cleanups.push(tmp.remove);
    const file = tmp.path('b.backup');
    expect((await run(['backup', file, '--db', db])).code).toBe(0);
    // The backup is recorded after it is written: row 4, not in the backup.
    const head = (await verify(db)).v.head!;
    expect(head.seq).toBe(4);
    expect((await run(['restore', file, '--db', db, '--replace'])).code).toBe(0);
    const list = JSON.parse(
      (await run(['audit', 'list', '--db', db, '--format', 'json', '--limit', '2'])).out,
    ) as {
      rows: { seq: number; action: string; before: unknown }[];
    };
    expect(list.rows.map((r) => [r.seq, r.action])).toEqual([
      [4, 'store.restore'],
      [3, 'import.incidents'],
    ]);
    expect(list.rows[0]!.before).toEqual({ head: { seq: 4, hash: head.hash } });
    const after = await verify(db, '--expect-head', `${head.seq}:${head.hash}`, '--lang', 'en');
    expect([after.code, after.v.rows, after.v.anchor]).toEqual([
      1,
      4,
      { seq: 4, hash: head.hash, status: 'replaced', restoredAtSeq: 4 },
    ]);
    expect(after.err).toContain('belonged to a log that a restore replaced (row 4, store.restore)');
  });
});
