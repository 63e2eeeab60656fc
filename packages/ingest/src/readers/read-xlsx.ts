import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { VigiaError } from '@vigia/domain';
import { isBlankRow, type RowSource } from './row-source.js';

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/**
 * The text of one cell as the row mapper expects it. Date cells (Excel serials with a date format)
 * arrive from ExcelJS as JS Dates holding the wall time in UTC fields; they become ISO-like
 * `YYYY-MM-DD HH:mm:ss` text. Numbers keep JavaScript's shortest round-trip text, so an unformatted
 * serial date stays a number the mapper can read as a serial. Formulas give their cached result;
 * rich text its plain text; errors and empty cells "".
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())} ${pad(
      value.getUTCHours(),
    )}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`;
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    const v = value as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: unknown };
    if ('result' in v) return cellText(v.result);
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return cellText(v.text);
    if ('error' in v) return '';
  }
  return '';
}

/**
 * Opens the first worksheet of an Excel workbook (.xlsx) as a streaming {@link RowSource}, with
 * ExcelJS's streaming reader (rows are not all held in memory). Empty rows are skipped; the first
 * non-empty row is the header. Progress is reported as the share of rows read once the sheet has been
 * seen, and as bytes of the compressed file otherwise.
 *
 * @throws VigiaError FILE_NOT_FOUND when missing; FILE_UNREADABLE when not a readable workbook.
 */
export async function openXlsx(path: string): Promise<RowSource> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (e) {
    throw new VigiaError('FILE_NOT_FOUND', { file: path }, { cause: e });
  }
  // Loaded on first use (before the stream flows): ExcelJS takes ~0.3 s to load, which every CSV
  // import and CLI command paid.
  const { default: ExcelJS } = await import('exceljs');
  let bytes = 0;
  const input = createReadStream(path);
  input.on('data', (c) => {
    bytes += c.length;
  });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'emit',
  });
  // Rows with their worksheet row number; ExcelJS omits empty rows, which are given back as [] so
  // that counting rows gives the row numbers a person sees in Excel.
  async function* allRows(): AsyncGenerator<string[]> {
    for await (const sheet of reader) {
      let last = 0;
      for await (const row of sheet) {
        for (; last + 1 < row.number; last++) yield [];
        last = row.number;
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]).trim());
        yield cells;
      }
      return; // first worksheet only
    }
  }
  const it = allRows();
  let headerRowNumber = 0;
  let first: IteratorResult<string[]>;
  try {
    do {
      first = await it.next();
      headerRowNumber++;
    } while (!first.done && isBlankRow(first.value));
  } catch (e) {
    throw new VigiaError('FILE_UNREADABLE', { file: path, detail: (e as Error).message }, { cause: e });
  }
  if (first.done) throw new VigiaError('FILE_UNREADABLE', { file: path, detail: 'no header row' });
  const header = first.value;
  const width = header.length;
  return {
    header,
    headerRowNumber,
    batches: {
      async *[Symbol.asyncIterator]() {
        let batch: string[][] = [];
        for await (const r of it) {
          // ExcelJS drops trailing empty cells: pad to the header's width.
          while (r.length < width) r.push('');
          batch.push(r);
          if (batch.length >= 2048) {
            yield batch;
            batch = [];
          }
        }
        if (batch.length > 0) yield batch;
      },
    },
    bytesRead: () => bytes,
    totalBytes: size,
    fromSpreadsheet: true,
    detected: { encoding: 'xlsx', delimiter: '' },
  };
}
