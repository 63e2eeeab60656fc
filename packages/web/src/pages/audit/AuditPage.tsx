import { useState, type FormEvent } from 'react';
import { ApiError, apiUrl } from '../../api/client.js';
import type { AuditPage as AuditPageData, AuditVerification } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { useApp } from '../../app/app-context.js';
import { StatusBox } from '../../components/StatusBox.js';
import { useLang } from '../../i18n/lang-context.js';
import { AuditTable } from './AuditTable.js';
import { zonedDayStart } from './zoned-day.js';

/** Action prefixes offered in the filter (any `<thing>.` prefix works on the server). */
const KINDS = ['import', 'units', 'incidents', 'agency', 'store', 'export', 'user', 'session', 'meeting'];
const PAGE_SIZE = 50;

/** The server refused: no session (401) or a role without `audit.read` (403). */
function isRefusal(e: Error | null): e is ApiError {
  return e instanceof ApiError && (e.status === 401 || e.status === 403);
}
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The audit log for administrators (route parameters `actor`, `action` prefix, `from` and `to` as local
 * dates of the agency, inclusive, and `before` for paging): newest first, 50 rows a page, each with
 * its change as a compact diff; and the chain check of `vigia audit verify`. The server decides who
 * may read it (`audit.read`: administrators): when it answers 401 or 403, the page says the log is for
 * administrators, with the server's reason.
 */
export function AuditPage() {
  const { agency, params, go } = useApp();
  const { t, lang } = useLang();
  const { actor, action, from, to, before } = params;
  const tz = agency.timeZone;
  const page = useApi<AuditPageData>(
    apiUrl(
      '/audit',
      {
        actor,
        action,
        from: from && DAY.test(from) ? zonedDayStart(from, tz) : undefined,
        to: to && DAY.test(to) ? zonedDayStart(to, tz, 1) : undefined,
        beforeSeq: before,
        limit: PAGE_SIZE,
      },
      lang,
    ),
  );
  const [checks, setChecks] = useState(0);
  const verification = useApi<AuditVerification>(
    checks > 0 ? apiUrl('/audit/verify', {}, lang) : null,
    checks,
  );
  const [draft, setDraft] = useState({
    actor: actor ?? '',
    action: action ?? '',
    from: from ?? '',
    to: to ?? '',
  });
  const apply = (e: FormEvent) => {
    e.preventDefault();
    go('audit', { ...draft, before: undefined });
  };
  const field = (name: keyof typeof draft) => ({
    name,
    value: draft[name],
    onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [name]: e.target.value }),
  });

  return (
    <section className="page">
      <h1>{t('audit.title')}</h1>
      <p className="muted">{t('audit.intro')}</p>
      <form className="controls" onSubmit={apply} data-testid="audit-filters">
        <label className="field">
          <span>{t('audit.actor')}</span>
          <input type="text" placeholder={t('audit.actorPlaceholder')} {...field('actor')} />
        </label>
        <label className="field">
          <span>{t('audit.action')}</span>
          <select {...field('action')}>
            <option value="">{t('audit.allActions')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`audit.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('audit.from')}</span>
          <input type="date" {...field('from')} />
        </label>
        <label className="field">
          <span>{t('audit.to')}</span>
          <input type="date" {...field('to')} />
        </label>
        <button type="submit">{t('audit.apply')}</button>
        <button
          type="button"
          className="link"
          onClick={() => {
            setDraft({ actor: '', action: '', from: '', to: '' });
            go('audit', {});
          }}
        >
          {t('audit.clear')}
        </button>
        <button type="button" onClick={() => setChecks((n) => n + 1)} data-testid="audit-verify">
          {t('audit.verify')}
        </button>
      </form>
      {checks > 0 && <StatusBox loading={verification.loading} error={verification.error} />}
      {verification.data && !verification.loading && (
        <div
          className={verification.data.ok ? 'status' : 'status error'}
          role="status"
          data-testid="audit-verification"
        >
          {[...verification.data.problems, ...verification.data.findings].map((m) => (
            <p key={m}>{m}</p>
          ))}
        </div>
      )}
      {isRefusal(page.error) ? (
        <p className="status" role="alert" data-testid="audit-restricted">
          {t('audit.restricted')} {page.error.message}
        </p>
      ) : (
        <StatusBox loading={page.loading} error={page.error} />
      )}
      {page.data &&
        (page.data.rows.length === 0 ? (
          <p>{t('audit.none')}</p>
        ) : (
          <AuditTable rows={page.data.rows} timeZone={tz} />
        ))}
      <p className="controls">
        {before !== undefined && (
          <button type="button" onClick={() => go('audit', { ...params, before: undefined })}>
            {t('audit.newest')}
          </button>
        )}
        {page.data?.nextBeforeSeq != null && (
          <button
            type="button"
            onClick={() => go('audit', { ...params, before: String(page.data?.nextBeforeSeq) })}
          >
            {t('audit.older')}
          </button>
        )}
      </p>
    </section>
  );
}
