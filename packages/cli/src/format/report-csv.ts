import type { CompstatReport } from '@vigia/services';

/** RFC 4180 quoting: a field with a comma, quote or line break is wrapped in quotes, quotes doubled. */
export function csvField(v: string | number | boolean | null): string {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Renders a report as CSV (one line per unit × category; for each window current, previous, change,
 * pct_change (empty when null), p_value, significant; then week_coverage (whole, partial or none: unless
 * whole, no change is marked significant) and data_end, the last record's date, which says why).
 * Dot decimals, for spreadsheets and other tools.
 */
export function formatReportCsv(report: CompstatReport): string {
  const windows = ['wtd', 'd28', 'ytd'] as const;
  const cols = ['current', 'previous', 'change', 'pct_change', 'p_value', 'significant'];
  const header = [
    'week',
    'unit',
    'unit_name',
    'level',
    'category',
    ...windows.flatMap((w) => cols.map((c) => `${w}_${c}`)),
    'week_coverage',
    'data_end',
  ];
  const lines = [header.join(',')];
  for (const r of report.rows) {
    const cells = windows.flatMap((w) => {
      const c = r[w];
      // 12 significant digits: drops binary noise such as 0.25000000000000006 (JSON keeps full precision).
      const round = (v: number | null) => (v === null ? null : Number(v.toPrecision(12)));
      return [c.current, c.previous, c.change, round(c.pctChange), round(c.pValue), c.significant];
    });
    const coverage = [report.weekCoverage, report.dataRange?.last ?? null];
    lines.push(
      [report.week, r.unit, r.unitName, r.level, r.category, ...cells, ...coverage].map(csvField).join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
