import type { DuckDBAppender } from '@duckdb/node-api';

/** Appends a VARCHAR, or NULL for null. */
export function nullableVarchar(a: DuckDBAppender, v: string | null): void {
  if (v === null) a.appendNull();
  else a.appendVarchar(v);
}

/** Appends a DOUBLE, or NULL for null. */
export function nullableDouble(a: DuckDBAppender, v: number | null): void {
  if (v === null) a.appendNull();
  else a.appendDouble(v);
}

/** Appends an INTEGER, or NULL for null. */
export function nullableInteger(a: DuckDBAppender, v: number | null): void {
  if (v === null) a.appendNull();
  else a.appendInteger(v);
}
