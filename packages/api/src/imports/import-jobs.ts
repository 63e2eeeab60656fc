import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isVigiaError, VigiaError, type Locale } from '@vigia/domain';
import type { ImportKind } from '@vigia/ingest';
import {
  importCalls,
  importIncidents,
  type CallImportSummary,
  type ImportIncidentsInput,
  type ImportSummary,
} from '@vigia/services';
import type { Store } from '@vigia/store';
import type { SavedUpload } from './read-upload.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The service each kind of upload runs: the one behind `vigia import incidents` / `vigia import calls`. */
const IMPORTERS: Record<
  ImportKind,
  (store: Store, input: ImportIncidentsInput) => Promise<ImportSummary | CallImportSummary>
> = { incidents: importIncidents, calls: importCalls };

/** An upload saved and checked (readUpload), with its job id and folder, the uploader and their language. */
export interface QueuedUpload extends SavedUpload {
  jobId: string;
  dir: string;
  locale: Locale;
  /** Who uploaded (actorOf the request), for the import's audit row. */
  actor: string;
}

/** State of an uploaded import, as GET /api/v1/imports/{jobId} reports it. */
export interface ImportJobState {
  jobId: string;
  state: 'queued' | 'running' | 'merging' | 'done' | 'failed';
  /** What the file holds: incidents or calls for service. */
  kind: ImportKind;
  file: string;
  profile: string;
  /** Bytes of the upload read so far and in all (a progress bar is bytesRead / totalBytes). */
  bytesRead: number;
  totalBytes: number;
  /** As `vigia import <kind> --json` prints it. */
  summary: ImportSummary | CallImportSummary | null;
  error: { code: string; message: string } | null;
  /** Language of the error message (the uploader's). */
  locale: Locale;
}

/**
 * Runs uploaded imports one at a time (a store has one writer; queued jobs wait their turn) with the
 * same pipeline as `vigia import incidents` or `vigia import calls` (by the upload's kind), keeping each
 * job's progress and outcome in memory until the server restarts. Uploaded files live in a private temporary folder and are deleted when their job ends.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, ImportJobState>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly uploadRoot: string,
    private readonly now: () => number,
    /** Called after every job that ended (the data may have changed). */
    private readonly changed: () => void = () => undefined,
    /** Told about failures that are not catalogued errors (the server log). */
    private readonly logError: (e: unknown) => void = () => undefined,
  ) {}

  /** A fresh folder for one upload's files, readable by this user only. */
  async newUploadDir(): Promise<{ jobId: string; dir: string }> {
    const jobId = randomUUID();
    const dir = join(this.uploadRoot, jobId);
    await mkdir(this.uploadRoot, { recursive: true, mode: 0o700 });
    await mkdir(dir, { mode: 0o700 });
    return { jobId, dir };
  }

  /**
   * Removes upload folders left by a server that was killed mid-import (older than a day, so a folder
   * in use by another server process sharing the root is never touched). Best effort.
   */
  async removeStaleUploads(now: number = Date.now()): Promise<number> {
    let removed = 0;
    const entries = await readdir(this.uploadRoot, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (!e.isDirectory() || !UUID.test(e.name)) continue;
      const path = join(this.uploadRoot, e.name);
      const info = await stat(path).catch(() => null);
      if (info && now - info.mtimeMs > 86_400_000) {
        await rm(path, { recursive: true, force: true });
        removed++;
      }
    }
    return removed;
  }

  /** Queues the import of an uploaded file and returns its state (queued). */
  enqueue(input: QueuedUpload): ImportJobState {
    const job: ImportJobState = {
      jobId: input.jobId,
      state: 'queued',
      kind: input.kind,
      file: input.file,
      profile: input.profile,
      bytesRead: 0,
      totalBytes: input.size,
      summary: null,
      error: null,
      locale: input.locale,
    };
    this.jobs.set(job.jobId, job);
    this.queue = this.queue.then(() => this.run(job, input));
    return job;
  }

  /** @throws VigiaError IMPORT_JOB_NOT_FOUND. */
  get(jobId: string): ImportJobState {
    const job = this.jobs.get(jobId);
    if (!job) throw new VigiaError('IMPORT_JOB_NOT_FOUND', { value: jobId });
    return job;
  }

  /** Resolves once every queued job has ended (tests, shutdown). */
  idle(): Promise<void> {
    return this.queue;
  }

  private async run(job: ImportJobState, input: QueuedUpload): Promise<void> {
    job.state = 'running';
    try {
      job.summary = await IMPORTERS[input.kind](this.store, {
        file: input.path,
        profile: input.profile,
        mappingFile: input.mappingFile,
        nowMs: this.now(),
        actor: input.actor,
        onProgress: (read, total) => {
          job.bytesRead = read;
          job.totalBytes = total;
        },
        onMerge: () => {
          job.state = 'merging';
        },
      });
      job.bytesRead = job.totalBytes;
      job.state = 'done';
    } catch (e) {
      job.state = 'failed';
      if (!isVigiaError(e)) this.logError(e);
      // Messages name files by the names the user sent, never by the server's temporary paths.
      const own = (text: string): string => {
        let out = text.replaceAll(input.path, input.file);
        if (input.mappingFile) out = out.replaceAll(input.mappingFile, input.mappingName ?? 'mapping.json');
        return out.replaceAll(input.dir, '');
      };
      job.error = isVigiaError(e)
        ? { code: e.code, message: own(e.messageIn(job.locale)) }
        : {
            code: 'INTERNAL',
            message: new VigiaError('INTERNAL', { detail: 'import' }).messageIn(job.locale),
          };
    } finally {
      this.changed();
      await rm(input.dir, { recursive: true, force: true });
    }
  }
}
