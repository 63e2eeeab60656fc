import { apiUrl } from '../../api/client.js';
import type { ResponseReport } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { useApp } from '../../app/app-context.js';
import { Select } from '../../components/Select.js';
import { StatusBox } from '../../components/StatusBox.js';
import { WeekInput } from '../../components/WeekInput.js';
import { useLang } from '../../i18n/lang-context.js';
import { ExcludedTable } from './ExcludedTable.js';
import { HeatMap } from './HeatMap.js';
import { ResponseHistogram } from './ResponseHistogram.js';
import { UnitTable } from './UnitTable.js';
import { formatDuration, unitTableRows, windowsOutsideData } from './response-view.js';

/**
 * Police response page: for a week (`week`, default the last week the calls cover whole: the agency's
 * responseDefaultWeek, which follows an upload of calls), units of a level (`level`, default
 * the top one) and optionally one priority (`priority`; then every row has that priority's target and
 * shows its share within target), the response-time histogram and the hour × weekday grid of one window
 * (`win`, default 28 days), the table per unit, and the calls left out of response times. Officer-initiated
 * calls are left out unless `oi=1`. Numbers come from GET /reports/response.
 */
export function ResponsePage() {
  const { agency, params, go, dataVersion } = useApp();
  const { t, lang, fmt } = useLang();
  const week = params['week'] ?? agency.responseDefaultWeek;
  const level = params['level'] ?? agency.levels[0]?.name;
  const priority = params['priority'] ?? '';
  const oi = params['oi'] === '1';
  const win = params['win'] ?? 'd28';
  const nav = (p: Record<string, string | undefined>) =>
    go('response', { week, level, priority, oi: oi ? '1' : undefined, win, ...p });
  const report = useApi<ResponseReport>(
    apiUrl(
      '/reports/response',
      { week, level, priority: priority || undefined, includeOfficerInitiated: oi || undefined },
      lang,
    ),
    dataVersion,
  );
  const r = report.data;
  const windowName = (k: string) => t(`compstat.${k}`);
  const agencyRow = r?.rows.find((x) => x.dimension === 'agency');
  const shown = r && r.periodKeys.includes(win) ? win : (r?.periodKeys[0] ?? win);
  const outside = r ? windowsOutsideData(r) : [];
  const target = priority ? r?.options.targetsSec[priority] : undefined;
  return (
    <section className="page response-page">
      <h1>{t('response.title')}</h1>
      <div className="controls">
        <WeekInput value={week} max={agency.latestCompleteWeek} onChange={(w) => nav({ week: w })} />
        <Select
          name="level"
          label={t('common.level')}
          value={level ?? ''}
          options={agency.levels.map((l) => ({ value: l.name, label: l.name }))}
          onChange={(v) => nav({ level: v })}
        />
        <Select
          name="priority"
          label={t('response.priority')}
          value={priority}
          options={[
            { value: '', label: t('response.allPriorities') },
            ...(r?.priorities ?? (priority ? [priority] : [])).map((p) => ({
              value: p,
              label: t('response.priorityN', { p }),
            })),
          ]}
          onChange={(v) => nav({ priority: v || undefined })}
        />
        <Select
          name="win"
          label={t('response.window')}
          value={shown}
          options={(r?.periodKeys ?? ['wtd', 'd28', 'ytd']).map((k) => ({ value: k, label: windowName(k) }))}
          onChange={(v) => nav({ win: v })}
        />
        <label className="field checkbox">
          <input
            type="checkbox"
            name="oi"
            checked={oi}
            onChange={(e) => nav({ oi: e.target.checked ? '1' : undefined })}
          />
          <span>{t('response.officerInitiated')}</span>
        </label>
      </div>
      <p className="muted">{t('response.method')}</p>
      {r && (
        <p className="periods muted">
          {r.periodKeys
            .map(
              (k) =>
                `${windowName(k)}: ${t('common.weekRange', { start: fmt.date(r.periods[k]!.start), end: fmt.date(r.periods[k]!.end) })}`,
            )
            .join(' · ')}
        </p>
      )}
      {r?.dataRange && outside.length > 0 && (
        <p className="warning" role="status" data-testid="outside-data">
          {t('response.outsideData', {
            first: fmt.date(r.dataRange.first),
            last: fmt.date(r.dataRange.last),
            windows: outside.map(windowName).join(', '),
          })}
        </p>
      )}
      <StatusBox loading={report.loading} error={report.error} />
      {r && !agencyRow && <p>{t('response.noCalls')}</p>}
      {r && agencyRow && (
        <>
          <p className="note" data-testid="target-note">
            {priority === ''
              ? t('response.targetOnlyPerPriority')
              : target === undefined
                ? t('response.noTarget', { p: priority })
                : t('response.target', { p: priority, time: formatDuration(target) })}
          </p>
          <UnitTable rows={unitTableRows(r)} windows={r.periodKeys} />
          <div className="two-col">
            <div>
              <h2>{t('response.distribution', { window: windowName(shown) })}</h2>
              {r.distribution[shown] && <ResponseHistogram histogram={r.distribution[shown]} />}
            </div>
            <div>
              <h2>{t('response.excluded')}</h2>
              <ExcludedTable agency={agencyRow} windows={r.periodKeys} />
            </div>
          </div>
          <h2>{t('response.heatMap', { window: windowName(shown) })}</h2>
          <HeatMap cells={r.hourWeekday[shown] ?? []} />
        </>
      )}
    </section>
  );
}
