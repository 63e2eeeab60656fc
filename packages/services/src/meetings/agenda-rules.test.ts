import { describe, expect, it } from 'vitest';
import { compstatCompare } from '@vigia/analysis';
import type { OffenseCategory } from '@vigia/domain';
import type { CompstatRow } from '../report/compstat-report.js';
import { crimeAgendaItems, significantIncreaseWindows } from './agenda-rules.js';

/** A report row from [current, previous] counts per window (7, 28 and 349 days), tested as the report does. */
function row(
  category: OffenseCategory | '*',
  d28: [number, number],
  wtd: [number, number] = [0, 0],
  ytd: [number, number] = [0, 0],
): CompstatRow {
  return {
    unit: '1',
    unitName: 'District 1',
    level: 'district',
    category,
    wtd: compstatCompare(wtd[0], wtd[1], 7, 7),
    d28: compstatCompare(d28[0], d28[1], 28, 28),
    ytd: compstatCompare(ytd[0], ytd[1], 349, 349),
  };
}

describe('crime agenda rules', () => {
  it('takes significant increases only, in any window', () => {
    const rising = row('robbery', [40, 15], [2, 2], [500, 420]);
    expect(significantIncreaseWindows(rising)).toEqual(['d28', 'ytd']);
    // A significant fall is not an increase.
    expect(significantIncreaseWindows(row('robbery', [15, 40]))).toEqual([]);
    expect(significantIncreaseWindows(row('robbery', [12, 10]))).toEqual([]);
  });

  it('lists significant categories first, in report order, with the windows and cells', () => {
    const items = crimeAgendaItems([
      row('homicide', [9, 1]),
      row('robbery', [12, 10]),
      row('theft', [10, 40], [30, 5]),
      row('*', [31, 51], [30, 5]),
    ]);
    expect(items.map((i) => [i.kind, i.category])).toEqual([
      ['significant_increase', 'homicide'],
      ['significant_increase', 'theft'],
      ['significant_increase', '*'],
    ]);
    const theft = items[1]!;
    expect(theft.kind === 'significant_increase' && theft.figures.windows).toEqual(['wtd']);
  });

  it('does not repeat the only category as "all categories"', () => {
    const items = crimeAgendaItems([
      row('robbery', [0, 0]),
      row('aggravated_assault', [90, 50]),
      row('*', [90, 50]),
    ]);
    expect(items.map((i) => i.category)).toEqual(['aggravated_assault']);
  });

  it('adds the three biggest rises with volume (current >= 10, change >= +5) not already listed', () => {
    const items = crimeAgendaItems([
      row('homicide', [9, 1]), // significant: listed once, as such
      row('robbery', [18, 12]), // +6: the 4th biggest rise, left out
      row('burglary', [30, 22]), // +8
      row('theft', [60, 52]), // +8, smaller % than burglary
      row('extortion', [15, 9]), // +6, bigger % than robbery: ranks before it
      row('weapons', [9, 2]), // +7 but only 9 (and not significant)
      row('drugs', [14, 10]), // +4
    ]);
    expect(items.map((i) => [i.kind, i.category])).toEqual([
      ['significant_increase', 'homicide'],
      ['volume_increase', 'burglary'],
      ['volume_increase', 'theft'],
      ['volume_increase', 'extortion'],
    ]);
    expect(items.slice(1).map((i) => (i.kind === 'volume_increase' ? i.figures.rank : 0))).toEqual([1, 2, 3]);
  });

  it('puts nothing on the agenda of a quiet unit', () => {
    expect(crimeAgendaItems([row('robbery', [10, 12]), row('*', [10, 12])])).toEqual([]);
  });
});
