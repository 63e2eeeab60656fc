import { PERIOD_KEYS, type OffenseCategory, type PeriodKey } from '@vigia/domain';
import type { CompstatCell, CompstatRow } from '../report/compstat-report.js';

/**
 * The rules that put a crime figure on a unit's agenda (docs/meetings.md). Pure functions over the
 * COMPSTAT report's rows of one unit, so the agenda lists exactly what the report shows.
 */

/** "Enough volume to matter": a rise is listed when the 28-day count is at least this... */
export const VOLUME_MIN_CURRENT = 10;
/** ...and it rose by at least this many incidents against the same 28 days last year... */
export const VOLUME_MIN_CHANGE = 5;
/** ...keeping the biggest rises only (by change, then % change), at most this many per unit. */
export const VOLUME_TOP = 3;

/** Figures of a `significant_increase` agenda item: the report's three cells of the row. */
export interface SignificantIncreaseFigures {
  /** Windows whose change is a significant increase (p < 0.05, exact test), in book order. */
  windows: PeriodKey[];
  wtd: CompstatCell;
  d28: CompstatCell;
  ytd: CompstatCell;
}

/** Figures of a `volume_increase` agenda item: the 28-day cell and its rank among the unit's rises. */
export interface VolumeIncreaseFigures {
  /** 1 = the unit's biggest rise. */
  rank: number;
  d28: CompstatCell;
}

/** A crime agenda item of one unit before it is stored. */
export type CrimeAgendaDraft =
  | { kind: 'significant_increase'; category: OffenseCategory | '*'; figures: SignificantIncreaseFigures }
  | { kind: 'volume_increase'; category: OffenseCategory; figures: VolumeIncreaseFigures };

/** Windows of a row whose change is a significant increase (significant and change > 0). */
export function significantIncreaseWindows(row: CompstatRow): PeriodKey[] {
  return PERIOD_KEYS.filter((k) => row[k].significant && row[k].change > 0);
}

/**
 * The crime items of one unit, from its report rows (one per category, plus `'*'` for all):
 * 1. every category with a significant increase in any window (WTD, 28-day or YTD), most serious
 *    first (the report's order); the all-categories line too when the unit has incidents of more
 *    than one category in the windows (with one, it would repeat that category);
 * 2. then the biggest 28-day rises with volume: current ≥ {@link VOLUME_MIN_CURRENT} and change ≥
 *    {@link VOLUME_MIN_CHANGE}, not already listed in 1, the {@link VOLUME_TOP} largest changes (ties:
 *    larger % change, then the report's order).
 */
export function crimeAgendaItems(rows: readonly CompstatRow[]): CrimeAgendaDraft[] {
  const categories = rows.filter((r) => r.category !== '*');
  const withCounts = categories.filter((r) =>
    PERIOD_KEYS.some((k) => r[k].current > 0 || r[k].previous > 0),
  ).length;
  const out: CrimeAgendaDraft[] = [];
  const listed = new Set<string>();
  for (const row of rows) {
    if (row.category === '*' && withCounts <= 1) continue;
    const windows = significantIncreaseWindows(row);
    if (windows.length === 0) continue;
    listed.add(row.category);
    out.push({
      kind: 'significant_increase',
      category: row.category,
      figures: { windows, wtd: row.wtd, d28: row.d28, ytd: row.ytd },
    });
  }
  const rises = categories
    .map((row, order) => ({ row, order }))
    .filter(
      ({ row }) =>
        !listed.has(row.category) &&
        row.d28.current >= VOLUME_MIN_CURRENT &&
        row.d28.change >= VOLUME_MIN_CHANGE,
    )
    .sort(
      (a, b) =>
        b.row.d28.change - a.row.d28.change ||
        (b.row.d28.pctChange ?? Infinity) - (a.row.d28.pctChange ?? Infinity) ||
        a.order - b.order,
    )
    .slice(0, VOLUME_TOP);
  rises.forEach(({ row }, i) =>
    out.push({
      kind: 'volume_increase',
      category: row.category as OffenseCategory,
      figures: { rank: i + 1, d28: row.d28 },
    }),
  );
  return out;
}
