import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isVigiaError, type Locale } from '@vigia/domain';
import type { Store } from '@vigia/store';
import { importIncidents } from '../import/import-incidents.js';
import { compstatReport, type CompstatReport } from '../report/compstat-report.js';
import { weeklySeries } from '../explore/weekly-series.js';
import { openTestStore, removeTestStores } from '../test-helpers/both-stores.js';
import { FIXTURE_HEADER, FIXTURE_MAPPING, fixtureAgency } from '../test-helpers/fixture-agency.js';
import { pageText, readPdf, type PdfPage } from '../test-helpers/pdf-pages.js';
import { gatherBookData } from './book-data.js';
import { winAnsi } from './book-format.js';
import { buildBook } from './build-book.js';
import type { Book, BookActionItem } from './book-types.js';
import { expectRow } from '../test-helpers/book-rows.js';

const NOW = Date.UTC(2020, 0, 1);
const WEEK = '2019-W50';
const D28 = { start: '2019-11-18', end: '2019-12-15' };

/** Local date `YYYY-MM-DD` `n` days after 2018-01-01. */
const day = (n: number) => new Date(Date.UTC(2018, 0, 1 + n)).toISOString().slice(0, 10);

/**
 * Fixture incidents (districts 1 = x 0..1 and 2 = x 1..2, beats 11/12 and 21/22, see fixtureAgency):
 * a robbery surge in beat 11 in the 28 days to 2019-12-15 against a quiet year before, a steady theft
 * every 4 days in beat 21 over two years, one homicide in beat 22 in the week, one theft without a
 * location (source beat 12), one outside every unit, and one on the Monday after the week (the export
 * covers the week whole). `expected` counts what the map must draw.
 */
function fixtureRows(): { rows: string[]; dotsInDistrict1: number; dotsInDistrict2: number } {
  const rows: string[] = [];
  let id = 0;
  let dots1 = 0;
  let dots2 = 0;
  const add = (date: string, offense: string, beat: string, lon: string, lat: string) => {
    rows.push(`r${++id},${date} 12:00,${offense},,R,${beat},${lon},${lat}`);
    const inD28 = date >= D28.start && date <= D28.end;
    if (inD28 && lon !== '' && Number(lon) < 1 && Number(lat) <= 1) dots1++;
    if (inD28 && lon !== '' && Number(lon) >= 1 && Number(lon) < 2) dots2++;
  };
  for (let i = 0; i < 24; i++)
    add(`2019-11-${String(18 + (i % 12)).padStart(2, '0')}`, 'ROBO', '', '0.3', '0.2');
  add(day(3), 'ROBO', '', '0.3', '0.2'); // the category's data start well before last year's windows
  for (let i = 0; i < 4; i++) add(`2018-11-${String(20 + i).padStart(2, '0')}`, 'ROBO', '', '0.3', '0.2');
  for (let n = 0; n < 713; n += 4) add(day(n), 'HURTO', '', '1.4', '0.3');
  add('2019-12-11', 'HOMICIDIO', '', '1.6', '0.8');
  add('2019-12-12', 'HURTO', '12', '', '');
  add('2019-12-13', 'HURTO', '', '5', '5');
  // The export runs past the book week's Sunday (2019-12-15), so the week is whole: without this row the
  // data would end on its Saturday (the last theft), and a partial week marks no change significant.
  add('2019-12-16', 'HURTO', '', '1.4', '0.3');
  return { rows, dotsInDistrict1: dots1, dotsInDistrict2: dots2 };
}

let store: Store;
let report: CompstatReport;
let fixture: ReturnType<typeof fixtureRows>;
const books: Partial<Record<Locale, { book: Book; pages: PdfPage[] }>> = {};
const ITEMS: BookActionItem[] = [
  {
    title: 'Patrullaje dirigido en la calle Ñandú, ¿horario nocturno?',
    owner: 'Cmdte. Pérez',
    due: '2019-12-10',
    status: 'open',
  },
  {
    title: 'Reunión con la junta de vecinos',
    owner: 'Sgto. López',
    due: '2020-01-15',
    status: 'in_progress',
  },
  { title: 'Informe ya entregado', owner: 'Sgto. López', due: '2019-12-01', status: 'done' },
];

beforeAll(async () => {
  const f = await fixtureAgency();
  store = f.store;
  fixture = fixtureRows();
  const mapping = await f.write('m.json', JSON.stringify(FIXTURE_MAPPING));
  const csv = await f.write('in.csv', [FIXTURE_HEADER, ...fixture.rows].join('\n'));
  await importIncidents(store, { file: csv, profile: 'generic', mappingFile: mapping, nowMs: NOW });
  report = await compstatReport(store, { week: WEEK, level: 'district' });
  const district1 = (await store.listUnits()).find((u) => u.level === 'district' && u.code === '1')!;
  for (const lang of ['es', 'en'] as const) {
    const book = await buildBook(store, {
      week: WEEK,
      lang,
      now: NOW,
      actor: 'test:book',
      actionItemsFor: (unitId) => Promise.resolve(unitId === district1.id ? ITEMS : []),
    });
    books[lang] = { book, pages: await readPdf(book.pdf) };
  }
});

afterAll(async () => {
  await store.close();
});

/** The page whose first line is `heading`. */
function pageTitled(pages: PdfPage[], heading: string): PdfPage {
  const page = pages.find((p) => p.lines[0]?.join(' ') === heading);
  if (!page)
    throw new Error(`no page titled "${heading}": ${pages.map((p) => p.lines[0]?.join(' ')).join(' | ')}`);
  return page;
}

describe.each(['es', 'en'] as const)('the book in %s', (lang) => {
  const labels = {
    es: {
      agency: 'Total de la institución — Test PD',
      all: 'Todas las categorías',
      robbery: 'Robo',
      items: 'Compromisos abiertos',
      none: 'ninguno',
    },
    en: {
      agency: 'Agency total — Test PD',
      all: 'All categories',
      robbery: 'Robbery',
      items: 'Open action items',
      none: 'none',
    },
  }[lang];

  it('prints the report figures on the agency page and on each unit page', () => {
    const { pages } = books[lang]!;
    const agencyPage = pageTitled(pages, labels.agency);
    for (const row of report.rows) {
      const page = row.unit === '*' ? agencyPage : pageTitled(pages, `district ${row.unit}`);
      const label = row.category === '*' ? labels.all : row.category === 'robbery' ? labels.robbery : null;
      if (label) expectRow(page, label, row, lang);
    }
    // The surge is significant, so the robbery row of district 1 carries the mark.
    expect(report.rows.find((r) => r.unit === '1' && r.category === 'robbery')?.d28.significant).toBe(true);
  });

  it('gives each unit its own page, listed with its page number in the contents', () => {
    const { book, pages } = books[lang]!;
    expect(book.unitPages.map((u) => u.code)).toEqual(['1', '2']);
    for (const u of book.unitPages) {
      expect(pages[u.page - 1]!.lines[0]?.join(' ')).toBe(`district ${u.code}`);
      const contentsLine = pages[1]!.lines.find((l) => l[0] === `district ${u.code}`);
      expect(contentsLine?.at(-1)).toBe(String(u.page));
    }
    expect(book.pages).toBe(pages.length);
    pages.forEach((p, i) => {
      const footer = p.lines.at(-1)!.join(' ');
      expect(footer).toContain(
        lang === 'es' ? `Página ${i + 1} de ${pages.length}` : `Page ${i + 1} of ${pages.length}`,
      );
    });
    expect(book.fileName).toBe(`compstat-2019-W50-${lang}.pdf`);
  });

  it('lists open action items (not done ones) and says none elsewhere', () => {
    const { pages } = books[lang]!;
    const one = pageText(pageTitled(pages, 'district 1'));
    expect(one).toContain(labels.items);
    expect(one).toContain('Patrullaje dirigido en la calle Ñandú, ¿horario nocturno?');
    expect(one).toContain('Reunión con la junta de vecinos');
    expect(one).not.toContain('Informe ya entregado');
    expect(one).toContain(lang === 'es' ? 'abierto (vencido)' : 'open (overdue)');
    const two = pageTitled(pages, 'district 2');
    const heading = two.lines.findIndex((l) => l.join(' ') === labels.items);
    expect(two.lines[heading + 1]?.join(' ')).toBe(labels.none);
  });

  it('draws the map (one dot per located incident of the 28 days) and the two trend lines', () => {
    const { pages } = books[lang]!;
    for (const [code, dots] of [
      ['1', fixture.dotsInDistrict1],
      ['2', fixture.dotsInDistrict2],
    ] as const) {
      const page = pageTitled(pages, `district ${code}`);
      // Dots: one filled path of circles (4 Bézier curves each).
      const dotPath = page.paths.find(
        (p) => p.paint.includes('ill') && p.curveTo > 0 && p.curveTo === 4 * p.moveTo,
      );
      expect(dotPath?.moveTo).toBe(dots);
      // The unit polygon (filled and stroked) and its two beats (stroked).
      expect(
        page.paths.some((p) => p.paint.includes('Stroke') && p.paint.includes('ill') && p.lineTo >= 3),
      ).toBe(true);
      // Trend: two polylines of 52 weekly points.
      expect(page.paths.filter((p) => p.moveTo === 1 && p.lineTo === 51).length).toBe(2);
      expect(pageText(page)).toContain(
        lang === 'es'
          ? `${dots} incidentes en el mapa; ${code === '1' ? 1 : 0} sin ubicación`
          : `${dots} incidents on the map; ${code === '1' ? 1 : 0} without`,
      );
    }
    expect(fixture.dotsInDistrict1).toBeGreaterThan(20);
  });

  it('anchors the cover to the newest audit row, and records the export right after it', async () => {
    const { book, pages } = books[lang]!;
    const exports = await store.listAudit({ action: 'export.book' });
    const own = exports.find((r) => (r.after as { lang?: string }).lang === lang)!;
    // The row printed on the cover is the one just before the book's own export row.
    const [anchored] = await store.listAudit({ beforeSeq: own.seq, limit: 1 });
    expect(book.anchor).toEqual({ seq: anchored!.seq, hash: anchored!.hash });
    expect(own).toMatchObject({
      actor: 'test:book',
      target: 'book:2019-W50',
      after: {
        week: WEEK,
        level: 'district',
        lang,
        pages: pages.length,
        fileName: book.fileName,
        anchor: book.anchor,
      },
    });
    const cover = pageText(pages[0]!);
    expect(cover).toContain(anchored!.hash);
    expect(cover).toContain(lang === 'es' ? `n.º ${anchored!.seq},` : `no. ${anchored!.seq},`);
    expect(cover).toContain(
      lang === 'es' ? 'Semana: 9 dic 2019 a 15 dic 2019' : 'Week to date: Dec 9, 2019 to Dec 15, 2019',
    );
  });
});

describe('book data', () => {
  let book0: Book;
  beforeAll(() => {
    book0 = books.es!.book;
  });

  it('takes the trend from the same weekly counts as the dashboard series', async () => {
    const data = await gatherBookData(store, { week: WEEK, lang: 'en' });
    const series = await weeklySeries(store, { week: WEEK, unit: '2', previousYears: 2 });
    const weeks = series.years.flatMap((y) => y.weeks);
    const s = data.sections.find((x) => x.code === '2')!;
    expect([...s.trend.before, ...s.trend.recent]).toEqual(weeks.slice(-104).map((w) => w.count));
    expect(s.trend.recentStarts[0]).toBe(weeks.at(-52)!.start);
    expect(s.trend.recent.reduce((a, b) => a + b, 0)).toBeGreaterThan(80);
  });

  it('makes a page per unit of another level, named in the file name', async () => {
    const book = await buildBook(store, { week: WEEK, lang: 'es', level: 'beat', now: NOW });
    expect(book.unitPages.map((u) => u.code)).toEqual(['11', '12', '21', '22']);
    expect(book.fileName).toBe('compstat-2019-W50-beat-es.pdf');
    const pages = await readPdf(book.pdf);
    expectRow(
      pageTitled(pages, 'beat 11'),
      'Robo',
      (await compstatReport(store, { week: WEEK, level: 'beat' })).rows.find(
        (r) => r.unit === '11' && r.category === 'robbery',
      )!,
      'es',
    );
  });

  it('continues a unit on the next page when its action items do not fit', async () => {
    const many = Array.from({ length: 70 }, (_, i): BookActionItem => ({
      title: `Compromiso ${i + 1}`,
      owner: 'Cmdte. Pérez',
      due: null,
      status: 'open',
    }));
    const book = await buildBook(store, {
      week: WEEK,
      lang: 'es',
      now: NOW,
      actionItemsFor: (unitId) => Promise.resolve(unitId === book0.unitPages[0]!.unitId ? many : []),
    });
    const pages = await readPdf(book.pdf);
    const [one, two] = book.unitPages;
    expect(two!.page - one!.page).toBeGreaterThan(1);
    const text = pages
      .slice(one!.page - 1, two!.page - 1)
      .map(pageText)
      .join('\n');
    for (const item of many) expect(text).toContain(item.title);
    // The pages after the first start with the unit's heading, marked as a continuation.
    for (const p of pages.slice(one!.page, two!.page - 1)) {
      expect(p.lines[0]?.join(' ')).toBe('district 1 (continuación)');
    }
    expect(book.anchor!.seq).toBeGreaterThan(book0.anchor!.seq);
  });

  it('prints the same pages from a PostgreSQL store', async () => {
    const f = await fixtureAgency(() => openTestStore('PostgreSQL'));
    try {
      const mapping = await f.write('m.json', JSON.stringify(FIXTURE_MAPPING));
      const csv = await f.write('in.csv', [FIXTURE_HEADER, ...fixture.rows].join('\n'));
      await importIncidents(f.store, { file: csv, profile: 'generic', mappingFile: mapping, nowMs: NOW });
      const d1 = (await f.store.listUnits()).find((u) => u.level === 'district' && u.code === '1')!;
      const book = await buildBook(f.store, {
        week: WEEK,
        lang: 'es',
        now: NOW,
        actionItemsFor: (unitId) => Promise.resolve(unitId === d1.id ? ITEMS : []),
      });
      const pg = await readPdf(book.pdf);
      const duck = books.es!.pages;
      // The cover differs only by the audit anchor (another log); every other page is the same.
      expect(pg.slice(1).map(pageText)).toEqual(duck.slice(1).map(pageText));
      expect(pg.slice(1).map((p) => p.paths)).toEqual(duck.slice(1).map((p) => p.paths));
    } finally {
      await f.store.close();
      await removeTestStores();
    }
  });

  it('marks nothing in a week the data cover only in part, and says why on the cover and every page', async () => {
    // The data end on Monday 2019-12-16, the first day of 2019-W51 (2019-12-16..22).
    const partial = await compstatReport(store, { week: '2019-W51', level: 'district' });
    expect(partial.weekCoverage).toBe('partial');
    // District 1's robbery surge: 10 in the 28 days to 2019-12-22 against none a year before, which the
    // exact test alone calls significant.
    const surge = partial.rows.find((r) => r.unit === '1' && r.category === 'robbery')!;
    expect(surge.d28).toMatchObject({ current: 10, previous: 0, significant: false });
    expect(surge.d28.pValue).toBeLessThan(0.05);
    for (const [lang, note] of [
      ['en', 'Partial week: the data end on Dec 16, 2019, the week on Dec 22, 2019.'],
      ['es', 'Semana parcial: los datos terminan el 16 dic 2019 y la semana el 22 dic 2019.'],
    ] as const) {
      const pages = await readPdf((await buildBook(store, { week: '2019-W51', lang, now: NOW })).pdf);
      const flat = (p: PdfPage) => pageText(p).replaceAll('\n', ' ');
      expect(flat(pages[0]!), `${lang} cover`).toContain(note);
      for (const code of ['1', '2']) expect(flat(pageTitled(pages, `district ${code}`))).toContain(note);
      expectRow(pageTitled(pages, 'district 1'), lang === 'en' ? 'Robbery' : 'Robo', surge, lang);
    }
  });

  it('refuses a bad week or an unknown level with catalogued errors', async () => {
    for (const [input, code] of [
      [{ week: '2019-W60', lang: 'es' }, 'INVALID_WEEK'],
      [{ week: WEEK, lang: 'es', level: 'precinct' }, 'UNKNOWN_LEVEL'],
    ] as const) {
      const error = await buildBook(store, input).catch((e: unknown) => e);
      expect(isVigiaError(error) && error.code).toBe(code);
    }
  });
});

describe('winAnsi', () => {
  it('keeps Spanish and English, spells a few symbols, strips accents it cannot draw', () => {
    expect(winAnsi('¿Año? ¡Ñandú! — 10 € … “ok”')).toBe('¿Año? ¡Ñandú! — 10 € … “ok”');
    expect(winAnsi('a → b ≥ c − d')).toBe('a -> b >= c - d');
    expect(winAnsi('Győr Łódź 東京')).toBe('Gyor ?ódz ??');
  });
});
