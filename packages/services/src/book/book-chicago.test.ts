import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '@vigia/domain';
import { DuckDbStore, type Store } from '@vigia/store';
import { sharedPath } from '../../../../test/shared-reference.js';
import { initAgency } from '../agency/init-agency.js';
import { importIncidents } from '../import/import-incidents.js';
import { compstatReport, type CompstatReport } from '../report/compstat-report.js';
import { expectRow } from '../test-helpers/book-rows.js';
import { readPdf, type PdfPage } from '../test-helpers/pdf-pages.js';
import { importUnits } from '../units/import-units.js';
import { buildBook } from './build-book.js';
import type { Book } from './book-types.js';

/**
 * The book of the real Chicago data (../shared/data/chicago: 148,636 aggravated assaults 2010–2019,
 * 23 districts and their beats) for week 2019-W50 at district level, read back with pdf.js: every
 * figure of `report compstat --level district` must be printed, on the contents, the agency page and
 * each district's page, in both languages.
 */
describe('the Chicago book, real data', () => {
  let store: Store;
  let report: CompstatReport;
  const books: { lang: 'es' | 'en'; book: Book; pages: PdfPage[] }[] = [];

  beforeAll(async () => {
    store = await DuckDbStore.open(':memory:');
    await initAgency(store, { name: 'Chicago Police Department', timeZone: 'America/Chicago', locale: 'en' });
    await importUnits(store, {
      file: sharedPath('data/chicago/police_districts_current.geojson'),
      level: 'district',
      codeProperty: 'district',
    });
    await importUnits(store, {
      file: sharedPath('data/chicago/police_beats_2012.geojson'),
      level: 'beat',
      codeProperty: 'BEAT_NUM',
      parentLevel: 'district',
      parentProperty: 'DISTRICT',
    });
    await importIncidents(store, {
      file: sharedPath('data/chicago/aggravated_assaults_2010_2019.csv'),
      profile: 'chicago-code',
      nowMs: Date.UTC(2026, 0, 1),
    });
    report = await compstatReport(store, { week: '2019-W50', level: 'district' });
    for (const lang of ['es', 'en'] as const) {
      const book = await buildBook(store, { week: '2019-W50', lang, now: Date.UTC(2026, 0, 1) });
      books.push({ lang, book, pages: await readPdf(book.pdf) });
    }
  });

  afterAll(async () => {
    await store.close();
  });

  it('has a page for each of the 23 districts of the report', () => {
    const districts = [...new Set(report.rows.filter((r) => r.unit !== '*').map((r) => r.unit))];
    expect(districts).toHaveLength(23);
    for (const { book, pages } of books) {
      expect(book.unitPages.map((u) => u.code)).toEqual(districts);
      for (const u of book.unitPages)
        expect(pages[u.page - 1]!.lines[0]?.join(' ')).toBe(`district ${u.code}`);
    }
  });

  it('prints every figure of the report on the contents, the agency page and each district page', () => {
    for (const { lang, book, pages } of books) {
      const all = translate(lang, 'category.*');
      const assault = translate(lang, 'category.aggravated_assault');
      const agencyTotal = translate(lang, 'report.agencyTotal');
      const agencyPage = pages.find(
        (p) => p.lines[0]?.join(' ') === `${agencyTotal} — Chicago Police Department`,
      )!;
      let checked = 0;
      for (const row of report.rows) {
        const page =
          row.unit === '*' ? agencyPage : pages[book.unitPages.find((u) => u.code === row.unit)!.page - 1]!;
        expectRow(page, row.category === '*' ? all : assault, row, lang);
        if (row.category === '*')
          expectRow(pages[1]!, row.unit === '*' ? agencyTotal : `district ${row.unit}`, row, lang);
        checked++;
      }
      expect(checked).toBe(2 * 24);
    }
  });

  it('draws one dot per incident of the 28 days on each district map (all are located)', () => {
    const { book, pages } = books[0]!;
    for (const u of book.unitPages) {
      const d28 = report.rows.find((r) => r.unit === u.code && r.category === '*')!.d28.current;
      const dots = pages[u.page - 1]!.paths.find(
        (p) => p.paint.includes('ill') && p.curveTo > 0 && p.curveTo === 4 * p.moveTo,
      );
      expect([u.code, dots?.moveTo ?? 0]).toEqual([u.code, d28]);
    }
  });
});
