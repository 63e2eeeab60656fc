import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '@vigia/domain';
import { createActionItem, createMeeting } from '@vigia/services';
import { API_NOW, API_ROWS, apiFixture } from '../test-helpers/api-fixture.js';
import { signInAs, type AuthHeaders } from '../test-helpers/sign-in.js';

// The fixture incidents plus a cluster in beat 11 (district 1) in November, so analyses have data.
const CLUSTER = Array.from({ length: 30 }, (_, i) => {
  const day = String(1 + (i % 28)).padStart(2, '0');
  return `c${i},2019-11-${day} 10:00,ROBO,,R,,${(0.2 + (i % 6) * 0.01).toFixed(3)},${(0.2 + Math.floor(i / 6) * 0.01).toFixed(3)}`;
});
const NOV = 'from=2019-11-01&to=2019-11-30';

/** Who may use a route: the roles of the issue (admin; analyst imports; everyone reads). */
const EVERYONE: readonly Role[] = ROLES;
const IMPORTERS: readonly Role[] = ['admin', 'analyst'];
const ADMINS: readonly Role[] = ['admin'];
const EXPORTERS: readonly Role[] = ['admin', 'analyst', 'command_staff', 'commander'];
const MEETING_RUNNERS: readonly Role[] = ['admin', 'command_staff'];
const ITEM_EDITORS: readonly Role[] = ['admin', 'command_staff', 'commander'];

/**
 * One row of the matrix: the route as registered, a request to it (with `unit` when the route takes
 * one), who may use it, and what a permitted request answers (status, and code for errors).
 */
interface Case {
  route: string;
  request: (unit?: string) => InjectOptions;
  roles: readonly Role[] | 'public';
  ok: number;
  okCode?: string;
  takesUnit?: boolean;
  /** Sign in anew for this request (it ends the session). */
  fresh?: boolean;
}

const get = (url: string) => (unit?: string) => ({
  method: 'GET' as const,
  url: unit === undefined ? url : `${url}${url.includes('?') ? '&' : '?'}unit=${unit}`,
});

const CASES: Case[] = [
  { route: 'GET /api/v1/agency', request: get('/api/v1/agency'), roles: EVERYONE, ok: 200 },
  {
    route: 'PATCH /api/v1/agency',
    request: () => ({ method: 'PATCH', url: '/api/v1/agency', payload: { version: 999, name: 'X' } }),
    roles: ADMINS,
    ok: 409,
    okCode: 'STORE_CONFLICT',
  },
  { route: 'GET /api/v1/units', request: get('/api/v1/units?geometry=false'), roles: EVERYONE, ok: 200 },
  { route: 'GET /api/v1/categories', request: get('/api/v1/categories'), roles: EVERYONE, ok: 200 },
  { route: 'GET /api/v1/map-config', request: get('/api/v1/map-config'), roles: EVERYONE, ok: 200 },
  { route: 'GET /api/v1/quality', request: get('/api/v1/quality'), roles: EVERYONE, ok: 200 },
  { route: 'GET /api/v1/quarantine', request: get('/api/v1/quarantine'), roles: IMPORTERS, ok: 200 },
  {
    route: 'GET /api/v1/reports/compstat',
    request: get('/api/v1/reports/compstat?week=2019-W50'),
    roles: EVERYONE,
    ok: 200,
    takesUnit: true,
  },
  {
    route: 'GET /api/v1/incidents',
    request: get('/api/v1/incidents?from=2019-11-01&to=2019-12-31'),
    roles: EVERYONE,
    ok: 200,
    takesUnit: true,
  },
  {
    route: 'GET /api/v1/series/weekly',
    request: get('/api/v1/series/weekly?week=2019-W50'),
    roles: EVERYONE,
    ok: 200,
    takesUnit: true,
  },
  ...(['hotspots', 'kde', 'knox', 'nni', 'emerging'] as const).map((a) => ({
    route: `GET /api/v1/analysis/${a}`,
    request: get(
      `/api/v1/analysis/${a}?${NOV}${a === 'knox' ? '&permutations=19' : ''}${a === 'hotspots' ? '&cellSize=5000' : ''}${a === 'emerging' ? '&step=week' : ''}`,
    ),
    roles: EVERYONE,
    ok: 200,
    takesUnit: true,
  })),
  {
    route: 'POST /api/v1/imports',
    request: () => ({ method: 'POST', url: '/api/v1/imports', payload: { not: 'multipart' } }),
    roles: IMPORTERS,
    ok: 400,
  },
  {
    route: 'GET /api/v1/imports/:jobId',
    request: get('/api/v1/imports/no-such-job'),
    roles: IMPORTERS,
    ok: 404,
    okCode: 'IMPORT_JOB_NOT_FOUND',
  },
  {
    route: 'POST /api/v1/auth/login',
    request: () => ({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'nobody', password: 'x' },
    }),
    roles: 'public',
    ok: 401,
    okCode: 'INVALID_CREDENTIALS',
  },
  { route: 'GET /api/v1/auth/me', request: get('/api/v1/auth/me'), roles: EVERYONE, ok: 200 },
  {
    route: 'POST /api/v1/auth/logout',
    request: () => ({ method: 'POST', url: '/api/v1/auth/logout' }),
    roles: EVERYONE,
    ok: 204,
    fresh: true,
  },
  { route: 'GET /api/v1/users', request: get('/api/v1/users'), roles: ADMINS, ok: 200 },
  {
    route: 'GET /api/v1/reports/response',
    request: get('/api/v1/reports/response?week=2019-W50'),
    roles: EVERYONE,
    ok: 200,
    takesUnit: true,
  },
  {
    route: 'GET /api/v1/book',
    request: get('/api/v1/book?week=2019-W50'),
    roles: ['admin', 'analyst', 'command_staff'],
    ok: 200,
  },
  { route: 'GET /api/v1/audit', request: get('/api/v1/audit'), roles: ADMINS, ok: 200 },
  { route: 'GET /api/v1/audit/verify', request: get('/api/v1/audit/verify'), roles: ADMINS, ok: 200 },
  {
    route: 'POST /api/v1/exports',
    request: () => ({
      method: 'POST',
      url: '/api/v1/exports',
      payload: { kind: 'compstat_csv', week: '2019-W50', category: '*', rows: 3 },
    }),
    roles: EXPORTERS,
    ok: 201,
  },
  {
    route: 'POST /api/v1/users',
    request: () => ({
      method: 'POST',
      url: '/api/v1/users',
      payload: { username: 'nuevo', role: 'viewer', password: 'corta' },
    }),
    roles: ADMINS,
    ok: 400,
    okCode: 'WEAK_PASSWORD',
  },
  // Meetings: meeting 1 (district 1) and its action item 1 (beat 11) exist (beforeAll), in the
  // commander's subtree; outside it the meeting routes answer 404 (meeting-routes.test.ts).
  { route: 'GET /api/v1/meetings', request: get('/api/v1/meetings'), roles: EVERYONE, ok: 200 },
  {
    route: 'POST /api/v1/meetings',
    request: () => ({ method: 'POST', url: '/api/v1/meetings', payload: { week: '2019-W50', units: ['1'] } }),
    roles: MEETING_RUNNERS,
    ok: 201,
  },
  { route: 'GET /api/v1/meetings/:id', request: get('/api/v1/meetings/1'), roles: EVERYONE, ok: 200 },
  {
    route: 'PATCH /api/v1/meetings/:id',
    request: () => ({ method: 'PATCH', url: '/api/v1/meetings/1', payload: { title: 'Distrito 1' } }),
    roles: MEETING_RUNNERS,
    ok: 200,
  },
  {
    route: 'PUT /api/v1/meetings/:id/agenda/:itemId/notes',
    request: () => ({ method: 'PUT', url: '/api/v1/meetings/1/agenda/9999/notes', payload: { notes: 'x' } }),
    roles: MEETING_RUNNERS,
    ok: 404,
    okCode: 'NOT_FOUND',
  },
  {
    route: 'POST /api/v1/meetings/:id/action-items',
    request: () => ({
      method: 'POST',
      url: '/api/v1/meetings/1/action-items',
      payload: { unit: '11', title: 'Patrullaje' },
    }),
    roles: ITEM_EDITORS,
    ok: 201,
  },
  {
    route: 'GET /api/v1/action-items',
    request: get('/api/v1/action-items'),
    roles: EVERYONE,
    ok: 200,
    takesUnit: true,
  },
  {
    route: 'GET /api/v1/action-items/mine',
    request: get('/api/v1/action-items/mine'),
    roles: EVERYONE,
    ok: 200,
  },
  {
    route: 'GET /api/v1/action-items/overdue',
    request: get('/api/v1/action-items/overdue'),
    roles: EVERYONE,
    ok: 200,
  },
  { route: 'GET /api/v1/action-items/:id', request: get('/api/v1/action-items/1'), roles: EVERYONE, ok: 200 },
  {
    route: 'PATCH /api/v1/action-items/:id',
    request: () => ({ method: 'PATCH', url: '/api/v1/action-items/1', payload: { notes: 'En curso' } }),
    roles: ITEM_EDITORS,
    ok: 200,
  },
  {
    route: 'PATCH /api/v1/users/:id',
    request: () => ({ method: 'PATCH', url: '/api/v1/users/1', payload: { displayName: 'Administración' } }),
    roles: ADMINS,
    ok: 200,
  },
];

let f: Awaited<ReturnType<typeof apiFixture>>;
const sessions = new Map<Role, AuthHeaders>();
const signIn = (role: Role) =>
  signInAs(f.app, f.store, role, role === 'commander' ? { unitCode: '1', now: API_NOW } : { now: API_NOW });

beforeAll(async () => {
  // Sign-in limits raised: this file signs in far more often than a person would.
  f = await apiFixture([...API_ROWS, ...CLUSTER], API_NOW, {
    app: { auth: { loginPerIp: 1000, loginPerUser: 1000 } },
  });
  for (const role of ROLES) sessions.set(role, role === 'admin' ? f.auth : await signIn(role));
  const id = new Map((await f.store.listUnits({ withGeometry: false })).map((u) => [u.code, u.id]));
  const { meeting } = await createMeeting(f.store, {
    week: '2019-W50',
    unitIds: [id.get('1')!],
    actor: 'test',
  });
  await createActionItem(f.store, {
    meetingId: meeting.id,
    unitId: id.get('11')!,
    title: 'Patrullaje',
    actor: 'test',
  });
});
afterAll(async () => f.close());

async function send(c: Case, headers: Record<string, string>, unit?: string) {
  const r = await f.app.inject({ ...c.request(unit), headers });
  const code = r.statusCode >= 400 ? r.json<{ error: { code: string } }>().error.code : null;
  return { status: r.statusCode, code, body: r.body };
}

describe('role × route matrix (issue 6)', () => {
  it('covers every /api/v1 route, and every route declares its access', () => {
    const registered = f.app.routeAccess.filter((r) => r.url.startsWith('/api/v1/'));
    expect(registered.filter((r) => r.access === undefined).map((r) => `${r.method} ${r.url}`)).toEqual([]);
    const routes = registered.map((r) => `${r.method} ${r.url}`).sort();
    // A new route needs a row in CASES (who may use it, what a permitted request answers).
    expect(CASES.map((c) => c.route).sort()).toEqual(routes);
  });

  it.each(CASES.map((c) => [c.route, c] as const))('%s: 401 without a session', async (_route, c) => {
    const r = await send(c, { cookie: '' });
    if (c.roles === 'public') expect(r.code).not.toBe('UNAUTHENTICATED');
    else expect([r.status, r.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it.each(CASES.map((c) => [c.route, c] as const))(
    '%s: 403 for roles without the action, its answer for the others',
    async (_route, c) => {
      for (const role of ROLES) {
        const headers = c.fresh ? await signIn(role) : sessions.get(role)!;
        const unit = c.takesUnit && role === 'commander' ? '11' : undefined;
        const r = await send(c, headers, unit);
        const allowed = c.roles === 'public' || c.roles.includes(role);
        if (!allowed) expect([r.status, r.code], role).toEqual([403, 'FORBIDDEN']);
        else {
          expect(r.status, `${role}: ${r.body.slice(0, 300)}`).toBe(c.ok);
          if (c.okCode) expect(r.code, role).toBe(c.okCode);
        }
      }
    },
  );

  it.each(CASES.filter((c) => c.takesUnit).map((c) => [c.route, c] as const))(
    '%s: 404 for a commander outside their unit, as for a unit that does not exist',
    async (_route, c) => {
      const commander = sessions.get('commander')!;
      for (const unit of ['2', '21', '99']) {
        const r = await send(c, commander, unit);
        expect([r.status, r.code], unit).toEqual([404, 'UNKNOWN_UNIT']);
      }
      // Inside the subtree (and any unit for other roles): the route's own answer, which for an
      // analysis of a unit without incidents is 422 TOO_FEW_INCIDENTS, never a 401/403/404.
      const answered = async (h: Record<string, string>, unit: string) => {
        const r = await send(c, h, unit);
        expect([401, 403, 404], `${unit}: ${r.body.slice(0, 200)}`).not.toContain(r.status);
      };
      for (const unit of ['1', '11', '12']) await answered(commander, unit);
      await answered(sessions.get('viewer')!, '2');
    },
  );

  it.each(
    CASES.filter((c) => c.roles !== 'public' && c.request().method !== 'GET').map(
      (c) => [c.route, c] as const,
    ),
  )('%s: 403 CSRF_REJECTED without the session CSRF token', async (_route, c) => {
    const { cookie } = c.fresh ? await signIn('admin') : f.auth;
    expect((await send(c, { cookie })).code).toBe('CSRF_REJECTED');
    expect((await send(c, { cookie, 'x-csrf-token': 'forged' })).code).toBe('CSRF_REJECTED');
  });
});

describe('commander scope', () => {
  it('opens the report, incidents and units on the commander’s own district', async () => {
    const commander = sessions.get('commander')!;
    const report = await f.app.inject({ url: '/api/v1/reports/compstat?week=2019-W50', headers: commander });
    const units = new Set(report.json<{ rows: { unit: string }[] }>().rows.map((r) => r.unit));
    expect([...units].sort()).toEqual(['1', '11', '12']);
    const all = await f.app.inject({ url: '/api/v1/reports/compstat?week=2019-W50' });
    expect(new Set(all.json<{ rows: { unit: string }[] }>().rows.map((r) => r.unit))).toContain('2');

    const map = await f.app.inject({ url: '/api/v1/units?geometry=false', headers: commander });
    const codes = map
      .json<{ features: { properties: { code: string } }[] }>()
      .features.map((x) => x.properties.code);
    expect(codes.sort()).toEqual(['1', '11', '12']);

    const incidents = await f.app.inject({
      url: '/api/v1/incidents?from=2019-12-01&to=2019-12-31',
      headers: commander,
    });
    const mine = incidents.json<{ features: { properties: { unit: string | null } }[] }>().features;
    const everyone = (await f.app.inject({ url: '/api/v1/incidents?from=2019-12-01&to=2019-12-31' })).json<{
      features: unknown[];
    }>().features;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThan(everyone.length);
  });
});
