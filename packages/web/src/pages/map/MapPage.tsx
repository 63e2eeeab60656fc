import { useMemo, useState } from 'react';
import { apiUrl } from '../../api/client.js';
import type {
  CompstatReport,
  IncidentCollection,
  MapConfig,
  UnitCollection,
  WindowKey,
} from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { useApp } from '../../app/app-context.js';
import { Select } from '../../components/Select.js';
import { StatusBox } from '../../components/StatusBox.js';
import { WeekInput } from '../../components/WeekInput.js';
import { useLang } from '../../i18n/lang-context.js';
import { WINDOWS, shownPct } from '../compstat/book-rows.js';
import { MapView, type PointsGeo, type UnitsGeo } from './MapView.js';
import type { Measure } from './map-style.js';

const MEASURES: Measure[] = ['count', 'change', 'pctChange'];
/** Points fetched per view; beyond it the map asks to zoom in. */
const POINT_LIMIT = 5000;

/**
 * Map page: the units of a level coloured by count, change or % change for a period (WTD / 28 days /
 * YTD of the chosen week) and category, with the incidents of that period as clustered points in the
 * visible area. Says how many incidents have no location (counted, not drawn). Clicking a unit opens
 * its COMPSTAT report.
 */
export function MapPage() {
  const { agency, categories, params, go } = useApp();
  const { t, lang, fmt } = useLang();
  const week = params['week'] ?? agency.defaultWeek;
  const level = params['level'] ?? agency.levels[0]?.name ?? '';
  const period = (WINDOWS as string[]).includes(params['period'] ?? '')
    ? (params['period'] as WindowKey)
    : 'd28';
  const measure = (MEASURES as string[]).includes(params['measure'] ?? '')
    ? (params['measure'] as Measure)
    : 'count';
  const cat = params['cat'] ?? '*';
  const nav = (p: Record<string, string>) => go('map', { week, level, period, measure, cat, ...p });
  const [bbox, setBbox] = useState<[number, number, number, number] | null>(null);

  const config = useApi<MapConfig>(apiUrl('/map-config', {}, lang));
  const unitsGeo = useApi<UnitCollection>(level ? apiUrl('/units', { level }, lang) : null);
  const report = useApi<CompstatReport>(
    apiUrl('/reports/compstat', { week, level: level || undefined }, lang),
  );
  const range = report.data?.periods[period];
  const incidents = useApi<IncidentCollection>(
    range && bbox
      ? apiUrl(
          '/incidents',
          {
            from: range.start,
            to: range.end,
            category: cat === '*' ? undefined : cat,
            bbox: bbox.join(','),
            limit: POINT_LIMIT,
          },
          lang,
        )
      : null,
  );

  const { units, maxAbs } = useMemo(() => {
    const rows = new Map(
      (report.data?.rows ?? []).filter((r) => r.category === cat).map((r) => [r.unit, r[period]]),
    );
    const features = (unitsGeo.data?.features ?? []).map((f) => {
      const cell = rows.get(f.properties.code);
      const value = !cell
        ? null
        : measure === 'count'
          ? cell.current
          : measure === 'change'
            ? cell.change
            : shownPct(cell);
      return {
        type: 'Feature' as const,
        geometry: f.geometry,
        properties: { code: f.properties.code, name: f.properties.name, value },
      };
    });
    const max = Math.max(0, ...features.map((f) => Math.abs(f.properties.value ?? 0)));
    return { units: { type: 'FeatureCollection', features } satisfies UnitsGeo, maxAbs: max };
  }, [report.data, unitsGeo.data, cat, period, measure]);

  const points = useMemo<PointsGeo>(
    () => ({
      type: 'FeatureCollection',
      features: (incidents.data?.features ?? []).flatMap((f) =>
        f.geometry ? [{ type: 'Feature' as const, geometry: f.geometry, properties: {} }] : [],
      ),
    }),
    [incidents.data],
  );
  const configReady = config.data !== null || config.error !== null;
  const inc = incidents.data;

  return (
    <section className="page map-page">
      <h1>{t('map.title')}</h1>
      <div className="controls">
        <WeekInput value={week} max={agency.latestCompleteWeek} onChange={(w) => nav({ week: w })} />
        <Select
          name="period"
          label={t('map.period')}
          value={period}
          options={WINDOWS.map((w) => ({ value: w, label: t(`compstat.${w}`) }))}
          onChange={(v) => nav({ period: v })}
        />
        <Select
          name="measure"
          label={t('map.measure')}
          value={measure}
          options={MEASURES.map((m) => ({ value: m, label: t(`map.${m}`) }))}
          onChange={(v) => nav({ measure: v })}
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
        <Select
          name="level"
          label={t('common.level')}
          value={level}
          options={agency.levels.map((l) => ({ value: l.name, label: l.name }))}
          onChange={(v) => nav({ level: v })}
        />
      </div>
      <div className="map-info" aria-live="polite">
        {range && (
          <span>{t('common.weekRange', { start: fmt.date(range.start), end: fmt.date(range.end) })}</span>
        )}
        {inc && (
          <>
            <span data-testid="drawn">
              {t('map.drawn', { drawn: fmt.count(points.features.length), matched: fmt.count(inc.matched) })}
            </span>
            <strong data-testid="no-location" data-count={inc.withoutLocation}>
              {t('map.noLocation', { n: fmt.count(inc.withoutLocation) })}
            </strong>
            {inc.nextOffset !== null && <span>{t('map.truncated', { drawn: fmt.count(POINT_LIMIT) })}</span>}
          </>
        )}
        <span className="muted">
          {config.data?.styleUrl || config.data?.tileUrl ? '' : t('map.offline')} {t('map.openReport')}
        </span>
      </div>
      <StatusBox loading={false} error={unitsGeo.error ?? report.error ?? incidents.error} />
      {configReady && (
        <MapView
          units={units}
          measure={measure}
          maxAbs={maxAbs}
          points={points}
          config={config.data}
          onUnitClick={(code) => go('compstat', { week, unit: code, cat })}
          onBounds={setBbox}
        />
      )}
    </section>
  );
}
