import { describe, expect, it } from 'vitest';
import type { Cell, Clearance, CompstatReport, ReportRow } from '../../api/types.js';
import { bookCsv } from './book-csv.js';
import { bookPdfUrl } from './book-pdf.js';
import { SMALL_PREVIOUS, cellTone, clearanceRows, shownPct } from './book-rows.js';
import { unitTitle } from './unit-title.js';

const cell = (current: number, previous: number, significant: boolean): Cell => ({
  current,
  previous,
  change: current - previous,
  pctChange: previous === 0 ? null : ((current - previous) / previous) * 100,
  pValue: significant ? 0.01 : 0.5,
  significant,
});

describe('book cells', () => {
  it('marks only significant changes, increases apart from decreases', () => {
    expect(cellTone(cell(30, 10, true))).toBe('up');
    expect(cellTone(cell(10, 30, true))).toBe('down');
    expect(cellTone(cell(30, 10, false))).toBe('plain');
  });

  it('does not show a percent change on a small prior count or a zero one', () => {
    expect(shownPct(cell(3, 1, false))).toBeNull();
    expect(shownPct(cell(3, 0, false))).toBeNull();
    expect(shownPct(cell(SMALL_PREVIOUS * 2, SMALL_PREVIOUS, false))).toBe(100);
  });
});

describe('bookCsv', () => {
  it('writes one RFC 4180 line per row on screen, remainder rows included, names quoted when needed', () => {
    const row: ReportRow = {
      unit: '11',
      unitName: 'Harrison, "West"',
      level: 'district',
      category: '*',
      wtd: cell(24, 28, false),
      d28: cell(100, 115, false),
      ytd: cell(1339, 1416, false),
    };
    const coverage = {
      weekCoverage: 'whole',
      dataRange: { first: '2010-01-01', last: '2019-12-31' },
    } as const;
    const csv = bookCsv('2019-W50', '*', [row], [{ ...row, unit: '' }], 'remainder', coverage);
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]?.split(',').slice(0, 7)).toEqual([
      'week',
      'unit',
      'unit_name',
      'level',
      'category',
      'wtd_current',
      'wtd_previous',
    ]);
    expect(lines[1]).toMatch(/^2019-W50,11,"Harrison, ""West""",district,\*,24,28,-4,/);
    expect(lines[2]).toMatch(/^2019-W50,,remainder,district,\*,24,28,-4,/);
    expect(lines[3]).toBe('');
    // The week's coverage ends every line, as in the CLI's CSV: why nothing is marked, when so.
    expect(lines[0]?.split(',').slice(-2)).toEqual(['week_coverage', 'data_end']);
    expect(lines[1]).toMatch(/,whole,2019-12-31$/);
    const partial = bookCsv('2020-W01', '*', [row], [], 'remainder', {
      ...coverage,
      weekCoverage: 'partial',
    });
    expect(partial.split('\r\n')[1]).toMatch(/,false,partial,2019-12-31$/);
  });
});

describe('unitTitle', () => {
  it('does not repeat a level the name already carries', () => {
    expect(unitTitle('district', '11')).toBe('district 11');
    expect(unitTitle('precinto', 'Precinto 3 — Puerto Nuevo')).toBe('Precinto 3 — Puerto Nuevo');
  });
});

describe('bookPdfUrl', () => {
  it('asks the server for the week and level shown, in the dashboard language', () => {
    expect(bookPdfUrl('2019-W50', undefined, 'es')).toBe('/api/v1/book?week=2019-W50&lang=es');
    expect(bookPdfUrl('2019-W50', 'beat', 'en')).toBe('/api/v1/book?week=2019-W50&level=beat&lang=en');
  });
});

describe('clearance rows', () => {
  const none: Clearance = { incidents: 2, withArrestData: 0, clearedByArrest: 0, clearanceRate: null };
  const w = { current: none, previous: none };
  const row = (unit: string, category: string) => ({
    unit,
    unitName: unit,
    level: 'd',
    category,
    wtd: w,
    d28: w,
    ytd: w,
  });
  const report = (enforcement: CompstatReport['enforcement']) => ({ enforcement }) as CompstatReport;

  it('keeps the rows of the category shown, and none when the report has no enforcement section', () => {
    const rows = [row('*', 'robbery'), row('*', '*'), row('1', 'robbery'), row('1', '*')];
    expect(clearanceRows(report({ rows }), '*').map((r) => r.unit)).toEqual(['*', '1']);
    expect(clearanceRows(report({ rows }), 'robbery')).toEqual([rows[0], rows[2]]);
    expect(clearanceRows(report(null), '*')).toEqual([]);
  });
});
