import { isVigiaError, type RowIssue } from '@vigia/domain';
import { describe, expect, it } from 'vitest';
import { mappingSchema, type ImportMappingInput } from '../profiles/mapping.js';
import { compileRowMapper, type MappedRow, type RowMapperOptions } from './row-mapper.js';

const BASE: ImportMappingInput = {
  name: 'prueba',
  timeZone: 'America/Chicago',
  columns: {
    sourceId: 'id',
    occurredDateTime: 'fecha',
    offense: 'delito',
    longitude: 'lon',
    latitude: 'lat',
    unit: 'sector',
    status: 'estado',
  },
  formats: { dateTime: 'dd/MM/yyyy HH:mm' },
  offenseMap: { 'Robo a mano armada': 'robbery', Homicidio: 'homicide', Hurto: 'theft' },
  statusMap: { Abierto: 'reported', Infundado: 'unfounded', Esclarecido: 'cleared' },
};
const HEADER = ['id', 'fecha', 'delito', 'lon', 'lat', 'sector', 'estado'];
const GOOD = ['A1', '23/04/2019 12:30', 'ROBO A MANO ARMADA', '-87.63', '41.88', '011', 'Abierto'];
const OPTIONS: RowMapperOptions = {
  file: 'incidentes.csv',
  agencyTimeZone: 'America/Panama',
  nowMs: Date.UTC(2020, 0, 1),
};

function mapper(
  overrides: Partial<ImportMappingInput> = {},
  header: readonly string[] = HEADER,
  options: Partial<RowMapperOptions> = {},
): (fields: readonly string[]) => MappedRow {
  return compileRowMapper(mappingSchema.parse({ ...BASE, ...overrides }), header, { ...OPTIONS, ...options });
}

/** GOOD with some columns replaced, by header name. */
function row(changes: Record<string, string> = {}, header: readonly string[] = HEADER): string[] {
  return header.map((h, i) => changes[h] ?? GOOD[i] ?? '');
}

function issuesOf(m: MappedRow): RowIssue[] {
  if (m.kind !== 'quarantine') throw new Error(`expected quarantine, got ${JSON.stringify(m)}`);
  return m.issues;
}

function recordOf(m: MappedRow) {
  if (m.kind !== 'incident') throw new Error(`expected an incident, got ${JSON.stringify(m)}`);
  return m.record;
}

describe('compileRowMapper: a good row', () => {
  it('becomes an incident record with the instant, the source local time and the mapped offense', () => {
    const m = mapper()(GOOD);
    expect(m).toEqual({
      kind: 'incident',
      duplicate: false,
      lonText: '-87.63',
      latText: '41.88',
      occurredLocalMs: Date.UTC(2019, 3, 23, 12, 30),
      arrestUnreadable: null,
      record: {
        sourceId: 'A1',
        sourceIdDerived: false,
        occurredAt: Date.UTC(2019, 3, 23, 17, 30), // 12:30 CDT
        occurredLocal: '2019-04-23T12:30:00',
        reportedLocalDate: null,
        offenses: [{ category: 'robbery', sourceLabel: 'ROBO A MANO ARMADA' }],
        lon: -87.63,
        lat: 41.88,
        sourceUnit: '011',
        status: 'reported',
        arrest: null,
      },
    });
  });

  it('leaves the local time text empty with omitLocalText where its epoch ms stand for it', () => {
    const m = mapper({}, HEADER, { omitLocalText: true })(GOOD);
    if (m.kind !== 'incident') throw new Error('expected an incident');
    expect([m.record.occurredLocal, m.occurredLocalMs]).toEqual(['', Date.UTC(2019, 3, 23, 12, 30)]);
    // A time with an offset keeps its text (converted to the agency's zone): no epoch ms stand for it.
    const iso = mapper({ formats: { dateTime: 'iso' } }, HEADER, { omitLocalText: true });
    const withOffset = iso(row({ fecha: '2019-04-23T12:30:00Z' }));
    if (withOffset.kind !== 'incident') throw new Error('expected an incident');
    expect([withOffset.record.occurredLocal, withOffset.occurredLocalMs]).toEqual([
      '2019-04-23T07:30:00',
      NaN,
    ]);
  });

  it('reads a cell that is a missing-value marker (surrounding spaces aside) as empty, and no other', () => {
    const map = mapper({ missingValues: ['NA', 'N/A', 'NULL', '-', 'ñ', ' x'] });
    const unitOf = (sector: string) => recordOf(map(row({ sector }))).sourceUnit;
    const cells = [
      'NA',
      ' N/A ',
      'NULL\t',
      '-',
      'ñ',
      ' ñ',
      'x',
      ' x',
      'N',
      'NAB',
      'na',
      '7',
      '-1',
      'ñu',
      '\u00a0NA',
    ];
    expect(cells.map(unitOf)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      'x',
      'x',
      'N',
      'NAB',
      'na',
      '7',
      '-1',
      'ñu',
      null,
    ]);
  });

  it('matches offense and status labels ignoring case, accents and repeated spaces', () => {
    const r = recordOf(mapper()(row({ delito: '  robo  a mano ármada ', estado: 'INFUNDADO' })));
    expect(r.offenses).toEqual([{ category: 'robbery', sourceLabel: 'robo  a mano ármada' }]);
    expect(r.status).toBe('unfounded');
    expect(recordOf(mapper()(row({ estado: 'esclarecido' }))).status).toBe('cleared');
  });

  it("keeps a row whose label has no mapping, as 'unclassified'", () => {
    const r = recordOf(mapper()(row({ delito: 'Estafa informática' })));
    expect(r.offenses).toEqual([{ category: 'unclassified', sourceLabel: 'Estafa informática' }]);
  });

  it('uses the agency zone when the mapping names none', () => {
    const { timeZone: _tz, ...noZone } = BASE;
    const m = compileRowMapper(mappingSchema.parse(noZone), HEADER, OPTIONS);
    expect(recordOf(m(GOOD)).occurredAt).toBe(Date.UTC(2019, 3, 23, 17, 30)); // Panama: UTC−5 too in April
    expect(recordOf(m(row({ fecha: '15/01/2019 12:00' }))).occurredAt).toBe(Date.UTC(2019, 0, 15, 17));
    expect(recordOf(mapper()(row({ fecha: '15/01/2019 12:00' }))).occurredAt).toBe(Date.UTC(2019, 0, 15, 18));
  });

  it('keeps the source wall time in the spring-forward gap while the instant moves forward', () => {
    const r = recordOf(mapper()(row({ fecha: '10/03/2019 02:30' })));
    expect(r.occurredLocal).toBe('2019-03-10T02:30:00');
    expect(r.occurredAt).toBe(Date.UTC(2019, 2, 10, 8, 30));
  });

  it('treats empty unit and status as absent', () => {
    const r = recordOf(mapper()(row({ sector: ' ', estado: '' })));
    expect(r.sourceUnit).toBeNull();
    expect(r.status).toBe('reported');
  });

  it('gives no-location records null coordinates', () => {
    expect(recordOf(mapper()(row({ lon: '0', lat: '0' })))).toMatchObject({ lon: null, lat: null });
    expect(recordOf(mapper()(row({ lon: '', lat: '41.8' })))).toMatchObject({ lon: null, lat: null });
  });

  it('reads coordinates with the mapping decimal separator', () => {
    const r = recordOf(mapper({ decimalSeparator: ',' })(row({ lon: '-75,5698', lat: '6,2518' })));
    expect(r).toMatchObject({ lon: -75.5698, lat: 6.2518 });
  });
});

describe('compileRowMapper: quarantine reasons, each with its column and value', () => {
  const map = mapper();

  it('MISSING_REQUIRED_FIELD for an empty id, date or offense', () => {
    expect(issuesOf(map(row({ id: ' ' })))).toEqual([
      { reason: 'MISSING_REQUIRED_FIELD', column: 'id', value: '' },
    ]);
    expect(issuesOf(map(row({ fecha: '' })))).toEqual([
      { reason: 'MISSING_REQUIRED_FIELD', column: 'fecha', value: '' },
    ]);
    expect(issuesOf(map(row({ delito: '  ' })))).toEqual([
      { reason: 'MISSING_REQUIRED_FIELD', column: 'delito', value: '' },
    ]);
  });

  it('BAD_DATE for text that is not in the format', () => {
    expect(issuesOf(map(row({ fecha: 'ayer' })))).toEqual([
      { reason: 'BAD_DATE', column: 'fecha', value: 'ayer' },
    ]);
    expect(issuesOf(map(row({ fecha: '2019-04-23 12:30' })))).toEqual([
      { reason: 'BAD_DATE', column: 'fecha', value: '2019-04-23 12:30' },
    ]);
  });

  it('IMPOSSIBLE_DATE for a date or time that does not exist', () => {
    expect(issuesOf(map(row({ fecha: '31/02/2019 10:00' })))).toEqual([
      { reason: 'IMPOSSIBLE_DATE', column: 'fecha', value: '31/02/2019 10:00' },
    ]);
    expect(issuesOf(map(row({ fecha: '01/02/2019 24:00' })))).toEqual([
      { reason: 'IMPOSSIBLE_DATE', column: 'fecha', value: '01/02/2019 24:00' },
    ]);
  });

  it('BAD_TIME for an unreadable time column (date + time mapping)', () => {
    const m = mapper(
      {
        columns: { occurredDate: 'dia', occurredTime: 'hora', offense: 'delito' },
        formats: { date: 'yyyy-MM-dd', time: 'H' },
      },
      ['dia', 'hora', 'delito'],
    );
    expect(issuesOf(m(['2019-04-23', '25', 'Hurto']))).toEqual([
      { reason: 'BAD_TIME', column: 'hora', value: '25' },
    ]);
    expect(issuesOf(m(['2019-04-23', 'noche', 'Hurto']))).toEqual([
      { reason: 'BAD_TIME', column: 'hora', value: 'noche' },
    ]);
    // A good time is merged into the date; an empty one leaves local midnight.
    expect(recordOf(m(['2019-04-23', '7', 'Hurto']))).toMatchObject({
      occurredLocal: '2019-04-23T07:00:00',
      occurredAt: Date.UTC(2019, 3, 23, 12),
    });
    expect(recordOf(m(['2019-04-23', '', 'Hurto']))).toMatchObject({
      occurredLocal: '2019-04-23T00:00:00',
      occurredAt: Date.UTC(2019, 3, 23, 5),
    });
  });

  it('FUTURE_DATE for an occurrence after now, judged as an instant in the source zone', () => {
    const now = Date.UTC(2020, 0, 1, 6, 0); // 2020-01-01 00:00 in Chicago
    const m = mapper({}, HEADER, { nowMs: now });
    expect(issuesOf(m(row({ fecha: '01/01/2020 00:01' })))).toEqual([
      { reason: 'FUTURE_DATE', column: 'fecha', value: '01/01/2020 00:01' },
    ]);
    expect(m(row({ fecha: '01/01/2020 00:00' })).kind).toBe('incident');
    expect(m(row({ fecha: '31/12/2019 23:59' })).kind).toBe('incident');
  });

  it('BAD_COORDINATES naming the longitude or latitude column', () => {
    expect(issuesOf(map(row({ lon: 'N/D' })))).toEqual([
      { reason: 'BAD_COORDINATES', column: 'lon', value: 'N/D' },
    ]);
    expect(issuesOf(map(row({ lat: '95' })))).toEqual([
      { reason: 'BAD_COORDINATES', column: 'lat', value: '95' },
    ]);
  });

  it('COLUMN_COUNT_MISMATCH with found/expected widths, whatever else is wrong', () => {
    expect(issuesOf(map(GOOD.slice(0, 6)))).toEqual([
      { reason: 'COLUMN_COUNT_MISMATCH', column: '', value: '6/7' },
    ]);
    expect(issuesOf(map([...GOOD, 'extra']))).toEqual([
      { reason: 'COLUMN_COUNT_MISMATCH', column: '', value: '8/7' },
    ]);
    expect(issuesOf(map(['']))).toEqual([{ reason: 'COLUMN_COUNT_MISMATCH', column: '', value: '1/7' }]);
  });

  it('BAD_STATUS for a status the statusMap does not list', () => {
    expect(issuesOf(map(row({ estado: 'Perdido' })))).toEqual([
      { reason: 'BAD_STATUS', column: 'estado', value: 'Perdido' },
    ]);
  });

  it('ID_TOO_LONG for a record id over 200 characters (clipped); 200 is kept', () => {
    expect(issuesOf(map(row({ id: 'x'.repeat(201) })))).toEqual([
      { reason: 'ID_TOO_LONG', column: 'id', value: `${'x'.repeat(200)}…` },
    ]);
    expect(map(row({ id: ` ${'x'.repeat(200)} ` })).kind).toBe('incident');
  });

  it('collects every issue of a row, and clips long values to 200 characters', () => {
    const long = 'x'.repeat(250);
    expect(issuesOf(map(row({ id: '', fecha: long, lat: 'N/D', estado: 'Perdido' })))).toEqual([
      { reason: 'MISSING_REQUIRED_FIELD', column: 'id', value: '' },
      { reason: 'BAD_DATE', column: 'fecha', value: `${'x'.repeat(200)}…` },
      { reason: 'BAD_COORDINATES', column: 'lat', value: 'N/D' },
      { reason: 'BAD_STATUS', column: 'estado', value: 'Perdido' },
    ]);
  });

  it('reads the report date, and quarantines an unreadable one (an empty one is fine)', () => {
    const header = [...HEADER, 'reportado'];
    const m = mapper(
      {
        columns: { ...BASE.columns, reportedDate: 'reportado' },
        formats: { dateTime: 'dd/MM/yyyy HH:mm', date: 'dd/MM/yyyy' },
      },
      header,
    );
    expect(recordOf(m(row({ reportado: '24/04/2019' }, header))).reportedLocalDate).toBe('2019-04-24');
    expect(recordOf(m(row({ reportado: '' }, header))).reportedLocalDate).toBeNull();
    expect(issuesOf(m(row({ reportado: '24-04-2019' }, header)))).toEqual([
      { reason: 'BAD_DATE', column: 'reportado', value: '24-04-2019' },
    ]);
    expect(issuesOf(m(row({ reportado: '30/02/2019' }, header)))).toEqual([
      { reason: 'IMPOSSIBLE_DATE', column: 'reportado', value: '30/02/2019' },
    ]);
  });
});

describe('compileRowMapper: offenses', () => {
  const header = ['id', 'fecha', 'delito1', 'delito2', 'delito3'];
  const m = mapper(
    { columns: { sourceId: 'id', occurredDateTime: 'fecha', offense: ['delito1', 'delito2', 'delito3'] } },
    header,
  );

  it('reads several offense columns, most serious first, skipping empty ones', () => {
    const r = recordOf(m(['B7', '23/04/2019 12:30', 'Hurto', 'Estafa', 'Homicidio']));
    expect(r.offenses).toEqual([
      { category: 'homicide', sourceLabel: 'Homicidio' },
      { category: 'theft', sourceLabel: 'Hurto' },
      { category: 'unclassified', sourceLabel: 'Estafa' },
    ]);
    expect(recordOf(m(['B8', '23/04/2019 12:30', '', 'Hurto', ''])).offenses).toEqual([
      { category: 'theft', sourceLabel: 'Hurto' },
    ]);
  });

  it('quarantines a row with no offense at all, naming the first offense column', () => {
    expect(issuesOf(m(['B9', '23/04/2019 12:30', '', ' ', '']))).toEqual([
      { reason: 'MISSING_REQUIRED_FIELD', column: 'delito1', value: '' },
    ]);
  });

  it('uses offenseConstant when there is no offense column', () => {
    const c = mapper({ columns: { occurredDateTime: 'fecha' }, offenseConstant: 'Homicidio' }, ['fecha']);
    expect(recordOf(c(['23/04/2019 12:30'])).offenses).toEqual([
      { category: 'homicide', sourceLabel: 'Homicidio' },
    ]);
  });
});

describe('compileRowMapper: offsets written in ISO text', () => {
  const header = ['id', 'fecha', 'delito', 'reportado'];
  const columns = { sourceId: 'id', occurredDateTime: 'fecha', offense: 'delito', reportedDate: 'reportado' };
  const fields = ['C1', '2019-04-23T03:00:00Z', 'Hurto', '2019-04-23T03:00:00Z'];

  it("'use' (default): the text is an instant; the local date follows the agency zone", () => {
    const r = recordOf(mapper({ columns, formats: { dateTime: 'iso' } }, header)(fields));
    expect(r.occurredAt).toBe(Date.UTC(2019, 3, 23, 3));
    // 03:00 UTC is 22:00 CDT the day before: that is the date it counts on.
    expect(r.occurredLocal).toBe('2019-04-22T22:00:00');
    expect(r.reportedLocalDate).toBe('2019-04-22');
  });

  it("'ignore': the Z is dropped and the wall time is read in the zone", () => {
    const r = recordOf(
      mapper({ columns, formats: { dateTime: 'iso' }, offsetInText: 'ignore' }, header)(fields),
    );
    expect(r.occurredAt).toBe(Date.UTC(2019, 3, 23, 8));
    expect(r.occurredLocal).toBe('2019-04-23T03:00:00');
    expect(r.reportedLocalDate).toBe('2019-04-23');
  });

  it("'use' with a numeric offset", () => {
    const r = recordOf(
      mapper(
        { columns, formats: { dateTime: 'iso' } },
        header,
      )(['C2', '2019-04-23T01:30:00+02:00', 'Hurto', '']),
    );
    expect(r.occurredAt).toBe(Date.UTC(2019, 3, 22, 23, 30));
    expect(r.occurredLocal).toBe('2019-04-22T18:30:00');
  });
});

describe('compileRowMapper: header', () => {
  it('throws HEADER_MISSING_COLUMN naming the file, the column and the profile', () => {
    let error: unknown;
    try {
      mapper({}, ['id', 'fecha', 'delito', 'lon', 'sector', 'estado']);
    } catch (e) {
      error = e;
    }
    expect(isVigiaError(error, 'HEADER_MISSING_COLUMN')).toBe(true);
    if (!isVigiaError(error)) return;
    expect(error.params).toMatchObject({ file: 'incidentes.csv', column: 'lat', profile: 'prueba' });
    expect(error.message).toContain('incidentes.csv');
    expect(error.message).toContain('lat');
  });

  it('throws HEADER_DUPLICATE_COLUMN when a mapped column appears twice', () => {
    let error: unknown;
    try {
      mapper({}, ['id', 'fecha', 'delito', 'lon', 'lat', 'sector', 'estado', 'Delito']);
    } catch (e) {
      error = e;
    }
    expect(isVigiaError(error, 'HEADER_DUPLICATE_COLUMN')).toBe(true);
    if (isVigiaError(error)) expect(error.params).toMatchObject({ column: 'delito', positions: '3, 8' });
  });

  it('matches column names ignoring case and surrounding spaces', () => {
    const header = [' ID', 'Fecha ', 'DELITO', 'Lon', 'LAT', ' Sector ', 'eStAdO'];
    expect(recordOf(mapper({}, header)(GOOD))).toMatchObject({
      sourceId: 'A1',
      lat: 41.88,
      status: 'reported',
    });
    const upper = mapper({ columns: { ...BASE.columns, occurredDateTime: ' FECHA ' } });
    expect(upper(GOOD).kind).toBe('incident');
  });

  it('throws MAPPING_INVALID without a date column or without an offense', () => {
    const noDate = () => mapper({ columns: { offense: 'delito' } });
    expect(noDate).toThrow(expect.objectContaining({ code: 'MAPPING_INVALID' }));
    const noOffense = () => mapper({ columns: { occurredDateTime: 'fecha' } });
    expect(noOffense).toThrow(expect.objectContaining({ code: 'MAPPING_INVALID' }));
  });
});

describe('compileRowMapper: ids and duplicates', () => {
  it('derives stable ids from row content when there is no id column, numbering identical rows', () => {
    const { sourceId: _id, ...columns } = BASE.columns;
    const make = () => mapper({ columns });
    const a = make();
    const rows = [GOOD, row({ fecha: '24/04/2019 08:00' }), GOOD, GOOD];
    const out = rows.map((r) => a(r));
    const records = out.map(recordOf);
    expect(records.map((r) => r.sourceIdDerived)).toEqual([true, true, true, true]);
    expect(records[0]!.sourceId).toMatch(/^h:[0-9a-f]{32}#1$/);
    expect(records[2]!.sourceId).toBe(records[0]!.sourceId.replace('#1', '#2'));
    expect(records[3]!.sourceId).toBe(records[0]!.sourceId.replace('#1', '#3'));
    expect(records[1]!.sourceId).not.toBe(records[0]!.sourceId);
    expect(out.map((o) => o.duplicate)).toEqual([false, false, true, true]);
    // The same file again gives the same ids.
    const b = make();
    expect(rows.map((r) => recordOf(b(r)).sourceId)).toEqual(records.map((r) => r.sourceId));
  });

  it('does not fingerprint rows when the source has ids: rows sharing an id are merged by the store', () => {
    const m = mapper();
    expect(m(GOOD).duplicate).toBe(false);
    expect(m(GOOD)).toMatchObject({ kind: 'incident', duplicate: false, record: { sourceId: 'A1' } });
    const bad = row({ fecha: 'ayer' });
    expect(m(bad)).toMatchObject({ kind: 'quarantine', duplicate: false });
    expect(m(bad)).toMatchObject({ kind: 'quarantine', duplicate: false });
  });
});

describe('compileRowMapper: spreadsheet input', () => {
  it('also accepts ISO text and Excel serials in date columns', () => {
    const m = mapper({}, HEADER, { fromSpreadsheet: true, nowMs: Date.UTC(2030, 0, 1) });
    expect(recordOf(m(row({ fecha: '2019-04-23 12:30:00' }))).occurredLocal).toBe('2019-04-23T12:30:00');
    expect(recordOf(m(row({ fecha: '43831.5' }))).occurredLocal).toBe('2020-01-01T12:00:00');
    expect(recordOf(m(row({ fecha: '43466' }))).occurredLocal).toBe('2019-01-01T00:00:00');
    expect(recordOf(m(row({ fecha: '23/04/2019 12:30' }))).occurredLocal).toBe('2019-04-23T12:30:00');
    expect(issuesOf(m(row({ fecha: '60' })))).toEqual([{ reason: 'BAD_DATE', column: 'fecha', value: '60' }]);
    expect(issuesOf(m(row({ fecha: '31/02/2019 10:00' })))).toEqual([
      { reason: 'IMPOSSIBLE_DATE', column: 'fecha', value: '31/02/2019 10:00' },
    ]);
  });

  it('reads the time of an Excel time cell (day 0, as the reader renders it) in a time column', () => {
    const columns = { sourceId: 'id', occurredDate: 'dia', occurredTime: 'hora', offense: 'delito' };
    const header = ['id', 'dia', 'hora', 'delito'];
    const formats = { date: 'dd/MM/yyyy', time: 'HH:mm' };
    const m = mapper({ columns, formats }, header, { fromSpreadsheet: true });
    expect(recordOf(m(['1', '2019-04-23 00:00:00', '1899-12-30 12:30:15', 'Hurto']))).toMatchObject({
      occurredLocal: '2019-04-23T12:30:15',
      occurredAt: Date.UTC(2019, 3, 23, 17, 30, 15),
    });
    expect(recordOf(m(['2', '23/04/2019', '08:05', 'Hurto'])).occurredLocal).toBe('2019-04-23T08:05:00');
    expect(issuesOf(m(['3', '23/04/2019', '1899-12-30', 'Hurto']))).toEqual([
      { reason: 'BAD_TIME', column: 'hora', value: '1899-12-30' },
    ]);
    // Delimited text gets no such leniency.
    const text = mapper({ columns, formats }, header);
    expect(issuesOf(text(['4', '23/04/2019', '1899-12-30 12:30:15', 'Hurto']))).toEqual([
      { reason: 'BAD_TIME', column: 'hora', value: '1899-12-30 12:30:15' },
    ]);
  });

  it('does not read serials from delimited text', () => {
    expect(issuesOf(mapper()(row({ fecha: '43831.5' })))).toEqual([
      { reason: 'BAD_DATE', column: 'fecha', value: '43831.5' },
    ]);
  });
});
