import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditLog, verifyAudit } from '@vigia/services';
import { apiFixture } from '../test-helpers/api-fixture.js';

let f: Awaited<ReturnType<typeof apiFixture>>;
beforeAll(async () => {
  f = await apiFixture();
});
afterAll(async () => f.close());

interface Page {
  rows: { seq: number; actor: string; action: string; target: string; before: unknown; after: unknown }[];
  nextBeforeSeq: number | null;
}

describe('GET /api/v1/audit', () => {
  it('returns the log newest first, the same page as the service, with filters and paging', async () => {
    const r = await f.app.inject({ url: '/api/v1/audit' });
    expect(r.statusCode).toBe(200);
    const page = r.json<Page>();
    // The fixture: agency, two unit levels (each re-placing nothing: no incidents yet), one import,
    // then the admin account it signs in with.
    expect(page.rows.map((x) => x.action)).toEqual([
      'user.login',
      'user.create',
      'import.incidents',
      'units.import',
      'units.import',
      'agency.create',
    ]);
    expect(JSON.parse(JSON.stringify(await listAuditLog(f.store, { limit: 50 })))).toEqual(page);

    const imports = (await f.app.inject({ url: '/api/v1/audit?action=import' })).json<Page>();
    expect(imports.rows.map((x) => x.target)).toEqual(['import:1']);
    const head = page.rows[0]!.seq;
    const first = (await f.app.inject({ url: '/api/v1/audit?limit=1' })).json<Page>();
    expect(first).toMatchObject({ rows: [{ seq: head }], nextBeforeSeq: head });
    const next = (await f.app.inject({ url: `/api/v1/audit?limit=2&beforeSeq=${head}` })).json<Page>();
    expect(next.rows.map((x) => x.seq)).toEqual([head - 1, head - 2]);
    const none = (await f.app.inject({ url: '/api/v1/audit?to=2000-01-01' })).json<Page>();
    expect(none).toEqual({ rows: [], nextBeforeSeq: null });
  });

  it('answers bad filters with 400 naming the parameter', async () => {
    for (const q of ['from=yesterday', 'limit=0', 'limit=501', 'beforeSeq=0', 'action=DROP%20TABLE']) {
      const r = await f.app.inject({ url: `/api/v1/audit?${q}&lang=en` });
      expect(r.statusCode, q).toBe(400);
      expect(r.json<{ error: { code: string } }>().error.code, q).toBe('INVALID_ARGUMENT');
    }
  });

  it('records a PATCH of the agency with the request actor and before/after', async () => {
    const v = (await f.app.inject({ url: '/api/v1/agency' })).json<{ version: number }>().version;
    const r = await f.app.inject({
      method: 'PATCH',
      url: '/api/v1/agency',
      payload: { version: v, country: 'PA' },
    });
    expect(r.statusCode).toBe(200);
    const [row] = (await f.app.inject({ url: '/api/v1/audit?action=agency.update' })).json<Page>().rows;
    // The signed-in administrator of the fixture.
    expect(row).toMatchObject({
      actor: expect.stringMatching(/^user:\d+:admin$/) as unknown,
      target: 'agency',
      before: { version: v, country: '' },
      after: { version: v + 1, country: 'PA' },
    });
  });
});

describe('GET /api/v1/audit/verify', () => {
  it('returns the service verification and its words in the request language', async () => {
    const r = await f.app.inject({ url: '/api/v1/audit/verify?lang=es' });
    expect(r.statusCode).toBe(200);
    const body = r.json<{
      ok: boolean;
      head: { seq: number; hash: string };
      findings: string[];
      problems: string[];
    }>();
    const v = await verifyAudit(f.store);
    expect(body).toMatchObject({
      ok: true,
      rows: v.rows,
      head: v.head,
      break: null,
      anchor: null,
      problems: [],
    });
    expect(body.findings[0]).toContain(`Registro de auditoría íntegro: ${v.rows} filas verificadas`);

    const wrong = await f.app.inject({ url: `/api/v1/audit/verify?lang=en&expectHead=1:${body.head.hash}` });
    expect(wrong.json()).toMatchObject({ ok: false, anchor: { seq: 1, status: 'mismatch' } });
    expect(wrong.json<{ problems: string[] }>().problems[0]).toContain('does NOT match');
    const bad = await f.app.inject({ url: '/api/v1/audit/verify?expectHead=12' });
    expect(bad.statusCode).toBe(400);
  });
});

describe('POST /api/v1/exports', () => {
  it('records what the dashboard exported as export.compstat_csv, and refuses anything else', async () => {
    const payload = { kind: 'compstat_csv', week: '2019-W50', unit: '1', category: '*', rows: 12 };
    const r = await f.app.inject({ method: 'POST', url: '/api/v1/exports', payload });
    expect(r.statusCode).toBe(201);
    const { seq } = r.json<{ seq: number }>();
    const [row] = (await f.app.inject({ url: '/api/v1/audit?limit=1' })).json<Page>().rows;
    expect(row).toMatchObject({
      seq,
      actor: expect.stringMatching(/^user:\d+:admin$/) as unknown,
      action: 'export.compstat_csv',
      target: 'report:compstat:2019-W50',
      before: null,
      after: { week: '2019-W50', unit: '1', category: '*', rows: 12, via: 'dashboard' },
    });
    for (const bad of [
      { ...payload, kind: 'database' },
      { ...payload, week: 'now' },
      { ...payload, extra: 'x' },
    ]) {
      const e = await f.app.inject({ method: 'POST', url: '/api/v1/exports', payload: bad });
      expect(e.statusCode, JSON.stringify(bad)).toBe(400);
    }
    expect((await verifyAudit(f.store)).ok).toBe(true);
  });
});
