import { VigiaError, canonicalJson } from '@vigia/domain';
import type { AuditEntry } from '../port/audit.js';
import type {
  ActionItemChange,
  ActionItemChanges,
  ActionItemQuery,
  ActionItemRecord,
  AgendaItemRecord,
  MeetingChanges,
  MeetingRecord,
  MeetingStore,
  MeetingWithAgenda,
  NewActionItem,
  NewMeeting,
} from '../port/meetings.js';
import {
  ACTION_ITEM_COLUMNS,
  AGENDA_COLUMNS,
  HISTORY_COLUMNS,
  MEETING_COLUMNS,
  toActionItem,
  toAgendaItem,
  toHistory,
  toMeeting,
} from './meeting-rows.js';

/** A SQL parameter both stores accept. */
export type SqlParam = string | number | null;
/** Runs one statement (`$1`... placeholders) and returns its rows as arrays. */
export type SqlRows = (sql: string, params?: SqlParam[]) => Promise<unknown[][]>;

/**
 * What {@link SqlMeetings} needs from an adapter: reads outside any transaction, and writes inside one
 * that also appends the audit entry `entryOf` builds from the result (null: no audit row, nothing
 * changed). Writes of meetings must be serialized by the adapter (DuckDB: an in-process lock;
 * PostgreSQL: a transaction-scoped advisory lock), so `max(id) + 1` and version checks are safe.
 */
export interface MeetingSqlBackend {
  agencyId: number;
  read: SqlRows;
  write<T>(work: (q: SqlRows) => Promise<T>, entryOf: (result: T) => AuditEntry | null): Promise<T>;
  /** Clock, UTC epoch milliseconds. */
  now: () => number;
}

const json = (v: unknown) => canonicalJson(v ?? null);

/**
 * The {@link MeetingStore} in SQL that DuckDB and PostgreSQL both accept (the adapters give it their
 * connections). Ids are `max + 1` per agency under the adapter's write serialization: a restored backup
 * needs no sequence reset.
 */
export class SqlMeetings implements MeetingStore {
  constructor(private readonly db: MeetingSqlBackend) {}

  private get agency(): number {
    return this.db.agencyId;
  }

  private instant(): string {
    return new Date(this.db.now()).toISOString();
  }

  private async nextId(q: SqlRows, table: string, column: string): Promise<number> {
    const r = await q(`SELECT coalesce(max(${column}), 0) + 1 FROM ${table} WHERE agency_id = $1`, [
      this.agency,
    ]);
    return Number(r[0]?.[0] ?? 1);
  }

  async createMeeting(input: NewMeeting, actor: string): Promise<MeetingWithAgenda> {
    const at = this.instant();
    const id = await this.db.write(
      async (q) => {
        const meetingId = await this.nextId(q, 'meeting', 'meeting_id');
        await q(
          `INSERT INTO meeting (agency_id, meeting_id, week, title, status, created_by, created_at, version)
           VALUES ($1, $2, $3, $4, 'open', $5, $6, 1)`,
          [this.agency, meetingId, input.week, input.title, actor, at],
        );
        for (const [i, unitId] of input.unitIds.entries()) {
          await q(
            `INSERT INTO meeting_unit (agency_id, meeting_id, unit_id, position) VALUES ($1, $2, $3, $4)`,
            [this.agency, meetingId, unitId, i],
          );
        }
        let itemId = await this.nextId(q, 'agenda_item', 'agenda_item_id');
        for (const [i, a] of input.agenda.entries()) {
          await q(
            `INSERT INTO agenda_item (agency_id, agenda_item_id, meeting_id, position, unit_id, kind, category,
               figures_json, notes, notes_by, notes_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '', NULL, NULL)`,
            [this.agency, itemId++, meetingId, i, a.unitId, a.kind, a.category, json(a.figures)],
          );
        }
        return meetingId;
      },
      (meetingId) => ({
        actor,
        action: 'meeting.create',
        target: `meeting:${meetingId}`,
        before: null,
        after: {
          week: input.week,
          title: input.title,
          unitIds: [...input.unitIds],
          agendaItems: input.agenda.length,
        },
      }),
    );
    const created = await this.getMeeting(id);
    if (!created) throw new Error(`meeting ${id} vanished after its creation`);
    return created;
  }

  async listMeetings(): Promise<MeetingRecord[]> {
    const rows = await this.db.read(
      `SELECT ${MEETING_COLUMNS} FROM meeting WHERE agency_id = $1 ORDER BY meeting_id DESC`,
      [this.agency],
    );
    const units = await this.meetingUnits(this.db.read, null);
    return rows.map((r) => toMeeting(r, units.get(Number(r[0])) ?? []));
  }

  private async meetingUnits(q: SqlRows, meetingId: number | null): Promise<Map<number, number[]>> {
    const rows = await q(
      `SELECT meeting_id, unit_id FROM meeting_unit WHERE agency_id = $1
       ${meetingId === null ? '' : 'AND meeting_id = $2'} ORDER BY meeting_id, position`,
      meetingId === null ? [this.agency] : [this.agency, meetingId],
    );
    const byMeeting = new Map<number, number[]>();
    for (const [m, u] of rows) {
      const list = byMeeting.get(Number(m)) ?? [];
      list.push(Number(u));
      byMeeting.set(Number(m), list);
    }
    return byMeeting;
  }

  private async meetingRow(q: SqlRows, id: number): Promise<MeetingRecord | null> {
    const r = (
      await q(`SELECT ${MEETING_COLUMNS} FROM meeting WHERE agency_id = $1 AND meeting_id = $2`, [
        this.agency,
        id,
      ])
    )[0];
    if (!r) return null;
    return toMeeting(r, (await this.meetingUnits(q, id)).get(id) ?? []);
  }

  async getMeeting(id: number): Promise<MeetingWithAgenda | null> {
    const meeting = await this.meetingRow(this.db.read, id);
    if (!meeting) return null;
    const agenda = await this.db.read(
      `SELECT ${AGENDA_COLUMNS} FROM agenda_item WHERE agency_id = $1 AND meeting_id = $2 ORDER BY position`,
      [this.agency, id],
    );
    return { ...meeting, agenda: agenda.map(toAgendaItem) };
  }

  async updateMeeting(
    id: number,
    changes: MeetingChanges,
    actor: string,
    expectedVersion?: number,
  ): Promise<MeetingRecord> {
    const { before, after } = await this.db.write(
      async (q) => {
        const current = await this.meetingRow(q, id);
        if (!current) throw new VigiaError('NOT_FOUND', { what: `meeting ${id}` });
        checkVersion(`meeting ${id}`, current.version, expectedVersion);
        const next = { ...current, ...definedOf(changes) };
        if (next.title === current.title && next.status === current.status) {
          return { before: current, after: current };
        }
        await q(
          `UPDATE meeting SET title = $3, status = $4, version = version + 1
           WHERE agency_id = $1 AND meeting_id = $2`,
          [this.agency, id, next.title, next.status],
        );
        return { before: current, after: { ...next, version: current.version + 1 } };
      },
      (r) =>
        r.before === r.after
          ? null
          : {
              actor,
              action: 'meeting.update',
              target: `meeting:${id}`,
              before: { title: r.before.title, status: r.before.status },
              after: { title: r.after.title, status: r.after.status },
            },
    );
    return before === after ? before : after;
  }

  async updateAgendaNotes(
    meetingId: number,
    agendaItemId: number,
    notes: string,
    actor: string,
  ): Promise<AgendaItemRecord> {
    const at = this.instant();
    await this.db.write(
      async (q) => {
        const r = (
          await q(
            `SELECT ${AGENDA_COLUMNS} FROM agenda_item
             WHERE agency_id = $1 AND meeting_id = $2 AND agenda_item_id = $3`,
            [this.agency, meetingId, agendaItemId],
          )
        )[0];
        if (!r)
          throw new VigiaError('NOT_FOUND', { what: `agenda item ${agendaItemId} of meeting ${meetingId}` });
        const item = toAgendaItem(r);
        if (item.notes === notes) return null;
        await q(
          `UPDATE agenda_item SET notes = $3, notes_by = $4, notes_at = $5
           WHERE agency_id = $1 AND agenda_item_id = $2`,
          [this.agency, agendaItemId, notes, actor, at],
        );
        return item;
      },
      (item) =>
        item === null
          ? null
          : {
              actor,
              action: 'agenda_item.update',
              target: `agenda_item:${agendaItemId}`,
              before: { meetingId, notes: item.notes },
              after: { meetingId, notes },
            },
    );
    const rows = await this.db.read(
      `SELECT ${AGENDA_COLUMNS} FROM agenda_item WHERE agency_id = $1 AND agenda_item_id = $2`,
      [this.agency, agendaItemId],
    );
    return toAgendaItem(rows[0]!);
  }

  async createActionItem(input: NewActionItem, actor: string): Promise<ActionItemRecord> {
    const at = this.instant();
    const item = await this.db.write(
      async (q) => {
        const meeting = await q(`SELECT 1 FROM meeting WHERE agency_id = $1 AND meeting_id = $2`, [
          this.agency,
          input.meetingId,
        ]);
        if (meeting.length === 0) throw new VigiaError('NOT_FOUND', { what: `meeting ${input.meetingId}` });
        const id = await this.nextId(q, 'action_item', 'action_item_id');
        const record: ActionItemRecord = {
          ...input,
          id,
          status: 'open',
          createdBy: actor,
          createdAt: at,
          updatedAt: at,
          statusChangedAt: at,
          version: 1,
        };
        await q(
          `INSERT INTO action_item (agency_id, ${ACTION_ITEM_COLUMNS})
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
          [
            this.agency,
            id,
            input.meetingId,
            input.agendaItemId,
            input.unitId,
            input.category,
            input.title,
            input.owner.name,
            input.owner.userId,
            input.dueDate,
            'open',
            input.notes,
            json(input.baseline),
            actor,
            at,
            at,
            at,
            1,
          ],
        );
        await this.addHistory(q, id, at, actor, 'created', null, snapshotOf(record));
        return record;
      },
      (r) => ({
        actor,
        action: 'action_item.create',
        target: `action_item:${r.id}`,
        before: null,
        after: snapshotOf(r),
      }),
    );
    return item;
  }

  private async addHistory(
    q: SqlRows,
    id: number,
    at: string,
    actor: string,
    field: ActionItemChange['field'],
    before: unknown,
    after: unknown,
  ): Promise<void> {
    const r = await q(
      `SELECT coalesce(max(seq), 0) + 1 FROM action_item_history WHERE agency_id = $1 AND action_item_id = $2`,
      [this.agency, id],
    );
    await q(
      `INSERT INTO action_item_history (agency_id, ${HISTORY_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [this.agency, id, Number(r[0]?.[0] ?? 1), at, actor, field, json(before), json(after)],
    );
  }

  private async actionItemRow(q: SqlRows, id: number): Promise<ActionItemRecord | null> {
    const r = (
      await q(`SELECT ${ACTION_ITEM_COLUMNS} FROM action_item WHERE agency_id = $1 AND action_item_id = $2`, [
        this.agency,
        id,
      ])
    )[0];
    return r ? toActionItem(r) : null;
  }

  getActionItem(id: number): Promise<ActionItemRecord | null> {
    return this.actionItemRow(this.db.read, id);
  }

  async updateActionItem(
    id: number,
    changes: ActionItemChanges,
    actor: string,
    expectedVersion?: number,
  ): Promise<ActionItemRecord> {
    const at = this.instant();
    return this.db
      .write(
        async (q) => {
          const current = await this.actionItemRow(q, id);
          if (!current) throw new VigiaError('NOT_FOUND', { what: `action item ${id}` });
          checkVersion(`action item ${id}`, current.version, expectedVersion);
          const diff = changedFields(current, changes);
          if (diff.length === 0) return { current, next: current, diff };
          const next: ActionItemRecord = {
            ...current,
            ...definedOf(changes),
            updatedAt: at,
            statusChangedAt:
              changes.status !== undefined && changes.status !== current.status
                ? at
                : current.statusChangedAt,
            version: current.version + 1,
          };
          await q(
            `UPDATE action_item SET title = $3, status = $4, owner_name = $5, owner_user_id = $6, due_date = $7,
             notes = $8, updated_at = $9, status_changed_at = $10, version = $11
           WHERE agency_id = $1 AND action_item_id = $2`,
            [
              this.agency,
              id,
              next.title,
              next.status,
              next.owner.name,
              next.owner.userId,
              next.dueDate,
              next.notes,
              next.updatedAt,
              next.statusChangedAt,
              next.version,
            ],
          );
          for (const field of diff)
            await this.addHistory(q, id, at, actor, field, current[field], next[field]);
          return { current, next, diff };
        },
        ({ current, next, diff }) =>
          diff.length === 0
            ? null
            : {
                actor,
                action: 'action_item.update',
                target: `action_item:${id}`,
                before: Object.fromEntries(diff.map((f) => [f, current[f]])),
                after: Object.fromEntries(diff.map((f) => [f, next[f]])),
              },
      )
      .then((r) => r.next);
  }

  async listActionItems(query: ActionItemQuery = {}): Promise<ActionItemRecord[]> {
    const params: SqlParam[] = [this.agency];
    const where = ['agency_id = $1'];
    const p = (v: SqlParam) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (query.unitIds !== undefined) {
      if (query.unitIds.length === 0) return [];
      where.push(`unit_id IN (${query.unitIds.map((u) => p(u)).join(', ')})`);
    }
    if (query.statuses !== undefined) {
      if (query.statuses.length === 0) return [];
      where.push(`status IN (${query.statuses.map((s) => p(s)).join(', ')})`);
    }
    if (query.meetingId !== undefined) where.push(`meeting_id = ${p(query.meetingId)}`);
    if (query.dueBefore !== undefined)
      where.push(`due_date IS NOT NULL AND due_date < ${p(query.dueBefore)}`);
    if (query.owner !== undefined) {
      const mine = `owner_user_id = ${p(query.owner.userId)}`;
      const unit = query.owner.orDefaultOwnerOfUnit;
      where.push(
        unit === undefined || unit === null
          ? mine
          : `(${mine} OR (owner_user_id IS NULL AND owner_name IS NULL AND unit_id = ${p(unit)}))`,
      );
    }
    const rows = await this.db.read(
      `SELECT ${ACTION_ITEM_COLUMNS} FROM action_item WHERE ${where.join(' AND ')} ORDER BY action_item_id`,
      params,
    );
    return rows.map(toActionItem);
  }

  async listActionItemHistory(id: number): Promise<ActionItemChange[]> {
    const rows = await this.db.read(
      `SELECT ${HISTORY_COLUMNS} FROM action_item_history WHERE agency_id = $1 AND action_item_id = $2 ORDER BY seq`,
      [this.agency, id],
    );
    return rows.map(toHistory);
  }
}

/** @throws VigiaError STORE_CONFLICT when `expected` is given and differs from `actual`. */
function checkVersion(record: string, actual: number, expected: number | undefined): void {
  if (expected !== undefined && expected !== actual) {
    throw new VigiaError('STORE_CONFLICT', { record, expected, actual });
  }
}

/** `changes` without its undefined fields (so a spread keeps the stored value). */
function definedOf<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const EDITABLE = ['title', 'status', 'owner', 'dueDate', 'notes'] as const;

/** The editable fields whose new value differs from the stored one (owner compared by value). */
function changedFields(
  current: ActionItemRecord,
  changes: ActionItemChanges,
): (keyof ActionItemChanges & keyof ActionItemRecord)[] {
  return EDITABLE.filter((f) => changes[f] !== undefined && json(changes[f]) !== json(current[f]));
}

/** The fields of an item a person edits or reads in the log (what `created` history rows keep). */
function snapshotOf(r: ActionItemRecord): Record<string, unknown> {
  return {
    meetingId: r.meetingId,
    agendaItemId: r.agendaItemId,
    unitId: r.unitId,
    category: r.category,
    title: r.title,
    owner: r.owner,
    dueDate: r.dueDate,
    status: r.status,
    notes: r.notes,
    baseline: r.baseline,
  };
}
