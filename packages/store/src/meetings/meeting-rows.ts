import type { ActionItemStatus, AgendaItemKind, MeetingStatus, OffenseCategory } from '@vigia/domain';
import type {
  ActionItemChange,
  ActionItemRecord,
  AgendaItemRecord,
  MeetingRecord,
} from '../port/meetings.js';

/**
 * Column lists and row readers of the meeting tables, shared by both stores (rows read as arrays, in
 * the column order below). JSON values are stored as text; instants as ISO 8601 UTC text (like the
 * audit log: text compares in time order); local dates as `YYYY-MM-DD` text.
 */

export const MEETING_COLUMNS = 'meeting_id, week, title, status, created_by, created_at, version';

export const AGENDA_COLUMNS =
  'agenda_item_id, meeting_id, position, unit_id, kind, category, figures_json, notes, notes_by, notes_at';

export const ACTION_ITEM_COLUMNS =
  'action_item_id, meeting_id, agenda_item_id, unit_id, category, title, owner_name, owner_user_id, ' +
  'due_date, status, notes, baseline_json, created_by, created_at, updated_at, status_changed_at, version';

export const HISTORY_COLUMNS = 'action_item_id, seq, changed_at, actor, field, before_json, after_json';

const str = (v: unknown): string => (typeof v === 'string' ? v : `${v as number}`);
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : str(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** A meeting row; `unitIds` are added by the caller (they live in meeting_unit). */
export function toMeeting(r: readonly unknown[], unitIds: number[]): MeetingRecord {
  return {
    id: Number(r[0]),
    week: str(r[1]),
    title: str(r[2]),
    status: str(r[3]) as MeetingStatus,
    unitIds,
    createdBy: str(r[4]),
    createdAt: str(r[5]),
    version: Number(r[6]),
  };
}

export function toAgendaItem(r: readonly unknown[]): AgendaItemRecord {
  return {
    id: Number(r[0]),
    meetingId: Number(r[1]),
    position: Number(r[2]),
    unitId: Number(r[3]),
    kind: str(r[4]) as AgendaItemKind,
    category: strOrNull(r[5]) as OffenseCategory | '*' | null,
    figures: JSON.parse(str(r[6])) as unknown,
    notes: str(r[7]),
    notesBy: strOrNull(r[8]),
    notesAt: strOrNull(r[9]),
  };
}

export function toActionItem(r: readonly unknown[]): ActionItemRecord {
  return {
    id: Number(r[0]),
    meetingId: Number(r[1]),
    agendaItemId: numOrNull(r[2]),
    unitId: Number(r[3]),
    category: strOrNull(r[4]) as OffenseCategory | '*' | null,
    title: str(r[5]),
    owner: { name: strOrNull(r[6]), userId: numOrNull(r[7]) },
    dueDate: strOrNull(r[8]),
    status: str(r[9]) as ActionItemStatus,
    notes: str(r[10]),
    baseline: JSON.parse(str(r[11])) as unknown,
    createdBy: str(r[12]),
    createdAt: str(r[13]),
    updatedAt: str(r[14]),
    statusChangedAt: str(r[15]),
    version: Number(r[16]),
  };
}

export function toHistory(r: readonly unknown[]): ActionItemChange {
  return {
    actionItemId: Number(r[0]),
    seq: Number(r[1]),
    at: str(r[2]),
    actor: str(r[3]),
    field: str(r[4]) as ActionItemChange['field'],
    before: JSON.parse(str(r[5])) as unknown,
    after: JSON.parse(str(r[6])) as unknown,
  };
}
