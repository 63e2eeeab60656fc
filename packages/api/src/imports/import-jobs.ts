import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isVigiaError, VigiaError, type Locale } from '@vigia/domain';
import { importIncidents, type ImportSummary } from '@vigia/services';
import type { Store } from '@vigia/store';

/** State of an uploaded import, as GET /api/v1/imports/{jobId} reports it. */
export interface ImportJobState {
  jobId: string;
  state: 'queued' | 'running' | 'merging' | 'done' | 'failed';
  file: string;
  profile: string;
  /** Bytes of the upload read so far and in all (a progress bar is bytesRead / totalBytes). */
  bytesRead: number;
  totalBytes: number;
  summary: ImportSummary | null;
  error: { code: string; message: string } | null;
  /** Language of the error message (the uploader's). */
  locale: Locale;
}

/**
 * Runs uploaded imports one at a time (a store has one writer; queued jobs wait their turn) with the
 * same pipeline as `vigia import incidents`, keeping each job's progress and outcome in memory until the
 * server restarts. Uploaded files live in a private temporary folder and are deleted when their job ends.
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
  ) {}

  /** A fresh folder for one upload's files. */
  async newUploadDir(): Promise<{ jobId: string; dir: string }> {
    const jobId = randomUUID();
    const dir = join(this.uploadRoot, jobId);
    await mkdir(dir, { recursive: true });
    return { jobId, dir };
  }

  /** Queues the import of an uploaded file and returns its state (queued). */
  enqueue(input: {
    jobId: string;
    dir: string;
    path: string;
    file: string;
    size: number;
    profile: string;
    mappingFile?: string | undefined;
    locale: Locale;
  }): ImportJobState {
    const job: ImportJobState = {
      jobId: input.jobId,
      state: 'queued',
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

  private async run(
    job: ImportJobState,
    input: { dir: string; path: string; profile: string; mappingFile?: string | undefined },
  ): Promise<void> {
    job.state = 'running';
    try {
      job.summary = await importIncidents(this.store, {
        file: input.path,
        profile: input.profile,
        mappingFile: input.mappingFile,
        nowMs: this.now(),
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
      job.error = isVigiaError(e)
        ? { code: e.code, message: e.messageIn(job.locale) }
        : {
            code: 'INTERNAL',
            message: new VigiaError('INTERNAL', { detail: String(e) }).messageIn(job.locale),
          };
    } finally {
      this.changed();
      await rm(input.dir, { recursive: true, force: true });
    }
  }
}
