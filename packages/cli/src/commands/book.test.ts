import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedPath } from '../../../../test/shared-reference.js';
import { runCli, tempDir } from '../test-helpers/cli-harness.js';

const NOW = Date.UTC(2020, 0, 10);
const ROWS = [
  'date,loc_cat,longitude,latitude,district',
  '2019-12-09 10:00,street,-87.6277,41.7922,2',
  '2019-12-10 23:30,residence,-87.6683,41.7513,6',
  '2019-12-14 08:15,street,-87.7,41.9,25',
];

/** Page objects of a PDF written by pdfkit (object dictionaries are not compressed). */
const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;

describe('vigia book', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it('writes the PDF, prints its path and pages, and refuses bad input with clear errors', async () => {
    const tmp = await tempDir();
    cleanups.push(tmp.remove);
    const db = tmp.path('v.duckdb');
    const run = (args: string[]) => runCli([...args, '--db', db], { nowMs: NOW });
    expect(
      (await run(['init', '--agency-name', 'CPD', '--time-zone', 'America/Chicago', '--locale', 'en'])).code,
    ).toBe(0);
    const districts = sharedPath('data/chicago/police_districts_current.geojson');
    expect(
      (await run(['import', 'units', districts, '--level', 'district', '--code-property', 'district'])).code,
    ).toBe(0);
    const csv = await tmp.write('few.csv', `${ROWS.join('\n')}\n`);
    expect((await run(['import', 'incidents', csv, '--profile', 'chicago-code'])).code).toBe(0);

    const out = tmp.path('libro.pdf');
    const es = await run(['book', '--week', '2019-W50', '--lang', 'es', '--out', out]);
    expect(es.err).toBe('');
    expect(es.code).toBe(0);
    const pdf = await readFile(out);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // Cover, contents, agency page and the 23 districts.
    expect(pageCount(pdf)).toBe(26);
    expect(es.out).toBe(`Libro escrito en ${out}: 26 páginas.\n`);
    const audit = await runCli(['audit', 'list', '--db', db, '--action', 'export.book', '--format', 'json'], {
      nowMs: NOW,
    });
    expect(audit.out).toMatch(/"action":"export\.book","target":"book:2019-W50"/);

    // English by default here (the agency's locale).
    const en = await run(['book', '--week', '2019-W50', '--out', tmp.path('book.pdf')]);
    expect(en.out).toContain('26 pages.');

    const level = await run(['book', '--week', '2019-W50', '--level', 'beat', '--out', tmp.path('x.pdf')]);
    expect([level.code, level.err]).toEqual([1, expect.stringContaining('beat') as unknown]);
    const week = await run(['book', '--week', '2019-50', '--out', tmp.path('x.pdf')]);
    expect(week.code).toBe(1);
    const nowhere = await run(['book', '--week', '2019-W50', '--out', tmp.path('missing/dir/x.pdf')]);
    expect(nowhere.code).toBe(1);
    expect(nowhere.err).toContain('Cannot write');
  });
});
