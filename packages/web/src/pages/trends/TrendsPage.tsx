import { useMemo } from 'react';
import { apiUrl } from '../../api/client.js';
import type { WeeklySeries } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { useApp } from '../../app/app-context.js';
import { Select } from '../../components/Select.js';
import { StatusBox } from '../../components/StatusBox.js';
import { WeekInput } from '../../components/WeekInput.js';
import { useLang } from '../../i18n/lang-context.js';
import { TrendChart } from './TrendChart.js';
import { trendLines } from './trend-datasets.js';

/**
 * Trends page: weekly counts of a unit (`unit`, default the agency) and category (`cat`) for the ISO
 * year of the chosen week against the two previous years, with this year's 28-day rolling line.
 */
export function TrendsPage() {
  const { agency, units, categories, params, go } = useApp();
  const { t, lang, fmt } = useLang();
  const week = params['week'] ?? agency.defaultWeek;
  const unit = params['unit'] ?? '';
  const cat = params['cat'] ?? '*';
  const nav = (p: Record<string, string>) => go('trends', { week, unit, cat, ...p });
  const series = useApi<WeeklySeries>(
    apiUrl(
      '/series/weekly',
      { week, unit: unit || undefined, category: cat === '*' ? undefined : cat, previousYears: 2 },
      lang,
    ),
  );
  const chart = useMemo(() => (series.data ? trendLines(series.data) : null), [series.data]);
  const totals = [...(series.data?.years ?? [])]
    .sort((a, b) => b.isoYear - a.isoYear)
    .map((y) => ({
      year: y.isoYear,
      count: y.weeks.filter((w) => w.week <= Number(week.slice(6))).reduce((s, w) => s + w.count, 0),
    }));
  return (
    <section className="page">
      <h1>{t('trends.title')}</h1>
      <div className="controls">
        <WeekInput value={week} max={agency.latestCompleteWeek} onChange={(w) => nav({ week: w })} />
        <Select
          name="unit"
          label={t('common.unit')}
          value={unit}
          options={[
            { value: '', label: t('common.allUnits') },
            ...units.map((u) => ({
              value: u.properties.code,
              label: `${u.properties.level} ${u.properties.name}`,
            })),
          ]}
          onChange={(v) => nav({ unit: v })}
        />
        <Select
          name="cat"
          label={t('common.category')}
          value={cat}
          options={[
            { value: '*', label: t('common.allCategories') },
            ...categories.map((c) => ({ value: c.code, label: c.label })),
          ]}
          onChange={(v) => nav({ cat: v })}
        />
      </div>
      <StatusBox loading={series.loading && !series.data} error={series.error} />
      {chart && <TrendChart weeks={chart.weeks} lines={chart.lines} />}
      <ul className="totals">
        {totals.map((x) => (
          <li key={x.year}>
            {t('trends.total', { year: x.year, total: fmt.count(x.count), week: Number(week.slice(6)) })}
          </li>
        ))}
      </ul>
    </section>
  );
}
