import { useEffect, useMemo, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import type { ResponseReport } from '../../api/types.js';
import { useLang } from '../../i18n/lang-context.js';
import { histogramBars } from './response-view.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/**
 * Chart.js bar chart of the response-time histogram of one window: one-minute bins over the first hour
 * and the calls beyond, this year beside last year. The counts are also on the canvas as data
 * attributes (tests compare them with the API).
 */
export function ResponseHistogram({ histogram }: { histogram: ResponseReport['distribution'][string] }) {
  const { t, lang } = useLang();
  const canvas = useRef<HTMLCanvasElement>(null);
  const bars = useMemo(() => histogramBars(histogram, t('response.overflow')), [histogram, t]);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: bars.labels,
        datasets: [
          { label: t('response.thisYear'), data: bars.current, backgroundColor: '#b2182b' },
          { label: t('response.lastYear'), data: bars.previous, backgroundColor: '#bababa' },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        locale: lang === 'es' ? 'es' : 'en-US',
        scales: {
          x: { title: { display: true, text: t('response.minutesAxis') } },
          y: {
            beginAtZero: true,
            ticks: { precision: 0 },
            title: { display: true, text: t('response.callsAxis') },
          },
        },
      },
    });
    return () => chart.destroy();
  }, [bars, t, lang]);
  return (
    <div className="chart-box">
      <canvas
        ref={canvas}
        data-testid="response-histogram"
        data-current={bars.current.join(',')}
        data-previous={bars.previous.join(',')}
      />
    </div>
  );
}
