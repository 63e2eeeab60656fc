import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { VigiaError, formatLocalDate, isActionItemActive, localDayOf } from '@vigia/domain';
import {
  emergingHotSpotSource,
  createActionItem,
  createMeeting,
  findUnit,
  meetingUnits,
  requireAgency,
  updateActionItem,
} from '@vigia/services';
import type { ActionItemQuery, Store } from '@vigia/store';
import { actorOf } from '../auth/access.js';
import { Lang, errorResponses } from '../app/schemas.js';
import {
  ActionItemChangesBody,
  ActionItemDetail,
  ActionItemList,
  ActionItemStatus,
  MeetingChangesBody,
  MeetingDetail,
  MeetingSummary,
  NewActionItemBody,
  NewMeetingBody,
  NotesBody,
  AgendaItem,
} from './meeting-schemas.js';
import { MeetingScope } from './meeting-view.js';

const Id = Type.Integer({ minimum: 1 });
const withAuthErrors = {
  ...errorResponses,
  401: Type.Ref('Error'),
  403: Type.Ref('Error'),
};

/**
 * The COMPSTAT meeting over HTTP (issue 6): meetings (the agenda is generated on creation, see
 * services/meetings), notes per agenda item, action items with their history, "my items" and the
 * overdue list. Every route declares its policy action (`config.access`) and checks it with the unit
 * scope: a commander sees and changes only their subtree, and gets 404 for the rest.
 */
export function registerMeetingRoutes(app: FastifyInstance, ctx: { store: Store; now: () => number }): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { store } = ctx;
  const today = async () => formatLocalDate(localDayOf(ctx.now(), (await requireAgency(store)).timeZone));
  const lang = Type.Object({ lang: Lang });

  const meetingDetail = async (scope: MeetingScope, id: number) => {
    const meeting = await store.getMeeting(id);
    if (!meeting || scope.visibleUnits(meeting).length === 0) {
      throw new VigiaError('NOT_FOUND', { what: `meeting ${id}` });
    }
    return scope.detail(meeting, await store.listActionItems({ meetingId: id }), await today());
  };

  api.get(
    '/meetings',
    {
      config: { access: 'meeting.read' },
      schema: {
        summary: 'COMPSTAT meetings, newest first (those with a unit you may see)',
        tags: ['meetings'],
        querystring: lang,
        response: { 200: Type.Array(MeetingSummary), ...withAuthErrors },
      },
    },
    async (req) => {
      const scope = await MeetingScope.of(req, store, 'meeting.read');
      return (await store.listMeetings())
        .filter((m) => scope.visibleUnits(m).length > 0)
        .map((m) => scope.summary(m));
    },
  );

  api.post(
    '/meetings',
    {
      config: { access: 'meeting.run' },
      schema: {
        summary: 'Create the meeting of a week for some units: generates and stores its agenda',
        tags: ['meetings'],
        querystring: lang,
        body: NewMeetingBody,
        response: { 201: MeetingDetail, ...withAuthErrors },
      },
    },
    async (req, reply) => {
      const scope = await MeetingScope.of(req, store, 'meeting.run');
      const units = await meetingUnits(store, req.body.units ?? []);
      for (const u of units) scope.require('meeting.run', u.id, `unit ${u.code}`);
      const { meeting } = await createMeeting(
        store,
        { week: req.body.week, unitIds: units.map((u) => u.id), title: req.body.title, actor: actorOf(req) },
        { now: ctx.now, sources: [emergingHotSpotSource()] },
      );
      return reply.code(201).send(await meetingDetail(scope, meeting.id));
    },
  );

  api.get(
    '/meetings/:id',
    {
      config: { access: 'meeting.read' },
      schema: {
        summary: 'A meeting with its agenda and the action items created in it (your units only)',
        tags: ['meetings'],
        params: Type.Object({ id: Id }),
        querystring: lang,
        response: { 200: MeetingDetail, ...withAuthErrors },
      },
    },
    async (req) => meetingDetail(await MeetingScope.of(req, store, 'meeting.read'), req.params.id),
  );

  api.patch(
    '/meetings/:id',
    {
      config: { access: 'meeting.run' },
      schema: {
        summary: 'Rename, close or reopen a meeting (409 when `version` is stale)',
        tags: ['meetings'],
        params: Type.Object({ id: Id }),
        querystring: lang,
        body: MeetingChangesBody,
        response: { 200: MeetingDetail, ...withAuthErrors },
      },
    },
    async (req) => {
      const scope = await MeetingScope.of(req, store, 'meeting.run');
      await meetingDetail(scope, req.params.id);
      const { version, ...changes } = req.body;
      await store.updateMeeting(req.params.id, changes, actorOf(req), version);
      return meetingDetail(scope, req.params.id);
    },
  );

  api.put(
    '/meetings/:id/agenda/:itemId/notes',
    {
      config: { access: 'meeting.run' },
      schema: {
        summary: 'Replace the notes taken on one agenda item',
        tags: ['meetings'],
        params: Type.Object({ id: Id, itemId: Id }),
        querystring: lang,
        body: NotesBody,
        response: { 200: AgendaItem, ...withAuthErrors },
      },
    },
    async (req) => {
      const scope = await MeetingScope.of(req, store, 'meeting.run');
      const meeting = await store.getMeeting(req.params.id);
      const item = meeting?.agenda.find((a) => a.id === req.params.itemId);
      const what = `agenda item ${req.params.itemId} of meeting ${req.params.id}`;
      if (!item) throw new VigiaError('NOT_FOUND', { what });
      scope.require('meeting.run', item.unitId, what);
      const saved = await store.updateAgendaNotes(req.params.id, item.id, req.body.notes, actorOf(req));
      const { meetingId: _m, ...rest } = saved;
      return { ...rest, unit: scope.unitRef(saved.unitId).code };
    },
  );

  api.post(
    '/meetings/:id/action-items',
    {
      config: { access: 'action_item.edit' },
      schema: {
        summary: 'Create an action item in a meeting, for one of its units or a unit below',
        tags: ['action items'],
        params: Type.Object({ id: Id }),
        querystring: lang,
        body: NewActionItemBody,
        response: { 201: ActionItemDetail, ...withAuthErrors },
      },
    },
    async (req, reply) => {
      const scope = await MeetingScope.of(req, store, 'action_item.edit');
      const meeting = await store.getMeeting(req.params.id);
      if (!meeting || scope.visibleUnits(meeting).length === 0) {
        throw new VigiaError('NOT_FOUND', { what: `meeting ${req.params.id}` });
      }
      const unit = findUnit(scope.tree.units, req.body.unit);
      scope.require('action_item.edit', unit.id, `unit ${unit.code}`);
      const item = await createActionItem(store, {
        meetingId: meeting.id,
        unitId: unit.id,
        agendaItemId: req.body.agendaItemId,
        category: req.body.category,
        title: req.body.title,
        owner: req.body.owner,
        dueDate: req.body.dueDate,
        notes: req.body.notes,
        actor: actorOf(req),
      });
      const history = await store.listActionItemHistory(item.id);
      return reply.code(201).send(scope.actionItemDetail(item, history, await today()));
    },
  );

  const listItems = async (
    scope: MeetingScope,
    query: ActionItemQuery,
    keep: (overdue: boolean) => boolean = () => true,
  ) => {
    const day = await today();
    const items = (await store.listActionItems(query))
      .filter((a) => scope.allows('meeting.read', a.unitId))
      .map((a) => scope.actionItem(a, day))
      .filter((a) => keep(a.overdue));
    return { today: day, items };
  };

  api.get(
    '/action-items',
    {
      config: { access: 'meeting.read' },
      schema: {
        summary: 'Action items of your units, optionally of one unit (with its sub-units), status or meeting',
        tags: ['action items'],
        querystring: Type.Object({
          unit: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
          status: Type.Optional(Type.Array(ActionItemStatus)),
          meeting: Type.Optional(Id),
          lang: Lang,
        }),
        response: { 200: ActionItemList, ...withAuthErrors },
      },
    },
    async (req) => {
      const scope = await MeetingScope.of(req, store, 'meeting.read');
      const q = req.query;
      const unit = q.unit === undefined ? null : findUnit(scope.tree.units, q.unit);
      // Outside a commander's subtree: the answer for a unit that does not exist (as the read routes).
      if (unit && !scope.allows('meeting.read', unit.id)) {
        throw new VigiaError('UNKNOWN_UNIT', { value: q.unit ?? '' });
      }
      return listItems(scope, {
        ...(unit ? { unitIds: scope.tree.subtree(unit.id) } : {}),
        ...(q.status ? { statuses: q.status } : {}),
        ...(q.meeting !== undefined ? { meetingId: q.meeting } : {}),
      });
    },
  );

  api.get(
    '/action-items/mine',
    {
      config: { access: 'meeting.read' },
      schema: {
        summary:
          'What you owe: open and in-progress items owned by you, or (a commander) left to your unit’s commander',
        tags: ['action items'],
        querystring: Type.Object({ all: Type.Optional(Type.Boolean()), lang: Lang }),
        response: { 200: ActionItemList, ...withAuthErrors },
      },
    },
    async (req) => {
      const scope = await MeetingScope.of(req, store, 'meeting.read');
      const p = scope.principal;
      const list = await listItems(scope, {
        owner: { userId: p.userId, orDefaultOwnerOfUnit: p.role === 'commander' ? p.unitId : null },
      });
      return req.query.all
        ? list
        : { ...list, items: list.items.filter((a) => isActionItemActive(a.status)) };
    },
  );

  api.get(
    '/action-items/overdue',
    {
      config: { access: 'meeting.read' },
      schema: {
        summary: 'Open and in-progress action items of your units due before today',
        tags: ['action items'],
        querystring: lang,
        response: { 200: ActionItemList, ...withAuthErrors },
      },
    },
    async (req) => {
      const scope = await MeetingScope.of(req, store, 'meeting.read');
      return listItems(
        scope,
        { statuses: ['open', 'in_progress'], dueBefore: await today() },
        (overdue) => overdue,
      );
    },
  );

  const itemIn = async (scope: MeetingScope, id: number, action: 'meeting.read' | 'action_item.edit') => {
    const item = await store.getActionItem(id);
    if (!item) throw new VigiaError('NOT_FOUND', { what: `action item ${id}` });
    scope.require(action, item.unitId, `action item ${id}`);
    return item;
  };

  api.get(
    '/action-items/:id',
    {
      config: { access: 'meeting.read' },
      schema: {
        summary: 'An action item with the history of every change',
        tags: ['action items'],
        params: Type.Object({ id: Id }),
        querystring: lang,
        response: { 200: ActionItemDetail, ...withAuthErrors },
      },
    },
    async (req) => {
      const scope = await MeetingScope.of(req, store, 'meeting.read');
      const item = await itemIn(scope, req.params.id, 'meeting.read');
      return scope.actionItemDetail(item, await store.listActionItemHistory(item.id), await today());
    },
  );

  api.patch(
    '/action-items/:id',
    {
      config: { access: 'action_item.edit' },
      schema: {
        summary: 'Change status, owner, due date, notes or title (each change kept in its history)',
        tags: ['action items'],
        params: Type.Object({ id: Id }),
        querystring: lang,
        body: ActionItemChangesBody,
        response: { 200: ActionItemDetail, ...withAuthErrors },
      },
    },
    async (req) => {
      const scope = await MeetingScope.of(req, store, 'action_item.edit');
      await itemIn(scope, req.params.id, 'action_item.edit');
      const { version, ...changes } = req.body;
      const saved = await updateActionItem(store, req.params.id, changes, actorOf(req), version);
      return scope.actionItemDetail(saved, await store.listActionItemHistory(saved.id), await today());
    },
  );
}
