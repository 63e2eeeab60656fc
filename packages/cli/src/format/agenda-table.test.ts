import { describe, expect, it } from 'vitest';
import type { Agenda } from '@vigia/services';
import { formatAgendaTable } from './agenda-table.js';

const agenda: Agenda = {
  week: '2019-W50',
  timeZone: 'America/Chicago',
  today: '2019-12-23',
  reviewed: { start: '2019-11-18', end: '2019-12-15' },
  dataRange: { first: '2010-01-01', last: '2019-12-31' },
  weekCoverage: 'whole',
  notes: [],
  units: [
    {
      unitId: 1,
      code: '11',
      name: 'Harrison',
      level: 'district',
      items: [
        {
          kind: 'hot_spot',
          category: '*',
          figures: {
            from: '2018-12-17',
            to: '2019-12-15',
            step: 'week',
            cellSizeMeters: 500,
            new: 2,
            intensifying: 1,
            places: [{ category: 'new', lon: -87.7123456, lat: 41.8812345, count: 12 }],
          },
        },
      ],
    },
  ],
};

describe('agenda table', () => {
  it('prints the hot spot counts and where they are, in each language', () => {
    const en = formatAgendaTable(agenda, 7, 'en');
    expect(en).toContain('2 new, 1 intensifying');
    expect(en).toContain('new at 41.88123, -87.71235 (12 incidents)');
    const es = formatAgendaTable(agenda, 7, 'es');
    expect(es).toContain('2 nuevos, 1 en intensificación');
    expect(es).toContain('nuevo en 41.88123, -87.71235 (12 incidentes)');
  });
});
