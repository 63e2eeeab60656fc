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
 * When the report has an enforcement section, each line ends with, per window and for this year then
 * last year, the flagged incidents, those cleared by arrest and the clearance rate (empty when null):
 * `wtd_with_arrest_data, wtd_cleared_by_arrest, wtd_clearance_rate, wtd_previous_with_arrest_data, …`.
 * Without one the columns end with data_end.
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
  const enforcement = report.enforcement;
  const ecols = ['with_arrest_data', 'cleared_by_arrest', 'clearance_rate'];
  if (enforcement) {
    header.push(
      ...windows.flatMap((w) => ['', 'previous_'].flatMap((p) => ecols.map((c) => `${w}_${p}${c}`))),
    );
  }
  const lines = [header.join(',')];
  for (const [k, r] of report.rows.entries()) {
    const cells = windows.flatMap((w) => {
      const c = r[w];
      // 12 significant digits: drops binary noise such as 0.25000000000000006 (JSON keeps full precision).
      const round = (v: number | null) => (v === null ? null : Number(v.toPrecision(12)));
      return [c.current, c.previous, c.change, round(c.pctChange), round(c.pValue), c.significant];
    });
    const coverage = [report.weekCoverage, report.dataRange?.last ?? null];
    const e = enforcement?.rows[k];
    const arrests = e
      ? windows.flatMap((w) =>
          [e[w].current, e[w].previous].flatMap((c) => [
            c.withArrestData,
            c.clearedByArrest,
            c.clearanceRate === null ? null : Number(c.clearanceRate.toPrecision(12)),
          ]),
        )
      : [];
    lines.push(
      [report.week, r.unit, r.unitName, r.level, r.category, ...cells, ...coverage, ...arrests]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
