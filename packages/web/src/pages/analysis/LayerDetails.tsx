import type { EmergingResponse, HotspotsResponse, KdeRasterResponse } from '../../api/types.js';
import { useLang } from '../../i18n/lang-context.js';
import { EmergingLegend, GiLegend, KdeLegend } from './AnalysisLegend.js';

/** The Analysis page's map layers. */
export type Layer = 'hotspots' | 'kde' | 'emerging';

/** The chosen layer's legend, parameters, notices and warnings. */
export function LayerDetails(props: {
  layer: Layer;
  hot: HotspotsResponse | null;
  kde: KdeRasterResponse | null;
  emerging: EmergingResponse | null;
}) {
  const { t, fmt } = useLang();
  const { layer, hot, kde, emerging } = props;
  const r = layer === 'hotspots' ? hot : layer === 'kde' ? kde : emerging;
  if (!r) return null;
  const notes: string[] = [];
  if (hot && layer === 'hotspots') {
    if (hot.weights.kind === 'distance')
      notes.push(
        t('analysis.gridInfo', { cell: hot.grid.cellSizeMeters, band: hot.weights.distanceBandMeters }),
      );
    if (hot.outsideStudyArea > 0)
      notes.push(t('analysis.outsideArea', { n: fmt.count(hot.outsideStudyArea) }));
  }
  if (kde && layer === 'kde') {
    notes.push(
      t('analysis.kdeInfo', {
        kernel: t(`analysis.kernel_${kde.kernel}`),
        bandwidth: Math.round(kde.bandwidthMeters),
        cell: kde.grid.cellSizeMeters,
      }),
    );
  }
  if (emerging && layer === 'emerging') {
    notes.push(
      t('analysis.stepsInfo', {
        n: emerging.steps.length,
        step: t(`analysis.step_${emerging.step}`).toLowerCase(),
        first: fmt.date(emerging.steps[0]?.start ?? ''),
        last: fmt.date(emerging.steps.at(-1)?.end ?? ''),
      }),
    );
    if (emerging.outsideSteps > 0)
      notes.push(t('analysis.outsideSteps', { n: fmt.count(emerging.outsideSteps) }));
    if (emerging.outsideStudyArea > 0)
      notes.push(t('analysis.outsideArea', { n: fmt.count(emerging.outsideStudyArea) }));
  }
  return (
    <div className="layer-details">
      {layer === 'hotspots' && hot && <GiLegend result={hot} />}
      {layer === 'kde' && kde && <KdeLegend result={kde} />}
      {layer === 'emerging' && emerging && <EmergingLegend result={emerging} />}
      <ul className="notes muted">
        {notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      {r.warnings.map((w) => (
        <p key={w} className="warning" data-warning={w}>
          {t(`analysis.warn_${w}`)}
        </p>
      ))}
    </div>
  );
}
