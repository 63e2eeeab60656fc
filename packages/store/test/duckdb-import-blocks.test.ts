import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { IncidentBatchBuilder, fingerprintWords, type PlacedIncident } from '@vigia/domain';
import { DuckDbStore, type ImportCounts } from '../src/index.js';
import { importMeta, incident, seedUnits } from './contract/fixtures.js';

/**
 * The DuckDB import inserts a first import of a source block by block (122,880 rows each) while rows
 * still arrive, and undoes the blocks for a full merge when rows turn out to share a given id. These
 * imports are large enough for blocks; each is compared, column by column, with the same rows given one
 * by one to a store where the source already has an incident (so they are merged at the end).
 */
const ROWS = 122_880 + 20_000;

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function freshStore(): Promise<{ store: DuckDbStore; path: string; units: Record<string, number> }> {
  const dir = await mkdtemp(join(tmpdir(), 'vigia-blocks-'));
  dirs.push(dir);
  const path = join(dir, 'v.duckdb');
  const store = await DuckDbStore.open(path);
  return { store, path, units: await seedUnits(store) };
}

/**
 * Row `i`: a derived-id incident (given id from `givenFrom` on; the last row repeats the first given id
 * when `repeat`), spread over days, units and labels.
 */
function row(i: number, units: Record<string, number>, givenFrom: number, repeat = false): PlacedIncident {
  const unit = i % 3 === 0 ? null : i % 3 === 1 ? units['B11']! : units['B21']!;
  const given = repeat && i === ROWS - 1 ? `G-${givenFrom}` : `G-${i}`;
  return incident(i >= givenFrom ? given : '', unit, {
    sourceIdDerived: i < givenFrom,
    occurredAt: Date.UTC(2019, 0, 1) + i * 60_000,
    occurredLocal: new Date(Date.UTC(2019, 0, 1) + i * 60_000 - 6 * 3_600_000).toISOString().slice(0, 19),
    offenses: [{ category: i % 2 ? 'robbery' : 'theft', sourceLabel: `L${i % 5}` }],
    lon: unit === null ? null : 0.5 + (i % 100) / 1000,
    lat: unit === null ? null : 0.5,
    sourceUnit: i % 4 ? `S${i % 4}` : null,
    locationFlag: unit === null ? 'no_location' : 'ok',
    arrest: i % 7 === 0 ? null : i % 7 === 1,
  });
}

const meta = importMeta({ file: 'big.csv' });

/** The import as a pipeline runs it: batches of 8,192 rows, drain after each (then finish, or abort). */
async function importInBatches(
  store: DuckDbStore,
  units: Record<string, number>,
  givenFrom: number,
  end: 'finish' | 'abort' = 'finish',
  repeat = false,
) {
  const session = await store.beginIncidentImport(meta);
  if (end === 'abort') session.addQuarantine(1, [{ reason: 'BAD_DATE', column: 'date', value: 'x' }], {});
  const builder = new IncidentBatchBuilder(8192);
  const words = new Uint32Array(4);
  for (let i = 0; i < ROWS; i++) {
    const r = row(i, units, givenFrom, repeat);
    fingerprintWords([String(i)], words, 0);
    const full =
      i < givenFrom ? builder.addRecord(i + 2, r, r, { words, ordinal: 1 + (i % 2) }) : builder.add(i + 2, r);
    // A batch holds derived ids or given ones: take it before the kind changes.
    if (full || i + 1 === givenFrom) {
      session.addIncidentBatch(builder.take());
      await session.drain();
    }
  }
  session.addIncidentBatch(builder.take());
  await session.drain();
  if (end === 'abort') {
    await session.abort();
    return null;
  }
  return session.finish({});
}

/**
 * The same rows one by one (addIncident) after an import of one other incident of the source: no
 * blocks, one merge at the end.
 */
async function importRowByRow(
  store: DuckDbStore,
  units: Record<string, number>,
  givenFrom: number,
  repeat = false,
) {
  const other = await store.beginIncidentImport(meta);
  other.addIncident(2, incident(OTHER, null));
  await other.finish({});
  const session = await store.beginIncidentImport(meta);
  const words = new Uint32Array(4);
  for (let i = 0; i < ROWS; i++) {
    const r = row(i, units, givenFrom, repeat);
    if (i < givenFrom) {
      fingerprintWords([String(i)], words, 0);
      const hex = [...words].map((w) => w.toString(16).padStart(8, '0')).join('');
      session.addIncident(i + 2, { ...r, sourceId: `h:${hex}#${1 + (i % 2)}` });
    } else session.addIncident(i + 2, r);
  }
  return session.finish({});
}

/** The id of the incident that makes importRowByRow merge. */
const OTHER = 'OTHER-1';

/** Every stored column of every incident but OTHER, in a stable order, as text (import ids left out). */
async function dump(path: string): Promise<string> {
  const instance = await DuckDBInstance.create(path);
  const c = await instance.connect();
  await c.run(`SET TimeZone = 'UTC'`);
  const rows = (
    await c.runAndReadAll(`SELECT * EXCLUDE (import_id, offense_categories, offense_labels),
        array_to_string(offense_categories, '|'), array_to_string(offense_labels, '|')
      FROM incident WHERE source_id <> '${OTHER}' ORDER BY source, source_id, version`)
  ).getRows();
  c.closeSync();
  instance.closeSync();
  return rows.map((r) => r.map(String).join('\t')).join('\n');
}

async function compare(givenFrom: number, repeat = false): Promise<[ImportCounts, ImportCounts]> {
  const a = await freshStore();
  const b = await freshStore();
  const counts: [ImportCounts, ImportCounts] = [
    (await importInBatches(a.store, a.units, givenFrom, 'finish', repeat))!,
    await importRowByRow(b.store, b.units, givenFrom, repeat),
  ];
  await a.store.close();
  await b.store.close();
  const [da, db] = [await dump(a.path), await dump(b.path)];
  expect(da.split('\n')).toHaveLength(repeat ? ROWS - 1 : ROWS);
  expect(da === db).toBe(true);
  return counts;
}

describe('DuckDB import in blocks', () => {
  it('stores a first import of a source without ids exactly as one merge would', async () => {
    const [blocks, oneMerge] = await compare(ROWS);
    expect(blocks).toEqual(oneMerge);
    expect(blocks).toMatchObject({ stored: ROWS, incidents: ROWS, updated: 0, unchanged: 0 });
  });

  it('leaves nothing behind when aborted after blocks were inserted', async () => {
    const { store, path, units } = await freshStore();
    expect(await importInBatches(store, units, ROWS, 'abort')).toBeNull();
    expect(await store.countCurrentIncidents()).toBe(0);
    expect(await store.listQuarantine()).toEqual([]);
    await store.close();
    expect(await dump(path)).toBe('');
  });

  it('stores given ids (and derived ones before them) block by block when no id repeats', async () => {
    const [blocks, oneMerge] = await compare(ROWS - 10);
    expect(blocks).toEqual(oneMerge);
    expect(blocks).toMatchObject({ stored: ROWS, incidents: ROWS });
  });

  it('undoes its blocks and merges everything when two rows share a given id', async () => {
    const [blocks, oneMerge] = await compare(20_000, true);
    expect(blocks).toEqual(oneMerge);
    // The repeated id is one incident of two rows, with both rows' offenses.
    expect(blocks).toMatchObject({ stored: ROWS, incidents: ROWS - 1, conflictingIds: 1 });
  });
});
