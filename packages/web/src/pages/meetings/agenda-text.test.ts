import { describe, expect, it } from 'vitest';
import type { Cell, UnitFeature } from '../../api/types.js';
import { formatters } from '../../i18n/format.js';
import { translator } from '../../i18n/i18n.js';
import { duration, figuresText, meetingUnitOf, ownerText } from './agenda-text.js';

const unit = (id: number, code: string, depth: number, parent: string | null): UnitFeature => ({
  type: 'Feature',
  id,
  geometry: null,
  properties: { code, name: code, level: depth === 0 ? 'district' : 'beat', depth, parent },
});
// District "1" (id 1) with beat "11" (id 3); beat "1" (id 9) under district "2" (id 2) shares a code.
const UNITS = [unit(1, '1', 0, null), unit(2, '2', 0, null), unit(3, '11', 1, '1'), unit(9, '1', 1, '2')];

const cell = (current: number, previous: number): Cell => ({
  current,
  previous,
  change: current - previous,
  pctChange: previous === 0 ? null : ((current - previous) / previous) * 100,
  pValue: 0.01,
  significant: true,
});

describe('agenda text', () => {
  it('writes response times as m:ss and h:mm:ss', () => {
    expect(duration(65)).toBe('1:05');
    expect(duration(3725)).toBe('1:02:05');
    expect(duration(null)).toBe('—');
  });

  it('names the default owner as the unit commander, in each language', () => {
    expect(ownerText({ name: null, userId: null }, translator('es'))).toBe('jefe de la unidad');
    expect(ownerText({ name: null, userId: 4 }, translator('en'))).toBe('#4');
    expect(ownerText({ name: 'Sgt. Paz', userId: 4 }, translator('en'))).toBe('Sgt. Paz');
  });

  it('prints the significant windows of an increase', () => {
    const text = figuresText(
      {
        kind: 'significant_increase',
        figures: { windows: ['d28', 'ytd'], wtd: cell(1, 1), d28: cell(30, 10), ytd: cell(300, 250) },
      },
      translator('en'),
      formatters('en'),
    );
    expect(text).toBe('28 days: 30 vs 10 (+200%) · Year to date: 300 vs 250 (+20%)');
  });

  it('counts the new and intensifying hot spots and says where they are, in each language', () => {
    const item = {
      kind: 'hot_spot' as const,
      figures: {
        from: '2018-12-17',
        to: '2019-12-15',
        step: 'week',
        cellSizeMeters: 500,
        new: 2,
        intensifying: 1,
        places: [{ category: 'intensifying', lon: -87.654321, lat: 41.876543, count: 40 }],
      },
    };
    const en = figuresText(item, translator('en'), formatters('en'));
    expect(en).toContain('2 new, 1 intensifying');
    expect(en).toContain('intensifying at 41.87654, -87.65432 (40 incidents)');
    const es = figuresText(item, translator('es'), formatters('es'));
    expect(es).toContain('2 nuevos, 1 en intensificación');
    expect(es).toContain('en intensificación en 41.87654, -87.65432 (40 incidentes)');
  });

  it('finds the meeting unit an item falls under, by parent links one level up', () => {
    expect(meetingUnitOf(3, [1, 2], UNITS)).toBe(1);
    expect(meetingUnitOf(3, [3, 1], UNITS)).toBe(3);
    // Beat "1" is under district 2, not district "1" although the codes match.
    expect(meetingUnitOf(9, [1, 2], UNITS)).toBe(2);
    expect(meetingUnitOf(2, [1], UNITS)).toBeNull();
  });
});
