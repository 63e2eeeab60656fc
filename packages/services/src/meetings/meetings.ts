import {
  VigiaError,
  formatIsoWeek,
  isActionItemStatus,
  parseIsoWeek,
  parseLocalDate,
  type ActionItemStatus,
  type OffenseCategory,
} from '@vigia/domain';
import type {
  ActionItemChanges,
  ActionItemOwner,
  ActionItemRecord,
  MeetingWithAgenda,
  Store,
  StoredUnit,
} from '@vigia/store';
import { findUnit } from '../units/find-unit.js';
import { UnitTree } from '../units/unit-tree.js';
import { generateAgenda, type Agenda, type AgendaOptions } from './generate-agenda.js';
import { countsIn, reviewedWindow, type ActionItemBaseline } from './follow-up.js';

/** Longest title and notes accepted (characters). */
export const MAX_TITLE = 200;
export const MAX_NOTES = 10_000;

/**
 * The units a meeting is for: the units with these codes (see findUnit: leading zeros ignored, the
 * higher level wins a shared code), in the given order; or, with no codes, every top-level unit.
 * @throws VigiaError UNKNOWN_UNIT.
 */
export async function meetingUnits(store: Store, codes: readonly string[] = []): Promise<StoredUnit[]> {
  const units = await store.listUnits({ withGeometry: false });
  if (codes.length === 0) return units.filter((u) => u.depth === 0);
  return [...new Map(codes.map((c) => findUnit(units, c)).map((u) => [u.id, u])).values()];
}

/** Input of {@link createMeeting}. */
export interface CreateMeetingInput {
  week: string;
  unitIds: readonly number[];
  /** Default `COMPSTAT <week>`. */
  title?: string | undefined;
  /** Audit actor (`user:<id>:<name>`, `cli:<user>@<host>`). */
  actor: string;
}

/**
 * Generates the agenda of a week for some units ({@link generateAgenda}) and stores the meeting with it
 * as a snapshot (later imports do not change a past meeting's agenda), audited as `meeting.create`.
 * @returns the stored meeting and the agenda it was generated from.
 * @throws VigiaError as generateAgenda; INVALID_ARGUMENT for a title too long.
 */
export async function createMeeting(
  store: Store,
  input: CreateMeetingInput,
  options: AgendaOptions = {},
): Promise<{ meeting: MeetingWithAgenda; agenda: Agenda }> {
  const week = formatIsoWeek(parseIsoWeek(input.week));
  const title = checkedText('title', input.title ?? `COMPSTAT ${week}`, MAX_TITLE, true);
  const agenda = await generateAgenda(store, week, input.unitIds, options);
  const meeting = await store.createMeeting(
    {
      week,
      title,
      unitIds: agenda.units.map((u) => u.unitId),
      agenda: agenda.units.flatMap((u) => u.items.map((item) => ({ unitId: u.unitId, ...item }))),
    },
    input.actor,
  );
  return { meeting, agenda };
}

/** Input of {@link createActionItem}. */
export interface CreateActionItemInput {
  meetingId: number;
  unitId: number;
  agendaItemId?: number | null | undefined;
  category?: OffenseCategory | '*' | null | undefined;
  title: string;
  /** Default: none set, i.e. the unit's commander. */
  owner?: ActionItemOwner | undefined;
  dueDate?: string | null | undefined;
  notes?: string | undefined;
  actor: string;
}

/**
 * Creates an action item in a meeting for one of its units (or a sub-unit of one), with its baseline:
 * the count of its category in its unit over the 28 days the meeting reviews (follow-up.ts). With an
 * agenda item and no category, the agenda item's category is taken.
 * @throws VigiaError NOT_FOUND (meeting, or agenda item not on it or of another of its units);
 *   INVALID_ARGUMENT (unit outside the
 *   meeting's units, empty or long title, long notes); INVALID_DATE (due date).
 */
export async function createActionItem(
  store: Store,
  input: CreateActionItemInput,
): Promise<ActionItemRecord> {
  const meeting = await store.getMeeting(input.meetingId);
  if (!meeting) throw new VigiaError('NOT_FOUND', { what: `meeting ${input.meetingId}` });
  const tree = new UnitTree(await store.listUnits({ withGeometry: false }));
  if (tree.nearestOf(input.unitId, meeting.unitIds) === null) {
    throw new VigiaError('INVALID_ARGUMENT', {
      name: 'unit',
      value: tree.get(input.unitId)?.code ?? String(input.unitId),
    });
  }
  const agendaItem =
    input.agendaItemId === undefined || input.agendaItemId === null
      ? null
      : meeting.agenda.find((a) => a.id === input.agendaItemId);
  // The agenda item must be about the item's own part of the meeting (so it cannot borrow another
  // unit's item, which its author may not be allowed to see).
  if (
    agendaItem === undefined ||
    (agendaItem && agendaItem.unitId !== tree.nearestOf(input.unitId, meeting.unitIds))
  ) {
    throw new VigiaError('NOT_FOUND', { what: `agenda item ${input.agendaItemId} of meeting ${meeting.id}` });
  }
  const category = input.category ?? agendaItem?.category ?? null;
  const window = reviewedWindow(meeting.week);
  const count = await countsIn(store, [window]);
  const baseline: ActionItemBaseline = {
    week: meeting.week,
    category: category ?? '*',
    window,
    count: count(input.unitId, category ?? '*', window),
  };
  return store.createActionItem(
    {
      meetingId: meeting.id,
      agendaItemId: agendaItem?.id ?? null,
      unitId: input.unitId,
      category,
      title: checkedText('title', input.title, MAX_TITLE, true),
      owner: checkedOwner(input.owner ?? { name: null, userId: null }),
      dueDate: checkedDate(input.dueDate ?? null),
      notes: checkedText('notes', input.notes ?? '', MAX_NOTES, false),
      baseline,
    },
    input.actor,
  );
}

/**
 * Changes an action item (status, owner, due date, notes, title), each changed field recorded in its
 * history and the change audited (store). `expectedVersion`: the version the editor read (409 when
 * someone saved first).
 * @throws VigiaError NOT_FOUND, STORE_CONFLICT, INVALID_ARGUMENT, INVALID_DATE.
 */
export async function updateActionItem(
  store: Store,
  id: number,
  changes: ActionItemChanges,
  actor: string,
  expectedVersion?: number,
): Promise<ActionItemRecord> {
  const checked: ActionItemChanges = {};
  if (changes.title !== undefined) checked.title = checkedText('title', changes.title, MAX_TITLE, true);
  if (changes.notes !== undefined) checked.notes = checkedText('notes', changes.notes, MAX_NOTES, false);
  if (changes.status !== undefined) checked.status = checkedStatus(changes.status);
  if (changes.owner !== undefined) checked.owner = checkedOwner(changes.owner);
  if (changes.dueDate !== undefined) checked.dueDate = checkedDate(changes.dueDate);
  return store.updateActionItem(id, checked, actor, expectedVersion);
}

function checkedText(name: string, value: string, max: number, required: boolean): string {
  const text = value.trim();
  if ((required && text.length === 0) || text.length > max) {
    throw new VigiaError('INVALID_ARGUMENT', {
      name,
      value: text.length > 40 ? `${text.slice(0, 40)}…` : text,
    });
  }
  return text;
}

function checkedDate(value: string | null): string | null {
  if (value === null || value === '') return null;
  parseLocalDate(value);
  return value;
}

function checkedStatus(value: string): ActionItemStatus {
  if (!isActionItemStatus(value)) throw new VigiaError('INVALID_ARGUMENT', { name: 'status', value });
  return value;
}

/** An owner with a trimmed name (blank = none); an id must be a positive integer. */
function checkedOwner(owner: ActionItemOwner): ActionItemOwner {
  const name = owner.name === null ? null : checkedText('owner', owner.name, MAX_TITLE, false) || null;
  if (owner.userId !== null && !(Number.isInteger(owner.userId) && owner.userId > 0)) {
    throw new VigiaError('INVALID_ARGUMENT', { name: 'owner.userId', value: String(owner.userId) });
  }
  return { name, userId: owner.userId };
}
