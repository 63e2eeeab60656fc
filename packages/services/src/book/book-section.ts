import type { BookActionItem } from './book-types.js';
import type { BookSection } from './book-data.js';
import { winAnsi, type BookFormat } from './book-format.js';
import { drawTrend } from './pdf-chart.js';
import { COLOR, BOLD, drawTable, fit, type BookLayout } from './pdf-layout.js';
import { drawMap } from './pdf-map.js';
import { categoryTableSpec } from './compstat-table.js';

/** Height in points of the map and the trend chart, drawn side by side. */
const FIGURE_HEIGHT = 280;
const GUTTER = 12;

/**
 * The heading of a section: "Agency total — name", "district 11" when the name is the code, the name
 * alone when it already starts with the level ("Precinto 3 — Puerto Nuevo"), else "level code — name".
 */
export function sectionHeading(s: BookSection, f: BookFormat): string {
  if (s.unitId === null) return `${f.t('report.agencyTotal')} — ${winAnsi(s.name)}`;
  if (s.name === s.code) return winAnsi(`${s.level} ${s.code}`);
  if (s.name.toLowerCase().startsWith(s.level.toLowerCase())) return winAnsi(s.name);
  return f.t('report.unitHeading', { level: s.level, code: s.code, name: s.name });
}

/**
 * One section, from a new page: heading, the category table, the map of the 28-day incidents beside
 * the weekly trend, then (units only) the open action items. Continues on the next page when needed.
 * @param weekEnd - the book week's Sunday, `YYYY-MM-DD`: an open item due on or before it is overdue (the meeting looks back at a finished week).
 * @param notes - sentences printed under the table's legend: why changes are not marked (coverageText).
 */
export function drawSection(
  layout: BookLayout,
  s: BookSection,
  f: BookFormat,
  d28: { start: string; end: string },
  weekEnd: string,
  notes: readonly string[] = [],
): void {
  const { doc } = layout;
  layout.heading(sectionHeading(s, f), 16);
  drawTable(layout, {
    ...categoryTableSpec(s.rows, f, layout.width),
    continued: `${sectionHeading(s, f)} ${f.t('book.continued')}`,
  });
  layout.paragraph(f.t('report.significant'), 6.5, { color: COLOR.muted, gap: notes.length ? 2 : 8 });
  notes.forEach((note, i) =>
    layout.paragraph(note, 6.5, { color: COLOR.up, gap: i === notes.length - 1 ? 8 : 2 }),
  );

  const half = (layout.width - GUTTER) / 2;
  if (layout.ensure(FIGURE_HEIGHT + 40))
    layout.heading(`${sectionHeading(s, f)} ${f.t('book.continued')}`, 12);
  const titleY = layout.y;
  doc.font(BOLD).fontSize(8).fillColor(COLOR.text);
  doc.text(
    fit(doc, f.t('book.mapTitle', { start: f.date(d28.start), end: f.date(d28.end) }), half),
    layout.left,
    titleY,
    {
      lineBreak: false,
    },
  );
  doc.text(fit(doc, f.t('book.trendTitle'), half), layout.left + half + GUTTER, titleY, { lineBreak: false });
  const box = { x: layout.left, y: titleY + 12, width: half, height: FIGURE_HEIGHT };
  const km = (m: number) => (m >= 1000 ? `${f.count(m / 1000)} km` : `${f.count(m)} m`);
  const drawn = drawMap(
    doc,
    box,
    { outline: s.outline, inner: s.inner, lon: s.points.lon, lat: s.points.lat },
    km,
  );
  if (!drawn) {
    doc.font('Helvetica').fontSize(8).fillColor(COLOR.muted);
    doc.text(f.t('book.mapNoGeometry'), box.x + 8, box.y + box.height / 2, { width: box.width - 16 });
  }
  drawTrend(
    doc,
    { x: layout.left + half + GUTTER, y: box.y, width: half, height: FIGURE_HEIGHT },
    s.trend,
    f,
  );
  layout.y = box.y + FIGURE_HEIGHT + 4;
  doc.font('Helvetica').fontSize(7).fillColor(COLOR.muted);
  const caption = [
    f.t('book.mapCaption', { count: f.count(s.points.lon.length), missing: f.count(s.points.missing) }),
    ...(s.innerLevel !== null && s.outline !== null
      ? [f.t('book.mapLegend', { level: winAnsi(s.innerLevel) })]
      : []),
  ].join(' ');
  doc.text(caption, layout.left, layout.y, { width: half });
  layout.y += doc.heightOfString(caption, { width: half }) + 12;

  if (s.actionItems !== null) drawActionItems(layout, sectionHeading(s, f), s.actionItems, f, weekEnd);
}

/** The open action items as a table (title, owner, due date, status), or "none". */
function drawActionItems(
  layout: BookLayout,
  heading: string,
  items: BookActionItem[],
  f: BookFormat,
  weekEnd: string,
): void {
  if (layout.ensure(40)) layout.heading(`${heading} ${f.t('book.continued')}`, 12);
  layout.heading(f.t('book.actionItems'), 11);
  if (items.length === 0) {
    layout.paragraph(f.t('book.none'), 9);
    return;
  }
  const status = (a: BookActionItem) =>
    f.t(
      `book.status${a.status === 'in_progress' ? 'InProgress' : a.status[0]!.toUpperCase() + a.status.slice(1)}`,
    );
  drawTable(layout, {
    fontSize: 8,
    continued: `${heading} ${f.t('book.continued')}`,
    columns: [
      { width: layout.width - 290, align: 'left' },
      { width: 130, align: 'left' },
      { width: 70, align: 'left' },
      { width: 90, align: 'left' },
    ],
    header: [
      [
        { text: f.t('book.actionTitle'), span: 1 },
        { text: f.t('book.owner'), span: 1 },
        { text: f.t('book.due'), span: 1 },
        { text: f.t('book.status'), span: 1 },
      ],
    ],
    rows: items.map((a) => {
      const overdue = a.due !== null && a.due <= weekEnd;
      return {
        cells: [
          { text: winAnsi(a.title) },
          { text: winAnsi(a.owner) },
          { text: a.due === null ? '—' : f.date(a.due) },
          overdue
            ? { text: `${status(a)} (${f.t('book.overdue')})`, color: COLOR.up, bold: true }
            : { text: status(a) },
        ],
      };
    }),
  });
}
