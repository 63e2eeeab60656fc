import { useApp } from '../../app/app-context.js';
import { useLang } from '../../i18n/lang-context.js';
import type { CodeCount, UploadSummary } from './upload-summary.js';

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
        <CodeTable
          title={t('upload.reasons')}
          none={t('upload.noReasons')}
          rows={s.reasons}
          testId="reasons"
        />
        {s.calls && (
          <CodeTable
            title={t('upload.flags')}
            none={t('upload.noFlags')}
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

/** A titled table of codes (label, count), or a line saying there are none. */
function CodeTable({
  title,
  none,
  rows,
  testId,
}: {
  title: string;
  none: string;
  rows: CodeCount[];
  testId: string;
}) {
  const { fmt } = useLang();
  return (
    <div>
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p data-testid={testId}>{none}</p>
      ) : (
        <table data-testid={testId}>
          <tbody>
            {rows.map((r) => (
              <tr key={r.code} data-code={r.code}>
                <th scope="row">{r.label}</th>
                <td className="num">{fmt.count(r.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
