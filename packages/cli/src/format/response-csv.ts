import type { ResponseReport } from '@vigia/services';
import { csvField } from './report-csv.js';

/**
 * The response report as CSV: one line per group (agency, priority, channel, unit) and window, current
 * and last year's calls, measured, exclusions, median / 90th percentile / processing / travel medians in
 * seconds, and share within target (0–1, empty when no target). Dot decimals.
 */
export function formatResponseCsv(report: ResponseReport): string {
  const stats = [
    'calls',
    'measured',
    'excluded_officer_initiated',
    'excluded_no_on_scene',
    'excluded_date_only',
    'excluded_out_of_order',
    'median_sec',
    'p90_sec',
    'processing_median_sec',
    'travel_median_sec',
    'within_target',
  ];
  const header = [
    'period',
    'start',
    'end',
    'dimension',
    'key',
    ...stats,
    ...stats.map((s) => `previous_${s}`),
  ];
  const lines = [header.join(',')];
  const round = (v: number | null) => (v === null ? null : Number(v.toPrecision(12)));
  for (const k of report.periodKeys) {
    const p = report.periods[k]!;
    for (const r of report.rows) {
      const cells = (['current', 'previous'] as const).flatMap((when) => {
        const s = r.periods[k]![when];
        return [
          s.calls,
          s.measured,
          s.excluded.officerInitiated,
          s.excluded.noOnScene,
          s.excluded.dateOnly,
          s.excluded.outOfOrder,
          round(s.medianSec),
          round(s.p90Sec),
          round(s.processingMedianSec),
          round(s.travelMedianSec),
          round(s.withinTargetShare),
        ];
      });
      lines.push([k, p.start, p.end, r.dimension, r.key, ...cells].map(csvField).join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}
