import type { ResponseRow } from '../../api/types.js';
import { useLang } from '../../i18n/lang-context.js';

const REASONS = [
  ['officerInitiated', 'officerInitiatedReason'],
  ['noOnScene', 'noOnScene'],
  ['dateOnly', 'dateOnly'],
  ['outOfOrder', 'outOfOrder'],
] as const;

/**
 * Calls of the agency row left out of response times, by reason and window (this year, last year in
 * brackets), with the measured calls: calls = measured + every reason.
 */
export function ExcludedTable({ agency, windows }: { agency: ResponseRow; windows: string[] }) {
  const { t, fmt } = useLang();
  const name = (w: string) => (w === 'range' ? w : t(`compstat.${w}`));
  const pair = (c: number, p: number) => `${fmt.count(c)} (${fmt.count(p)})`;
  return (
    <table className="excluded" data-testid="excluded">
      <thead>
        <tr>
          <th scope="col">{t('response.reason')}</th>
          {windows.map((w) => (
            <th key={w} scope="col" className="num">
              {name(w)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {REASONS.map(([reason, label]) => (
          <tr key={reason} data-reason={reason}>
            <th scope="row">{t(`response.${label}`)}</th>
            {windows.map((w) => {
              const p = agency.periods[w]!;
              return (
                <td key={w} className="num" data-col={w}>
                  {pair(p.current.excluded[reason], p.previous.excluded[reason])}
                </td>
              );
            })}
          </tr>
        ))}
        <tr data-reason="measured">
          <th scope="row">{t('response.measured')}</th>
          {windows.map((w) => {
            const p = agency.periods[w]!;
            return (
              <td key={w} className="num" data-col={w}>
                {pair(p.current.measured, p.previous.measured)}
              </td>
            );
          })}
        </tr>
      </tbody>
    </table>
  );
}
