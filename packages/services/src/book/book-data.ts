import {
  formatLocalDate,
  isoWeekMonday,
  parseIsoWeek,
  parseLocalDate,
  type Agency,
  type UnitGeometry,
} from '@vigia/domain';
import type { Store, StoredUnit } from '@vigia/store';
import { requireAgency } from '../agency/require-agency.js';
import { isDemoAgency } from '../demo/seed-demo.js';
import { compstatRemainder } from '../report/compstat-remainder.js';
import { compstatReport, type CompstatReport, type CompstatRow } from '../report/compstat-report.js';
import type { BookActionItem, BookInput } from './book-types.js';

/** Weekly counts of the 52 weeks ending with the book's week, and of the 52 weeks before them. */
export interface BookTrend {
  /** Incidents per week (Monday–Sunday, local dates), oldest first; 52 values each. */
  recent: number[];
  before: number[];
  /** Monday of each recent week, `YYYY-MM-DD`. */
  recentStarts: string[];
  /** Sunday of the last recent week (the book's week). */
  recentEnd: string;
}

/** An outline drawn on a map, with the code printed inside it. */
export interface BookMapArea {
  code: string;
  geometry: UnitGeometry;
}

/** What one section of the book (the agency, or one unit) shows. */
export interface BookSection {
  /** Store id of the unit; null for the agency section. */
  unitId: number | null;
  /** Unit code, "*" for the agency. */
  code: string;
  name: string;
  level: string;
  /** The unit's rows of the COMPSTAT report: one per category, then "*" (all categories). */
  rows: CompstatRow[];
  /** The unit's own polygon (none for the agency). */
  outline: UnitGeometry | null;
  /** Thin outlines inside the map: the unit's sub-units, or for the agency the units of the book's level. */
  inner: BookMapArea[];
  /** Level of `inner` (null when empty). */
  innerLevel: string | null;
  /** Incidents of the 28-day window: WGS84 lon/lat of those with a location, and how many have none. */
  points: { lon: number[]; lat: number[]; missing: number };
  trend: BookTrend;
  /** Open and in-progress action items (null: not shown, the agency section). */
  actionItems: BookActionItem[] | null;
}

/** Everything the book prints, gathered from the store before any drawing. */
export interface BookData {
  agency: Agency;
  demo: boolean;
  level: string | null;
  report: CompstatReport;
  /** Per category, what the level's units do not account for (see compstatRemainder). */
  remainder: CompstatRow[];
  /** The agency first, then one section per unit of the level, in report order. */
  sections: BookSection[];
  /** The newest audit row (the anchor printed on the cover), or null when the log is empty. */
  auditHead: { seq: number; hash: string; at: string } | null;
}

/**
 * Reads what the book needs: the COMPSTAT report at `level` (the same call and figures as
 * `vigia report compstat --level`), unit polygons, the 28-day incident points per unit, weekly counts
 * for the trend (same counting rules as the report: occurrence date, most serious offense, current
 * founded incidents), the action items from `actionItemsFor`, and the newest audit row.
 * @throws VigiaError INVALID_WEEK, UNKNOWN_LEVEL, NOT_INITIALIZED.
 */
export async function gatherBookData(store: Store, input: BookInput): Promise<BookData> {
  const agency = await requireAgency(store);
  const levels = await store.listUnitLevels();
  const level = input.level ?? levels.find((l) => l.depth === 0)?.name ?? null;
  const report = await compstatReport(store, { week: input.week, level: level ?? undefined });
  const units = await store.listUnits({ withGeometry: true });
  const byLevelCode = new Map(units.map((u) => [`${u.level}|${u.code}`, u]));
  const week = parseIsoWeek(report.week);
  const d28 = report.periods.d28;

  const blocks = new Map<string, CompstatRow[]>();
  for (const row of report.rows) {
    const key = row.unit === '*' ? '*' : `${row.level}|${row.unit}`;
    blocks.set(key, [...(blocks.get(key) ?? []), row]);
  }
  const sections: BookSection[] = [];
  for (const [key, rows] of blocks) {
    const unit = key === '*' ? null : (byLevelCode.get(key) ?? null);
    if (key !== '*' && !unit) continue; // cannot happen: the report lists stored units
    const inner = unit ? units.filter((u) => u.parentId === unit.id) : units.filter((u) => u.level === level);
    const points = await store.listIncidentPoints({
      from: d28.start,
      to: d28.end,
      unitId: unit?.id ?? null,
      category: null,
    });
    const lon: number[] = [];
    const lat: number[] = [];
    for (let i = 0; i < points.lon.length; i++) {
      if (Number.isFinite(points.lon[i]) && Number.isFinite(points.lat[i])) {
        lon.push(points.lon[i]!);
        lat.push(points.lat[i]!);
      }
    }
    const items = unit && input.actionItemsFor ? await input.actionItemsFor(unit.id) : [];
    sections.push({
      unitId: unit?.id ?? null,
      code: unit?.code ?? '*',
      name: unit?.name ?? agency.name,
      level: unit?.level ?? 'agency',
      rows,
      outline: unit?.geometry ?? null,
      inner: areas(inner),
      innerLevel: inner[0]?.level ?? null,
      points: { lon, lat, missing: points.lon.length - lon.length },
      trend: await weeklyTrend(store, isoWeekMonday(week), unit?.id),
      actionItems: unit ? items.filter((a) => a.status === 'open' || a.status === 'in_progress') : null,
    });
  }
  const [head] = await store.listAudit({ limit: 1 });
  return {
    agency,
    demo: isDemoAgency(agency),
    level,
    report,
    remainder: compstatRemainder(report),
    sections,
    auditHead: head ? { seq: head.seq, hash: head.hash, at: head.at } : null,
  };
}

function areas(units: StoredUnit[]): BookMapArea[] {
  return units.flatMap((u) => (u.geometry ? [{ code: u.code, geometry: u.geometry }] : []));
}

/**
 * Weekly counts of the 104 weeks ending on the Sunday after `monday` (a local day number), split into
 * the last 52 and the 52 before, from one daily-count query with the report's counting rules.
 */
export async function weeklyTrend(
  store: Store,
  monday: number,
  unitId: number | undefined,
): Promise<BookTrend> {
  const first = monday - 7 * 103;
  const daily = await store.dailyCounts({
    from: formatLocalDate(first),
    to: formatLocalDate(monday + 6),
    unitId,
    dateBasis: 'occurred',
    countEveryOffense: false,
  });
  const weeks = new Array<number>(104).fill(0);
  for (const d of daily) {
    const i = Math.floor((parseLocalDate(d.date) - first) / 7);
    if (i >= 0 && i < 104) weeks[i]! += d.count;
  }
  return {
    recent: weeks.slice(52),
    before: weeks.slice(0, 52),
    recentStarts: weeks.slice(52).map((_, i) => formatLocalDate(first + 7 * (52 + i))),
    recentEnd: formatLocalDate(monday + 6),
  };
}
