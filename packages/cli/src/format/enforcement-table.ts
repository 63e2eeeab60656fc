import { translate, type Locale } from '@vigia/domain';
import type { ClearanceCell, EnforcementSection } from '@vigia/services';
import { formatCount, formatRate } from './number.js';
import { unitHeading } from './report-table.js';

const LABEL_WIDTH = 34;
const WINDOWS = ['wtd', 'd28', 'ytd'] as const;

function pad(text: string, width: number, right = true): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

/**
 * The COMPSTAT report's enforcement section as plain text: one block per unit, categories down, and
 * per window the flagged incidents, those cleared by arrest and the clearance rate, with last year's
 * rate in parentheses. Numbers and labels in `locale`. Rows are as in the report (the section's).
 */
export function formatEnforcementTable(section: EnforcementSection, locale: Locale): string {
  const t = (k: string) => translate(locale, `report.${k}`);
  const n = (v: number) => formatCount(v, locale);
  const cells = (c: { current: ClearanceCell; previous: ClearanceCell }): string[] => [
    n(c.current.withArrestData),
    n(c.current.clearedByArrest),
    formatRate(c.current.clearanceRate, locale),
    `(${formatRate(c.previous.clearanceRate, locale)})`,
  ];
  const rows = section.rows.map((r) => ({ r, texts: WINDOWS.flatMap((w) => cells(r[w])) }));
  const heads = [t('flagged'), t('arrests'), t('rate'), ''];
  const width = heads.map(
    (h, i) =>
      Math.max(h.length, ...rows.map(({ texts }) => WINDOWS.map((_, k) => texts[k * 4 + i]!.length)).flat()) +
      2,
  );
  const group = width.reduce((a, b) => a + b, 0);
  const head1 = pad('', LABEL_WIDTH, false) + WINDOWS.map((w) => ' | ' + pad(t(w), group, false)).join('');
  const sub = heads.map((h, i) => pad(h, width[i]!)).join('');
  const head2 = pad(t('category'), LABEL_WIDTH, false) + WINDOWS.map(() => ' | ' + sub).join('');
  const lines = ['', t('enforcementTitle'), t('enforcementNote')];
  let unit: string | null = null;
  for (const { r, texts } of rows) {
    if (`${r.level}|${r.unit}` !== unit) {
      unit = `${r.level}|${r.unit}`;
      lines.push('', unitHeading(r, locale), head1, head2, '-'.repeat(head2.length));
    }
    const label = translate(locale, `category.${r.category}`);
    if (r.category === '*') lines.push('-'.repeat(head2.length));
    const windows = WINDOWS.map((_, k) =>
      texts
        .slice(k * 4, k * 4 + 4)
        .map((x, i) => pad(x, width[i]!))
        .join(''),
    );
    lines.push(
      pad(label.slice(0, LABEL_WIDTH - 1), LABEL_WIDTH, false) + windows.map((w) => ' | ' + w).join(''),
    );
  }
  return `${lines.join('\n')}\n`;
}
