import PDFDocument from 'pdfkit';
import { UNKNOWN_ACTOR, type Store } from '@vigia/store';
import { coverageText, drawCover } from './book-cover.js';
import { gatherBookData, type BookData } from './book-data.js';
import { bookFormat, winAnsi, type BookFormat } from './book-format.js';
import { drawSection, sectionHeading } from './book-section.js';
import type { Book, BookInput } from './book-types.js';
import { compstatTableSpec } from './compstat-table.js';
import { BookLayout, COLOR, FONT, PAGE, drawTable, type Doc } from './pdf-layout.js';

/**
 * Builds the COMPSTAT meeting book as a PDF (pdfkit, vector drawing, standard fonts): a cover (agency,
 * week, the WTD / 28-day / YTD dates, generation time, audit-log anchor), a contents page that is also
 * the summary of every unit of the level (all categories, with its page), the agency page, then one
 * section per unit of `level` (default the top level): its COMPSTAT table, a map of its 28-day
 * incidents, its weekly trend over two years and its open action items. Figures are those of
 * {@link compstatReport} for the same week and level (docs/book.md). Every page has its number.
 * A book hands data out, so once built it is recorded in the audit log as `export.book` (target
 * `book:<week>`; week, level, language, pages, file name and the anchor it printed) by `input.actor`;
 * the book's anchor is therefore the row just before its own.
 * @throws VigiaError INVALID_WEEK, UNKNOWN_LEVEL, NOT_INITIALIZED.
 */
export async function buildBook(store: Store, input: BookInput): Promise<Book> {
  const data = await gatherBookData(store, input);
  const f = bookFormat(input.lang);
  const now = input.now ?? Date.now();
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: PAGE.margin,
    bufferPages: true,
    lang: input.lang === 'es' ? 'es-ES' : 'en-US',
    info: {
      Title: `${f.t('book.title')} ${data.report.week} — ${winAnsi(data.agency.name)}`,
      Author: winAnsi(data.agency.name),
      Creator: 'Vigía',
      CreationDate: new Date(now),
      ModDate: new Date(now),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const layout = new BookLayout(doc);
  drawCover(layout, data, f, now);
  layout.newPage();
  const contentRows = drawContents(layout, data, f);
  const starts: number[] = [];
  const weekEnd = data.report.periods.wtd.end;
  const notes = coverageText(data.report, f);
  for (const section of data.sections) {
    layout.newPage();
    starts.push(layout.pageIndex);
    drawSection(layout, section, f, data.report.periods.d28, weekEnd, notes);
  }
  // Page numbers in the contents, now that every section has its page.
  contentRows.forEach((at, i) => {
    const page = starts[i];
    if (at === undefined || page === undefined) return;
    doc.switchToPage(at.pageIndex);
    doc.font(FONT).fontSize(7.5).fillColor(COLOR.text);
    const text = f.count(page + 1);
    doc.text(text, layout.left + layout.width - 2 - doc.widthOfString(text), at.y, { lineBreak: false });
  });
  const pages = doc.bufferedPageRange().count;
  for (let i = 0; i < pages; i++) footer(doc, i, pages, data, f);
  doc.end();
  await finished;

  const levelPart = input.level !== undefined && data.level !== null ? `-${slug(data.level)}` : '';
  const fileName = `compstat-${data.report.week}${levelPart}-${input.lang}.pdf`;
  const anchor = data.auditHead && { seq: data.auditHead.seq, hash: data.auditHead.hash };
  await store.appendAudit({
    actor: input.actor ?? UNKNOWN_ACTOR,
    action: 'export.book',
    target: `book:${data.report.week}`,
    before: null,
    after: { week: data.report.week, level: data.level, lang: input.lang, pages, fileName, anchor },
  });
  return {
    pdf: Buffer.concat(chunks),
    pages,
    fileName,
    anchor,
    unitPages: data.sections.flatMap((s, i) =>
      s.unitId === null ? [] : [{ unitId: s.unitId, code: s.code, page: starts[i]! + 1 }],
    ),
  };
}

/**
 * The contents: one row per section (the agency, then each unit) with its all-categories figures and
 * the page where it starts (filled in later), then what the units do not account for.
 * @returns where each section's row was drawn (page index and y), in section order.
 */
function drawContents(
  layout: BookLayout,
  data: BookData,
  f: BookFormat,
): ({ pageIndex: number; y: number } | undefined)[] {
  const level = data.level === null ? '' : winAnsi(data.level);
  const title = `${f.t('book.contents')}${data.level === null ? '' : ` — ${f.t('book.byUnitSection', { level })}`}`;
  layout.heading(title, 14);
  const rows = data.sections.flatMap((s) => {
    const row = s.rows.find((r) => r.category === '*');
    const label = s.unitId === null ? f.t('report.agencyTotal') : sectionHeading(s, f);
    return row ? [{ label, row, bold: s.unitId === null, extra: [{ text: '' }] }] : [];
  });
  const remainder = data.remainder.find((r) => r.category === '*');
  if (remainder)
    rows.push({
      label: f.t('book.remainderRow', { level }),
      row: remainder,
      bold: false,
      extra: [{ text: '' }],
    });
  const at: ({ pageIndex: number; y: number } | undefined)[] = [];
  drawTable(
    layout,
    {
      ...compstatTableSpec(rows, f, {
        totalWidth: layout.width,
        labelHeader: f.t('report.unit'),
        extra: [{ header: f.t('book.pageColumn'), column: { width: 24, align: 'right' } }],
      }),
      continued: `${f.t('book.contents')} ${f.t('book.continued')}`,
    },
    (i, pageIndex, y) => {
      if (i < data.sections.length) at[i] = { pageIndex, y };
    },
  );
  if (remainder)
    layout.paragraph(`${f.t('book.remainderRow', { level })}: ${f.t('report.remainder', { level })}.`, 7, {
      color: COLOR.muted,
    });
  layout.paragraph(f.t('report.significant'), 7, { color: COLOR.muted });
  for (const note of coverageText(data.report, f)) layout.paragraph(note, 7, { color: COLOR.up });
  return at;
}

function footer(doc: Doc, index: number, pages: number, data: BookData, f: BookFormat): void {
  doc.switchToPage(index);
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0; // writing below the bottom margin would otherwise start a new page
  const y = PAGE.height - PAGE.margin + 4;
  doc.font(FONT).fontSize(7).fillColor(COLOR.muted);
  doc.text(f.t('book.footer', { agency: data.agency.name, week: data.report.week }), PAGE.margin, y, {
    lineBreak: false,
  });
  const page = f.t('book.page', { page: f.count(index + 1), pages: f.count(pages) });
  doc.text(page, PAGE.width - PAGE.margin - doc.widthOfString(page), y, { lineBreak: false });
  doc.page.margins.bottom = bottom;
}

function slug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'level'
  );
}
