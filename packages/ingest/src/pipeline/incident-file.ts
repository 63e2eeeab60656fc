import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { VigiaError, type ErrorCode } from '@vigia/domain';
import { BatchPlacer } from '../placement/batch-placer.js';
import type { PlacementRules, PlacementUnit } from '../placement/place-incident.js';
import type { ImportMapping } from '../profiles/mapping.js';
import { openRowSource } from '../readers/open-row-source.js';
import { IncidentRows, type IncidentRowsChunk, type IncidentRowsSummary } from './incident-rows.js';

/** What an incident import reads: the file, how to map it, and where its rows can be placed. */
export interface IncidentFileInput {
  file: string;
  mapping: ImportMapping;
  /** IANA zone of the agency (used unless the mapping names another). */
  agencyTimeZone: string;
  /** "Now" (UTC epoch ms): later occurrences are quarantined. */
  nowMs: number;
  units: readonly PlacementUnit[];
  rules: PlacementRules;
}

/** A stretch of the file's rows, mapped and placed, and how many bytes of the file are read so far. */
export interface IncidentFileChunk extends IncidentRowsChunk {
  bytesRead: number;
}

/** An incident export being read (see {@link openIncidentFile}). */
export interface IncidentFileReader {
  header: string[];
  detected: { encoding: string; delimiter: string };
  totalBytes: number;
  /** True when the rows are mapped on a worker thread. */
  onWorker: boolean;
  /** The rows in file order. Consume them once. */
  chunks: AsyncIterable<IncidentFileChunk>;
  /** Summary figures of all rows: valid once `chunks` is exhausted. */
  summary(): IncidentRowsSummary;
  /** Stops reading early (the worker, if any, ends). Safe to call more than once. */
  close(): Promise<void>;
}

/**
 * Files at least this large (~350,000 rows of a typical export) are mapped on a worker thread. A
 * worker costs ~0.2 s to start (loading the readers, compiling anew) and saves the caller's thread
 * ~0.5 µs a row (staging rows while the worker maps the next ones): smaller files do not repay it. Either way DuckDB inserts on its own threads while the rows are mapped.
 */
const WORKER_MIN_BYTES = 16 << 20;
/** Chunks the worker may send ahead of the consumer: bounds memory whatever the file size. */
export const WORKER_CREDITS = 4;

/**
 * Opens an incident export and maps, validates and places its rows, on a worker thread (the second core
 * reads and maps while the caller's thread places and stores) for files of 16 MiB or more, or in the
 * caller's thread.
 * `worker` forces one or the other (tests); a missing built worker script means the caller's thread.
 * The results are the same either way.
 *
 * @throws VigiaError as openRowSource and compileRowMapper do (file, header and mapping problems),
 *   before any row is read; CSV_MALFORMED and read errors come from iterating `chunks`.
 */
export async function openIncidentFile(
  input: IncidentFileInput,
  options: { worker?: boolean } = {},
): Promise<IncidentFileReader> {
  const script = workerScript();
  let useWorker = options.worker ?? null;
  if (useWorker === null) {
    const size = await stat(input.file).then(
      (s) => s.size,
      () => 0, // a missing file: the reader says so
    );
    useWorker = size >= WORKER_MIN_BYTES;
  }
  if (useWorker && script !== null) return openOnWorker(input, script);
  return openInThread(input);
}

/** The built worker script (tests run the TypeScript sources: then the one in dist/, if built). */
function workerScript(): URL | null {
  const name = 'incident-file-worker.js';
  const url = import.meta.url.endsWith('.ts')
    ? new URL(`../../dist/pipeline/${name}`, import.meta.url)
    : new URL(`./${name}`, import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : null;
}

/**
 * {@link openIncidentFile} in the caller's thread. `options.place: false` leaves the rows unplaced
 * and the summary's placement figures 0 (the worker's way: see {@link openOnWorker}).
 */
export async function openInThread(
  input: IncidentFileInput,
  options: { place?: boolean } = {},
): Promise<IncidentFileReader> {
  const source = await openRowSource(input.file, input.mapping);
  const rows = new IncidentRows({
    mapping: input.mapping,
    header: source.header,
    mapper: {
      file: basename(input.file),
      agencyTimeZone: input.agencyTimeZone,
      nowMs: input.nowMs,
      fromSpreadsheet: source.fromSpreadsheet,
    },
    units: input.units,
    rules: input.rules,
    fileBytes: source.totalBytes,
    place: options.place ?? true,
  });
  async function* chunks(): AsyncGenerator<IncidentFileChunk> {
    let rowNo = source.headerRowNumber;
    for await (const batch of source.batches) {
      for (const fields of batch) {
        rowNo++;
        if (rows.add(rowNo, fields)) yield { ...rows.take(), bytesRead: source.bytesRead() };
      }
    }
    if (rows.pending > 0) yield { ...rows.take(), bytesRead: source.bytesRead() };
  }
  return {
    header: source.header,
    detected: source.detected,
    totalBytes: source.totalBytes,
    onWorker: false,
    chunks: chunks(),
    summary: () => rows.summary,
    close: () => Promise.resolve(),
  };
}

/** Messages of the worker thread (see incident-file-worker.ts). */
export type WorkerMessage =
  | { type: 'ready'; header: string[]; detected: { encoding: string; delimiter: string }; totalBytes: number }
  | { type: 'chunk'; chunk: IncidentFileChunk }
  | { type: 'done'; summary: IncidentRowsSummary }
  | { type: 'error'; error: SerializedError };

/** An error as it crosses threads: a VigiaError keeps its code and parameters. */
export interface SerializedError {
  message: string;
  code?: string;
  params?: Record<string, string | number>;
}

/** @see SerializedError */
export function serializeError(e: unknown): SerializedError {
  if (e instanceof VigiaError) return { message: e.message, code: e.code, params: { ...e.params } };
  return { message: e instanceof Error ? e.message : String(e) };
}

function deserializeError(e: SerializedError): Error {
  return e.code ? new VigiaError(e.code as ErrorCode, e.params ?? {}) : new Error(e.message);
}

/**
 * The process's Node options minus the "@vigia/source" export condition: the worker runs the built
 * JavaScript, whose imports must resolve to the built packages too (tests run with that condition).
 */
function builtExecArgv(): string[] {
  const out: string[] = [];
  const argv = process.execArgv;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if ((a === '--conditions' || a === '-C') && argv[i + 1] === SOURCE_CONDITION) i++;
    else if (a !== `--conditions=${SOURCE_CONDITION}`) out.push(a);
  }
  return out;
}

const SOURCE_CONDITION = '@vigia/source';

/**
 * {@link openIncidentFile} on a worker thread, which reads, maps and validates the rows; their
 * placement in the units (point in polygon) is done here, in the thread that stores them, by a
 * {@link BatchPlacer} on each chunk: the worker's thread bounds the import's speed, and this one has
 * time to spare while DuckDB inserts (measured: ~1.5 µs a row off the worker). The worker is sent no
 * units (their polygons need not be copied to it).
 */
async function openOnWorker(input: IncidentFileInput, script: URL): Promise<IncidentFileReader> {
  const workerData: IncidentFileInput = { ...input, units: [] };
  const worker = new Worker(script, { workerData, execArgv: builtExecArgv() });
  const placer = new BatchPlacer(input.units, input.rules);
  const queue: WorkerMessage[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  let exited = false;
  worker.on('message', (m: WorkerMessage) => {
    queue.push(m);
    wake?.();
  });
  worker.on('error', (e) => {
    failure ??= e;
    wake?.();
  });
  worker.on('exit', () => {
    exited = true;
    wake?.();
  });
  const next = async (): Promise<WorkerMessage> => {
    for (;;) {
      const m = queue.shift();
      if (m) {
        if (m.type === 'error') throw deserializeError(m.error);
        return m;
      }
      if (failure) throw failure;
      if (exited) throw new Error('the import worker stopped unexpectedly');
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
  };
  const close = async () => {
    if (!exited) await worker.terminate();
  };
  let ready: WorkerMessage;
  try {
    ready = await next();
  } catch (e) {
    await close();
    throw e;
  }
  if (ready.type !== 'ready') throw new Error(`unexpected ${ready.type} from the import worker`);
  let summary: IncidentRowsSummary | null = null;
  async function* chunks(): AsyncGenerator<IncidentFileChunk> {
    try {
      for (;;) {
        const m = await next();
        if (m.type === 'done') {
          summary = { ...m.summary, ...placer.counts };
          return;
        }
        if (m.type !== 'chunk') throw new Error(`unexpected ${m.type} from the import worker`);
        placer.place(m.chunk.batch);
        yield m.chunk;
        worker.postMessage('ack');
      }
    } finally {
      await close();
    }
  }
  return {
    header: ready.header,
    detected: ready.detected,
    totalBytes: ready.totalBytes,
    onWorker: true,
    chunks: chunks(),
    summary: () => {
      if (!summary) throw new Error('the import worker has not finished');
      return summary;
    },
    close,
  };
}
