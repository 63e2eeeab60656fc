import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFixture } from '../test-helpers/api-fixture.js';

let f: Awaited<ReturnType<typeof apiFixture>>;
beforeAll(async () => {
  f = await apiFixture();
});
afterAll(async () => f.close());

describe('GET /api/v1/book', () => {
  it('returns the book as a PDF download named after the week and language', async () => {
    const es = await f.app.inject({ url: '/api/v1/book?week=2019-W50&lang=es' });
    expect(es.statusCode).toBe(200);
    expect(es.headers['content-type']).toBe('application/pdf');
    expect(es.headers['content-disposition']).toBe('attachment; filename="compstat-2019-W50-es.pdf"');
    expect(es.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // Cover, contents, the agency and districts 1 and 2.
    expect(es.rawPayload.toString('latin1').match(/\/Type \/Page\b(?!s)/g)).toHaveLength(5);

    const en = await f.app.inject({
      url: '/api/v1/book?week=2019-W50&level=beat',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(en.statusCode).toBe(200);
    expect(en.headers['content-disposition']).toBe('attachment; filename="compstat-2019-W50-beat-en.pdf"');
    expect(en.rawPayload.toString('latin1').match(/\/Type \/Page\b(?!s)/g)).toHaveLength(7);

    // Each download is an export in the audit log, by the request's actor (the fixture's admin).
    const rows = await f.store.listAudit({ action: 'export.book' });
    expect(rows.map((r) => [r.actor, r.target, (r.after as { fileName: string }).fileName])).toEqual([
      ['user:1:admin', 'book:2019-W50', 'compstat-2019-W50-beat-en.pdf'],
      ['user:1:admin', 'book:2019-W50', 'compstat-2019-W50-es.pdf'],
    ]);
  });

  it('answers bad parameters with catalogued errors', async () => {
    for (const [url, status, code] of [
      ['/api/v1/book', 400, 'INVALID_ARGUMENT'],
      ['/api/v1/book?week=2019-50', 400, 'INVALID_ARGUMENT'],
      ['/api/v1/book?week=2019-W60', 400, 'INVALID_WEEK'],
      ['/api/v1/book?week=2019-W50&level=precinct', 404, 'UNKNOWN_LEVEL'],
    ] as const) {
      const r = await f.app.inject({ url });
      expect([url, r.statusCode, r.json<{ error: { code: string } }>().error.code]).toEqual([
        url,
        status,
        code,
      ]);
    }
  });
});
