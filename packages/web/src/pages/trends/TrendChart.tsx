import { useEffect, useRef } from 'react';
import {
  CategoryScale,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useLang } from '../../i18n/lang-context.js';
import type { TrendLine } from './trend-datasets.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip);

const COLORS = ['#b2182b', '#4d4d4d', '#878787', '#bababa', '#d9d9d9', '#e0e0e0'];

/** Chart.js line chart of weekly counts per year and this year's 28-day rolling line (dashed). */
export function TrendChart({ weeks, lines }: { weeks: number[]; lines: TrendLine[] }) {
  const { t, lang } = useLang();
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'line',
      data: {
        labels: weeks.map(String),
        datasets: lines.map((l, i) => ({
          label:
            l.kind === 'count' ? t('trends.year', { year: l.year }) : t('trends.rolling', { year: l.year }),
          data: l.values,
          borderColor: l.kind === 'rolling' ? '#2166ac' : (COLORS[i] ?? '#ccc'),
          backgroundColor: l.kind === 'rolling' ? '#2166ac' : (COLORS[i] ?? '#ccc'),
          borderDash: l.kind === 'rolling' ? [6, 4] : [],
          borderWidth: i === 0 || l.kind === 'rolling' ? 2.5 : 1.5,
          pointRadius: 0,
          pointHitRadius: 8,
          spanGaps: false,
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        locale: lang === 'es' ? 'es' : 'en-US',
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: { title: { display: true, text: t('trends.weekAxis') } },
          y: { beginAtZero: true, title: { display: true, text: t('trends.countAxis') } },
        },
      },
    });
    return () => chart.destroy();
  }, [weeks, lines, t, lang]);
  return (
    <div className="chart-box">
      <canvas ref={canvas} data-testid="trend-chart" data-lines={lines.length} />
    </div>
  );
}
