import { createRequire } from 'node:module';
import { DuckDBDataChunk, type DuckDBAppender, type DuckDBType } from '@duckdb/node-api';
import type * as Bindings from '@duckdb/node-bindings';

/**
 * The native bindings that @duckdb/node-api itself loaded (same module instance, same version): they
 * copy a typed array into a vector in one call, where the node-api vectors set values one by one.
 */
const bindings = createRequire(createRequire(import.meta.url).resolve('@duckdb/node-api'))(
  '@duckdb/node-bindings',
) as typeof Bindings;

/** DuckDB's vector size: a data chunk holds at most this many rows. */
const CHUNK_ROWS = 2048;
/** A validity mask with every row NULL. */
const NO_ROWS_VALID = new ArrayBuffer(CHUNK_ROWS / 8);

/** One column's values: a typed array matching the column type's width, text, or null: all NULL. */
export type ChunkColumn = Float64Array | Int32Array | Uint32Array | Uint8Array | readonly string[] | null;

/**
 * Appends columns of values to a table through DuckDB data chunks of 2048 rows: numbers are copied
 * from typed arrays in one call per vector, texts one call per value. Compared with the row appender
 * (one native call per value) this takes a 20-column row in a fraction of the time.
 *
 * Columns must match the table's columns in order and width (DOUBLE ← Float64Array, INTEGER ←
 * Int32Array, UINTEGER ← Uint32Array, BOOLEAN/UTINYINT ← Uint8Array of 0/1 or codes, VARCHAR ← strings).
 * Other NULLs are not supported: encode "none" in the values.
 */
export class ChunkAppender {
  private readonly chunk: DuckDBDataChunk;

  constructor(
    private readonly appender: DuckDBAppender,
    types: readonly DuckDBType[],
  ) {
    this.chunk = DuckDBDataChunk.create(types);
  }

  /** Appends rows `0..length-1` of `columns` (one entry per table column). */
  append(columns: readonly ChunkColumn[], length: number): void {
    const raw = this.chunk.chunk;
    for (let start = 0; start < length; start += CHUNK_ROWS) {
      const n = Math.min(CHUNK_ROWS, length - start);
      bindings.data_chunk_reset(raw);
      for (let c = 0; c < columns.length; c++) {
        const v = bindings.data_chunk_get_vector(raw, c);
        const col = columns[c]!;
        if (col === null) {
          bindings.vector_ensure_validity_writable(v);
          bindings.copy_data_to_vector_validity(v, 0, NO_ROWS_VALID, 0, CHUNK_ROWS / 8);
        } else if (ArrayBuffer.isView(col)) {
          const w = col.BYTES_PER_ELEMENT;
          bindings.copy_data_to_vector(v, 0, col.buffer as ArrayBuffer, col.byteOffset + start * w, n * w);
        } else {
          for (let i = 0; i < n; i++) bindings.vector_assign_string_element(v, i, col[start + i]!);
        }
      }
      bindings.data_chunk_set_size(raw, n);
      this.appender.appendDataChunk(this.chunk);
    }
  }
}
