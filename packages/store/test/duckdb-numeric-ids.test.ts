import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import {
  IncidentBatchBuilder,
  fingerprintText,
  fingerprintWords,
  incidentContentHash,
  isVigiaError,
  type PlacedIncident,
} from '@vigia/domain';
import { DuckDbStore, type Store } from '../src/index.js';
import { MIGRATIONS } from '../src/duckdb/migrations.js';
import { importMeta, incident, runImport } from './contract/fixtures.js';

/**
 * DuckDB migration 10 keeps incident ids and content hashes as numbers. Databases (and backups) made
 * before it hold them as texts: `h:<32 hex>#n` or the source's id, and 32 hex digits. These tests build
 * such a database as schema version 9 left it, with the texts the import stored then, and check the
 * conversion digit for digit and that importing the same rows again changes nothing.
 */

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function tempPath(name: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'vigia-numeric-ids-'));
  dirs.push(dir);
  return join(dir, name);
}

/** An incident row as schema version 9 stored it: id text, derived flag, hash text. */
interface OldRow {
  sourceId: string;
  derived: boolean;
  hash: string;
  version?: number;
  current?: boolean;
}

/** A database file at schema version 9 (before migration 10) holding `rows` of source 'rms'. */
async function oldDatabase(path: string, rows: readonly OldRow[]): Promise<void> {
  const instance = await DuckDBInstance.create(path);
  const c = await instance.connect();
  await c.run('CREATE TABLE schema_version (version INTEGER NOT NULL)');
  for (const [i, sql] of MIGRATIONS.slice(0, 9).entries()) {
    await c.run(sql);
    await c.run(`INSERT INTO schema_version VALUES (${i + 1})`);
  }
  await c.run(
    `INSERT INTO agency (agency_id, name, country, time_zone, locale) VALUES (1, 'Old PD', '', 'America/Chicago', 'en')`,
  );
  await c.run(`INSERT INTO source_placement VALUES (1, 'rms', 'polygon', NULL)`);
  for (const [i, r] of rows.entries()) {
    await c.run(
      `INSERT INTO incident VALUES (1, 'rms', $1, $2, $3, 1, $4, $5, $6, TIMESTAMPTZ '2019-12-10 15:00:00+00',
         TIMESTAMP '2019-12-10 09:00:00', DATE '2019-12-10', DATE '2019-12-11', 'robbery', ['robbery'], ['ROBO'],
         0.5, 0.5, NULL, NULL, NULL, NULL, 'ok', false, 'reported', NULL)`,
      [r.sourceId, r.version ?? 1, r.current ?? true, i + 2, r.hash, r.derived],
    );
  }
  c.closeSync();
  instance.closeSync();
}

/** Rows of `sql` on the database file at `path` (the store closed), values as text. */
async function query(path: string, sql: string): Promise<string[][]> {
  const instance = await DuckDBInstance.create(path);
  const c: DuckDBConnection = await instance.connect();
  try {
    return (await c.runAndReadAll(sql)).getRows().map((r) => r.map((v) => (v === null ? 'NULL' : String(v))));
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

/** The id `h:<hex>#n` the import derives from fingerprint fields `fields`, and its words. */
function derivedId(fields: string[], ordinal: number): { text: string; words: Uint32Array } {
  const words = new Uint32Array(4);
  fingerprintWords(fields, words, 0);
  return { text: `h:${fingerprintText(words, 0)}#${ordinal}`, words };
}

/** The hash stored for an id's several rows: MD5 of their hashes, sorted and comma-joined. */
const multiHash = (hashes: string[]) =>
  createHash('md5')
    .update([...hashes].sort().join(','))
    .digest('hex');

const meta = importMeta({ file: 'derived.csv' });

/** An import of rows without ids, as a pipeline gives them: derived ids as numbers (fingerprint words). */
async function importDerived(
  store: Store,
  rows: { r: PlacedIncident; words: Uint32Array; ordinal: number }[],
) {
  const session = await store.beginIncidentImport(meta);
  const builder = new IncidentBatchBuilder(64);
  for (const [i, { r, words, ordinal }] of rows.entries()) builder.addRecord(i + 2, r, r, { words, ordinal });
  session.addIncidentBatch(builder.take());
  await session.drain();
  return session.finish({});
}

describe('DuckDB migration 10: incident ids and content hashes as numbers', () => {
  it('converts every id and hash exactly, leading zeros included, and gives the same texts back', async () => {
    const path = await tempPath('old.duckdb');
    const rows: OldRow[] = [
      { sourceId: 'A', derived: false, hash: '0000000000000000000000000000002a' },
      {
        sourceId: 'h:000000ff00000000abcdef0123456789#3',
        derived: true,
        hash: 'ffffffffffffffffffffffffffffffff',
      },
      {
        sourceId: 'h:00000000000000000000000000000000#0',
        derived: true,
        hash: '00000000000000000000000000000000',
      },
      // Ids that only look derived: the text decides, so equal texts stay equal ids (as in PostgreSQL).
      {
        sourceId: 'h:0123456789abcdef0123456789abcdef#12',
        derived: false,
        hash: '0123456789abcdef0123456789abcdef',
      },
      {
        sourceId: 'h:0123456789abcdef0123456789abcdef#012',
        derived: true,
        hash: '1123456789abcdef0123456789abcdef',
      },
      {
        sourceId: 'h:0123456789ABCDEF0123456789abcdef#1',
        derived: false,
        hash: '2123456789abcdef0123456789abcdef',
      },
      {
        sourceId: 'h:0123456789abcdef0123456789abcdef#99999999999',
        derived: true,
        hash: '3123456789abcdef0123456789abcdef',
      },
      { sourceId: 'h:short#1', derived: true, hash: '4123456789abcdef0123456789abcdef' },
    ];
    await oldDatabase(path, rows);
    await (await DuckDbStore.open(path)).close();

    const stored = await query(
      path,
      `SELECT source_key, CAST(id_hash AS VARCHAR), id_n, CAST(content_hash AS VARCHAR), source_id_derived
       FROM incident_data ORDER BY source_row`,
    );
    const big = (hex: string) => BigInt(`0x${hex}`).toString();
    expect(stored).toEqual([
      ['A', 'NULL', 'NULL', '42', 'false'],
      ['NULL', big('000000ff00000000abcdef0123456789'), '3', big('f'.repeat(32)), 'true'],
      ['NULL', '0', '0', '0', 'true'],
      ['NULL', big('0123456789abcdef0123456789abcdef'), '12', big(rows[3]!.hash), 'false'],
      [rows[4]!.sourceId, 'NULL', 'NULL', big(rows[4]!.hash), 'true'],
      [rows[5]!.sourceId, 'NULL', 'NULL', big(rows[5]!.hash), 'false'],
      [rows[6]!.sourceId, 'NULL', 'NULL', big(rows[6]!.hash), 'true'],
      ['h:short#1', 'NULL', 'NULL', big(rows[7]!.hash), 'true'],
    ]);
    // The view gives readers the texts of before, byte for byte.
    expect(
      await query(path, `SELECT source_id, printf('%032x', content_hash) FROM incident ORDER BY source_row`),
    ).toEqual(rows.map((r) => [r.sourceId, r.hash]));
  });

  it('leaves incidents stored before the upgrade unchanged when the same rows are imported again', async () => {
    const path = await tempPath('old.duckdb');
    const a = incident('A', null, { polygonUnitId: null, unitId: null });
    const m1 = incident('M', null, { polygonUnitId: null, unitId: null });
    const m2 = incident('M', null, {
      polygonUnitId: null,
      unitId: null,
      offenses: [{ category: 'theft', sourceLabel: 'HURTO' }],
    });
    const derived = [1, 2, 3].map((k) => {
      const { text, words } = derivedId([`row ${k}`], k === 3 ? 2 : 1);
      const r = incident('', null, {
        polygonUnitId: null,
        unitId: null,
        sourceIdDerived: true,
        occurredAt: Date.UTC(2019, 11, 10, 15) + k * 60_000,
      });
      return { r, words, ordinal: k === 3 ? 2 : 1, text };
    });
    await oldDatabase(path, [
      { sourceId: 'A', derived: false, hash: incidentContentHash(a) },
      { sourceId: 'M', derived: false, hash: multiHash([incidentContentHash(m1), incidentContentHash(m2)]) },
      ...derived.map((d) => ({ sourceId: d.text, derived: true, hash: incidentContentHash(d.r) })),
    ]);

    const store = await DuckDbStore.open(path);
    try {
      expect((await runImport(store, [a, m1, m2])).counts).toMatchObject({
        unchanged: 3,
        incidents: 2,
        stored: 0,
        updated: 0,
        replaced: 0,
      });
      expect(await importDerived(store, derived)).toMatchObject({
        unchanged: 3,
        stored: 0,
        updated: 0,
        replaced: 0,
      });
      // A changed row is a new version of its id, whichever form the id has.
      expect(
        await importDerived(store, [{ ...derived[0]!, r: { ...derived[0]!.r, status: 'unfounded' } }]),
      ).toMatchObject({ updated: 1 });
      const versions = await store.listIncidentVersions('rms', derived[0]!.text);
      expect(versions.map((v) => [v.sourceId, v.version, v.isCurrent])).toEqual([
        [derived[0]!.text, 1, false],
        [derived[0]!.text, 2, true],
      ]);
      // Re-placement finds incidents by their id text, derived or given.
      expect(
        await store.updatePlacements('rms', [
          {
            sourceId: derived[1]!.text,
            polygonUnitId: null,
            sourceUnitId: null,
            unitId: null,
            locationFlag: 'no_location',
            unitDisagrees: false,
          },
          {
            sourceId: 'M',
            polygonUnitId: null,
            sourceUnitId: null,
            unitId: null,
            locationFlag: 'no_location',
            unitDisagrees: false,
          },
        ]),
      ).toBe(2);
      expect(
        (await store.listIncidentVersions('rms'))
          .filter((v) => v.locationFlag === 'no_location')
          .map((v) => v.sourceId)
          .sort(),
      ).toEqual(['M', derived[1]!.text].sort());
    } finally {
      await store.close();
    }
  });

  it('restores a backup made before the upgrade (a migrated copy), which re-imports as unchanged', async () => {
    const backup = await tempPath('old.backup');
    const a = incident('A', null, { polygonUnitId: null, unitId: null });
    const d = derivedId(['row'], 1);
    const r = incident('', null, { polygonUnitId: null, unitId: null, sourceIdDerived: true });
    await oldDatabase(backup, [
      { sourceId: 'A', derived: false, hash: incidentContentHash(a) },
      { sourceId: d.text, derived: true, hash: incidentContentHash(r) },
    ]);
    const path = await tempPath('new.duckdb');
    const store = await DuckDbStore.open(path);
    try {
      const info = await store.restore(backup);
      expect(info).toMatchObject({ schemaVersion: MIGRATIONS.length, tables: { incident: 2, agency: 1 } });
      expect((await store.listIncidentVersions('rms')).map((v) => v.sourceId)).toEqual(['A', d.text].sort());
      expect((await runImport(store, [a])).counts).toMatchObject({ unchanged: 1 });
      expect(await importDerived(store, [{ r, words: d.words, ordinal: 1 }])).toMatchObject({ unchanged: 1 });
      // The backup itself is left as it was.
      expect(await query(backup, 'SELECT max(version) FROM schema_version')).toEqual([['9']]);
      // A backup of this schema round-trips with the numbers.
      const again = await tempPath('new.backup');
      await store.backup(again);
      expect(await query(again, `SELECT source_id FROM incident ORDER BY source_id`)).toEqual(
        [['A'], [d.text]].sort(),
      );
      expect((await store.restore(again, { replace: true })).tables).toMatchObject({ incident: 2 });
    } finally {
      await store.close();
    }
  });

  it('refuses a backup made by a newer schema', async () => {
    const backup = await tempPath('newer.backup');
    await oldDatabase(backup, []);
    const instance = await DuckDBInstance.create(backup);
    const c = await instance.connect();
    await c.run(`INSERT INTO schema_version VALUES (${MIGRATIONS.length + 1})`);
    c.closeSync();
    instance.closeSync();
    const store = await DuckDbStore.open(await tempPath('v.duckdb'));
    try {
      await expect(store.restore(backup)).rejects.toSatisfy((e) => isVigiaError(e, 'BACKUP_INVALID'));
    } finally {
      await store.close();
    }
  });
});
