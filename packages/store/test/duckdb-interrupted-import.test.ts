import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { verifyAuditChain, type ChainedAuditRecord } from '@vigia/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { DuckDbStore } from '../src/index.js';
import { BAD_DATE, importMeta, incident, runImport, seedUnits } from './contract/fixtures.js';
import { call, importCalls } from './contract/call-contract.js';

/**
 * An import killed while DuckDB wrote its COMMIT to the write-ahead log can come back in part (DuckDB
 * 1.5 replays the first entries of a torn commit: its records without its `done` status or audit row).
 * These tests make that state with SQL after a real import (the import marked `running` again, with or
 * without its audit row, with or without the flags it cleared) and check that opening the store puts
 * the database back as it was before the import, and says so in the audit log.
 */
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function freshPath(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'vigia-interrupted-'));
  dirs.push(dir);
  return join(dir, 'v.duckdb');
}

/** Runs SQL statements on the closed database file, as a torn commit would have left it. */
async function tamper(path: string, ...statements: string[]): Promise<void> {
  await sql(path, statements);
}

/** The rows of the last statement, as text, run on the closed database file. */
async function sql(path: string, statements: string[]): Promise<string[]> {
  const instance = await DuckDBInstance.create(path);
  const c = await instance.connect();
  let rows: string[] = [];
  for (const s of statements) rows = (await c.runAndReadAll(s)).getRows().map((r) => r.map(String).join('|'));
  c.closeSync();
  instance.closeSync();
  return rows;
}

/** Every stored incident version and quarantine row (the store closed). */
async function tables(path: string): Promise<{ incidents: string[]; quarantine: string[] }> {
  return {
    incidents: await sql(path, [
      `SELECT * EXCLUDE (offense_categories, offense_labels), array_to_string(offense_categories, ',')
       FROM incident_data ORDER BY source, source_key, version`,
    ]),
    quarantine: await sql(path, [`SELECT * FROM quarantine ORDER BY import_id, row_no`]),
  };
}

const statuses = (path: string) => sql(path, ['SELECT import_id, status FROM import_batch ORDER BY 1']);

/**
 * Import 1 (A, B, C and a quarantined row), then import 2 of the same file (B reclassified, another bad
 * row); returns the tables as they were between the two.
 */
async function twoImports(path: string): Promise<Awaited<ReturnType<typeof tables>>> {
  let store = await DuckDbStore.open(path);
  const unit = await seedUnits(store);
  const rows = ['A', 'B', 'C'].map((id) => incident(id, unit['B11']!));
  await runImport(store, rows, { quarantined: [9] });
  await store.close();
  const before = await tables(path);
  store = await DuckDbStore.open(path);
  const changed = { ...rows[1]!, offenses: [{ category: 'theft' as const, sourceLabel: 'HURTO' }] };
  const second = await runImport(store, [rows[0]!, changed, rows[2]!], { quarantined: [8] });
  expect(second.counts).toMatchObject({ stored: 0, updated: 1, unchanged: 2, quarantined: 1 });
  await store.close();
  expect(await tables(path)).not.toEqual(before);
  return before;
}

/** Opens the store (which recovers) and returns its audit log, newest first, verified. */
async function reopenAudit(path: string): Promise<ChainedAuditRecord[]> {
  const store = await DuckDbStore.open(path);
  const audit = await store.listAudit({ limit: 1000 });
  await store.close();
  expect(verifyAuditChain([...audit].reverse())).toBeNull();
  return audit;
}

describe('DuckDB: an import interrupted while committing', () => {
  it('is undone at the next open: its versions removed, the ones it superseded current again', async () => {
    const path = await freshPath();
    const before = await twoImports(path);
    // Everything of import 2 came back but its status and its audit row (the last one of the log).
    await tamper(
      path,
      `UPDATE import_batch SET status = 'running' WHERE import_id = 2`,
      `DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)`,
    );
    const [last] = await reopenAudit(path);
    expect(await tables(path)).toEqual(before);
    expect(await statuses(path)).toEqual(['1|done', '2|aborted']);
    expect(last).toMatchObject({
      action: 'import.recovered',
      target: 'import:2',
      actor: 'system:recovery',
      after: {
        kind: 'incidents',
        source: 'rms',
        file: 'incidents.csv',
        rowsRemoved: 1,
        versionsRestored: 1,
        quarantineReopened: 1,
        auditRowFound: false,
      },
    });
    // Opening again finds nothing more to do.
    expect((await reopenAudit(path))[0]?.seq).toBe(last?.seq);
  });

  it('also when the superseded flags were not cleared yet, or the audit row was written', async () => {
    const path = await freshPath();
    const before = await twoImports(path);
    await tamper(
      path,
      `UPDATE import_batch SET status = 'running' WHERE import_id = 2`,
      `UPDATE incident_data SET is_current = true WHERE version = 1`,
      `UPDATE quarantine SET status = 'open'`,
    );
    const [last, own] = await reopenAudit(path);
    expect(await tables(path)).toEqual(before);
    expect(own).toMatchObject({ action: 'import.incidents', target: 'import:2' });
    expect(last?.after).toMatchObject({
      rowsRemoved: 1,
      versionsRestored: 0,
      quarantineReopened: 0,
      auditRowFound: true,
    });
  });

  it('removes a first import that came back whole; a crash that left nothing is only aborted', async () => {
    const path = await freshPath();
    let store = await DuckDbStore.open(path);
    const unit = await seedUnits(store);
    await runImport(store, [incident('A', unit['B11']!), incident('B', null)], { quarantined: [5] });
    await store.close();
    await tamper(
      path,
      `UPDATE import_batch SET status = 'running'`,
      `DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)`,
    );
    const audit = await reopenAudit(path);
    expect(await tables(path)).toEqual({ incidents: [], quarantine: [] });
    expect(audit[0]?.after).toMatchObject({ rowsRemoved: 2, versionsRestored: 0, quarantineReopened: 0 });
    // An import whose process died before its commit: only its running row and quarantine rows exist.
    store = await DuckDbStore.open(path);
    const session = await store.beginIncidentImport(importMeta({ file: 'x.csv' }));
    session.addQuarantine(3, BAD_DATE, { id: 'q3' });
    await session.drain();
    await store.close();
    expect(await statuses(path)).toEqual(['1|aborted', '2|running']);
    const after = await reopenAudit(path);
    expect(await statuses(path)).toEqual(['1|aborted', '2|aborted']);
    expect(await tables(path)).toEqual({ incidents: [], quarantine: [] });
    expect(after.map((r) => r.seq)).toEqual(audit.map((r) => r.seq)); // no audit row: nothing to undo
  });

  it('undoes an interrupted call-for-service import the same way', async () => {
    const path = await freshPath();
    let store = await DuckDbStore.open(path);
    const unit = await seedUnits(store);
    await importCalls(store, [call('E1', unit['B11']!), call('E2', unit['B11']!)]);
    await store.close();
    const before = await sql(path, [
      'SELECT source_id, version, is_current FROM call_for_service ORDER BY 1, 2',
    ]);
    store = await DuckDbStore.open(path);
    await importCalls(store, [call('E1', unit['B11']!, { priority: '2' }), call('E3', null)]);
    await store.close();
    await tamper(
      path,
      `UPDATE import_batch SET status = 'running' WHERE import_id = 2`,
      `DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)`,
    );
    const [last] = await reopenAudit(path);
    expect(
      await sql(path, ['SELECT source_id, version, is_current FROM call_for_service ORDER BY 1, 2']),
    ).toEqual(before);
    expect(last?.after).toMatchObject({ kind: 'calls', source: 'cad', rowsRemoved: 2, versionsRestored: 1 });
  });
});
