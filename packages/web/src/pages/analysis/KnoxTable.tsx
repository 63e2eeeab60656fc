import type { KnoxResponse } from '../../api/types.js';
import { useLang } from '../../i18n/lang-context.js';

/**
 * The near-repeat table: one row per distance band, one column per time band; each cell shows the
 * Knox ratio (observed / expected pairs) and its Monte Carlo p-value, marked when ratio > 1 and
 * p < 0.05 in a closed band (the service's rule for its findings). Its plain-language sentences first.
 */
export function KnoxTable({ knox }: { knox: KnoxResponse }) {
  const { t, fmt } = useLang();
  const space = (b: [number, number | null]) =>
    b[1] === null
      ? t('analysis.moreThanM', { m: b[0] })
      : b[1] === 0
        ? t('analysis.sameLocation')
        : t('analysis.rangeM', { from: b[0] === 0 ? 1 : b[0] + 1, to: b[1] });
  const time = (b: [number, number | null]) =>
    b[1] === null ? t('analysis.moreThanD', { d: b[0] - 1 }) : t('analysis.rangeD', { from: b[0], to: b[1] });
  return (
    <div data-testid="knox">
      <ul className="knox-summary" data-testid="knox-summary">
        {knox.summary.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      <div className="table-scroll">
        <table data-testid="knox-table">
          <caption className="muted">
            {t('analysis.knoxCaption', {
              pairs: fmt.count(knox.pairs),
              permutations: fmt.count(knox.permutations),
            })}
          </caption>
          <thead>
            <tr>
              <th>{t('analysis.distance')}</th>
              {knox.temporalBands.map((b) => (
                <th key={b[0]} className="num">
                  {time(b)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {knox.table.map((row, s) => (
              <tr key={s} data-band={s}>
                <th>{space(knox.spatialBands[s]!)}</th>
                {row.map((c, k) => {
                  // as the service's findings: the open-ended bands ("more than") are never near repeats
                  const open = s === knox.table.length - 1 || k === row.length - 1;
                  const near = !open && c.ratio !== null && c.ratio > 1 && c.pValue < 0.05;
                  return (
                    <td
                      key={k}
                      className={`num${near ? ' up' : ''}`}
                      data-near={near}
                      data-ratio={c.ratio ?? ''}
                      data-p={c.pValue}
                      title={t('analysis.knoxCell', {
                        observed: fmt.count(c.observed),
                        expected: c.expected === null ? '—' : c.expected.toFixed(1),
                      })}
                    >
                      {c.ratio === null ? '—' : c.ratio.toFixed(2)}
                      <small className="p"> p = {c.pValue.toFixed(3)}</small>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
