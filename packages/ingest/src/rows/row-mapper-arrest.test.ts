import { describe, expect, it } from 'vitest';
import { mappingSchema, type ImportMappingInput } from '../profiles/mapping.js';
import { compileRowMapper, type MappedRow } from './row-mapper.js';

const BASE: ImportMappingInput = {
  name: 'prueba',
  timeZone: 'America/Chicago',
  columns: { sourceId: 'id', occurredDateTime: 'fecha', offense: 'delito' },
  formats: { dateTime: 'yyyy-MM-dd HH:mm' },
  offenseMap: { Hurto: 'theft' },
};
const HEADER = ['id', 'fecha', 'delito', 'Arrest'];
const OPTIONS = { file: 'x.csv', agencyTimeZone: 'America/Chicago', nowMs: Date.UTC(2020, 0, 1) };

function map(arrest: ImportMappingInput['arrest'], cell: string): MappedRow {
  const m = compileRowMapper(mappingSchema.parse({ ...BASE, arrest }), HEADER, OPTIONS);
  return m(['A1', '2019-04-23 12:30', 'Hurto', cell]);
}

function arrestOf(m: MappedRow): { arrest: boolean | null; unreadable: string | null } {
  if (m.kind !== 'incident') throw new Error(`expected an incident, got ${JSON.stringify(m)}`);
  return { arrest: m.record.arrest, unreadable: m.arrestUnreadable };
}

describe('compileRowMapper: the arrest flag', () => {
  it('is null when the mapping names no arrest column', () => {
    expect(arrestOf(map(undefined, 'true'))).toEqual({ arrest: null, unreadable: null });
  });

  it('reads the true values ignoring case, accents and spaces; without falseValues the rest is false', () => {
    const flag = { column: 'arrest', values: ['true', 'Sí'] };
    expect(arrestOf(map(flag, 'TRUE')).arrest).toBe(true);
    expect(arrestOf(map(flag, ' si ')).arrest).toBe(true);
    expect(arrestOf(map(flag, 'false'))).toEqual({ arrest: false, unreadable: null });
    expect(arrestOf(map(flag, 'pendiente'))).toEqual({ arrest: false, unreadable: null });
  });

  it('takes an empty or missing-value cell as "the source does not say"', () => {
    const flag = { column: 'Arrest', values: ['true'], falseValues: ['false'] };
    expect(arrestOf(map(flag, ''))).toEqual({ arrest: null, unreadable: null });
    expect(arrestOf(map(flag, 'NA'))).toEqual({ arrest: null, unreadable: null });
  });

  it('with falseValues, keeps a value in neither list as unknown and reports it (the row is stored)', () => {
    const flag = { column: 'Arrest', values: ['true', 'Y'], falseValues: ['false', 'N'] };
    expect(arrestOf(map(flag, 'n')).arrest).toBe(false);
    expect(arrestOf(map(flag, 'y')).arrest).toBe(true);
    expect(arrestOf(map(flag, 'ture'))).toEqual({ arrest: null, unreadable: 'ture' });
  });

  it('refuses a mapping without true values, and a file without the column', () => {
    expect(() => mappingSchema.parse({ ...BASE, arrest: { column: 'Arrest', values: [] } })).toThrow();
    const m = mappingSchema.parse({ ...BASE, arrest: { column: 'Detenido', values: ['1'] } });
    expect(() => compileRowMapper(m, HEADER, OPTIONS)).toThrow(/Detenido/);
  });
});
