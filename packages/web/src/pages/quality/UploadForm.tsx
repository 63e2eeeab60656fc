import { useEffect, useState, type FormEvent } from 'react';
import { apiUrl, getJson, postForm } from '../../api/client.js';
import type { ImportJob, ImportKind } from '../../api/types.js';
import { Select } from '../../components/Select.js';
import { useLang } from '../../i18n/lang-context.js';
import { uploadSummary } from './upload-summary.js';
import { UploadSummaryView } from './UploadSummaryView.js';

/**
 * Import profiles the server knows for each kind (README; `vigia import incidents|calls --profile`).
 * `generic` reads the columns a mapping file names, so it asks for that file too.
 */
const PROFILES: Record<ImportKind, readonly string[]> = {
  incidents: ['chicago-code', 'houston', 'medellin', 'nyc-homicides', 'generic'],
  calls: ['seattle-cad', 'sacramento-cad', 'generic'],
};
const KINDS: readonly ImportKind[] = ['incidents', 'calls'];
const POLL_MS = 700;

/**
 * Upload form: the user says what the file holds (incidents or calls for service) and picks a profile of
 * that kind (generic with a mapping file), then POST /imports (multipart kind, profile, file[, mapping])
 * and polls GET /imports/{jobId} for a progress bar (bytes read of the file) and the import summary.
 * Calls `onDone` when a job ends, and `onShowQuarantine` with the import id to list its quarantined rows.
 */
export function UploadForm({
  onDone,
  onShowQuarantine,
}: {
  onDone: () => void;
  onShowQuarantine: (importId: number, file: string) => void;
}) {
  const { t, lang } = useLang();
  const [kind, setKind] = useState<ImportKind>('incidents');
  const [profile, setProfile] = useState(PROFILES.incidents[0]!);
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<File | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!job || job.state === 'done' || job.state === 'failed') return;
    const timer = setTimeout(() => {
      getJson<ImportJob>(apiUrl(`/imports/${encodeURIComponent(job.jobId)}`, {}, lang)).then(
        (next) => {
          setJob(next);
          if (next.state === 'done' || next.state === 'failed') onDone();
        },
        (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
      );
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [job, lang, onDone]);

  const chooseKind = (k: ImportKind) => {
    setKind(k);
    setProfile(PROFILES[k][0]!);
  };
  const generic = profile === 'generic';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file || (generic && !mapping)) return;
    const form = new FormData();
    form.append('kind', kind);
    form.append('profile', profile);
    if (generic && mapping) form.append('mapping', mapping, mapping.name);
    form.append('file', file, file.name);
    setError(null);
    setJob(null);
    postForm<ImportJob>(apiUrl('/imports', {}, lang), form).then(setJob, (err: unknown) =>
      setError(err instanceof Error ? err.message : String(err)),
    );
  };
  const busy = job !== null && job.state !== 'done' && job.state !== 'failed';
  const summary = job ? uploadSummary(job) : null;
  return (
    <form className="upload" onSubmit={submit} data-testid="upload">
      <h2>{t('upload.title')}</h2>
      <div className="controls">
        <Select
          name="kind"
          label={t('upload.kind')}
          value={kind}
          options={KINDS.map((k) => ({ value: k, label: t(`upload.kind_${k}`) }))}
          onChange={(v) => chooseKind(v === 'calls' ? 'calls' : 'incidents')}
        />
        <Select
          name="profile"
          label={t('upload.profile')}
          value={profile}
          options={PROFILES[kind].map((p) => ({
            value: p,
            label: p === 'generic' ? t('upload.generic') : p,
          }))}
          onChange={setProfile}
        />
        <label className="field">
          <span>{t('upload.file')}</span>
          <input
            type="file"
            name="file"
            accept=".csv,.tsv,.txt,.xlsx"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </label>
        {generic && (
          <label className="field">
            <span>{t('upload.mapping')}</span>
            <input
              type="file"
              name="mapping"
              accept=".json,application/json"
              onChange={(e) => setMapping(e.target.files?.[0] ?? null)}
            />
          </label>
        )}
        <button type="submit" disabled={!file || (generic && !mapping) || busy}>
          {t('upload.submit')}
        </button>
      </div>
      {generic && <p className="muted">{t('upload.mappingHelp')}</p>}
      {job && (
        <div className="job" aria-live="polite" data-state={job.state}>
          <progress
            max={Math.max(job.totalBytes, 1)}
            value={job.state === 'done' ? job.totalBytes : job.bytesRead}
          />{' '}
          <span>
            {t(`upload.state_${job.state}`)} — {job.file} ({t(`upload.kind_${job.kind}`)}, {job.profile})
          </span>
          {job.error && (
            <p className="status error" role="alert">
              {job.error.message}
            </p>
          )}
          {summary && (
            <UploadSummaryView s={summary} onShowQuarantine={(id) => onShowQuarantine(id, job.file)} />
          )}
        </div>
      )}
      {error && (
        <p className="status error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
