import type { BookFormat } from './book-format.js';
import type { BookTrend } from './book-data.js';
import { COLOR, FONT, type Doc } from './pdf-layout.js';
import type { Box } from './pdf-map.js';

/** A round axis step (1, 2, 2.5 or 5 × 10^k, at least 1) giving about `ticks` intervals up to `max`. */
export function niceStep(max: number, ticks = 4): number {
  const raw = Math.max(max, 1) / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  return Math.max(1, step);
}

/**
 * Draws the weekly trend in `box` as vector lines: the last 52 weeks (solid) over the 52 weeks before
 * (dashed, grey), with a y axis of counts from 0 (round steps, labels in the locale) and an x axis of
 * months, plus a legend. Weeks are Monday–Sunday in the agency's time zone.
 */
export function drawTrend(doc: Doc, box: Box, trend: BookTrend, f: BookFormat): void {
  const legendHeight = 12;
  const axisLeft = 28;
  const axisBottom = 12;
  const plot = {
    x: box.x + axisLeft,
    y: box.y + legendHeight + 4,
    width: box.width - axisLeft - 4,
    height: box.height - legendHeight - 4 - axisBottom,
  };
  const max = Math.max(1, ...trend.recent, ...trend.before);
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const X = (i: number) => plot.x + (i * plot.width) / Math.max(1, trend.recent.length - 1);
  const Y = (v: number) => plot.y + plot.height - (v / top) * plot.height;

  doc.save();
  doc.font(FONT).fontSize(6);
  for (let v = 0; v <= top + 1e-9; v += step) {
    doc
      .lineWidth(0.3)
      .strokeColor(v === 0 ? COLOR.text : COLOR.shade)
      .moveTo(plot.x, Y(v))
      .lineTo(plot.x + plot.width, Y(v))
      .stroke();
    const label = f.count(v);
    doc.fillColor(COLOR.muted).text(label, plot.x - 3 - doc.widthOfString(label), Y(v) - 2.5, {
      lineBreak: false,
    });
  }
  doc
    .lineWidth(0.5)
    .strokeColor(COLOR.text)
    .moveTo(plot.x, plot.y)
    .lineTo(plot.x, plot.y + plot.height)
    .stroke();
  for (const i of [0, 13, 26, 39, 51]) {
    const start = trend.recentStarts[i];
    if (start === undefined) continue;
    doc
      .lineWidth(0.5)
      .moveTo(X(i), plot.y + plot.height)
      .lineTo(X(i), plot.y + plot.height + 2)
      .stroke();
    const label = f.month(start);
    const w = doc.widthOfString(label);
    const x = Math.min(Math.max(X(i) - w / 2, box.x), box.x + box.width - w);
    doc.fillColor(COLOR.muted).text(label, x, plot.y + plot.height + 4, { lineBreak: false });
  }
  line(
    doc,
    trend.before.map((v, i) => [X(i), Y(v)]),
  );
  doc.lineWidth(0.9).strokeColor(COLOR.muted).dash(2.5, { space: 1.5 }).stroke().undash();
  line(
    doc,
    trend.recent.map((v, i) => [X(i), Y(v)]),
  );
  doc.lineWidth(1.3).strokeColor(COLOR.line).stroke();

  // Legend: a sample of each line and its label.
  let lx = box.x + axisLeft;
  const ly = box.y + 4;
  for (const [label, color, dashed] of [
    [f.t('book.trendRecent', { end: f.date(trend.recentEnd) }), COLOR.line, false],
    [f.t('book.trendBefore'), COLOR.muted, true],
  ] as const) {
    doc.moveTo(lx, ly).lineTo(lx + 14, ly);
    if (dashed) doc.dash(2.5, { space: 1.5 });
    doc
      .lineWidth(dashed ? 0.9 : 1.3)
      .strokeColor(color)
      .stroke()
      .undash();
    doc.fillColor(COLOR.text).text(label, lx + 17, ly - 2.5, { lineBreak: false });
    lx += 17 + doc.widthOfString(label) + 10;
  }
  doc.restore();
}

function line(doc: Doc, points: [number, number][]): void {
  points.forEach(([x, y], i) => (i === 0 ? doc.moveTo(x, y) : doc.lineTo(x, y)));
}
