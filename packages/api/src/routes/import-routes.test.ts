import { readdir } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURE_HEADER, FIXTURE_MAPPING } from '../../../services/src/test-helpers/fixture-agency.js';
import { apiFixture } from '../test-helpers/api-fixture.js';
import { multipart } from '../test-helpers/multipart.js';

let f: Awaited<ReturnType<typeof apiFixture>> | undefined;
afterEach(async () => {
  await f?.close();
  f = undefined;
});

describe('POST /api/v1/imports', () => {
  it('imports an uploaded export in the background and reports progress and the reconciled summary', async () => {
    f = await apiFixture([]);
    const mappingText = JSON.stringify(FIXTURE_MAPPING);
    const csv = [
      FIXTURE_HEADER,
      'u1,2019-12-09 10:00,ROBO,,R,,0.5,0.25',
      'u2,2019-99-09 10:00,ROBO,,R,,0.5,0.25',
    ].join('\n');
    const body = await multipart({
      profile: 'generic',
      mapping: { name: 'mapping.json', text: mappingText },
      file: { name: 'upload.csv', text: csv },
    });
    const total = async () =>
      (await f!.app.inject({ url: '/api/v1/reports/compstat?week=2019-W50' }))
        .json<{ rows: { unit: string; category: string; wtd: { current: number } }[] }>()
        .rows.find((r) => r.unit === '*' && r.category === '*')?.wtd.current ?? 0;
    expect(await total()).toBe(0); // cached now: the upload must invalidate it
    const posted = await f.app.inject({ method: 'POST', url: '/api/v1/imports', ...body });
    expect(posted.statusCode).toBe(202);
    const job = posted.json<{ jobId: string; state: string; file: string; totalBytes: number }>();
    expect(job).toMatchObject({ file: 'upload.csv', totalBytes: csv.length });
    await f.app.importJobs.idle();
    const done = (await f.app.inject({ url: `/api/v1/imports/${job.jobId}` })).json<{
      state: string;
      summary: { read: number; stored: number; quarantined: number };
      bytesRead: number;
    }>();
    expect(done.state).toBe('done');
    expect(done.summary).toMatchObject({ read: 2, stored: 1, quarantined: 1 });
    expect(done.bytesRead).toBe(csv.length);
    expect(await f.store.countCurrentIncidents()).toBe(1);
    expect(await total()).toBe(1);
    // The upload folder is removed once the job ends.
    expect(await readdir(f.dir)).not.toContain(job.jobId);
  });

  it('reports a failed job with its catalogued code, naming the file as sent, never the server path', async () => {
    f = await apiFixture([]);
    const body = await multipart({
      profile: 'generic',
      mapping: { name: 'badmap.json', text: '{"columns": ' },
      file: { name: 'x.csv', text: 'a,b\n1,2\n' },
    });
    const posted = await f.app.inject({ method: 'POST', url: '/api/v1/imports?lang=es', ...body });
    expect(posted.statusCode).toBe(202);
    await f.app.importJobs.idle();
    const job = (
      await f.app.inject({ url: `/api/v1/imports/${posted.json<{ jobId: string }>().jobId}` })
    ).json<{
      state: string;
      error: { code: string; message: string };
    }>();
    expect(job.state).toBe('failed');
    expect(job.error.code).toBe('MAPPING_INVALID');
    expect(job.error.message).toContain('badmap.json');
    expect(job.error.message).not.toContain(f.dir);
  });

  it('takes the mapping as a text field too, and keeps long file names short', async () => {
    f = await apiFixture([]);
    const csv = [FIXTURE_HEADER, 'u1,2019-12-09 10:00,ROBO,,R,,0.5,0.25'].join('\n');
    const body = await multipart({
      profile: 'generic',
      mapping: JSON.stringify(FIXTURE_MAPPING),
      file: { name: `${'a'.repeat(300)}.csv`, text: csv },
    });
    const posted = await f.app.inject({ method: 'POST', url: '/api/v1/imports', ...body });
    expect(posted.statusCode).toBe(202);
    expect(posted.json<{ file: string }>().file).toMatch(/^a{116}\.csv$/);
    await f.app.importJobs.idle();
    expect(await f.store.countCurrentIncidents()).toBe(1);
  });

  it('refuses an unknown profile, or generic without a mapping, before accepting the upload', async () => {
    f = await apiFixture([]);
    const unknown = await f.app.inject({
      method: 'POST',
      url: '/api/v1/imports?lang=es',
      ...(await multipart({ profile: 'nope', file: { name: 'x.csv', text: 'a\n1\n' } })),
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'UNKNOWN_PROFILE',
    });
    expect(unknown.json<{ error: { message: string } }>().error.message).toMatch(/perfil/i);
    const noMapping = await f.app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      ...(await multipart({ profile: 'generic', file: { name: 'x.csv', text: 'a\n1\n' } })),
    });
    expect(noMapping.statusCode).toBe(400);
    expect(noMapping.json<{ error: { code: string } }>().error.code).toBe('UPLOAD_INVALID');
    expect(await readdir(f.dir)).toEqual(
      expect.not.arrayContaining([expect.stringMatching(/^[0-9a-f]{8}-/)]),
    );
  });

  it('answers a malformed multipart body with 400, not 500', async () => {
    f = await apiFixture([]);
    const noBoundary = await f.app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: { 'content-type': 'multipart/form-data' },
      payload: 'garbage',
    });
    expect(noBoundary.statusCode).toBe(400);
    const truncated = await f.app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: { 'content-type': 'multipart/form-data; boundary=XYZ' },
      payload: '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc',
    });
    expect(truncated.statusCode).toBe(400);
    expect(truncated.json<{ error: { code: string } }>().error.code).toBe('UPLOAD_INVALID');
  });

  it('refuses an upload without file, without profile, or not multipart, with 400', async () => {
    f = await apiFixture([]);
    const noFile = await f.app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      ...(await multipart({ profile: 'generic' })),
    });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json<{ error: { code: string } }>().error.code).toBe('UPLOAD_INVALID');
    const noProfile = await f.app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      ...(await multipart({ file: { name: 'x.csv', text: 'a\n' } })),
    });
    expect(noProfile.statusCode).toBe(400);
    const json = await f.app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      payload: { profile: 'generic' },
    });
    expect(json.statusCode).toBe(400);
    expect(json.json<{ error: { code: string } }>().error.code).toBe('UPLOAD_INVALID');
  });

  it('answers an unknown job with 404', async () => {
    f = await apiFixture([]);
    const r = await f.app.inject({ url: '/api/v1/imports/none' });
    expect(r.statusCode).toBe(404);
    expect(r.json<{ error: { code: string } }>().error.code).toBe('IMPORT_JOB_NOT_FOUND');
  });
});
