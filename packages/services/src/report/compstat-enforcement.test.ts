import { describe, expect, it } from 'vitest';
import type { CountRow } from '@vigia/store';
import { enforcementSection } from './compstat-enforcement.js';

/** A report row of unit `unit` and `category` with the same incident count in every window. */
function row(unit: string, category: 'robbery' | 'theft' | '*', n: number) {
  const w = { current: n, previous: n };
  return { unit, unitName: unit, level: 'district', category, wtd: w, d28: w, ytd: w };
}

/** Arrest counts of one unit id and category: [flagged, cleared] for each of the six windows. */
function arrests(unitId: number | null, category: 'robbery' | 'theft', pairs: number[][]): CountRow {
  return { unitId, category, counts: pairs.flat() };
}

describe('enforcementSection', () => {
  it('is null when no incident of any window carries an arrest flag', () => {
    const rows = [row('*', 'robbery', 4), row('*', '*', 4)];
    expect(enforcementSection(rows, ['*', '*'], [])).toBeNull();
    // A row of zeros (flagged incidents only outside the windows) says nothing either.
    const zeros = arrests(
      null,
      'robbery',
      Array.from({ length: 6 }, () => [0, 0]),
    );
    expect(enforcementSection(rows, ['*', '*'], [zeros])).toBeNull();
  });

  it('gives flagged, cleared and the rate per window; "*" adds up the categories; none flagged is null', () => {
    const rows = [row('7', 'robbery', 5), row('7', 'theft', 3), row('7', '*', 8), row('8', '*', 2)];
    const section = enforcementSection(
      rows,
      ['7', '7', '7', '8'],
      [
        // windows: wtd, last year's wtd, d28, last year's d28, ytd, last year's ytd
        arrests(7, 'robbery', [
          [4, 1],
          [0, 0],
          [4, 1],
          [2, 2],
          [4, 3],
          [5, 0],
        ]),
        arrests(7, 'theft', [
          [2, 1],
          [1, 0],
          [2, 1],
          [0, 0],
          [3, 0],
          [0, 0],
        ]),
      ],
    );
    const [robbery, theft, all, other] = section!.rows;
    expect(robbery!.wtd.current).toEqual({
      incidents: 5,
      withArrestData: 4,
      clearedByArrest: 1,
      clearanceRate: 0.25,
    });
    expect(robbery!.wtd.previous).toEqual({
      incidents: 5,
      withArrestData: 0,
      clearedByArrest: 0,
      clearanceRate: null,
    });
    expect(robbery!.d28.previous.clearanceRate).toBe(1);
    expect(theft!.ytd.current).toEqual({
      incidents: 3,
      withArrestData: 3,
      clearedByArrest: 0,
      clearanceRate: 0,
    });
    expect(all!.wtd.current).toEqual({
      incidents: 8,
      withArrestData: 6,
      clearedByArrest: 2,
      clearanceRate: 2 / 6,
    });
    expect(all!.ytd.previous).toEqual({
      incidents: 8,
      withArrestData: 5,
      clearedByArrest: 0,
      clearanceRate: 0,
    });
    // Unit 8 has incidents but none flagged: its rate is null (not NaN).
    expect(other!.d28.current).toEqual({
      incidents: 2,
      withArrestData: 0,
      clearedByArrest: 0,
      clearanceRate: null,
    });
    expect(section!.rows.map((r) => [r.unit, r.category])).toEqual([
      ['7', 'robbery'],
      ['7', 'theft'],
      ['7', '*'],
      ['8', '*'],
    ]);
  });
});
