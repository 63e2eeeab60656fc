import type { CompstatCell, CompstatRow } from '../report/compstat-report.js';
import type { BookFormat } from './book-format.js';
import { COLOR, type TableCell, type TableColumn, type TableSpec } from './pdf-layout.js';

const WINDOWS = ['wtd', 'd28', 'ytd'] as const;
/** Widths (points) of one window's columns: current, previous, change, % change, significance mark. */
const WINDOW_COLUMNS: TableColumn[] = [
  { width: 34, align: 'right' },
  { width: 34, align: 'right' },
  { width: 30, align: 'right' },
  { width: 31, align: 'right' },
  { width: 7, align: 'left' },
];
const WINDOW_WIDTH = WINDOW_COLUMNS.reduce((s, c) => s + c.width, 0);

/** The body cells of one window: figures as the CLI table prints them, a "*" when significant. */
export function windowCells(c: CompstatCell, f: BookFormat): TableCell[] {
  const color = c.significant ? (c.change > 0 ? COLOR.up : COLOR.down) : undefined;
  return [
    { text: f.count(c.current) },
    { text: f.count(c.previous) },
    { text: f.change(c.change), ...(color ? { color } : {}) },
    { text: f.pct(c.pctChange), ...(color ? { color } : {}) },
    { text: c.significant ? '*' : '', ...(color ? { color, bold: true } : {}) },
  ];
}

/**
 * The COMPSTAT table of `totalWidth` points: a label column (`labelHeader`), then WTD | 28 days | YTD,
 * each with current, previous, change, % change and the significance mark; `extra` columns (e.g. a
 * page number) go at the end. Rows whose label is bold (all categories) get a rule above.
 */
export function compstatTableSpec(
  rows: { label: string; row: CompstatRow; bold?: boolean; extra?: TableCell[] }[],
  f: BookFormat,
  options: { totalWidth: number; labelHeader: string; extra?: { header: string; column: TableColumn }[] },
): TableSpec {
  const extra = options.extra ?? [];
  const labelWidth = options.totalWidth - 3 * WINDOW_WIDTH - extra.reduce((s, e) => s + e.column.width, 0);
  const sub = [f.t('report.current'), f.t('report.previous'), f.t('book.diff'), f.t('report.change'), ''];
  return {
    fontSize: 7.5,
    columns: [
      { width: labelWidth, align: 'left' },
      ...WINDOWS.flatMap(() => WINDOW_COLUMNS),
      ...extra.map((e) => e.column),
    ],
    header: [
      [
        { text: '', span: 1 },
        ...WINDOWS.map((w) => ({ text: f.t(`report.${w}`), span: WINDOW_COLUMNS.length })),
        ...extra.map(() => ({ text: '', span: 1 })),
      ],
      [
        { text: options.labelHeader, span: 1 },
        ...WINDOWS.flatMap(() => sub.map((text) => ({ text, span: 1 }))),
        ...extra.map((e) => ({ text: e.header, span: 1 })),
      ],
    ],
    rows: rows.map((r) => ({
      ruleAbove: r.bold === true,
      cells: [
        { text: r.label, ...(r.bold ? { bold: true } : {}) },
        ...WINDOWS.flatMap((w) => windowCells(r.row[w], f)),
        ...(r.extra ?? []),
      ],
    })),
  };
}

/** A category table of one unit: its rows (categories, then all categories in bold). */
export function categoryTableSpec(rows: CompstatRow[], f: BookFormat, totalWidth: number): TableSpec {
  return compstatTableSpec(
    rows.map((row) => ({
      label: f.t(`category.${row.category}`),
      row,
      bold: row.category === '*',
    })),
    f,
    { totalWidth, labelHeader: f.t('report.category') },
  );
}
