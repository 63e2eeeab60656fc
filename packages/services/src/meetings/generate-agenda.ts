import {
  VigiaError,
  compstatPeriods,
  formatIsoWeek,
  formatLocalDate,
  isActionItemActive,
  isOverdue,
  isoWeekMonday,
  localDayOf,
  parseIsoWeek,
  type ActionItemStatus,
  type AgendaItemKind,
  type CompstatPeriods,
  type OffenseCategory,
  type WeekCoverage,
} from '@vigia/domain';
import {
  isCallStore,
  type ActionItemOwner,
  type CountWindow,
  type Store,
  type StoredUnit,
} from '@vigia/store';
import { requireAgency } from '../agency/require-agency.js';
import { responseReport } from '../calls/response-report.js';
import { compstatReport, type CompstatRow } from '../report/compstat-report.js';
import { coverageNotes, type CoverageNote } from '../report/coverage-notes.js';
import { UnitTree } from '../units/unit-tree.js';
import { crimeAgendaItems } from './agenda-rules.js';
import { followUps, reviewedWindow, type FollowUp } from './follow-up.js';
import { responseSlip } from './response-rules.js';

/** One agenda item before it is stored: what it is about and the figures that put it there. */
export interface AgendaDraftItem {
  kind: AgendaItemKind;
  category: OffenseCategory | '*' | null;
  figures: unknown;
}

/** Figures of an `action_item` agenda item: the item as it stood, and its follow-up. */
export interface ActionItemFigures {
  actionItemId: number;
  /** Meeting that created it. */
  meetingId: number;
  title: string;
  status: ActionItemStatus;
  owner: ActionItemOwner;
  dueDate: string | null;
  overdue: boolean;
  followUp: FollowUp;
}

/** A unit's part of the agenda, in the order the meeting takes it. */
export interface AgendaUnit {
  unitId: number;
  code: string;
  name: string;
  level: string;
  items: AgendaDraftItem[];
}

/** A generated agenda (not stored: {@link createMeeting} stores it as the meeting's snapshot). */
export interface Agenda {
  week: string;
  timeZone: string;
  /** Local date the agenda was generated on (overdue is judged against it). */
  today: string;
  /** The 28-day window reviewed (follow-ups compare against it). */
  reviewed: CountWindow;
  /** Span of the incident data (a window outside it is never called significant). */
  dataRange: { first: string; last: string } | null;
  /** How much of the week the data cover: unless `whole`, no rise is significant (compstatReport). */
  weekCoverage: WeekCoverage;
  /** Why rises are not marked significant where the data do not cover the windows (coverageNotes). */
  notes: CoverageNote[];
  units: AgendaUnit[];
}

/** What an agenda source (e.g. new or intensifying hot spots) is given. */
export interface AgendaSourceContext {
  store: Store;
  week: string;
  periods: CompstatPeriods;
  units: readonly StoredUnit[];
}

/**
 * A source of extra agenda items, run after the crime and response rules: the hook through which the
 * spatial analytics add `hot_spot` items (emerging hot spots) without the meeting depending on them.
 * Items of units not on the meeting are ignored.
 */
export type AgendaSource = (
  context: AgendaSourceContext,
) => Promise<({ unitId: number } & AgendaDraftItem)[]>;

/** Options of {@link generateAgenda}. */
export interface AgendaOptions {
  /** Clock (UTC epoch ms) for "today" in the agency's zone (default Date.now). */
  now?: () => number;
  /** Extra agenda sources (see {@link AgendaSource}); none by default. */
  sources?: readonly AgendaSource[];
}

/**
 * Generates the COMPSTAT meeting agenda of ISO week `week` for units `unitIds` (in that order). Per
 * unit (rules and thresholds: docs/meetings.md):
 * 1. `significant_increase`: categories whose rise is significant in the COMPSTAT report (any window);
 * 2. `volume_increase`: the biggest 28-day rises with enough volume (see agenda-rules.ts);
 * 3. `response_time`: the unit's 90th percentile response time slipped (agencies with calls only);
 * 4. items of the {@link AgendaOptions.sources} (hot spots);
 * 5. `action_item`: every action item of the unit or its sub-units (each under its nearest meeting
 *    unit) that is open or in progress (overdue ones marked), or was closed on or after the Monday of
 *    the reviewed week, with its follow-up (follow-up.ts).
 * Figures come from the same report the book prints (units at their own level, the report's counting
 * rules: occurrence date, one offense per incident).
 *
 * @throws VigiaError INVALID_WEEK, NOT_INITIALIZED, INVALID_ARGUMENT (no units), UNKNOWN_UNIT (an id
 *   not in the store).
 */
export async function generateAgenda(
  store: Store,
  week: string,
  unitIds: readonly number[],
  options: AgendaOptions = {},
): Promise<Agenda> {
  const agency = await requireAgency(store);
  const isoWeek = parseIsoWeek(week);
  const weekText = formatIsoWeek(isoWeek);
  const tree = new UnitTree(await store.listUnits({ withGeometry: false }));
  const units = [...new Set(unitIds)].map((id) => {
    const u = tree.get(id);
    if (!u) throw new VigiaError('UNKNOWN_UNIT', { value: String(id) });
    return u;
  });
  if (units.length === 0) throw new VigiaError('INVALID_ARGUMENT', { name: 'units', value: '(none)' });
  const today = formatLocalDate(localDayOf((options.now ?? Date.now)(), agency.timeZone));
  const levels = [...new Set(units.map((u) => u.level))];

  const rowsByUnit = new Map<number, CompstatRow[]>();
  let coverage: Pick<Agenda, 'dataRange' | 'weekCoverage' | 'notes'> | null = null;
  for (const level of levels) {
    const report = await compstatReport(store, { week: weekText, level });
    coverage = {
      dataRange: report.dataRange,
      weekCoverage: report.weekCoverage,
      notes: coverageNotes(report),
    };
    for (const u of units.filter((x) => x.level === level)) {
      rowsByUnit.set(
        u.id,
        report.rows.filter((r) => r.level === level && r.unit === u.code),
      );
    }
  }

  const items = new Map<number, AgendaDraftItem[]>(units.map((u) => [u.id, []]));
  for (const u of units) items.get(u.id)!.push(...crimeAgendaItems(rowsByUnit.get(u.id) ?? []));

  if (isCallStore(store) && (await store.countCurrentCalls()) > 0) {
    for (const level of levels) {
      const response = await responseReport(store, { week: weekText, level });
      for (const u of units.filter((x) => x.level === level)) {
        const row = response.rows.find((r) => r.dimension === 'unit' && r.key === u.code);
        const figures = row ? responseSlip(row) : null;
        if (figures) items.get(u.id)!.push({ kind: 'response_time', category: null, figures });
      }
    }
  }

  const periods = compstatPeriods(isoWeek);
  for (const source of options.sources ?? []) {
    for (const { unitId, ...item } of await source({ store, week: weekText, periods, units })) {
      items.get(unitId)?.push(item);
    }
  }

  const ids = units.map((u) => u.id);
  const weekStart = formatLocalDate(isoWeekMonday(isoWeek));
  const followed = (await store.listActionItems({ unitIds: ids.flatMap((id) => tree.subtree(id)) })).filter(
    (a) =>
      isActionItemActive(a.status) ||
      formatLocalDate(localDayOf(Date.parse(a.statusChangedAt), agency.timeZone)) >= weekStart,
  );
  const follow = await followUps(store, followed, weekText);
  for (const a of followed) {
    const figures: ActionItemFigures = {
      actionItemId: a.id,
      meetingId: a.meetingId,
      title: a.title,
      status: a.status,
      owner: a.owner,
      dueDate: a.dueDate,
      overdue: isOverdue(a, today),
      followUp: follow.get(a.id)!,
    };
    const at = tree.nearestOf(a.unitId, ids);
    if (at !== null) items.get(at)!.push({ kind: 'action_item', category: a.category, figures });
  }

  return {
    week: weekText,
    timeZone: agency.timeZone,
    today,
    reviewed: reviewedWindow(weekText),
    // Every level's report has the same data span (units is not empty, so there is one).
    ...coverage!,
    units: units.map((u) => ({
      unitId: u.id,
      code: u.code,
      name: u.name,
      level: u.level,
      items: items.get(u.id)!,
    })),
  };
}
