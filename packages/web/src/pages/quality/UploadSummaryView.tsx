import { useApp } from '../../app/app-context.js';
import { useLang } from '../../i18n/lang-context.js';
import { CountTable } from './CountTable.js';
import type { UploadSummary } from './upload-summary.js';

/**
 * The summary of a finished upload, the same for both kinds: the five counts and whether they
 * reconcile, quarantine by reason with a button that shows those rows, and for calls for service the
 * calls, those left out of response times, the interval flags and a link to the police response page.
 */
export function UploadSummaryView({
  s,
  onShowQuarantine,
}: {
  s: UploadSummary;
  onShowQuarantine: (importId: number) => void;
}) {
  const { t, fmt } = useLang();
  const { go } = useApp();
  const counts = { read: s.read, stored: s.stored, updated: s.updated, unchanged: s.unchanged };
  const n = (v: number) => fmt.count(v);
  return (
    <div className="upload-summary" data-testid="upload-summary" data-kind={s.kind}>
      <dl className="cards">
        {Object.entries({ ...counts, quarantined: s.quarantined }).map(([k, v]) => (
          <div key={k} className="card" data-figure={k}>
            <dt>{t(`upload.${k}`)}</dt>
            <dd>{n(v)}</dd>
          </div>
        ))}
      </dl>
      <p className={s.reconciles ? 'note' : 'status error'} data-testid="reconciliation">
        {t(s.reconciles ? 'upload.reconciles' : 'upload.notReconciled', {
          read: n(s.read),
          stored: n(s.stored),
          updated: n(s.updated),
          unchanged: n(s.unchanged),
          quarantined: n(s.quarantined),
        })}
      </p>
      {s.calls && (
        <p data-testid="call-figures">
          {t('upload.calls', { count: n(s.calls.calls) })}{' '}
          {t('upload.callTimes', {
            officer: n(s.calls.officerInitiated),
            noOnScene: n(s.calls.noOnScene),
            dateOnly: n(s.calls.dateOnly),
          })}
        </p>
      )}
      <div className="two-col">
        <CountTable
          heading="h3"
          title={t('upload.reasons')}
          empty={t('upload.noReasons')}
          rows={s.reasons}
          testId="reasons"
        />
        {s.calls && (
          <CountTable
            heading="h3"
            title={t('upload.flags')}
            empty={t('upload.noFlags')}
            rows={s.calls.flags}
            testId="flags"
          />
        )}
      </div>
      <p className="actions">
        {s.quarantined > 0 && (
          <button type="button" onClick={() => onShowQuarantine(s.importId)} data-testid="show-quarantine">
            {t('upload.showQuarantine', { count: n(s.quarantined) })}
          </button>
        )}{' '}
        {s.calls && s.calls.calls > 0 && (
          <button type="button" className="link" onClick={() => go('response')}>
            {t('upload.openResponse')}
          </button>
        )}
      </p>
    </div>
  );
}
