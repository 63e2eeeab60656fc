import { translate, type Locale } from '@vigia/domain';
import type { QuarantinedRow } from '@vigia/store';

/**
 * Quarantined rows for people: one line per issue — import, file, row, reason (in `locale`), column and
 * the offending value — so an analyst can open the file at that row and fix it.
 */
export function formatQuarantineTable(rows: readonly QuarantinedRow[], locale: Locale): string {
  if (rows.length === 0) return `${translate(locale, 'quarantineList.empty')}\n`;
  const lines = [translate(locale, 'quarantineList.header')];
  for (const r of rows) {
    r.reasons.forEach((reason, i) => {
      const column = r.columns[i] ?? '';
      const value = r.values[i] ?? '';
      const where = column ? `${column} = "${value.length > 60 ? `${value.slice(0, 60)}…` : value}"` : value;
      lines.push(
        `#${r.importId}  ${r.file}  ${translate(locale, 'quarantineList.row')} ${r.row}  ${reason}: ${translate(locale, `quarantine.${reason}`)}  ${where}`,
      );
    });
  }
  return `${lines.join('\n')}\n`;
}
