import type { WeeklySeries } from '../../api/types.js';

/** One line of the trends chart: a label and a count per ISO week number 1–53 (null = no such week). */
export interface TrendLine {
  key: string;
  year: number;
  kind: 'count' | 'rolling';
  values: (number | null)[];
}

/**
 * Lines of the trends chart: weekly counts of every year (this year first), and for this year the
 * 28-day rolling count divided by 4 (incidents per week over the last four weeks), so it sits on the
 * same scale as the weekly counts.
 */
export function trendLines(series: WeeklySeries): { weeks: number[]; lines: TrendLine[] } {
  const last = Math.max(53, ...series.years.flatMap((y) => y.weeks.map((w) => w.week)));
  const weeks = Array.from({ length: last }, (_, i) => i + 1);
  const years = [...series.years].sort((a, b) => b.isoYear - a.isoYear);
  const at = (ws: { week: number }[], pick: (w: never) => number) =>
    weeks.map((n) => {
      const w = ws.find((x) => x.week === n);
      return w ? pick(w as never) : null;
    });
  const lines: TrendLine[] = years.map((y) => ({
    key: `count-${y.isoYear}`,
    year: y.isoYear,
    kind: 'count',
    values: at(y.weeks, (w: { count: number }) => w.count),
  }));
  const current = years[0];
  if (current) {
    lines.push({
      key: `rolling-${current.isoYear}`,
      year: current.isoYear,
      kind: 'rolling',
      values: at(current.weeks, (w: { rolling28: number }) => w.rolling28 / 4),
    });
  }
  const usedWeeks = weeks.filter((n) => lines.some((l) => l.values[n - 1] !== null));
  const end = usedWeeks.at(-1) ?? 0;
  return { weeks: weeks.slice(0, end), lines: lines.map((l) => ({ ...l, values: l.values.slice(0, end) })) };
}
