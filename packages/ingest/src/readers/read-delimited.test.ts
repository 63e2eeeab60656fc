import { open, stat } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { isVigiaError } from '@vigia/domain';
import { describe, expect, it } from 'vitest';
import { allRows, numberedRows, rejectionOf, useTempDir } from '../test-helpers/temp-files.js';
import { openDelimited } from './read-delimited.js';

const tmp = useTempDir('vigia-delimited-');
const BOM = '\uFEFF';

describe('openDelimited: encodings', () => {
  it('reads UTF-8 with a BOM, dropping it from the header', async () => {
    const file = await tmp.write('bom.csv', `${BOM}id,lugar\n1,Peñasco\n2,Dirección\n`);
    const src = await openDelimited(file, { encoding: 'auto' });
    expect(src.header).toEqual(['id', 'lugar']);
    expect(src.detected).toEqual({ encoding: 'utf-8', delimiter: ',' });
    expect(await allRows(src)).toEqual([
      ['1', 'Peñasco'],
      ['2', 'Dirección'],
    ]);
    expect(src.fromSpreadsheet).toBe(false);
    expect(src.totalBytes).toBe((await stat(file)).size);
  });

  it('reads UTF-16 with a byte-order mark (Excel "Unicode text"), little and big endian', async () => {
    for (const encoding of ['utf-16le', 'utf-16be'] as const) {
      const file = await tmp.write(
        `u16-${encoding}.csv`,
        iconv.encode('id\tlugar\r\n1\tPeñasco\r\n', encoding, { addBOM: true }),
      );
      const src = await openDelimited(file, { encoding: 'auto' });
      expect(src.header).toEqual(['id', 'lugar']);
      expect(src.detected).toEqual({ encoding, delimiter: 'tab' });
      expect(await allRows(src)).toEqual([['1', 'Peñasco']]);
    }
  });

  it('reads UTF-8 without a BOM, also when told so', async () => {
    const file = await tmp.write('nobom.csv', 'id,lugar\n1,Peñasco\n');
    for (const encoding of ['auto', 'utf-8'] as const) {
      const src = await openDelimited(file, { encoding });
      expect(src.header).toEqual(['id', 'lugar']);
      expect(src.detected.encoding).toBe('utf-8');
      expect(await allRows(src)).toEqual([['1', 'Peñasco']]);
    }
  });

  it("reads Windows-1252 bytes with encoding 'auto' (not valid UTF-8) and when named", async () => {
    const text = 'delito;lugar;nota\r\nROBO EN VIVIENDA;Peñasco;Dirección “centro” €5\r\nHURTO;Ñuñoa;año\r\n';
    const bytes = iconv.encode(text, 'windows-1252');
    expect(bytes.includes(0xf1)).toBe(true); // ñ is one byte 0xF1, which UTF-8 rejects
    const file = await tmp.write('ansi.csv', bytes);
    for (const encoding of ['auto', 'windows-1252'] as const) {
      const src = await openDelimited(file, { encoding });
      expect(src.detected).toEqual({ encoding: 'windows-1252', delimiter: ';' });
      expect(src.header).toEqual(['delito', 'lugar', 'nota']);
      expect(await allRows(src)).toEqual([
        ['ROBO EN VIVIENDA', 'Peñasco', 'Dirección “centro” €5'],
        ['HURTO', 'Ñuñoa', 'año'],
      ]);
    }
  });
});

describe('openDelimited: delimiters', () => {
  it.each([
    [',', ','],
    [';', ';'],
    ['\t', 'tab'],
    ['|', '|'],
  ] as const)('detects %j from the header line', async (delimiter, reported) => {
    const file = await tmp.write(
      `delim-${reported}.txt`,
      ['id', 'fecha', 'monto'].join(delimiter) + '\n' + ['1', '2019-04-23', '1,5'].join(delimiter) + '\n',
    );
    const src = await openDelimited(file, { encoding: 'auto' });
    expect(src.detected.delimiter).toBe(reported);
    expect(src.header).toEqual(['id', 'fecha', 'monto']);
    if (delimiter !== ',') expect(await allRows(src)).toEqual([['1', '2019-04-23', '1,5']]);
  });

  it('ignores candidates inside quotes in the header, and takes a given delimiter as is', async () => {
    const file = await tmp.write('quoted-header.csv', '"a;b;c",d\n1,2\n');
    expect((await openDelimited(file, { encoding: 'auto' })).header).toEqual(['a;b;c', 'd']);
    const other = await tmp.write('forced.csv', 'a,b;c\n1,2;3\n');
    const forced = await openDelimited(other, { encoding: 'auto', delimiter: ';' });
    expect(forced.detected.delimiter).toBe(';');
    expect(forced.header).toEqual(['a,b', 'c']);
    expect(await allRows(forced)).toEqual([['1,2', '3']]);
  });

  it('gives a comma for a single-column file', async () => {
    const file = await tmp.write('one-column.csv', 'id\n1\n2\n');
    const src = await openDelimited(file, { encoding: 'auto' });
    expect(src.detected.delimiter).toBe(',');
    expect(await allRows(src)).toEqual([['1'], ['2']]);
  });
});

describe('openDelimited: CSV syntax', () => {
  it('reads quoted fields with embedded delimiters, newlines and escaped quotes', async () => {
    const file = await tmp.write(
      'quotes.csv',
      'id,texto,fin\n1,"a, b",x\n2,"línea 1\nlínea 2\r\nlínea 3",y\n3,"dice ""hola""",z\n4,"",w\n',
    );
    expect(await allRows(await openDelimited(file, { encoding: 'auto' }))).toEqual([
      ['1', 'a, b', 'x'],
      ['2', 'línea 1\nlínea 2\nlínea 3', 'y'], // line ends inside fields are normalized to LF
      ['3', 'dice "hola"', 'z'],
      ['4', '', 'w'],
    ]);
  });

  it('reads CRLF line endings without leaving \\r in fields, and a last line without newline', async () => {
    const file = await tmp.write('crlf.csv', 'id,lugar\r\n1,a\r\n2,b\r\n3,c');
    const src = await openDelimited(file, { encoding: 'auto' });
    expect(src.header).toEqual(['id', 'lugar']);
    expect(await allRows(src)).toEqual([
      ['1', 'a'],
      ['2', 'b'],
      ['3', 'c'],
    ]);
  });

  it('skips blank lines, also before the header', async () => {
    const file = await tmp.write('blank.csv', 'a,b\n\n1,2\n\n\n3,4\n\n');
    expect(await allRows(await openDelimited(file, { encoding: 'auto' }))).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    const leading = await tmp.write('leading-blank.csv', '\r\n\r\na;b\r\n1;2\r\n');
    const src = await openDelimited(leading, { encoding: 'auto' });
    expect(src.detected.delimiter).toBe(';');
    expect(src.header).toEqual(['a', 'b']);
    expect(await allRows(src)).toEqual([['1', '2']]);
  });

  it('numbers rows as a spreadsheet does: blank rows count, whitespace and delimiter-only rows are blank', async () => {
    const file = await tmp.write('numbered.csv', '\nid,x\n1,a\n\n   \n,\n2,b\n');
    const src = await openDelimited(file, { encoding: 'auto' });
    expect(src.headerRowNumber).toBe(2);
    expect(await numberedRows(src)).toEqual([
      [3, ['1', 'a']],
      [7, ['2', 'b']],
    ]);
  });

  it('splits rows of a file that mixes CRLF and LF line ends', async () => {
    const file = await tmp.write('mixed.csv', 'id,x\r\n1,a\n2,b\r3,c\r\n');
    expect(await allRows(await openDelimited(file, { encoding: 'auto' }))).toEqual([
      ['1', 'a'],
      ['2', 'b'],
      ['3', 'c'],
    ]);
  });

  it('refuses a file whose quote never closes properly instead of swallowing the rows after it', async () => {
    for (const [name, text] of [
      ['stray-quote.csv', 'id,lugar,x\n1,"El Dorado" local 5,a\n2,b,c\n3,d,e\n'],
      ['unclosed.csv', 'id,lugar,x\n1,a,b\n2,"abierta,c\n3,d,e\n'],
    ] as const) {
      const file = await tmp.write(name, text);
      const e = await rejectionOf((async () => allRows(await openDelimited(file, { encoding: 'auto' })))());
      expect(isVigiaError(e, 'CSV_MALFORMED')).toBe(true);
      expect((e as Error).message).toContain(name);
    }
  });

  it('trims header names but not data fields', async () => {
    const file = await tmp.write('spaces.csv', ' id , lugar \n 1 , a \n');
    const src = await openDelimited(file, { encoding: 'auto' });
    expect(src.header).toEqual(['id', 'lugar']);
    expect(await allRows(src)).toEqual([[' 1 ', ' a ']]);
  });

  it('keeps rows of the wrong width as they are (the mapper quarantines them)', async () => {
    const file = await tmp.write('ragged.csv', 'a,b,c\n1,2\n1,2,3,4\n');
    expect(await allRows(await openDelimited(file, { encoding: 'auto' }))).toEqual([
      ['1', '2'],
      ['1', '2', '3', '4'],
    ]);
  });

  it('gives a header and no rows for a header-only file', async () => {
    const file = await tmp.write('header-only.csv', 'a,b\n');
    const src = await openDelimited(file, { encoding: 'auto' });
    expect(src.header).toEqual(['a', 'b']);
    expect(await allRows(src)).toEqual([]);
  });
});

describe('openDelimited: errors', () => {
  it('throws FILE_UNREADABLE for an empty file or one with only blank lines', async () => {
    for (const [name, text] of [
      ['empty.csv', ''],
      ['blank-only.csv', '\n\n\n'],
      ['blank-only-crlf.csv', '\r\n\r\n'],
      ['whitespace-only.csv', '   \n \t \n'],
      ['delimiters-only.csv', ',,,\n,,,\n'],
    ] as const) {
      const file = await tmp.write(name, text);
      const e = await rejectionOf(openDelimited(file, { encoding: 'auto' }));
      expect(isVigiaError(e, 'FILE_UNREADABLE')).toBe(true);
      expect((e as Error).message).toContain(name);
    }
  });

  it('throws FILE_NOT_FOUND for a missing file', async () => {
    const file = await tmp.path('no-such-file.csv');
    const e = await rejectionOf(openDelimited(file, { encoding: 'auto' }));
    expect(isVigiaError(e, 'FILE_NOT_FOUND')).toBe(true);
    expect((e as Error).message).toContain('no-such-file.csv');
  });
});

describe('openDelimited: files larger than one parser chunk', () => {
  it('yields each of 300,000 rows exactly once, in order, without reading ahead', async () => {
    const n = 300_000;
    const file = await tmp.path('big.csv');
    const fh = await open(file, 'w');
    try {
      await fh.write('n,codigo,relleno\n');
      const lines: string[] = [];
      for (let i = 1; i <= n; i++) {
        lines.push(`${i},c${i},${'x'.repeat(24)}\n`);
        if (lines.length === 10_000) {
          await fh.write(lines.join(''));
          lines.length = 0;
        }
      }
      await fh.write(lines.join(''));
    } finally {
      await fh.close();
    }
    const size = (await stat(file)).size;
    expect(size).toBeGreaterThan(10 << 20); // several 1 MiB read chunks

    const src = await openDelimited(file, { encoding: 'auto' });
    expect(src.header).toEqual(['n', 'codigo', 'relleno']);
    // While the consumer waits, the reader does not run ahead through the file (memory stays flat).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(src.bytesRead()).toBeLessThan(size / 2);
    let count = 0;
    let batches = 0;
    let first: string[] | undefined;
    let last: string[] | undefined;
    for await (const batch of src.batches) {
      batches++;
      for (const r of batch) {
        count++;
        if (r[0] !== String(count) || r[1] !== `c${count}` || r.length !== 3)
          expect.fail(`row ${count} read as ${JSON.stringify(r)}`);
        first ??= r;
        last = r;
      }
    }
    expect(count).toBe(n);
    expect(first).toEqual(['1', 'c1', 'x'.repeat(24)]);
    expect(last).toEqual([String(n), `c${n}`, 'x'.repeat(24)]);
    expect(batches).toBeGreaterThan(1);
    expect(src.bytesRead()).toBe(size);
  });

  it('joins a multi-byte character and a quoted multi-line field split by a chunk boundary', async () => {
    // Every row is the same length; pad the header so that the first 1 MiB read boundary falls
    // between the two bytes of an "ñ" inside a quoted field that spans lines.
    const rowText = (i: number): string => `${String(i).padStart(6, '0')},"ñandú\nsegunda línea ñ",fin\n`;
    const rowBytes = Buffer.byteLength(rowText(0));
    const boundary = 1 << 20;
    const firstRow = Buffer.from(rowText(0));
    const nTilde = firstRow.indexOf(Buffer.from('ñ', 'utf8'), firstRow.indexOf('\n')); // the one after the newline
    let pad = 0;
    const headerOf = (p: number): string => `id,texto,fin${' '.repeat(p)}\n`;
    while ((boundary - Buffer.byteLength(headerOf(pad))) % rowBytes !== nTilde + 1) pad++;
    const n = Math.ceil((3 * boundary) / rowBytes);
    const parts = [headerOf(pad)];
    for (let i = 0; i < n; i++) parts.push(rowText(i));
    const bytes = Buffer.from(parts.join(''));
    expect(bytes.subarray(boundary - 1, boundary + 1)).toEqual(Buffer.from('ñ'));
    const file = await tmp.write('split.csv', bytes);

    const src = await openDelimited(file, { encoding: 'auto' });
    expect(src.header).toEqual(['id', 'texto', 'fin']);
    const rows = await allRows(src);
    expect(rows).toHaveLength(n);
    rows.forEach((r, i) => {
      if (r[0] !== String(i).padStart(6, '0') || r[1] !== 'ñandú\nsegunda línea ñ' || r[2] !== 'fin')
        expect.fail(`row ${i} read as ${JSON.stringify(r)}`);
    });
  });
});
