import type { ActionItemStatus, AgendaItemKind, MeetingStatus, OffenseCategory } from '@vigia/domain';

/**
 * Who owns an action item: a free-text name and, when the person has an account, their user id. Both
 * null means "the unit's commander" (the default owner): it shows on that commander's own list.
 */
export interface ActionItemOwner {
  name: string | null;
  userId: number | null;
}

/** One generated agenda item to store with a new meeting (a snapshot: later data does not change it). */
export interface NewAgendaItem {
  unitId: number;
  kind: AgendaItemKind;
  /** The offense category it is about; `'*'` for all categories; null when not about one (response time). */
  category: OffenseCategory | '*' | null;
  /** The figures that put it on the agenda (JSON value; shape per kind, see services/meetings). */
  figures: unknown;
}

/** A meeting to create: the week it reviews, its units (in agenda order) and the generated agenda. */
export interface NewMeeting {
  /** ISO week `YYYY-Www` reviewed. */
  week: string;
  title: string;
  unitIds: readonly number[];
  agenda: readonly NewAgendaItem[];
}

/** A stored meeting without its agenda. `createdAt` is an ISO 8601 UTC instant. */
export interface MeetingRecord {
  id: number;
  week: string;
  title: string;
  status: MeetingStatus;
  unitIds: number[];
  /** Audit actor who created it (`user:<id>:<name>`, `cli:<user>@<host>`...). */
  createdBy: string;
  createdAt: string;
  /** 1 when created, +1 on every change of title or status. */
  version: number;
}

/** One stored agenda item, with the notes taken on it during the meeting. */
export interface AgendaItemRecord extends NewAgendaItem {
  id: number;
  meetingId: number;
  /** Order within the meeting (0, 1, ...): per unit in the meeting's unit order, then as generated. */
  position: number;
  notes: string;
  /** Who last wrote the notes and when (ISO 8601 UTC), null before any note. */
  notesBy: string | null;
  notesAt: string | null;
}

/** A meeting with its agenda. */
export interface MeetingWithAgenda extends MeetingRecord {
  agenda: AgendaItemRecord[];
}

/** Changes to a meeting (only the given fields change). */
export interface MeetingChanges {
  title?: string;
  status?: MeetingStatus;
}

/** An action item to create (in a meeting, about one unit and optionally one category). */
export interface NewActionItem {
  meetingId: number;
  /** The agenda item that prompted it, if any. */
  agendaItemId: number | null;
  unitId: number;
  category: OffenseCategory | '*' | null;
  title: string;
  owner: ActionItemOwner;
  /** Local date `YYYY-MM-DD` (agency time zone), or null. */
  dueDate: string | null;
  notes: string;
  /**
   * The figures the item targets as they stood when it was created (JSON value; services/meetings
   * writes the category's count in the unit over the 28 days the meeting reviewed).
   */
  baseline: unknown;
}

/** A stored action item. Instants are ISO 8601 UTC. */
export interface ActionItemRecord extends Omit<NewActionItem, 'baseline'> {
  id: number;
  status: ActionItemStatus;
  baseline: unknown;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** When the status last changed (the creation instant until then). */
  statusChangedAt: string;
  /** 1 when created, +1 on every change: an edit may name the version it read (STORE_CONFLICT). */
  version: number;
}

/** Changes to an action item: only the given fields change; each changed field is one history row. */
export interface ActionItemChanges {
  title?: string;
  status?: ActionItemStatus;
  owner?: ActionItemOwner;
  dueDate?: string | null;
  notes?: string;
}

/** One change of one field of an action item (creation is field `created`, before null). */
export interface ActionItemChange {
  actionItemId: number;
  /** 1, 2, ... per item, in the order the changes were made. */
  seq: number;
  at: string;
  actor: string;
  field: 'created' | keyof ActionItemChanges;
  before: unknown;
  after: unknown;
}

/** Selection of {@link MeetingStore.listActionItems}; every filter optional, all given must hold. */
export interface ActionItemQuery {
  /** Items of these units only (exactly these ids: pass a subtree's ids for a subtree). */
  unitIds?: readonly number[];
  statuses?: readonly ActionItemStatus[];
  /** Items created in this meeting. */
  meetingId?: number;
  /**
   * Items owned by this user, or (with `orDefaultOwnerOfUnit`) with no owner set in that unit: the
   * default owner is the unit's commander.
   */
  owner?: { userId: number; orDefaultOwnerOfUnit?: number | null };
  /** Items with a due date strictly before this local date `YYYY-MM-DD`. */
  dueBefore?: string;
}

/**
 * The meetings part of the storage port (issue 6). Every change is written in one transaction together
 * with its audit row (`meeting.create`, `meeting.update`, `agenda_item.update`, `action_item.create`,
 * `action_item.update`; actor as given), and action item changes also with one history row per changed
 * field. Lists are in id order (meetings newest first).
 */
export interface MeetingStore {
  /** Stores the meeting, its units and its agenda (positions in the given order). */
  createMeeting(input: NewMeeting, actor: string): Promise<MeetingWithAgenda>;
  /** Every meeting, newest first, without agendas. */
  listMeetings(): Promise<MeetingRecord[]>;
  getMeeting(id: number): Promise<MeetingWithAgenda | null>;
  /**
   * @throws VigiaError NOT_FOUND (no such meeting); STORE_CONFLICT when `expectedVersion` is given and
   *   is not the stored version.
   */
  updateMeeting(
    id: number,
    changes: MeetingChanges,
    actor: string,
    expectedVersion?: number,
  ): Promise<MeetingRecord>;
  /**
   * Replaces the notes of one agenda item of meeting `meetingId`.
   * @throws VigiaError NOT_FOUND when the item is not on that meeting's agenda.
   */
  updateAgendaNotes(
    meetingId: number,
    agendaItemId: number,
    notes: string,
    actor: string,
  ): Promise<AgendaItemRecord>;
  /** @throws VigiaError NOT_FOUND when the meeting does not exist. */
  createActionItem(input: NewActionItem, actor: string): Promise<ActionItemRecord>;
  getActionItem(id: number): Promise<ActionItemRecord | null>;
  /**
   * Applies the changes that differ from the stored values (none: nothing is written, the item is
   * returned as it is).
   * @throws VigiaError NOT_FOUND; STORE_CONFLICT when `expectedVersion` is given and stale.
   */
  updateActionItem(
    id: number,
    changes: ActionItemChanges,
    actor: string,
    expectedVersion?: number,
  ): Promise<ActionItemRecord>;
  listActionItems(query?: ActionItemQuery): Promise<ActionItemRecord[]>;
  /** Every change of one item, oldest first (empty for an unknown item). */
  listActionItemHistory(id: number): Promise<ActionItemChange[]>;
}
