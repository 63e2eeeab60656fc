import { PERIOD_KEYS } from '@vigia/domain';
import type { CompstatReport } from '../report/compstat-report.js';
import { coverageNotes } from '../report/coverage-notes.js';
import type { BookData } from './book-data.js';
import { winAnsi, type BookFormat } from './book-format.js';
import { COLOR, MONO, type BookLayout } from './pdf-layout.js';

/**
 * Why the book marks fewer changes than the exact test alone would (a partial week, last year before
 * the data: coverageNotes), as sentences in the book's language with its dates.
 */
export function coverageText(report: CompstatReport, f: BookFormat): string[] {
  return coverageNotes(report).map((n) =>
    f.t(n.key, Object.fromEntries(Object.entries(n.params).map(([k, v]) => [k, f.date(v)]))),
  );
}

/**
 * The cover: title, agency, week, the three compared windows with their dates, how many unit pages
 * follow, why changes are not marked where the data do not cover the windows (coverageText), when the
 * book was generated (in the agency's time zone), and the audit anchor: the newest
 * audit row's number and SHA-256 hash at the time of generation.
 */
export function drawCover(layout: BookLayout, data: BookData, f: BookFormat, now: number): void {
  const { report, agency } = data;
  layout.y = 120;
  layout.paragraph(f.t('book.title'), 30, { font: 'Helvetica-Bold', gap: 10 });
  layout.paragraph(winAnsi(agency.name), 18, { gap: 6 });
  layout.paragraph(f.t('book.week', { week: report.week }), 14, { gap: 18 });
  if (data.demo) layout.paragraph(f.t('demo.notice'), 10, { color: COLOR.up, gap: 12 });

  layout.paragraph(f.t('book.windows'), 10, { font: 'Helvetica-Bold', gap: 4 });
  for (const k of PERIOD_KEYS) {
    const p = report.periods[k];
    layout.paragraph(
      f.t('book.window', {
        label: f.t(`report.${k}`),
        start: f.date(p.start),
        end: f.date(p.end),
        previousStart: f.date(p.previousStart),
        previousEnd: f.date(p.previousEnd),
      }),
      10,
      { gap: 3 },
    );
  }
  layout.y += 8;
  for (const note of coverageText(report, f)) layout.paragraph(note, 9, { color: COLOR.up, gap: 8 });
  if (data.level !== null) {
    layout.paragraph(
      f.t('book.units', { level: winAnsi(data.level), count: f.count(data.sections.length - 1) }),
      10,
      { gap: 4 },
    );
  }
  layout.paragraph(
    f.t('book.generatedAt', { at: f.instant(now, agency.timeZone), timeZone: agency.timeZone }),
    10,
    {
      gap: 30,
    },
  );

  layout.paragraph(f.t('book.anchorTitle'), 11, { font: 'Helvetica-Bold', gap: 4 });
  const head = data.auditHead;
  if (head === null) {
    layout.paragraph(f.t('book.anchorEmpty'), 9);
    return;
  }
  layout.paragraph(
    f.t('book.anchor', { seq: f.count(head.seq), at: head.at.replace('T', ' ').replace(/\.\d+Z$|Z$/, '') }),
    9,
    { gap: 3 },
  );
  layout.paragraph(head.hash, 9, { font: MONO, gap: 6 });
  layout.paragraph(f.t('book.anchorNote'), 8, { color: COLOR.muted });
}
