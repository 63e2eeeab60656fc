import { useEffect, useState, type FormEvent } from 'react';
import { apiUrl, getJson, postForm } from '../../api/client.js';
import type { ImportJob } from '../../api/types.js';
import { useLang } from '../../i18n/lang-context.js';

/** Import profiles the server knows (README); `generic` needs a mapping file, so it is not offered here. */
const PROFILES = ['chicago-code', 'houston', 'medellin', 'nyc-homicides'];
const POLL_MS = 700;

/**
 * Upload form: POST /imports (multipart file + profile), then polls GET /imports/{jobId} for a
 * progress bar (bytes read of the file) and the import summary. Calls `onDone` when the job ends.
 */
export function UploadForm({ onDone }: { onDone: () => void }) {
  const { t, lang, fmt } = useLang();
  const [file, setFile] = useState<File | null>(null);
  const [profile, setProfile] = useState(PROFILES[0] ?? '');
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

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    const form = new FormData();
    form.append('profile', profile);
    form.append('file', file, file.name);
    setError(null);
    setJob(null);
    postForm<ImportJob>(apiUrl('/imports', {}, lang), form).then(setJob, (err: unknown) =>
      setError(err instanceof Error ? err.message : String(err)),
    );
  };
  const busy = job !== null && job.state !== 'done' && job.state !== 'failed';
  const s = job?.summary as Record<string, number> | null | undefined;
  return (
    <form className="upload" onSubmit={submit} data-testid="upload">
      <h2>{t('upload.title')}</h2>
      <div className="controls">
        <label className="field">
          <span>{t('upload.file')}</span>
          <input
            type="file"
            name="file"
            accept=".csv,.tsv,.txt,.xlsx"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </label>
        <label className="field">
          <span>{t('upload.profile')}</span>
          <select name="profile" value={profile} onChange={(e) => setProfile(e.target.value)}>
            {PROFILES.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={!file || busy}>
          {t('upload.submit')}
        </button>
      </div>
      {job && (
        <div className="job" aria-live="polite">
          <progress
            max={Math.max(job.totalBytes, 1)}
            value={job.state === 'done' ? job.totalBytes : job.bytesRead}
          />{' '}
          <span>{t(`upload.state_${job.state}`)}</span>
          {job.error && (
            <p className="status error" role="alert">
              {job.error.message}
            </p>
          )}
          {s && (
            <p>
              {t('upload.summary', {
                read: fmt.count(Number(s['read'] ?? 0)),
                stored: fmt.count(Number(s['stored'] ?? 0)),
                updated: fmt.count(Number(s['updated'] ?? 0)),
                unchanged: fmt.count(Number(s['unchanged'] ?? 0)),
                quarantined: fmt.count(Number(s['quarantined'] ?? 0)),
              })}
            </p>
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
