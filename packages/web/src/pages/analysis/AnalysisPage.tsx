import { useMemo } from 'react';
import { apiUrl, type Params } from '../../api/client.js';
import type {
  AnalysisSelection,
  EmergingResponse,
  HotspotsResponse,
  KdeRasterResponse,
  KnoxResponse,
  MapConfig,
  UnitCollection,
} from '../../api/types.js';
import { useApi, type ApiState } from '../../api/use-api.js';
import { unitByCode, useApp } from '../../app/app-context.js';
import { Select } from '../../components/Select.js';
import { StatusBox } from '../../components/StatusBox.js';
import { useLang } from '../../i18n/lang-context.js';
import { AnalysisMap, type CellsGeo, type KdeImage, type OutlineGeo } from './AnalysisMap.js';
import { LayerDetails, type Layer } from './LayerDetails.js';
import { KnoxTable } from './KnoxTable.js';
import { defaultPeriod, isDate } from './analysis-period.js';
import { EMERGING_COLORS, GI_COLORS, kdeBreaks, kdePixels, matchColor } from './analysis-style.js';
import { useElapsed } from './use-elapsed.js';

const LAYERS: readonly Layer[] = ['hotspots', 'kde', 'emerging'];
const STEPS = ['week', 'month'] as const;
/** Date permutations of the page's Knox table: p-values down to 0.01 in seconds (the CLI runs 999). */
export const KNOX_PERMUTATIONS = 99;

const GI_FILL = matchColor('class', GI_COLORS);
const GI_HIDDEN = ['==', ['get', 'class'], 0];
const EMERGING_FILL = matchColor('category', EMERGING_COLORS);
const EMERGING_HIDDEN = ['==', ['get', 'category'], 'none'];

/** The KDE surface as a PNG data URL (one pixel per cell) placed on its WGS84 corners. */
function kdeImage(r: KdeRasterResponse): KdeImage | null {
  const { nCols, nRows, density, max, corners } = r.raster;
  const canvas = document.createElement('canvas');
  canvas.width = nCols;
  canvas.height = nRows;
  const ctx = canvas.getContext('2d');
  if (!ctx || nCols === 0 || nRows === 0) return null;
  const img = ctx.createImageData(nCols, nRows);
  img.data.set(kdePixels(density, kdeBreaks(max)));
  ctx.putImageData(img, 0, 0);
  return { url: canvas.toDataURL('image/png'), corners };
}

/**
 * Analysis page: for a unit (its subtree), category and period, one map layer at a time — Gi* hot and
 * cold spots, the KDE heat surface or emerging hot spots — with its legend, and the Knox near-repeat
 * table with its plain-language summary. Analyses take seconds: each shows a running clock, keeps the
 * previous result on screen meanwhile, and a new selection cancels the request it replaces.
 */
export function AnalysisPage() {
  const { agency, units, categories, params, go } = useApp();
  const { t, lang, fmt } = useLang();
  const period = defaultPeriod(agency.defaultWeek);
  const from = isDate(params['from']) ? params['from'] : period.from;
  const to = isDate(params['to']) ? params['to'] : period.to;
  const unit = params['unit'] ?? '';
  const cat = params['cat'] ?? '*';
  const layer: Layer = (LAYERS as readonly string[]).includes(params['layer'] ?? '')
    ? (params['layer'] as Layer)
    : 'hotspots';
  const step = (STEPS as readonly string[]).includes(params['step'] ?? '') ? params['step']! : 'week';
  const excl = params['excl'] === '1';
  const nav = (p: Record<string, string | undefined>) =>
    go('analysis', { unit, cat, from, to, layer, step, excl: excl ? '1' : undefined, ...p });

  const sel: Params = {
    from,
    to,
    unit: unit || undefined,
    category: cat === '*' ? undefined : cat,
    excludeRecurring: excl || undefined,
  };
  const config = useApi<MapConfig>(apiUrl('/map-config', {}, lang));
  const chosen = unitByCode(units, unit);
  const level = chosen?.properties.level ?? agency.levels[0]?.name;
  const unitsGeo = useApi<UnitCollection>(level ? apiUrl('/units', { level }, lang) : null);
  const hot = useApi<HotspotsResponse>(layer === 'hotspots' ? apiUrl('/analysis/hotspots', sel, lang) : null);
  const kde = useApi<KdeRasterResponse>(
    layer === 'kde' ? apiUrl('/analysis/kde', { ...sel, output: 'raster' }, lang) : null,
  );
  const emerging = useApi<EmergingResponse>(
    layer === 'emerging' ? apiUrl('/analysis/emerging', { ...sel, step }, lang) : null,
  );
  const knox = useApi<KnoxResponse>(
    apiUrl('/analysis/knox', { ...sel, permutations: KNOX_PERMUTATIONS }, lang),
  );
  const current: ApiState<HotspotsResponse | KdeRasterResponse | EmergingResponse> =
    layer === 'hotspots' ? hot : layer === 'kde' ? kde : emerging;
  const layerSeconds = useElapsed(current.loading);
  const knoxSeconds = useElapsed(knox.loading);

  const outline = useMemo<OutlineGeo>(() => {
    const all = unitsGeo.data?.features ?? [];
    const shown = chosen ? all.filter((f) => f.properties.code === chosen.properties.code) : all;
    return {
      type: 'FeatureCollection',
      features: shown.map((f) => ({
        type: 'Feature' as const,
        geometry: f.geometry,
        properties: { code: f.properties.code },
      })),
    };
  }, [unitsGeo.data, chosen]);
  const image = useMemo(() => (kde.data ? kdeImage(kde.data) : null), [kde.data]);
  const cells = (
    layer === 'hotspots' ? hot.data?.cells : layer === 'emerging' ? emerging.data?.cells : null
  ) as CellsGeo | null | undefined;
  const s: AnalysisSelection | undefined = current.data?.selection;
  const recurringIncidents = s?.recurringLocations.reduce((n, l) => n + l.count, 0) ?? 0;

  return (
    <section className="page map-page analysis-page">
      <h1>{t('analysis.title')}</h1>
      <div className="controls">
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
        <label className="field">
          <span>{t('analysis.from')}</span>
          <input
            type="date"
            name="from"
            value={from}
            max={to}
            onChange={(e) => isDate(e.target.value) && nav({ from: e.target.value })}
          />
        </label>
        <label className="field">
          <span>{t('analysis.to')}</span>
          <input
            type="date"
            name="to"
            value={to}
            min={from}
            onChange={(e) => isDate(e.target.value) && nav({ to: e.target.value })}
          />
        </label>
        <Select
          name="layer"
          label={t('analysis.layer')}
          value={layer}
          options={LAYERS.map((l) => ({ value: l, label: t(`analysis.layer_${l}`) }))}
          onChange={(v) => nav({ layer: v })}
        />
        {layer === 'emerging' && (
          <Select
            name="step"
            label={t('analysis.step')}
            value={step}
            options={STEPS.map((x) => ({ value: x, label: t(`analysis.step_${x}`) }))}
            onChange={(v) => nav({ step: v })}
          />
        )}
        <label className="check">
          <input
            type="checkbox"
            name="excl"
            checked={excl}
            onChange={(e) => nav({ excl: e.target.checked ? '1' : undefined })}
          />
          <span>{t('analysis.excludeRecurring')}</span>
        </label>
      </div>
      <div className="map-info" aria-live="polite">
        {current.loading && (
          <span className="progress" data-testid="layer-progress">
            {t('analysis.computing', { what: t(`analysis.layer_${layer}`), s: layerSeconds })}
            {current.data ? ` (${t('analysis.stale')})` : ''}
          </span>
        )}
        {s && (
          <span data-testid="analysed">
            {t('analysis.analysed', {
              analysed: fmt.count(s.analysed),
              incidents: fmt.count(s.incidents),
              withoutLocation: fmt.count(s.withoutLocation),
              crs: s.crs,
            })}
          </span>
        )}
        {s && s.recurringLocations.length > 0 && (
          <strong data-testid="recurring">
            {t(s.recurringExcluded ? 'analysis.recurringExcluded' : 'analysis.recurring', {
              n: fmt.count(s.recurringLocations.length),
              incidents: fmt.count(recurringIncidents),
            })}
          </strong>
        )}
      </div>
      <StatusBox loading={false} error={current.error ?? unitsGeo.error} />
      <LayerDetails layer={layer} hot={hot.data} kde={kde.data} emerging={emerging.data} />
      {(config.data !== null || config.error !== null) && (
        <AnalysisMap
          outline={outline}
          cells={layer === 'kde' ? null : (cells ?? null)}
          fillColor={layer === 'emerging' ? EMERGING_FILL : GI_FILL}
          hidden={layer === 'emerging' ? EMERGING_HIDDEN : GI_HIDDEN}
          kde={layer === 'kde' ? image : null}
          config={config.data}
        />
      )}
      <h2>{t('analysis.nearRepeat')}</h2>
      {knox.loading && (
        <p className="progress" data-testid="knox-progress">
          {t('analysis.computing', { what: t('analysis.nearRepeat'), s: knoxSeconds })}
        </p>
      )}
      <StatusBox loading={false} error={knox.error} />
      {knox.data && <KnoxTable knox={knox.data} />}
      <p className="muted">{t('analysis.knoxNote')}</p>
    </section>
  );
}
