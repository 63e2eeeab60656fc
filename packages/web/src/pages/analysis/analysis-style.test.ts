import { describe, expect, it } from 'vitest';
import { addDays, defaultPeriod, isDate, isoWeekSunday } from './analysis-period.js';
import { EMERGING_COLORS, KDE_COLORS, countBy, kdeBreaks, kdePixels, matchColor } from './analysis-style.js';

describe('analysis period', () => {
  it('finds the Sunday of an ISO week, across a year boundary too', () => {
    expect(isoWeekSunday('2019-W50')).toBe('2019-12-15');
    expect(isoWeekSunday('2020-W01')).toBe('2020-01-05');
    expect(isoWeekSunday('2015-W53')).toBe('2016-01-03');
  });

  it('defaults to the 52 whole weeks ending on that Sunday', () => {
    const p = defaultPeriod('2019-W50');
    expect(p).toEqual({ from: '2018-12-17', to: '2019-12-15' });
    expect(addDays(p.from, 52 * 7 - 1)).toBe(p.to);
  });

  it('accepts real dates only', () => {
    expect(isDate('2020-02-29')).toBe(true);
    expect(isDate('2019-02-29')).toBe(false);
    expect(isDate('2019-2-1')).toBe(false);
    expect(isDate(undefined)).toBe(false);
  });
});

describe('analysis layer styles', () => {
  it('KDE classes: equal intervals up to the maximum; 0 transparent, the maximum in the top class', () => {
    expect(kdeBreaks(60)).toEqual([10, 20, 30, 40, 50, 60]);
    const px = kdePixels([0, 5, 10, 10.5, 60], kdeBreaks(60));
    const colour = (i: number) => Array.from(px.slice(i * 4, i * 4 + 3));
    expect(px[3]).toBe(0);
    const hex = (c: string) => [1, 3, 5].map((k) => parseInt(c.slice(k, k + 2), 16));
    expect(colour(1)).toEqual(hex(KDE_COLORS[0]!));
    expect(colour(2)).toEqual(hex(KDE_COLORS[0]!));
    expect(colour(3)).toEqual(hex(KDE_COLORS[1]!));
    expect(colour(4)).toEqual(hex(KDE_COLORS[5]!));
  });

  it('colour expressions cover every Gi* class and emerging category', () => {
    expect(matchColor('class', { 3: '#a', [-3]: '#b' })).toEqual([
      'match',
      ['get', 'class'],
      3, // class keys become numbers again (MapLibre compares them with the numeric property)
      '#a',
      -3,
      '#b',
      '#cccccc',
    ]);
    expect(Object.keys(EMERGING_COLORS)).toHaveLength(17);
  });

  it('counts features per class', () => {
    const f = [1, 3, 3, 0].map((c) => ({ properties: { class: c } }));
    expect(countBy(f, 'class')).toEqual(
      new Map([
        [1, 1],
        [3, 2],
        [0, 1],
      ]),
    );
  });
});
