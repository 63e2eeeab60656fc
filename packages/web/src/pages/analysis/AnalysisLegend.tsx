import type { EmergingResponse, HotspotsResponse, KdeRasterResponse } from '../../api/types.js';
import { useLang } from '../../i18n/lang-context.js';
import { EMERGING_COLORS, GI_CLASSES, GI_COLORS, KDE_COLORS, countBy, kdeBreaks } from './analysis-style.js';

/** Gi* legend: one entry per class with its colour and number of cells (`data-class`, `data-count`). */
export function GiLegend({ result }: { result: HotspotsResponse }) {
  const { t, fmt } = useLang();
  const counts = countBy(result.cells.features, 'class');
  return (
    <figure className="layer-legend">
      <figcaption>{t('analysis.giLegend')}</figcaption>
      <ul className="legend" data-testid="gi-legend">
        {GI_CLASSES.map((c) => (
          <li key={c} data-class={c} data-count={counts.get(c) ?? 0}>
            <span className="swatch" style={{ background: GI_COLORS[c] }} /> {t(`analysis.gi_${c}`)}:{' '}
            <strong>{fmt.count(counts.get(c) ?? 0)}</strong>
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** Emerging legend: the categories present (hot, cold, then no pattern) with their number of cells. */
export function EmergingLegend({ result }: { result: EmergingResponse }) {
  const { t, fmt } = useLang();
  const shown = Object.entries(result.categories).filter(([c, n]) => n > 0 || c === 'none');
  return (
    <figure className="layer-legend">
      <figcaption>{t('analysis.emergingLegend')}</figcaption>
      <ul className="legend" data-testid="emerging-legend">
        {shown.map(([c, n]) => (
          <li key={c} data-category={c} data-count={n}>
            <span className="swatch" style={{ background: EMERGING_COLORS[c] ?? '#ccc' }} />{' '}
            {t(`analysis.cat.${c}`)}: <strong>{fmt.count(n)}</strong>
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** KDE legend: the colour classes as ranges of incidents per km². */
export function KdeLegend({ result }: { result: KdeRasterResponse }) {
  const { t } = useLang();
  const breaks = kdeBreaks(result.raster.max);
  const num = (v: number) => (v >= 10 ? v.toFixed(0) : v.toFixed(1));
  return (
    <figure className="layer-legend">
      <figcaption>{t('analysis.kdeLegend')}</figcaption>
      <ul className="legend" data-testid="kde-legend" data-max={result.raster.max}>
        {breaks.map((b, i) => (
          <li key={i}>
            <span className="swatch" style={{ background: KDE_COLORS[i] }} />{' '}
            {num(i === 0 ? 0 : breaks[i - 1]!)}–{num(b)}
          </li>
        ))}
      </ul>
    </figure>
  );
}
