import { PERIOD_KEYS, type OffenseCategory, type PeriodKey } from '@vigia/domain';
import type { CountRow } from '@vigia/store';

/**
 * Clearance figures of one unit and category in one window (this year's dates or last year's).
 * Definition (docs/methods/clearance.md): incidents the source export flags as cleared by arrest, as
 * the export stood when it was extracted, among the window's incidents whose source carries the flag.
 * Not the UCR clearance count (which counts clearances in the period they happen, exceptional
 * clearances included).
 */
export interface ClearanceCell {
  /** Incidents counted in the window (the COMPSTAT row's count: current, founded). */
  incidents: number;
  /** Of those, incidents whose source carries an arrest flag: the clearance rate's denominator. */
  withArrestData: number;
  /** Of those, incidents the source flags as cleared by arrest. */
  clearedByArrest: number;
  /** clearedByArrest ÷ withArrestData (0–1); null when no incident of the window carries the flag. */
  clearanceRate: number | null;
}

/** One unit ("*" = agency) and category ("*" = all) of the enforcement section, per window. */
export interface ClearanceRow {
  unit: string;
  unitName: string;
  level: string;
  category: OffenseCategory | '*';
  wtd: { current: ClearanceCell; previous: ClearanceCell };
  d28: { current: ClearanceCell; previous: ClearanceCell };
  ytd: { current: ClearanceCell; previous: ClearanceCell };
}

/** The COMPSTAT report's enforcement section: one row per row of the report, in the same order. */
export interface EnforcementSection {
  rows: ClearanceRow[];
}

/** What the section needs of a report row: who, what, and its incident counts per window. */
interface CountedRow {
  unit: string;
  unitName: string;
  level: string;
  category: OffenseCategory | '*';
  wtd: { current: number; previous: number };
  d28: { current: number; previous: number };
  ytd: { current: number; previous: number };
}

/**
 * Builds the enforcement section of a COMPSTAT report from its rows and the store's arrest counts
 * ({@link Store.countArrests} over the report's six windows: wtd, last year's wtd, d28, …, each
 * giving flagged then cleared). Category "*" rows add up the unit's categories, as the report's do.
 *
 * @param rows - the report rows, in order.
 * @param unitKeys - per row, the key its unit has in `arrests` ("*" for the agency, else the unit id).
 * @returns the section, or null when no incident of any window (either year) carries an arrest flag.
 * @throws Error when `rows` and `unitKeys` differ in length (a programming error).
 */
export function enforcementSection(
  rows: readonly CountedRow[],
  unitKeys: readonly string[],
  arrests: readonly CountRow[],
): EnforcementSection | null {
  if (rows.length !== unitKeys.length) throw new Error('enforcementSection: one unit key per row');
  if (!arrests.some((r) => r.counts.some((n, i) => i % 2 === 0 && n > 0))) return null;
  const byKey = new Map<string, number[]>();
  const byUnit = new Map<string, number[]>();
  for (const r of arrests) {
    const unit = r.unitId === null ? '*' : String(r.unitId);
    byKey.set(`${unit}|${r.category}`, r.counts);
    const total = byUnit.get(unit) ?? [];
    r.counts.forEach((n, i) => (total[i] = (total[i] ?? 0) + n));
    byUnit.set(unit, total);
  }
  return {
    rows: rows.map((row, k) => {
      const unit = unitKeys[k]!;
      const counts = (row.category === '*' ? byUnit.get(unit) : byKey.get(`${unit}|${row.category}`)) ?? [];
      const cell = (window: number, incidents: number): ClearanceCell => {
        const withArrestData = counts[2 * window] ?? 0;
        const clearedByArrest = counts[2 * window + 1] ?? 0;
        return {
          incidents,
          withArrestData,
          clearedByArrest,
          clearanceRate: withArrestData === 0 ? null : clearedByArrest / withArrestData,
        };
      };
      const period = (p: PeriodKey) => {
        const i = PERIOD_KEYS.indexOf(p);
        return { current: cell(2 * i, row[p].current), previous: cell(2 * i + 1, row[p].previous) };
      };
      return {
        unit: row.unit,
        unitName: row.unitName,
        level: row.level,
        category: row.category,
        wtd: period('wtd'),
        d28: period('d28'),
        ytd: period('ytd'),
      };
    }),
  };
}
