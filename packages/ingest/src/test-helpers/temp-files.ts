import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { isBlankRow, type RowSource } from '../readers/row-source.js';

/**
 * A temporary directory for one test file, removed after its tests. Call at the top level of a test
 * file (created on first use); `path(name)` gives a file path inside it and `write(name, data)` writes one and returns it.
 */
export function useTempDir(prefix = 'vigia-ingest-'): {
  path: (name: string) => Promise<string>;
  write: (name: string, data: string | Uint8Array) => Promise<string>;
} {
  let dir: string | null = null;
  const ready = async (): Promise<string> => (dir ??= await mkdtemp(join(tmpdir(), prefix)));
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return {
    path: async (name) => join(await ready(), name),
    write: async (name, data) => {
      const file = join(await ready(), name);
      await writeFile(file, data);
      return file;
    },
  };
}

/** Every data row of a row source, in order (fine for small fixtures; large ones should stream). */
export async function allRows(source: RowSource): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const batch of source.batches) for (const r of batch) if (!isBlankRow(r)) rows.push(r);
  return rows;
}

/** Every row after the header with its spreadsheet row number, blank rows left out. */
export async function numberedRows(source: RowSource): Promise<[number, string[]][]> {
  const rows: [number, string[]][] = [];
  let n = source.headerRowNumber;
  for await (const batch of source.batches) {
    for (const r of batch) {
      n++;
      if (!isBlankRow(r)) rows.push([n, r]);
    }
  }
  return rows;
}

/** The thrown value of an async call, or a failure when it does not throw. */
export async function rejectionOf(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the promise to reject');
}
