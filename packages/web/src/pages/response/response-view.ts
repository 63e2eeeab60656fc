import type { ResponseReport, ResponseRow } from '../../api/types.js';

/** Seconds as `m:ss`, or `h:mm:ss` from an hour on (rounded to the second); "—" for none. */
export function formatDuration(sec: number | null): string {
  if (sec === null) return '—';
  const s = Math.round(sec);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${r}` : `${m}:${r}`;
}

/** The unit table's rows: the agency first, then the units in the report's order. */
export function unitTableRows(report: ResponseReport): ResponseRow[] {
  return [
    ...report.rows.filter((r) => r.dimension === 'agency'),
    ...report.rows.filter((r) => r.dimension === 'unit'),
  ];
}

/** Windows (of the report's) that reach outside the dates of the calls. */
export function windowsOutsideData(report: ResponseReport): string[] {
  return report.periodKeys.filter((k) => report.periods[k]?.outsideData === true);
}

/** One cell of the heat map, or null where no call was received. */
export interface GridCell {
  calls: number;
  measured: number;
  medianSec: number | null;
}

/**
 * The hour × weekday grid of a window as 7 rows (Monday first) of 24 hours, and the largest count (the
 * colour scale's top).
 */
export function gridMatrix(cells: ResponseReport['hourWeekday'][string]): {
  rows: (GridCell | null)[][];
  max: number;
} {
  const rows = Array.from({ length: 7 }, () => new Array<GridCell | null>(24).fill(null));
  let max = 0;
  for (const c of cells) {
    rows[c.weekday - 1]![c.hour] = { calls: c.calls, measured: c.measured, medianSec: c.medianSec };
    max = Math.max(max, c.calls);
  }
  return { rows, max };
}

/**
 * Bars of the histogram: one per bin (label = its first minute) and one for the overflow, with this
 * year's and last year's counts.
 */
export function histogramBars(
  h: ResponseReport['distribution'][string],
  overflowLabel: string,
): { labels: string[]; current: number[]; previous: number[] } {
  const minutes = h.current.binWidth / 60;
  return {
    labels: [...h.current.counts.map((_, i) => String(i * minutes)), overflowLabel],
    current: [...h.current.counts, h.current.overflow],
    previous: [...h.previous.counts, h.previous.overflow],
  };
}
