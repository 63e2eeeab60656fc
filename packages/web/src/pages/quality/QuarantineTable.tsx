import type { QuarantinePage } from '../../api/types.js';
import { useLang } from '../../i18n/lang-context.js';

/** Quarantined rows: file, spreadsheet row, reasons, and the offending columns with their values. */
export function QuarantineTable({ page }: { page: QuarantinePage }) {
  const { t, fmt } = useLang();
  if (page.rows.length === 0) return <p>{t('quality.none')}</p>;
  return (
    <div className="table-scroll">
      <table data-testid="quarantine">
        <thead>
          <tr>
            <th scope="col">{t('quality.file')}</th>
            <th scope="col" className="num">
              {t('quality.row')}
            </th>
            <th scope="col">{t('quality.reason')}</th>
            <th scope="col">{t('quality.column')}</th>
            <th scope="col">{t('quality.value')}</th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map((r) => (
            <tr key={`${r.importId}-${r.row}`}>
              <td>{r.file}</td>
              <td className="num">{fmt.count(r.row)}</td>
              <td>{r.reasonLabels.join('; ')}</td>
              <td>{r.columns.join(', ')}</td>
              <td>{r.values.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
