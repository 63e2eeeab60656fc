import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '@vigia/api';
import { openStore } from '@vigia/services';
import type { Store } from '@vigia/store';
import { multipart } from '../../../api/src/test-helpers/multipart.js';
import { signInAs } from '../../../api/src/test-helpers/sign-in.js';
import { dropTestSchema, testPostgresUrl } from '../../../../test/postgres-test-db.js';
import { sharedPath } from '../../../../test/shared-reference.js';
import { runCli, tempDir } from '../test-helpers/cli-harness.js';

/*
 * The dashboard's upload of calls for service (POST /api/v1/imports, kind=calls) against the command
 * line (`vigia import calls --json`), on the real Seattle sample (../shared/data/seattle_calls) and on a
 * copy of it damaged here, on both stores: two agencies built alike, one importing with the CLI, one
 * through the API as an analyst. The summaries must be the same JSON (but for the wall times), and the
 * audit rows the same but for who imported. The test lives in the CLI package, which sees both doors.
 */
const NOW = Date.UTC(2026, 0, 1);
const CALLS = 'data/seattle_calls/calls_east_precinct_sector_C_beat_C3_sample_2018_2023.csv';
const FILE = 'calls_east_precinct_sector_C_beat_C3_sample_2018_2023.csv';
const run = (args: readonly string[]) => runCli(args, { nowMs: NOW, env: {} });

/** Rows of the raw file, counted without any Vigía reader: its lines after the header (no quoted newlines). */
const RAW = readFileSync(sharedPath(CALLS), 'utf8');
const RAW_ROWS = RAW.split(/\r?\n/).filter((l) => l !== '').length - 1;

/**
 * The sample with three rows damaged: data row 1 gets a 31 November (IMPOSSIBLE_DATE), row 2 (queued
 * and arrived 4:18:15 PM) arrives eight minutes before it was queued (ON_SCENE_BEFORE_RECEIVED: kept,
 * flagged, and a changed call), row 3 an unreadable longitude (BAD_COORDINATES).
 */
function damaged(): string {
  const lines = RAW.split('\n');
  const swap = (i: number, from: string, to: string) => {
    expect(lines[i], `line ${i}`).toContain(from);
    lines[i] = lines[i]!.replace(from, to);
  };
  swap(1, ',11/04/2023 6:08:26 PM,', ',11/31/2023 6:08:26 PM,');
  swap(2, ',06/04/2023 4:18:15 PM,EAST,', ',06/04/2023 4:10:15 PM,EAST,');
  swap(3, ',-122.2811368,47.61705037', ',west,47.61705037');
  return lines.join('\n');
}

/** `summary` without its wall times (durationMs), which no two runs share. */
function comparable(summary: Record<string, unknown>): Record<string, unknown> {
  const { durationMs: _durationMs, ...rest } = summary;
  return rest;
}

describe.each(['DuckDB', 'PostgreSQL'] as const)(
  '%s: upload of calls = vigia import calls --json',
  (kind) => {
    let dir: Awaited<ReturnType<typeof tempDir>>;
    let cliDb: string;
    let apiDb: string;
    let store: Store;
    let app: FastifyInstance;

    /** An agency as README "Police response" builds it: Seattle's zone and its 2018 beats. */
    async function seattleAgency(db: string): Promise<void> {
      const init = ['init', '--db', db, '--agency-name', 'Seattle PD', '--time-zone', 'America/Los_Angeles'];
      expect((await run([...init, '--locale', 'en'])).code).toBe(0);
      const beats = sharedPath('data/seattle_calls/spd_beats_2018.geojson');
      const units = ['import', 'units', beats, '--db', db, '--level', 'beat', '--code-property', 'beat'];
      expect((await run(units)).code).toBe(0);
    }

    beforeAll(async () => {
      dir = await tempDir('vigia-calls-upload-');
      cliDb = kind === 'PostgreSQL' ? testPostgresUrl() : dir.path('cli.duckdb');
      apiDb = kind === 'PostgreSQL' ? testPostgresUrl() : dir.path('api.duckdb');
      await seattleAgency(cliDb);
      await seattleAgency(apiDb);
      store = await openStore(apiDb);
      app = await buildApp({ store, now: () => NOW, uploadRoot: dir.path('uploads') });
    });
    afterAll(async () => {
      await app?.close();
      await store?.close();
      await dir.remove();
      if (kind === 'PostgreSQL') {
        await dropTestSchema(cliDb);
        await dropTestSchema(apiDb);
      }
    });

    /** `vigia import calls FILE --profile seattle-cad --json` on the CLI's agency. */
    async function cliImport(file: string): Promise<Record<string, unknown>> {
      const r = await run(['import', 'calls', file, '--db', cliDb, '--profile', 'seattle-cad', '--json']);
      expect(r.code, r.err).toBe(0);
      return JSON.parse(r.out) as Record<string, unknown>;
    }

    /** The same file uploaded by an analyst as calls with the seattle-cad profile; the finished job. */
    async function upload(text: string): Promise<{ state: string; summary: Record<string, unknown> }> {
      const auth = await signInAs(app, store, 'analyst', { now: NOW });
      const body = await multipart({ kind: 'calls', profile: 'seattle-cad', file: { name: FILE, text } });
      const posted = await app.inject({
        method: 'POST',
        url: '/api/v1/imports',
        payload: body.payload,
        headers: { ...body.headers, ...auth },
      });
      expect(posted.statusCode, posted.body).toBe(202);
      await app.importJobs.idle();
      const jobId = posted.json<{ jobId: string }>().jobId;
      return (await app.inject({ url: `/api/v1/imports/${jobId}`, headers: auth })).json();
    }

    /** The `after` of the newest import.calls audit row and its actor, read through the CLI. */
    async function lastImportAudit(db: string): Promise<{ actor: string; after: Record<string, unknown> }> {
      const r = await run(['audit', 'list', '--db', db, '--action', 'import.calls', '--format', 'json']);
      const rows = (JSON.parse(r.out) as { rows: { actor: string; after: Record<string, unknown> }[] }).rows;
      return rows[0]!;
    }

    it('the real sample: the same summary, every row of the file accounted for, the same audit row', async () => {
      const cli = await cliImport(sharedPath(CALLS));
      const job = await upload(RAW);
      expect(job.state).toBe('done');
      expect(comparable(job.summary)).toEqual(comparable(cli));
      const s = job.summary as Record<string, number>;
      expect(s['read']).toBe(RAW_ROWS);
      expect(s['stored']! + s['updated']! + s['unchanged']! + s['quarantined']!).toBe(RAW_ROWS);

      const cliAudit = await lastImportAudit(cliDb);
      // The server holds a DuckDB file: the API's audit row is read through its own store there.
      const apiAudit = (await store.listAudit({ action: 'import.calls', limit: 1 }))[0]!;
      expect(apiAudit.after).toEqual(cliAudit.after);
      expect(cliAudit.actor).toMatch(/^cli:/);
      expect(apiAudit.actor).toMatch(/^user:\d+:test-analyst$/);
    });

    it('a damaged copy: the same quarantine reasons, interval flags and new versions as the CLI', async () => {
      const path = await dir.write(FILE, damaged());
      const cli = await cliImport(path);
      const job = await upload(damaged());
      expect(comparable(job.summary)).toEqual(comparable(cli));
      // What the three damaged rows must give, counted by hand: two quarantined, one changed call.
      expect(job.summary).toMatchObject({
        read: RAW_ROWS,
        stored: 0,
        updated: 1,
        unchanged: RAW_ROWS - 3,
        quarantined: 2,
        quarantineReasons: { IMPOSSIBLE_DATE: 1, BAD_COORDINATES: 1 },
        intervalFlags: { ON_SCENE_BEFORE_RECEIVED: 1 },
      });
      expect((await store.listAudit({ action: 'import.calls', limit: 1 }))[0]!.after).toEqual(
        (await lastImportAudit(cliDb)).after,
      );
    });
  },
);
