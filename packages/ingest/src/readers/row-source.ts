import { trimCell } from '../fields/trim-cell.js';

/**
 * Rows of a tabular export, header first, as raw text fields. Readers for CSV-like text and for Excel
 * workbooks produce this; the row mapper consumes it. Row numbers are those a person sees in a
 * spreadsheet: the header is row 1, the first data row is row 2.
 */
export interface RowSource {
  /** Column names of the header row, trimmed, BOM removed. */
  header: string[];
  /** Spreadsheet row number of the header (1 unless blank rows come first). */
  headerRowNumber: number;
  /**
   * Every row after the header in file order, blank ones included (as `[]` or all-empty fields) so
   * that counting them gives spreadsheet row numbers; in batches (one await per batch, not per row,
   * keeps imports fast). Consumers skip blank rows: see {@link isBlankRow}.
   */
  batches: AsyncIterable<string[][]>;
  /** Bytes of the file consumed so far (for a progress bar). */
  bytesRead(): number;
  /** Size of the file in bytes. */
  totalBytes: number;
  /** True for spreadsheets: date cells may arrive as ISO text or Excel serial numbers. */
  fromSpreadsheet: boolean;
  /** What was detected or used, for the import summary: encoding and delimiter. */
  detected: { encoding: string; delimiter: string };
}

/** True for a row with no content: no fields, or only empty / whitespace fields (",,,"). */
export function isBlankRow(fields: readonly string[]): boolean {
  for (const f of fields) if (trimCell(f) !== '') return false;
  return true;
}
