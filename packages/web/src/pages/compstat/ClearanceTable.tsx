import type { Clearance, ClearanceRow } from '../../api/types.js';
import { useLang } from '../../i18n/lang-context.js';
import { WINDOWS } from './book-rows.js';

/** One window of a row: flagged incidents, arrests, rate, and last year's rate. */
function Cells({ c, win }: { c: { current: Clearance; previous: Clearance }; win: string }) {
  const { fmt } = useLang();
  const rate = (r: number | null) => (r === null ? '—' : fmt.share(r));
  return (
    <>
      <td className="num" data-col={`${win}-flagged`}>
        {fmt.count(c.current.withArrestData)}
      </td>
      <td className="num" data-col={`${win}-arrests`}>
        {fmt.count(c.current.clearedByArrest)}
      </td>
      <td className="num" data-col={`${win}-rate`}>
        {rate(c.current.clearanceRate)}
      </td>
      <td className="num muted" data-col={`${win}-prior-rate`}>
        {rate(c.previous.clearanceRate)}
      </td>
    </>
  );
}

/**
 * Cleared by arrest, one row per unit of the book: for each window (WTD, 28 days, YTD) the incidents
 * whose source says whether there was an arrest, those cleared by arrest, the rate and last year's rate
 * ("—" when no incident carries the flag). Shown only when the report has an enforcement section.
 */
export function ClearanceTable({ rows }: { rows: ClearanceRow[] }) {
  const { t } = useLang();
  const unitLabel = (r: ClearanceRow) =>
    r.unit === '*' ? t('common.agencyTotal') : r.unitName === r.unit ? r.unit : `${r.unit} · ${r.unitName}`;
  return (
    <section className="clearance" data-testid="clearance">
      <h2>{t('compstat.enforcementTitle')}</h2>
      <p className="muted">{t('compstat.enforcementNote')}</p>
      <div className="table-scroll">
        <table className="book">
          <thead>
            <tr>
              <th rowSpan={2} scope="col">
                {t('common.unit')}
              </th>
              {WINDOWS.map((w) => (
                <th key={w} colSpan={4} scope="colgroup" className="group">
                  {t(`compstat.${w}`)}
                </th>
              ))}
            </tr>
            <tr>
              {WINDOWS.map((w) =>
                (['flagged', 'arrests', 'rate', 'priorRate'] as const).map((k) => (
                  <th key={`${w}${k}`} scope="col" className="num">
                    {t(`compstat.${k}`)}
                  </th>
                )),
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.unit} data-unit={r.unit}>
                <th scope="row">{unitLabel(r)}</th>
                {WINDOWS.map((w) => (
                  <Cells key={w} c={r[w]} win={w} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
