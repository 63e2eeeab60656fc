import type { ResponseReport } from '../../api/types.js';
import { useLang } from '../../i18n/lang-context.js';
import { formatDuration, gridMatrix } from './response-view.js';

/**
 * The hour × weekday grid of one window as a table (Monday first, hours 0–23 of the local time the call
 * was received): each cell shows the calls, shaded by count, with the median response time in its title.
 */
export function HeatMap({ cells }: { cells: ResponseReport['hourWeekday'][string] }) {
  const { t, fmt } = useLang();
  const { rows, max } = gridMatrix(cells);
  const hours = Array.from({ length: 24 }, (_, h) => h);
  return (
    <div className="table-scroll">
      <table className="heat-map" data-testid="heat-map">
        <thead>
          <tr>
            <th scope="col">{t('response.hour')}</th>
            {hours.map((h) => (
              <th key={h} scope="col" className="num">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, d) => (
            <tr key={d}>
              <th scope="row">{t(`weekday.${d + 1}`)}</th>
              {row.map((c, h) => (
                <td
                  key={h}
                  className="num"
                  data-weekday={d + 1}
                  data-hour={h}
                  data-calls={c?.calls ?? 0}
                  style={
                    c && max > 0
                      ? { background: `rgba(178, 24, 43, ${(0.1 + 0.8 * (c.calls / max)).toFixed(2)})` }
                      : undefined
                  }
                  title={
                    c
                      ? t('response.cellTitle', {
                          calls: fmt.count(c.calls),
                          median: formatDuration(c.medianSec),
                        })
                      : undefined
                  }
                >
                  {c ? fmt.count(c.calls) : ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
