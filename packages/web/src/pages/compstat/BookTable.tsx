import type { Cell, ReportRow } from '../../api/types.js';
import { useLang } from '../../i18n/lang-context.js';
import { WINDOWS, cellTone, shownPct } from './book-rows.js';

function Cells({ cell, win }: { cell: Cell; win: string }) {
  const { fmt } = useLang();
  const tone = cellTone(cell);
  const pct = shownPct(cell);
  return (
    <>
      <td className="num" data-col={`${win}-current`}>
        {fmt.count(cell.current)}
      </td>
      <td className="num muted" data-col={`${win}-previous`}>
        {fmt.count(cell.previous)}
      </td>
      <td
        className={`num change ${tone}`}
        data-col={`${win}-change`}
        data-significant={cell.significant || undefined}
      >
        {fmt.change(cell.change)}
      </td>
      <td className={`num pct ${tone}`} data-col={`${win}-pct`}>
        {pct === null ? '·' : fmt.pct(pct)}
      </td>
    </>
  );
}

/**
 * The COMPSTAT book: one row per unit with WTD, 28-day and YTD current / prior / change / % change.
 * Clicking a unit other than the root drills down to it.
 */
export function BookTable({
  rows,
  remainder,
  rootUnit,
  onDrill,
}: {
  rows: ReportRow[];
  remainder: ReportRow[];
  rootUnit: string;
  onDrill: (unit: string) => void;
}) {
  const { t } = useLang();
  const unitLabel = (r: ReportRow) =>
    r.unit === '*' ? t('common.agencyTotal') : r.unitName === r.unit ? r.unit : `${r.unit} · ${r.unitName}`;
  return (
    <div className="table-scroll">
      <table className="book" data-testid="book">
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
            {WINDOWS.map((w) => [
              <th key={`${w}c`} scope="col" className="num">
                {t('compstat.current')}
              </th>,
              <th key={`${w}p`} scope="col" className="num">
                {t('compstat.previous')}
              </th>,
              <th key={`${w}x`} scope="col" className="num">
                {t('compstat.change')}
              </th>,
              <th key={`${w}%`} scope="col" className="num">
                {t('compstat.pct')}
              </th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.unit} data-unit={r.unit} className={r.unit === rootUnit ? 'root' : undefined}>
              <th scope="row">
                {r.unit === rootUnit ? (
                  unitLabel(r)
                ) : (
                  <button
                    type="button"
                    className="link"
                    onClick={() => onDrill(r.unit)}
                    title={t('compstat.drill', { name: r.unitName })}
                  >
                    {unitLabel(r)}
                  </button>
                )}
              </th>
              {WINDOWS.map((w) => (
                <Cells key={w} cell={r[w]} win={w} />
              ))}
            </tr>
          ))}
        </tbody>
        {remainder.length > 0 && (
          <tbody className="remainder">
            {remainder.map((r) => (
              <tr key={`rem-${r.level}`} data-remainder={r.level}>
                <th scope="row">{t('compstat.remainder')}</th>
                {WINDOWS.map((w) => (
                  <Cells key={w} cell={r[w]} win={w} />
                ))}
              </tr>
            ))}
          </tbody>
        )}
      </table>
    </div>
  );
}
