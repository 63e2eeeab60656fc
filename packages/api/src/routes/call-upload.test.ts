import { readdir } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { Static } from 'typebox';
import { translate, type Role } from '@vigia/domain';
import type { ImportJob } from '../app/schemas.js';
import { apiFixture } from '../test-helpers/api-fixture.js';
import {
  FIXTURE_CAD_HEADER,
  FIXTURE_CAD_MAPPING,
} from '../../../services/src/test-helpers/fixture-agency.js';
import { multipart } from '../test-helpers/multipart.js';
import { signInAs } from '../test-helpers/sign-in.js';

/*
 * Uploads of calls for service (POST /api/v1/imports with kind=calls) on the fixture agency
 * (America/Chicago; beats 11 and 21 are the boxes x 0..1 and 1..2, y 0..0.5), in the columns of the
 * fixture CAD export (FIXTURE_CAD_HEADER). The server clock is Wednesday 4 March 2020, so the latest
 * complete week is 2020-W09; the calls fall in 2019-W49 (2–8 December) and 2019-W50. Expected figures
 * are counted by hand from the rows below. The Seattle sample on both stores, against
 * `vigia import calls --json`, is in packages/cli/src/commands/calls-upload.test.ts (the CLI package
 * sees both front doors).
 */
const NOW = Date.UTC(2020, 2, 4, 18);

const ROWS = [
  // Rows 2–3: two units on C1, one row each (one call).
  'C1,2019-12-02 10:00:00,2019-12-02 10:01:00,2019-12-02 10:06:00,1,911,0.5,0.25',
  'C1,2019-12-02 10:00:00,2019-12-02 10:01:30,2019-12-02 10:05:00,1,911,0.5,0.25',
  // Row 4: across midnight.
  'C2,2019-12-03 23:55:00,2019-12-03 23:58:00,2019-12-04 00:10:00,1,911,0.5,0.25',
  // Row 5: arrived before it was received: kept, flagged ON_SCENE_BEFORE_RECEIVED.
  'C3,2019-12-05 08:00:00,,2019-12-05 07:50:00,2,911,1.5,0.25',
  // Row 6: no arrival.
  'C4,2019-12-06 09:00:00,,,2,PHONE,1.5,0.25',
  // Row 7: officer-initiated, the next week (2019-W50).
  'C5,2019-12-10 14:00:00,,2019-12-10 14:00:00,3,ONVIEW,1.5,0.25',
  // Row 8: unreadable received time (BAD_DATE); row 9: received after the server's "now" (FUTURE_DATE).
  'C6,02/12/2019 14:00,,,1,911,0.5,0.25',
  'C7,2020-03-10 14:00:00,,,1,911,0.5,0.25',
];
const CSV = [FIXTURE_CAD_HEADER, ...ROWS].join('\n') + '\n';
const MAPPING = JSON.stringify(FIXTURE_CAD_MAPPING);

/** The header of Seattle's CAD export (../shared/data/seattle_calls), the seattle-cad profile's columns. */
const SEATTLE_HEADER =
  'CAD Event Number,Event Clearance Description,Call Type,Priority,Initial Call Type,Final Call Type,Original Time Queued,Arrived Time,Precinct,Sector,Beat,Blurred_Longitude,Blurred_Latitude';
/** The header of the Chicago incident export (../shared/data/chicago), the chicago-code profile's. */
const CHICAGO_HEADER = 'date,loc_cat,longitude,latitude,district';

/** A job as GET /imports/{jobId} answers it (the route's own response schema). */
type Job = Static<typeof ImportJob>;

let f: Awaited<ReturnType<typeof apiFixture>> | undefined;
afterEach(async () => {
  await f?.close();
  f = undefined;
});

/** Uploads `parts`, waits for the queue, and returns the job as GET /imports/{id} answers in `lang`. */
async function upload(
  parts: Parameters<typeof multipart>[0],
  options: { lang?: 'es' | 'en'; headers?: Record<string, string> } = {},
): Promise<Job> {
  const lang = options.lang ?? 'en';
  const body = await multipart(parts);
  const posted = await f!.app.inject({
    method: 'POST',
    url: `/api/v1/imports?lang=${lang}`,
    payload: body.payload,
    headers: { ...body.headers, ...options.headers },
  });
  expect(posted.statusCode, posted.body).toBe(202);
  await f!.app.importJobs.idle();
  const job = await f!.app.inject({
    url: `/api/v1/imports/${posted.json<Job>().jobId}?lang=${lang}`,
    ...(options.headers ? { headers: options.headers } : {}),
  });
  expect(job.statusCode).toBe(200);
  return job.json<Job>();
}

const callsUpload = (extra: Parameters<typeof multipart>[0] = {}) => ({
  kind: 'calls',
  profile: 'generic',
  mapping: { name: 'cad-mapping.json', text: MAPPING },
  file: { name: 'llamadas.csv', text: CSV },
  ...extra,
});

describe('POST /api/v1/imports with kind=calls', () => {
  it('imports calls for service: reconciled summary with reasons and flags, quarantined rows by import, fresh response report and agency span', async () => {
    f = await apiFixture([], NOW);
    const agencyBefore = (await f.app.inject('/api/v1/agency')).json<Record<string, unknown>>();
    expect(agencyBefore).toMatchObject({ callDataRange: null, responseDefaultWeek: '2020-W09' });
    const agencyRow = async () =>
      (await f!.app.inject('/api/v1/reports/response?week=2019-W49&level=beat'))
        .json<{ rows: { dimension: string; periods: Record<string, { current: { calls: number } }> }[] }>()
        .rows.find((r) => r.dimension === 'agency');
    expect(await agencyRow()).toBeUndefined(); // and cached: the upload must invalidate it

    const job = await upload(callsUpload(), { lang: 'es' });
    expect(job).toMatchObject({
      state: 'done',
      kind: 'calls',
      file: 'llamadas.csv',
      profile: 'generic',
      error: null,
    });
    expect(job.bytesRead).toBe(Buffer.byteLength(CSV));
    expect(job.summary).toMatchObject({
      read: 8,
      stored: 6,
      updated: 0,
      unchanged: 0,
      quarantined: 2,
      calls: 5,
      quarantineReasons: { BAD_DATE: 1, FUTURE_DATE: 1 },
      intervalFlags: { ON_SCENE_BEFORE_RECEIVED: 1 },
      officerInitiated: 1,
    });
    // Labels of what the summary counts, in the language asked for.
    expect(job.labels).toEqual({
      BAD_DATE: translate('es', 'quarantine.BAD_DATE'),
      FUTURE_DATE: translate('es', 'quarantine.FUTURE_DATE'),
      ON_SCENE_BEFORE_RECEIVED: translate('es', 'intervalFlag.ON_SCENE_BEFORE_RECEIVED'),
    });
    expect(job.labels['BAD_DATE']).not.toBe(translate('en', 'quarantine.BAD_DATE'));

    // The quarantined rows of this import: file as sent, spreadsheet rows 8 and 9, the column and value.
    const q = await f.app.inject(`/api/v1/quarantine?importId=${String(job.summary!['importId'])}`);
    const rows = q
      .json<{
        rows: { file: string; row: number; reasons: string[]; columns: string[]; values: string[] }[];
      }>()
      .rows.sort((a, b) => a.row - b.row);
    expect(rows.map((r) => [r.file, r.row, r.reasons, r.columns, r.values])).toEqual([
      ['llamadas.csv', 8, ['BAD_DATE'], ['received'], ['02/12/2019 14:00']],
      ['llamadas.csv', 9, ['FUTURE_DATE'], ['received'], ['2020-03-10 14:00:00']],
    ]);

    // The response report sees the four calls of 2019-W49 (C1–C4) at once; /agency sees their span and
    // opens the response page on the last week they cover whole.
    expect((await agencyRow())?.periods['wtd']?.current.calls).toBe(4);
    const agency = (await f.app.inject('/api/v1/agency')).json<Record<string, unknown>>();
    expect(agency).toMatchObject({
      callDataRange: { first: '2019-12-02', last: '2019-12-10' },
      responseDefaultWeek: '2019-W49',
      dataRange: null,
    });
    expect(await readdir(f.dir)).not.toContain(job.jobId);

    // The same file again changes nothing.
    const again = await upload(callsUpload());
    expect(again.summary).toMatchObject({ read: 8, stored: 0, unchanged: 6, quarantined: 2 });
  });

  it('a CAD export uploaded as incidents fails saying so, in the uploader’s language; nothing is stored', async () => {
    f = await apiFixture([], NOW);
    const row =
      '2023000319821,ASSISTANCE RENDERED,911,2,X,Y,11/04/2023 6:08:26 PM,,EAST,CHARLIE,C3,-122.28,47.61';
    const job = await upload(
      {
        kind: 'incidents',
        profile: 'chicago-code',
        file: { name: 'cad-seattle.csv', text: `${SEATTLE_HEADER}\n${row}\n` },
      },
      { lang: 'es' },
    );
    expect(job.state).toBe('failed');
    expect(job.error?.code).toBe('FILE_IS_CALLS');
    // Which file, which column, and what to do: choose calls for service and the profile that fits.
    expect(job.error?.message).toContain('cad-seattle.csv');
    expect(job.error?.message).toContain('"date"');
    expect(job.error?.message).toContain('«Llamadas de servicio»');
    expect(job.error?.message).toContain('seattle-cad');
    expect(job.error?.message).not.toContain(f.dir);
    expect(await f.store.countCurrentIncidents()).toBe(0);
    expect((await f.app.inject('/api/v1/quarantine')).json<{ rows: unknown[] }>().rows).toEqual([]);
  });

  it('an incident export uploaded as calls fails saying so; a missing column names file and column', async () => {
    f = await apiFixture([], NOW);
    const chicago = await upload({
      kind: 'calls',
      profile: 'seattle-cad',
      file: { name: 'assaults.csv', text: `${CHICAGO_HEADER}\n2019-12-09 10:00,street,-87.6,41.8,11\n` },
    });
    expect(chicago.error?.code).toBe('FILE_IS_INCIDENTS');
    expect(chicago.error?.message).toContain('assaults.csv');
    expect(chicago.error?.message).toContain('"CAD Event Number"');
    expect(chicago.error?.message).toContain('choose "Incidents" and the profile chicago-code');

    const noPriority = await upload(
      callsUpload({ file: { name: 'sin-prioridad.csv', text: CSV.replaceAll(',priority,', ',prio,') } }),
    );
    expect(noPriority.error?.code).toBe('HEADER_MISSING_COLUMN');
    expect(noPriority.error?.message).toContain('sin-prioridad.csv');
    expect(noPriority.error?.message).toContain('"priority"');
    expect(noPriority.error?.message).toContain('mapping file');
  });

  it('refuses an unknown kind, or a profile of the other kind, before accepting the upload', async () => {
    f = await apiFixture([], NOW);
    const post = async (parts: Parameters<typeof multipart>[0]) => {
      const r = await f!.app.inject({ method: 'POST', url: '/api/v1/imports', ...(await multipart(parts)) });
      return { status: r.statusCode, error: r.json<{ error: { code: string; message: string } }>().error };
    };
    const file = { name: 'x.csv', text: CSV };
    const crimes = await post({ kind: 'crimes', profile: 'seattle-cad', file });
    expect(crimes.status).toBe(400);
    expect(crimes.error.code).toBe('UPLOAD_INVALID');
    expect(crimes.error.message).toContain('"calls"');
    const incidentProfile = await post({ kind: 'calls', profile: 'chicago-code', file });
    expect(incidentProfile.status).toBe(400);
    expect(incidentProfile.error.code).toBe('UNKNOWN_PROFILE');
    expect(incidentProfile.error.message).toContain('seattle-cad, sacramento-cad, generic');
    const noMapping = await post({ kind: 'calls', profile: 'generic', file });
    expect([noMapping.status, noMapping.error.code]).toEqual([400, 'UPLOAD_INVALID']);
    expect(await readdir(f.dir)).toEqual(
      expect.not.arrayContaining([expect.stringMatching(/^[0-9a-f]{8}-/)]),
    );
  });

  it('as incident uploads: admins and analysts only, and the audit row names who uploaded', async () => {
    f = await apiFixture([], NOW);
    for (const role of ['viewer', 'commander', 'command_staff'] as const satisfies readonly Role[]) {
      const auth = await signInAs(f.app, f.store, role, {
        now: NOW,
        ...(role === 'commander' ? { unitCode: '1' } : {}),
      });
      const body = await multipart(callsUpload());
      const r = await f.app.inject({
        method: 'POST',
        url: '/api/v1/imports',
        payload: body.payload,
        headers: { ...body.headers, ...auth },
      });
      expect([r.statusCode, r.json<{ error: { code: string } }>().error.code], role).toEqual([
        403,
        'FORBIDDEN',
      ]);
    }
    const analyst = await signInAs(f.app, f.store, 'analyst', { now: NOW });
    const job = await upload(callsUpload(), { headers: analyst });
    expect(job.state).toBe('done');
    const user = await f.store.findUserByUsername('test-analyst');
    const audit = await f.store.listAudit({ action: 'import.' });
    expect(audit.map((a) => [a.action, a.actor, a.target])).toEqual([
      ['import.calls', `user:${user!.id}:test-analyst`, `import:${String(job.summary!['importId'])}`],
    ]);
    expect(audit[0]!.after).toMatchObject({
      file: 'llamadas.csv',
      profile: 'generic',
      read: 8,
      quarantined: 2,
    });
  });
});
