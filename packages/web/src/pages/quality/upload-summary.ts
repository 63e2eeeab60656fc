import type { ImportJob, ImportKind } from '../../api/types.js';

/** One counted code of a summary (a quarantine reason or an interval flag) with its label. */
export interface CodeCount {
  code: string;
  label: string;
  count: number;
}

/**
 * What the upload form shows of a finished import, read from the job's summary (the JSON of
 * `vigia import incidents|calls --json`): the reconciliation, quarantine by reason, and for calls the
 * call count, the calls left out of response times and the interval flags.
 */
export interface UploadSummary {
  kind: ImportKind;
  importId: number;
  read: number;
  stored: number;
  updated: number;
  unchanged: number;
  quarantined: number;
  /** read = stored + updated + unchanged + quarantined: every row is accounted for. */
  reconciles: boolean;
  reasons: CodeCount[];
  /** Calls only (null for incidents). */
  calls: {
    calls: number;
    officerInitiated: number;
    noOnScene: number;
    dateOnly: number;
    flags: CodeCount[];
  } | null;
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** `{ CODE: count }` as rows, most first, labelled from the job's labels (the code when none). */
function codeCounts(v: unknown, labels: Record<string, string>): CodeCount[] {
  if (typeof v !== 'object' || v === null) return [];
  return Object.entries(v as Record<string, unknown>)
    .map(([code, count]) => ({ code, label: labels[code] ?? code, count: num(count) }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}

/** The summary of a job that ended well, or null while it runs or when it failed. */
export function uploadSummary(job: ImportJob): UploadSummary | null {
  const s = job.summary;
  if (job.state !== 'done' || s === null) return null;
  const [read, stored, updated, unchanged, quarantined] = [
    s['read'],
    s['stored'],
    s['updated'],
    s['unchanged'],
    s['quarantined'],
  ].map(num) as [number, number, number, number, number];
  return {
    kind: job.kind,
    importId: num(s['importId']),
    read,
    stored,
    updated,
    unchanged,
    quarantined,
    reconciles: read === stored + updated + unchanged + quarantined,
    reasons: codeCounts(s['quarantineReasons'], job.labels),
    calls:
      job.kind === 'calls'
        ? {
            calls: num(s['calls']),
            officerInitiated: num(s['officerInitiated']),
            noOnScene: num(s['noOnScene']),
            dateOnly: num(s['dateOnly']),
            flags: codeCounts(s['intervalFlags'], job.labels),
          }
        : null,
  };
}
