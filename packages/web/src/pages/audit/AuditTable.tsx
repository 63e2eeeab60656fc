import type { AuditRow } from '../../api/types.js';
import { useLang } from '../../i18n/lang-context.js';
import { auditDiff } from './audit-diff.js';

/** Audit rows newest first: number, time in the agency zone, who, action, target, and what changed. */
export function AuditTable({ rows, timeZone }: { rows: AuditRow[]; timeZone: string }) {
  const { t, fmt } = useLang();
  return (
    <div className="table-scroll">
      <table data-testid="audit">
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('audit.seq')}
            </th>
            <th scope="col">{t('audit.when')}</th>
            <th scope="col">{t('audit.actor')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('audit.target')}</th>
            <th scope="col">{t('audit.change')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.seq} data-action={r.action}>
              <td className="num">{r.seq}</td>
              <td title={r.at}>{fmt.instant(r.at, timeZone)}</td>
              <td>{r.actor}</td>
              <td>
                <code>{r.action}</code>
              </td>
              <td>{r.target}</td>
              <td>
                <ul className="audit-diff">
                  {auditDiff(r.before, r.after).map((c) => (
                    <li key={c.field}>
                      {c.field && <code>{c.field}</code>}
                      {c.field && ': '}
                      {c.before !== null && <del>{c.before}</del>}
                      {c.before !== null && c.after !== null && ' → '}
                      {c.after !== null && <ins>{c.after}</ins>}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
