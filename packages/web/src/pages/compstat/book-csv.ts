import type { CompstatReport, ReportRow } from '../../api/types.js';
import { WINDOWS } from './book-rows.js';

/** One CSV field, quoted when it holds a separator, quote or line break (RFC 4180). */
function field(v: string | number | boolean | null): string {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The book table on screen as CSV (RFC 4180, comma, CRLF): one line per row, for each window WTD, 28-day
 * and YTD the current and prior counts, change, percent change (unrounded) and significance, then the
 * week's coverage (whole, partial or none: unless whole, no change is marked significant) and the last
 * record's date, as `vigia report compstat --format csv` ends its lines.
 * `remainderLabel` names the remainder rows, whose unit is empty.
 */
export function bookCsv(
  week: string,
  category: string,
  rows: ReportRow[],
  remainder: ReportRow[],
  remainderLabel: string,
  coverage: Pick<CompstatReport, 'weekCoverage' | 'dataRange'>,
): string {
  const head = ['week', 'unit', 'unit_name', 'level', 'category'];
  for (const w of WINDOWS)
    head.push(
      `${w}_current`,
      `${w}_previous`,
      `${w}_change`,
      `${w}_pct_change`,
      `${w}_p_value`,
      `${w}_significant`,
    );
  head.push('week_coverage', 'data_end');
  const line = (r: ReportRow, name: string) => {
    const cells: (string | number | boolean | null)[] = [week, r.unit, name, r.level, category];
    for (const w of WINDOWS) {
      const c = r[w];
      cells.push(c.current, c.previous, c.change, c.pctChange, c.pValue, c.significant);
    }
    cells.push(coverage.weekCoverage, coverage.dataRange?.last ?? null);
    return cells.map(field).join(',');
  };
  return (
    [
      head.join(','),
      ...rows.map((r) => line(r, r.unitName)),
      ...remainder.map((r) => line(r, remainderLabel)),
    ].join('\r\n') + '\r\n'
  );
}

/** Offers `text` as a file download. */
export function download(name: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
