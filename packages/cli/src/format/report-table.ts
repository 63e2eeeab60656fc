import { translate, type Locale } from '@vigia/domain';
import {
  compstatRemainder,
  coverageNotes,
  type CompstatCell,
  type CompstatReport,
  type CompstatRow,
} from '@vigia/services';
import { formatCount, formatPct } from './number.js';

const LABEL_WIDTH = 34;
const PCT = 8;

function pad(text: string, width: number, right = true): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

function cellText(c: CompstatCell, locale: Locale, num: number): string {
  return (
    pad(formatCount(c.current, locale), num) +
    pad(formatCount(c.previous, locale), num) +
    pad(formatPct(c.pctChange, locale), PCT) +
    (c.significant ? '*' : ' ')
  );
}

/** The heading of a unit's block: the agency total, or level, code and name. */
export function unitHeading(row: Pick<CompstatRow, 'unit' | 'unitName' | 'level'>, locale: Locale): string {
  if (row.unit === '*') return `${translate(locale, 'report.agencyTotal')} — ${row.unitName}`;
  if (row.unitName === row.unit) return `${row.level} ${row.unit}`;
  return translate(locale, 'report.unitHeading', { level: row.level, code: row.unit, name: row.unitName });
}

/**
 * Renders a report as COMPSTAT book pages in plain text: one block per unit, categories down, the
 * three windows (week, 28 days, year to date) across with current, previous and % change; a `*` marks a
 * statistically significant change. Under the title, why changes are not marked where the data do not
 * cover the windows (coverageNotes: a partial week, last year before the data). Numbers and labels in
 * `locale`.
 */
export function formatReportTable(report: CompstatReport, locale: Locale): string {
  const t = (k: string, p: Record<string, string | number> = {}) => translate(locale, `report.${k}`, p);
  const lines: string[] = [];
  lines.push(
    t('title', {
      week: report.week,
      start: report.periods.wtd.start,
      end: report.periods.wtd.end,
      timeZone: report.timeZone,
    }),
  );
  const prev = (k: 'wtd' | 'd28' | 'ytd') =>
    `${report.periods[k].previousStart}..${report.periods[k].previousEnd}`;
  lines.push(t('periods', { wtdPrev: prev('wtd'), d28Prev: prev('d28'), ytdPrev: prev('ytd') }));
  for (const note of coverageNotes(report)) lines.push(translate(locale, note.key, note.params));
  if (report.rows.length === 0) {
    lines.push('', t('empty'));
    return `${lines.join('\n')}\n`;
  }
  // Count columns as wide as the widest number (a big city's year to date has six digits).
  let widest = 0;
  for (const r of report.rows) {
    for (const c of [r.wtd, r.d28, r.ytd]) {
      widest = Math.max(
        widest,
        formatCount(c.current, locale).length,
        formatCount(c.previous, locale).length,
      );
    }
  }
  const num = Math.max(7, widest + 2);
  const groupWidth = num * 2 + PCT + 1;
  const head1 =
    pad('', LABEL_WIDTH, false) +
    (['wtd', 'd28', 'ytd'] as const).map((k) => ' | ' + pad(t(k), groupWidth, false)).join('');
  const sub = pad(t('current'), num) + pad(t('previous'), num) + pad(t('change'), PCT) + ' ';
  const head2 = pad(t('category'), LABEL_WIDTH, false) + [sub, sub, sub].map((s) => ' | ' + s).join('');
  const remainder = compstatRemainder(report);
  let currentUnit: string | null = null;
  for (const row of [...report.rows, ...remainder]) {
    const key = `${row.level}|${row.unit}`;
    if (key !== currentUnit) {
      currentUnit = key;
      const heading = row.unit === '' ? t('remainder', { level: row.level }) : unitHeading(row, locale);
      lines.push('', heading, head1, head2, '-'.repeat(head2.length));
    }
    const label = translate(locale, `category.${row.category}`);
    if (row.category === '*') lines.push('-'.repeat(head2.length));
    lines.push(
      pad(label.slice(0, LABEL_WIDTH - 1), LABEL_WIDTH, false) +
        [row.wtd, row.d28, row.ytd].map((c) => ' | ' + cellText(c, locale, num)).join(''),
    );
  }
  lines.push('', t('significant'));
  return `${lines.join('\n')}\n`;
}
