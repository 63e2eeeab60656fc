import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Absolute path of a file under `../shared` beside the repository root (the shared data and R reference
 * values; they are read from there, never copied into the repository).
 * This file is test/ at the repository root, so ../shared is two levels up.
 */
export function sharedPath(relative: string): string {
  return fileURLToPath(new URL(`../../shared/${relative}`, import.meta.url));
}

/** Rows of a simple CSV (header line, comma separator, no quoting) under ../shared, as column → text. */
export function readSharedCsv(relative: string): Record<string, string>[] {
  const lines = readFileSync(sharedPath(relative), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.length > 0);
  const header = (lines[0] ?? '').split(',');
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(header.map((name, i) => [name, cells[i] ?? '']));
  });
}

/** A number as R writes it: `NA` and the empty string are null, `Inf` / `-Inf` are ±Infinity. */
export function parseRNumber(text: string | undefined): number | null {
  if (text === undefined || text === '' || text === 'NA') return null;
  if (text === 'Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  const value = Number(text);
  if (Number.isNaN(value)) throw new Error(`not a number: ${text}`);
  return value;
}

/**
 * Relative difference |actual − expected| / |expected| (absolute when expected is 0); 0 when both are the
 * same infinity or both null; Infinity when only one of them is null or infinite.
 */
export function relativeError(actual: number | null, expected: number | null): number {
  if (actual === null || expected === null) return actual === expected ? 0 : Infinity;
  if (!Number.isFinite(expected) || !Number.isFinite(actual)) return actual === expected ? 0 : Infinity;
  if (expected === 0) return Math.abs(actual);
  return Math.abs(actual - expected) / Math.abs(expected);
}
