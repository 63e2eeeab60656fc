import { expect } from 'vitest';
import type { Locale } from '@vigia/domain';
import type { CompstatRow } from '../report/compstat-report.js';
import type { PdfPage } from './pdf-pages.js';

/** A number as printed in `locale` ("14.721", "+6,5" es; "14,721", "+6.5" en), or null for n/d, n/a. */
export function parsePrinted(text: string, locale: Locale): number | null {
  if (text === 'n/d' || text === 'n/a') return null;
  const plain = locale === 'es' ? text.replaceAll('.', '').replace(',', '.') : text.replaceAll(',', '');
  const n = Number(plain);
  if (!/^[+-]?\d+(\.\d+)?$/.test(plain) || Number.isNaN(n))
    throw new Error(`not a printed number: "${text}"`);
  return n;
}

/**
 * Checks that the line of `page` starting with `label` prints `row`: for WTD, 28 days and YTD the
 * current and previous counts, the change, the % change (to its one printed decimal) and a "*" exactly
 * when the change is significant. Reads the text back, so it fails on any figure that differs.
 */
export function expectRow(page: PdfPage, label: string, row: CompstatRow, locale: Locale): void {
  const line = page.lines.find((l) => l[0] === label);
  expect(line, `a line "${label}" on ${page.lines[0]?.join(' ')}`).toBeDefined();
  const items = line!.slice(1);
  let k = 0;
  for (const w of ['wtd', 'd28', 'ytd'] as const) {
    const cell = row[w];
    const where = `${row.unit} ${row.category} ${w}`;
    expect(parsePrinted(items[k++]!, locale), `${where} current`).toBe(cell.current);
    expect(parsePrinted(items[k++]!, locale), `${where} previous`).toBe(cell.previous);
    expect(parsePrinted(items[k++]!, locale), `${where} change`).toBe(cell.change);
    const pct = parsePrinted(items[k++]!, locale);
    if (cell.pctChange === null) expect(pct, `${where} %`).toBeNull();
    else
      expect(Math.abs(pct! - cell.pctChange), `${where} % ${pct} vs ${cell.pctChange}`).toBeLessThanOrEqual(
        0.05 + 1e-9,
      );
    const marked = items[k] === '*';
    if (marked) k++;
    expect(marked, `${where} significance mark`).toBe(cell.significant);
  }
}
