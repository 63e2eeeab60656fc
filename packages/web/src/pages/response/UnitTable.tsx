import type { ResponseRow, ResponseStats } from '../../api/types.js';
import { useLang } from '../../i18n/lang-context.js';
import { formatDuration } from './response-view.js';

const METRICS = ['calls', 'median', 'p90', 'withinTarget'] as const;
type Metric = (typeof METRICS)[number];

/** One metric of one window: this year, and last year beside it in brackets. */
function Pair({ row, win, metric }: { row: ResponseRow; win: string; metric: Metric }) {
  const { fmt } = useLang();
  const show = (s: ResponseStats): string => {
    if (metric === 'calls') return fmt.count(s.calls);
    if (metric === 'median') return formatDuration(s.medianSec);
    if (metric === 'p90') return formatDuration(s.p90Sec);
    return s.withinTargetShare === null ? '—' : fmt.share(s.withinTargetShare);
  };
  const p = row.periods[win];
  if (!p) return <td />;
  return (
    <td className="num" data-col={`${win}-${metric}`}>
      <span data-v="current">{show(p.current)}</span>{' '}
      <span className="muted" data-v="previous">
        ({show(p.previous)})
      </span>
    </td>
  );
}

/**
 * Response times per unit: for each window (WTD, 28 days, YTD), calls, median, 90th percentile and share
 * within target, this year and last year in brackets; the agency first.
 */
export function UnitTable({ rows, windows }: { rows: ResponseRow[]; windows: string[] }) {
  const { t } = useLang();
  const name = (w: string) => (w === 'range' ? w : t(`compstat.${w}`));
  return (
    <div className="table-scroll">
      <table className="book response-units" data-testid="response-units">
        <thead>
          <tr>
            <th rowSpan={2} scope="col">
              {t('common.unit')}
            </th>
            {windows.map((w) => (
              <th key={w} colSpan={METRICS.length} scope="colgroup" className="group">
                {name(w)}
              </th>
            ))}
          </tr>
          <tr>
            {windows.map((w) =>
              METRICS.map((m) => (
                <th key={`${w}-${m}`} scope="col" className="num">
                  {t(`response.${m}`)}
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.dimension}-${r.key}`} data-unit={r.dimension === 'agency' ? '*' : r.key}>
              <th scope="row">{r.dimension === 'agency' ? t('common.agencyTotal') : r.key}</th>
              {windows.map((w) => METRICS.map((m) => <Pair key={`${w}-${m}`} row={r} win={w} metric={m} />))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
