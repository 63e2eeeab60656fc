import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain, type ChainedAuditRecord } from '@vigia/domain';
import { generateAgenda } from '@vigia/services';
import type { Role } from '@vigia/domain';
import { API_NOW, API_ROWS, apiFixture } from '../test-helpers/api-fixture.js';
import { signInAs, type AuthHeaders } from '../test-helpers/sign-in.js';

let f: Awaited<ReturnType<typeof apiFixture>>;
let unit: Record<string, number>;

/** A signed-in test user: the headers of their requests and their audit actor. */
interface Who {
  headers: AuthHeaders;
  actor: string;
  id: number;
}
const signIn = async (role: Role, username: string, unitCode?: string): Promise<Who> => {
  const headers = await signInAs(f.app, f.store, role, {
    username,
    now: API_NOW,
    ...(unitCode ? { unitCode } : {}),
  });
  const user = await f.store.findUserByUsername(username);
  return { headers, actor: `user:${user!.id}:${username}`, id: user!.id };
};
let admin: Who, staff: Who, analyst: Who, viewer: Who, cmd1: Who, cmd2: Who, beat11: Who;

beforeAll(async () => {
  f = await apiFixture(API_ROWS, API_NOW, { app: { auth: { loginPerIp: 1000, loginPerUser: 1000 } } });
  unit = Object.fromEntries((await f.store.listUnits({ withGeometry: false })).map((u) => [u.code, u.id]));
  const adminId = (await f.store.findUserByUsername('admin'))!.id;
  admin = { headers: f.auth, actor: `user:${adminId}:admin`, id: adminId };
  staff = await signIn('command_staff', 'jefa');
  analyst = await signIn('analyst', 'ana');
  viewer = await signIn('viewer', 'vera');
  cmd1 = await signIn('commander', 'cmd1', '1');
  cmd2 = await signIn('commander', 'cmd2', '2');
  beat11 = await signIn('commander', 'cmd11', '11');
});
afterAll(async () => f.close());

type Json = Record<string, unknown> & { id: number };
const call = async (
  who: Who | null,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT',
  url: string,
  payload?: object,
) => {
  const r = await f.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: who ? who.headers : { cookie: '' },
    ...(payload ? { payload } : {}),
  });
  return { status: r.statusCode, body: r.json<Json>() };
};

describe('meeting routes', () => {
  let m1: Json, m2: Json, m3: Json;
  let i11: Json, i2: Json;

  it('creates a meeting (command staff) with its generated agenda; 401 without a session, 403 for other roles', async () => {
    const body = { week: '2019-W50', units: ['1', '2'] };
    expect((await call(null, 'POST', '/meetings', body)).status).toBe(401);
    for (const who of [viewer, analyst, cmd1])
      expect((await call(who, 'POST', '/meetings', body)).status).toBe(403);
    const r = await call(staff, 'POST', '/meetings', body);
    expect(r.status).toBe(201);
    m1 = r.body;
    expect(m1).toMatchObject({
      week: '2019-W50',
      title: 'COMPSTAT 2019-W50',
      status: 'open',
      createdBy: staff.actor,
      units: [
        { code: '1', level: 'district' },
        { code: '2', level: 'district' },
      ],
      actionItems: [],
    });
    expect((await call(staff, 'POST', '/meetings', { week: '2019-W50', units: ['9'] })).status).toBe(404);
    expect((await call(staff, 'POST', '/meetings', { week: '2019-W99' })).status).toBe(400);
    m3 = (await call(admin, 'POST', '/meetings', { week: '2019-W50', units: ['2'], title: 'District 2' }))
      .body;
  });

  it('lets a commander add action items in their subtree only (404 elsewhere)', async () => {
    const item = { unit: '11', title: 'Patrol the park', category: 'robbery', dueDate: '2019-12-19' };
    expect((await call(viewer, 'POST', `/meetings/${m1.id}/action-items`, item)).status).toBe(403);
    expect((await call(analyst, 'POST', `/meetings/${m1.id}/action-items`, item)).status).toBe(403);
    expect(
      (await call(cmd1, 'POST', `/meetings/${m1.id}/action-items`, { ...item, unit: '21' })).status,
    ).toBe(404);
    // Meeting 3 is district 2's only: to a district 1 commander it does not exist.
    expect((await call(cmd1, 'POST', `/meetings/${m3.id}/action-items`, item)).status).toBe(404);
    const r = await call(cmd1, 'POST', `/meetings/${m1.id}/action-items`, item);
    expect(r.status).toBe(201);
    i11 = r.body;
    expect(i11).toMatchObject({
      unit: '11',
      unitName: '11',
      status: 'open',
      overdue: true,
      owner: { name: null, userId: null },
      createdBy: cmd1.actor,
      baseline: { week: '2019-W50', category: 'robbery', count: 1 },
      history: [{ seq: 1, field: 'created', actor: cmd1.actor }],
    });
    const r2 = await call(staff, 'POST', `/meetings/${m1.id}/action-items`, {
      unit: '2',
      title: 'Review the district 2 plan',
      owner: { name: 'Cmdr. Ruiz', userId: cmd2.id },
      dueDate: '2020-01-10',
    });
    expect(r2.status).toBe(201);
    i2 = r2.body;
    expect(
      (await call(staff, 'POST', `/meetings/${m1.id}/action-items`, { unit: '1', title: '' })).status,
    ).toBe(400);
    expect(
      (
        await call(staff, 'POST', `/meetings/${m1.id}/action-items`, {
          unit: '1',
          title: 'x',
          dueDate: '2019-02-30',
        })
      ).status,
    ).toBe(400);
  });

  it('shows a commander only the meetings, agenda items and action items of their units', async () => {
    m2 = (await call(staff, 'POST', '/meetings', { week: '2019-W51', units: ['1', '2'] })).body;
    const full = (await call(staff, 'GET', `/meetings/${m2.id}`)).body as unknown as {
      agenda: { unit: string; kind: string; figures: { actionItemId: number } }[];
    };
    expect(
      full.agenda.filter((a) => a.kind === 'action_item').map((a) => [a.unit, a.figures.actionItemId]),
    ).toEqual([
      ['1', i11.id],
      ['2', i2.id],
    ]);
    const mine = (await call(cmd1, 'GET', `/meetings/${m2.id}`)).body as unknown as typeof full & {
      units: object[];
    };
    expect(mine.units).toHaveLength(1);
    expect(new Set(mine.agenda.map((a) => a.unit))).toEqual(new Set(['1']));
    expect((await call(cmd1, 'GET', `/meetings/${m3.id}`)).status).toBe(404);
    expect((await call(cmd2, 'GET', `/meetings/${m3.id}`)).status).toBe(200);
    expect((await call(null, 'GET', `/meetings/${m3.id}`)).status).toBe(401);
    const list = (await call(cmd1, 'GET', '/meetings')).body as unknown as Json[];
    expect(list.map((m) => m.id)).toEqual([m2.id, m1.id]);
    expect((await call(viewer, 'GET', '/meetings')).body).toHaveLength(3);
    const items = (await call(cmd1, 'GET', '/action-items')).body as unknown as { items: Json[] };
    const byUnit = await call(cmd1, 'GET', '/action-items?unit=21');
    expect([byUnit.status, (byUnit.body as unknown as { error: { code: string } }).error.code]).toEqual([
      404,
      'UNKNOWN_UNIT',
    ]);
    expect(items.items.map((i) => i.id)).toEqual([i11.id]);
    expect((await call(cmd1, 'GET', `/action-items/${i2.id}`)).status).toBe(404);
    expect((await call(cmd2, 'GET', `/action-items/${i2.id}`)).status).toBe(200);
    expect((await call(cmd1, 'GET', `/action-items/9999`)).status).toBe(404);
  });

  it('serves the agenda the service generates', async () => {
    const created = await call(staff, 'POST', '/meetings', { week: '2019-W51', units: ['1', '2'] });
    const m = (await call(staff, 'GET', `/meetings/${created.body.id}`)).body as unknown as {
      agenda: { unitId: number; kind: string; category: string | null; figures: unknown }[];
    };
    const agenda = await generateAgenda(f.store, '2019-W51', [unit['1']!, unit['2']!], {
      now: () => API_NOW,
    });
    expect(m.agenda.length).toBeGreaterThan(0);
    expect(m.agenda.map((a) => [a.unitId, a.kind, a.category, a.figures])).toEqual(
      agenda.units.flatMap((u) => u.items.map((i) => [u.unitId, i.kind, i.category, i.figures])),
    );
  });

  it('edits action items with their history; 404 outside the subtree, 403 for a viewer, 409 when stale', async () => {
    const url = `/action-items/${i2.id}`;
    expect((await call(cmd1, 'PATCH', url, { status: 'done' })).status).toBe(404);
    expect((await call(viewer, 'PATCH', url, { status: 'done' })).status).toBe(403);
    expect((await call(null, 'PATCH', url, { status: 'done' })).status).toBe(401);
    expect((await call(cmd2, 'PATCH', url, { status: 'closed' })).status).toBe(400);
    const r = await call(cmd2, 'PATCH', url, { version: 1, status: 'in_progress', notes: 'Plan drafted' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'in_progress', notes: 'Plan drafted', version: 2 });
    expect((r.body['history'] as { field: string; actor: string }[]).map((h) => [h.field, h.actor])).toEqual([
      ['created', staff.actor],
      ['status', cmd2.actor],
      ['notes', cmd2.actor],
    ]);
    const stale = await call(staff, 'PATCH', url, { version: 1, dueDate: null });
    expect(stale.status).toBe(409);
    const owner = await call(staff, 'PATCH', url, { owner: { name: 'Lt. Paz', userId: null }, dueDate: '' });
    expect(owner.body).toMatchObject({ owner: { name: 'Lt. Paz', userId: null }, dueDate: null, version: 3 });
  });

  it('lists what a commander owes and what is overdue', async () => {
    // Item 11 has no owner: it belongs to beat 11's commander, not to the district 1 commander.
    const d1 = await call(staff, 'POST', `/meetings/${m1.id}/action-items`, {
      unit: '1',
      title: 'District 1 plan',
    });
    const mine1 = (await call(cmd1, 'GET', '/action-items/mine')).body as unknown as { items: Json[] };
    expect(mine1.items.map((i) => i.id)).toEqual([d1.body.id]);
    expect(
      ((await call(beat11, 'GET', '/action-items/mine')).body as unknown as { items: Json[] }).items.map(
        (i) => i.id,
      ),
    ).toEqual([i11.id]);
    const overdue = (await call(viewer, 'GET', '/action-items/overdue')).body as unknown as {
      today: string;
      items: Json[];
    };
    expect(overdue.today).toBe('2019-12-20');
    expect(overdue.items.map((i) => i.id)).toEqual([i11.id]);
    expect(
      ((await call(cmd2, 'GET', '/action-items/overdue')).body as unknown as { items: [] }).items,
    ).toEqual([]);
  });

  it('takes notes and closes meetings (command staff only), and audits every change', async () => {
    const m = (await call(staff, 'GET', `/meetings/${m2.id}`)).body as unknown as {
      agenda: Json[];
      version: number;
    };
    const item = m.agenda[0]!;
    const url = `/meetings/${m2.id}/agenda/${item.id}/notes`;
    expect((await call(cmd1, 'PUT', url, { notes: 'x' })).status).toBe(403);
    const r = await call(staff, 'PUT', url, { notes: 'Reviewed; patrols continue' });
    expect(r.body).toMatchObject({
      id: item.id,
      notes: 'Reviewed; patrols continue',
      notesBy: staff.actor,
    });
    expect(
      (await call(staff, 'PUT', `/meetings/${m1.id}/agenda/${item.id}/notes`, { notes: 'x' })).status,
    ).toBe(404);
    const closed = await call(staff, 'PATCH', `/meetings/${m2.id}`, { version: m.version, status: 'closed' });
    expect(closed.body).toMatchObject({ status: 'closed', version: m.version + 1 });
    expect((await call(cmd1, 'PATCH', `/meetings/${m2.id}`, { status: 'open' })).status).toBe(403);

    const chain: ChainedAuditRecord[] = [];
    for await (const row of f.store.readAuditChain()) chain.push(row);
    expect(verifyAuditChain(chain)).toBeNull();
    const actions = chain.map((c) => c.action);
    expect(actions.filter((a) => a === 'meeting.create')).toHaveLength(4);
    expect(actions).toContain('agenda_item.update');
    expect(actions).toContain('meeting.update');
    expect(chain.find((c) => c.action === 'action_item.update')).toMatchObject({
      actor: cmd2.actor,
      target: `action_item:${i2.id}`,
    });
  });
});
