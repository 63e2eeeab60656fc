/**
 * The COMPSTAT meeting (issue 6, principle 4 "relentless follow-up"): a meeting reviews one ISO week for
 * a set of units; its agenda is generated from the statistics (services/meetings) and kept as a
 * snapshot; action items carry an owner, a due date and a status whose every change is recorded.
 */

/** A meeting is `open` while it is being held and edited, `closed` once its minutes are final. */
export const MEETING_STATUSES = ['open', 'closed'] as const;
/** One meeting status. */
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** Life of an action item: `open` → `in_progress` → `done`, or `dropped` (no longer pursued). */
export const ACTION_ITEM_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;
/** One action item status. */
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

/**
 * What an agenda item is about (rules: docs/meetings.md):
 * - `significant_increase`: a category whose rise is more than chance (the report's exact test);
 * - `volume_increase`: one of the biggest rises with enough incidents to matter;
 * - `response_time`: the unit's 90th percentile response time slipped against last year;
 * - `hot_spot`: a new or intensifying hot spot (filled by an agenda source of the spatial analytics);
 * - `action_item`: an earlier action item still open or overdue, or closed since the last review,
 *   with its follow-up figures.
 */
export const AGENDA_ITEM_KINDS = [
  'significant_increase',
  'volume_increase',
  'response_time',
  'hot_spot',
  'action_item',
] as const;
/** One agenda item kind. */
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

/** True while an action item still asks for work (`open` or `in_progress`). */
export function isActionItemActive(status: ActionItemStatus): boolean {
  return status === 'open' || status === 'in_progress';
}

/**
 * True when an active action item's due date (`YYYY-MM-DD`, agency local) is before `today` (a local
 * date `YYYY-MM-DD`): due today is not overdue yet. Items without a due date are never overdue.
 */
export function isOverdue(
  item: { status: ActionItemStatus; dueDate: string | null },
  today: string,
): boolean {
  return isActionItemActive(item.status) && item.dueDate !== null && item.dueDate < today;
}

/** True when `value` is one of {@link ACTION_ITEM_STATUSES}. */
export function isActionItemStatus(value: unknown): value is ActionItemStatus {
  return typeof value === 'string' && (ACTION_ITEM_STATUSES as readonly string[]).includes(value);
}
