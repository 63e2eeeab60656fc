import type { Cell, ClearanceRow, CompstatReport, ReportRow, WindowKey } from '../../api/types.js';

export const WINDOWS: WindowKey[] = ['wtd', 'd28', 'ytd'];

/**
 * Below this prior-period count a percent change is not shown: +200 % on 1 → 3 is noise, and shouting
 * it misleads a meeting (the count change is still shown).
 */
export const SMALL_PREVIOUS = 10;

/** How a cell should look: a significant increase stands out, a significant decrease is marked too. */
export function cellTone(c: Cell): 'up' | 'down' | 'plain' {
  if (!c.significant) return 'plain';
  if (c.change > 0) return 'up';
  return c.change < 0 ? 'down' : 'plain';
}

/** The percent change worth showing, or null (no prior incidents, or too few to mean anything). */
export function shownPct(c: Cell): number | null {
  return c.pctChange === null || c.previous < SMALL_PREVIOUS ? null : c.pctChange;
}

/** The rows on screen for one category ("*" = all): the root unit first, then the others as given. */
export function bookRows(
  report: CompstatReport,
  category: string,
): { rows: ReportRow[]; remainder: ReportRow[] } {
  return {
    rows: report.rows.filter((r) => r.category === category),
    remainder: report.remainder.filter((r) => r.category === category),
  };
}

/** The enforcement rows on screen for one category ("*" = all), as {@link bookRows}; [] without a section. */
export function clearanceRows(report: CompstatReport, category: string): ClearanceRow[] {
  return report.enforcement?.rows.filter((r) => r.category === category) ?? [];
}
