import { compstatCompare } from '@vigia/analysis';
import {
  compstatPeriods,
  formatRange,
  parseIsoWeek,
  parseLocalDate,
  type OffenseCategory,
} from '@vigia/domain';
import type { ActionItemRecord, CountWindow, Store } from '@vigia/store';

/** The 28-day window a meeting of ISO week `week` reviews (the report's 28-day window), `YYYY-MM-DD`. */
export function reviewedWindow(week: string): CountWindow {
  return formatRange(compstatPeriods(parseIsoWeek(week)).d28.current);
}

/**
 * What an action item targeted when it was created (kept as its `baseline`): the count of its category
 * (`'*'` = all) in its unit (with its subtree) over the 28 days the creating meeting reviewed.
 */
export interface ActionItemBaseline {
  /** ISO week of the meeting that created the item. */
  week: string;
  category: OffenseCategory | '*';
  window: CountWindow;
  count: number;
}

/** One side of a follow-up: a 28-day window and the count in it (today's data). */
export interface FollowUpWindow extends CountWindow {
  count: number;
}

/**
 * What happened to the numbers an action item targeted (docs/meetings.md): its category's count in its
 * unit over the 28 days the creating meeting reviewed (`before`) and over the 28 days the current
 * meeting reviews (`after`), both counted on today's data, with the exact test of the change (as a
 * report cell). `overlapDays` > 0 when the item is younger than four weeks: the windows share days and
 * the change means little yet.
 */
export interface FollowUp {
  category: OffenseCategory | '*';
  before: FollowUpWindow;
  after: FollowUpWindow;
  change: number;
  pctChange: number | null;
  pValue: number;
  significant: boolean;
  overlapDays: number;
}

/** The item's baseline as stored, or null when it does not have the expected shape. */
export function baselineOf(item: Pick<ActionItemRecord, 'baseline'>): ActionItemBaseline | null {
  const b = item.baseline as Partial<ActionItemBaseline> | null;
  if (!b || typeof b.week !== 'string' || typeof b.window?.start !== 'string') return null;
  return b as ActionItemBaseline;
}

/**
 * Counts of `(unitId, category)` pairs in several windows with the report's counting rules (occurrence
 * date, one offense per incident, units with their subtree); category `'*'` sums every category.
 * @returns `count(unitId, category, window)`.
 */
export async function countsIn(
  store: Store,
  windows: readonly CountWindow[],
): Promise<(unitId: number, category: OffenseCategory | '*', window: CountWindow) => number> {
  const distinct = [...new Map(windows.map((w) => [`${w.start}|${w.end}`, w])).values()];
  const rows =
    distinct.length === 0
      ? []
      : await store.countIncidents({ windows: distinct, dateBasis: 'occurred', countEveryOffense: false });
  const counts = new Map<string, number[]>();
  for (const r of rows) {
    if (r.unitId === null) continue;
    for (const key of [`${r.unitId}|${r.category}`, `${r.unitId}|*`]) {
      const sum = counts.get(key) ?? distinct.map(() => 0);
      r.counts.forEach((n, i) => (sum[i]! += n));
      counts.set(key, sum);
    }
  }
  const index = new Map(distinct.map((w, i) => [`${w.start}|${w.end}`, i]));
  return (unitId, category, w) =>
    counts.get(`${unitId}|${category}`)?.[index.get(`${w.start}|${w.end}`)!] ?? 0;
}

/**
 * The follow-up of each action item at a meeting reviewing ISO week `week` (see {@link FollowUp}).
 * Items whose baseline is missing take the creating meeting's week from the store.
 * @returns follow-ups by action item id.
 */
export async function followUps(
  store: Store,
  items: readonly ActionItemRecord[],
  week: string,
): Promise<Map<number, FollowUp>> {
  const after = reviewedWindow(week);
  const befores = new Map<number, { week: string; window: CountWindow }>();
  for (const item of items) {
    const baseline = baselineOf(item);
    const fromWeek = baseline?.week ?? (await store.getMeeting(item.meetingId))?.week ?? week;
    befores.set(item.id, { week: fromWeek, window: reviewedWindow(fromWeek) });
  }
  const count = await countsIn(store, [after, ...[...befores.values()].map((b) => b.window)]);
  const out = new Map<number, FollowUp>();
  for (const item of items) {
    const before = befores.get(item.id)!.window;
    const category = item.category ?? '*';
    const nBefore = count(item.unitId, category, before);
    const nAfter = count(item.unitId, category, after);
    const cell = compstatCompare(nAfter, nBefore, 28, 28);
    const overlap =
      Math.min(parseLocalDate(before.end), parseLocalDate(after.end)) -
      Math.max(parseLocalDate(before.start), parseLocalDate(after.start)) +
      1;
    out.set(item.id, {
      category,
      before: { ...before, count: nBefore },
      after: { ...after, count: nAfter },
      change: cell.change,
      pctChange: cell.pctChange,
      pValue: cell.pValue,
      significant: cell.significant,
      overlapDays: Math.max(0, overlap),
    });
  }
  return out;
}
