import { VigiaError, isValidTimeZone } from '@vigia/domain';
import { countReasons, isBlankRow, type RowSource } from '@vigia/ingest';

/**
 * The reading loop every file import shares: feeds each non-blank row of `source` to `onRow` with its
 * spreadsheet row number (blank rows count, then are skipped), waits for the store to take each batch
 * (`drain`), reports progress, yields to the event loop, and on
 * any error aborts `session` (nothing stored) and rethrows.
 */
export async function streamRows(
  source: RowSource,
  session: { abort(): Promise<void>; drain?(): Promise<void> },
  onRow: (rowNo: number, fields: string[]) => void,
  onProgress?: (bytesRead: number, totalBytes: number) => void,
): Promise<void> {
  let rowNo = source.headerRowNumber;
  try {
    for await (const batch of source.batches) {
      for (const fields of batch) {
        rowNo++;
        if (!isBlankRow(fields)) onRow(rowNo, fields);
      }
      await session.drain?.(); // a server store may still be taking the rows: bounded memory
      onProgress?.(source.bytesRead(), source.totalBytes);
      // Let the event loop run between batches, so a server importing an upload still answers requests.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } catch (e) {
    await session.abort();
    throw e;
  }
}

/** Adds a quarantined row to the per-reason counts: shared with the incident pipeline. */
export { countReasons };

/** @throws VigiaError INVALID_TIME_ZONE when a mapping names a zone that is not IANA. */
export function checkMappingTimeZone(timeZone: string | undefined): void {
  if (timeZone !== undefined && !isValidTimeZone(timeZone)) {
    throw new VigiaError('INVALID_TIME_ZONE', { value: timeZone });
  }
}
