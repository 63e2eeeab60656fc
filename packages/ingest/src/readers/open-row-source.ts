import { extname } from 'node:path';
import { VigiaError } from '@vigia/domain';
import type { ImportMapping } from '../profiles/mapping.js';
import { openDelimited } from './read-delimited.js';
import { openXlsx } from './read-xlsx.js';
import type { RowSource } from './row-source.js';

/**
 * Opens an export by its extension: .csv/.tsv/.txt as delimited text (delimiter and encoding from the
 * mapping, or detected), .xlsx as an Excel workbook.
 * @throws VigiaError UNSUPPORTED_FILE_TYPE for other extensions (e.g. the old binary .xls).
 */
export async function openRowSource(
  path: string,
  mapping: Pick<ImportMapping, 'delimiter' | 'encoding'>,
): Promise<RowSource> {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') return openXlsx(path);
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt' || ext === '') {
    return openDelimited(path, {
      delimiter: mapping.delimiter ?? (ext === '.tsv' ? '\t' : undefined),
      encoding: mapping.encoding,
    });
  }
  throw new VigiaError('UNSUPPORTED_FILE_TYPE', { file: path });
}
