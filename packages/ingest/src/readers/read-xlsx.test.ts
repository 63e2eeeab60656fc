import ExcelJS from 'exceljs';
import { isVigiaError } from '@vigia/domain';
import { describe, expect, it } from 'vitest';
import { mappingSchema } from '../profiles/mapping.js';
import { compileRowMapper } from '../rows/row-mapper.js';
import { allRows, rejectionOf, useTempDir } from '../test-helpers/temp-files.js';
import { openRowSource } from './open-row-source.js';
import { cellText, openXlsx } from './read-xlsx.js';

const tmp = useTempDir('vigia-xlsx-');

/** A small workbook: header, a date-typed cell, a time-typed cell, a bare serial, rich text, blanks. */
async function writeWorkbook(name: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Incidentes');
  ws.addRow(['id', 'fecha', 'hora', 'serial', 'monto', 'delito', 'nota']);
  ws.addRow([
    'A1',
    new Date(Date.UTC(2019, 3, 23, 14, 30, 5)),
    new Date(Date.UTC(1899, 11, 30, 12, 30)),
    43831.5,
    3.25,
    { richText: [{ text: 'Robo ' }, { font: { bold: true }, text: 'agravado' }] },
    null, // empty trailing cell
  ]);
  ws.getCell('B2').numFmt = 'dd/mm/yyyy hh:mm:ss';
  ws.getCell('C2').numFmt = 'hh:mm';
  ws.addRow([]); // an empty row is skipped
  ws.addRow(['  A2  ', null, null, 61, { formula: 'E2*2', result: 6.5 }, 'Hurto', true]);
  ws.addRow(['A3']); // only the first cell: padded to the header's width
  const other = wb.addWorksheet('Otra hoja');
  other.addRow(['not', 'read']);
  const file = await tmp.path(name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('openXlsx', () => {
  it('reads the first worksheet: header, date cells as ISO-like text, numbers, rich text, padding', async () => {
    const file = await writeWorkbook('incidentes.xlsx');
    const src = await openXlsx(file);
    expect(src.header).toEqual(['id', 'fecha', 'hora', 'serial', 'monto', 'delito', 'nota']);
    expect(src.fromSpreadsheet).toBe(true);
    expect(src.detected).toEqual({ encoding: 'xlsx', delimiter: '' });
    expect(await allRows(src)).toEqual([
      ['A1', '2019-04-23 14:30:05', '1899-12-30 12:30:00', '43831.5', '3.25', 'Robo agravado', ''],
      ['A2', '', '', '61', '6.5', 'Hurto', 'true'],
      ['A3', '', '', '', '', '', ''],
    ]);
    expect(src.bytesRead()).toBe(src.totalBytes);
  });

  it('feeds the row mapper: date and time cells and bare serials become the right wall times', async () => {
    const file = await writeWorkbook('mapper.xlsx');
    const mapping = mappingSchema.parse({
      name: 'xlsx',
      timeZone: 'America/Panama',
      columns: { sourceId: 'id', occurredDate: 'fecha', occurredTime: 'hora', offense: 'delito' },
      formats: { date: 'dd/MM/yyyy', time: 'HH:mm' },
    });
    const src = await openRowSource(file, mapping);
    const map = compileRowMapper(mapping, src.header, {
      file,
      agencyTimeZone: 'America/Panama',
      nowMs: Date.UTC(2030, 0, 1),
      fromSpreadsheet: src.fromSpreadsheet,
    });
    const [first] = await allRows(src);
    // The date cell carries 14:30:05; the separate time cell (an Excel time, day 0) then sets 12:30.
    expect(map(first!)).toMatchObject({
      kind: 'incident',
      record: { occurredLocal: '2019-04-23T12:30:00', occurredAt: Date.UTC(2019, 3, 23, 17, 30) },
    });
  });

  it('throws FILE_NOT_FOUND for a missing workbook and FILE_UNREADABLE for one that is not a workbook', async () => {
    const missing = await rejectionOf(openXlsx(await tmp.path('missing.xlsx')));
    expect(isVigiaError(missing, 'FILE_NOT_FOUND')).toBe(true);
    const notZip = await tmp.write('not-a-workbook.xlsx', 'id,fecha\n1,2\n');
    const bad = await rejectionOf(openXlsx(notZip));
    expect(isVigiaError(bad, 'FILE_UNREADABLE')).toBe(true);
  });

  it('throws FILE_UNREADABLE for a workbook whose first sheet is empty', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Vacía');
    const file = await tmp.path('empty.xlsx');
    await wb.xlsx.writeFile(file);
    expect(isVigiaError(await rejectionOf(openXlsx(file)), 'FILE_UNREADABLE')).toBe(true);
  });
});

describe('cellText', () => {
  it('renders each ExcelJS cell value kind', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
    expect(cellText('texto')).toBe('texto');
    expect(cellText(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(cellText(false)).toBe('false');
    expect(cellText(new Date(Date.UTC(2020, 1, 29, 23, 59, 59)))).toBe('2020-02-29 23:59:59');
    expect(cellText({ formula: 'A1', result: new Date(Date.UTC(2020, 0, 1)) })).toBe('2020-01-01 00:00:00');
    expect(cellText({ richText: [{ text: 'a' }, { text: 'b' }] })).toBe('ab');
    expect(cellText({ text: 'enlace', hyperlink: 'https://example.org' })).toBe('enlace');
    expect(cellText({ error: '#N/A' })).toBe('');
  });
});

describe('openRowSource', () => {
  const mapping = mappingSchema.parse({ columns: { occurredDateTime: 'fecha' }, offenseConstant: 'x' });

  it('opens .xlsx as a workbook whatever the case of the extension', async () => {
    const file = await writeWorkbook('MAYUSCULAS.XLSX');
    const src = await openRowSource(file, mapping);
    expect(src.fromSpreadsheet).toBe(true);
    expect(src.header[0]).toBe('id');
  });

  it('opens .csv, .txt and extension-less files as delimited text, detecting the delimiter', async () => {
    for (const name of ['a.csv', 'a.txt', 'a', 'a.CSV']) {
      const src = await openRowSource(await tmp.write(name, 'x;y\n1;2\n'), mapping);
      expect(src.fromSpreadsheet).toBe(false);
      expect(src.header).toEqual(['x', 'y']);
    }
  });

  it('takes the delimiter from the mapping, and a tab for .tsv when the mapping has none', async () => {
    const file = await tmp.write('a.tsv', 'x,y\tz\n1,2\t3\n'); // one comma, one tab: a tie a guess would give to ","
    expect((await openRowSource(file, mapping)).header).toEqual(['x,y', 'z']);
    const semi = await tmp.write('b.csv', 'x;y,z\n');
    expect((await openRowSource(semi, mapping)).header).toEqual(['x;y', 'z']);
    expect((await openRowSource(semi, { ...mapping, delimiter: ';' })).header).toEqual(['x', 'y,z']);
  });

  it('passes the mapping encoding', async () => {
    const file = await tmp.write('latin.csv', Buffer.from([0x61, 0x0a, 0xf1, 0x0a])); // "a\nñ\n" in Windows-1252
    const src = await openRowSource(file, { ...mapping, encoding: 'windows-1252' });
    expect(await allRows(src)).toEqual([['ñ']]);
  });

  it('throws UNSUPPORTED_FILE_TYPE for the old binary .xls and other extensions', async () => {
    for (const name of ['viejo.xls', 'datos.json', 'capa.geojson']) {
      const e = await rejectionOf(openRowSource(await tmp.write(name, 'x'), mapping));
      expect(isVigiaError(e, 'UNSUPPORTED_FILE_TYPE')).toBe(true);
      expect((e as Error).message).toContain(name);
    }
  });
});
