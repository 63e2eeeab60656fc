import { readFileSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openBrowser, signInEverywhere, watchPage } from './browser.js';
import { sharedPath } from '../test/shared-reference.js';
import { E2E_USER, startChicagoServer, type ChicagoServer } from './chicago-server.js';

/**
 * Browser tests of the dashboard (Debian chromium through playwright-core) against the API serving the
 * real Chicago data (../shared/data/chicago) with the clock in 2019-W51. Numbers on screen are compared
 * with the API's own JSON for the same request, not with hard-coded values.
 */
const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

let server: ChicagoServer;
let browser: { context: BrowserContext; close: () => Promise<void> };
/** The session cookie of the tests' own API requests. */
let cookie = '';

/** Fills in and sends the sign-in form of `page`. */
async function signIn(page: Page, password = E2E_USER.password): Promise<void> {
  const form = page.locator('form[data-testid=login]');
  await form.locator('input[name=username]').fill(E2E_USER.username);
  await form.locator('input[name=password]').fill(password);
  await form.locator('button[type=submit]').click();
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  [server, browser] = await Promise.all([startChicagoServer(), openBrowser()]);
  // Sign the browser in once (its profile keeps the session cookie for every tab) and the API requests.
  cookie = await signInEverywhere(browser.context, server.base, E2E_USER);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function api<T>(path: string): Promise<T> {
  const r = await fetch(`${server.base}/api/v1${path}`, { headers: { cookie } });
  expect(r.status).toBe(200);
  return (await r.json()) as T;
}

/** Opens a dashboard route in a new tab, collecting console errors and off-host requests. */
async function open(hash: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.context.newPage();
  const problems = watchPage(page, server.base);
  await page.goto(`${server.base}/${hash}`);
  return { page, problems };
}

/** An integer as the en-US dashboard prints it (1,339 / +3 / -12). */
const int = (text: string | null) => Number((text ?? '').replace(/[−–]/g, '-').replace(/[^\d-]/g, ''));

interface Cell {
  current: number;
  previous: number;
  change: number;
}
type Row = { unit: string; category: string } & Record<'wtd' | 'd28' | 'ytd', Cell>;

describe('dashboard on the real Chicago data', () => {
  it('COMPSTAT: district 11 shows the same numbers as the API, and drills down to its beats', async () => {
    const { page, problems } = await open('#/compstat?week=2019-W50&level=district');
    const row = page.locator('table[data-testid=book] tr[data-unit="11"]');
    await row.waitFor();
    const report = await api<{ rows: Row[] }>('/reports/compstat?week=2019-W50&level=district');
    const expected = report.rows.find((r) => r.unit === '11' && r.category === '*');
    expect(expected).toBeDefined();
    for (const w of ['wtd', 'd28', 'ytd'] as const) {
      const shown = {
        current: int(await row.locator(`td[data-col=${w}-current]`).textContent()),
        previous: int(await row.locator(`td[data-col=${w}-previous]`).textContent()),
        change: int(await row.locator(`td[data-col=${w}-change]`).textContent()),
      };
      expect([w, shown]).toEqual([
        w,
        { current: expected![w].current, previous: expected![w].previous, change: expected![w].change },
      ]);
    }
    expect(await page.locator('table[data-testid=book] tbody tr[data-unit]').count()).toBe(
      report.rows.filter((r) => r.category === '*').length,
    );
    await page.screenshot({ path: `${SHOTS}compstat.png`, fullPage: true });

    // The printed book of the same week and level downloads as a PDF named after them.
    const href = await page.locator('a[data-testid=book-pdf]').getAttribute('href');
    expect(href).toBe('/api/v1/book?week=2019-W50&level=district&lang=en');
    const pdf = await fetch(`${server.base}${href}`, { headers: { cookie } });
    expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect(pdf.headers.get('content-disposition')).toContain('compstat-2019-W50-district-en.pdf');

    await row.locator('button').click();
    await page.waitForURL(/unit=11/);
    const beats = await api<{ rows: Row[] }>('/reports/compstat?week=2019-W50&unit=11');
    const beatRows = beats.rows.filter((r) => r.category === '*');
    await page.locator(`table[data-testid=book] tr[data-unit="${beatRows.at(-1)!.unit}"]`).waitFor();
    expect(await page.locator('table[data-testid=book] tbody tr[data-unit]').count()).toBe(beatRows.length);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('Map: draws every district polygon offline and says how many incidents have no location', async () => {
    const { page, problems } = await open('#/map?week=2019-W50&period=d28');
    const districts = await api<{ features: { geometry: unknown }[] }>('/units?level=district');
    const withPolygon = districts.features.filter((f) => f.geometry !== null).length;
    expect(withPolygon).toBeGreaterThanOrEqual(22);
    const map = page.locator('[data-testid=map]');
    await expect
      .poll(async () => Number(await map.getAttribute('data-units-rendered')), { timeout: 30_000 })
      .toBe(withPolygon);

    const report = await api<{ periods: { d28: { start: string; end: string } } }>(
      '/reports/compstat?week=2019-W50&level=district',
    );
    const { start, end } = report.periods.d28;
    const incidents = await api<{ withoutLocation: number }>(`/incidents?from=${start}&to=${end}&limit=1`);
    const noLocation = page.locator('[data-testid=no-location]');
    await noLocation.waitFor();
    expect(Number(await noLocation.getAttribute('data-count'))).toBe(incidents.withoutLocation);
    expect(await page.locator('.unit-label').count()).toBe(withPolygon);
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${SHOTS}map.png` });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('Trends: charts this year, the two previous years and the 28-day rolling line', async () => {
    const { page, problems } = await open('#/trends?week=2019-W50&unit=11');
    const chart = page.locator('canvas[data-testid=trend-chart]');
    await chart.waitFor();
    expect(await chart.getAttribute('data-lines')).toBe('4');
    const series = await api<{ years: { isoYear: number; weeks: { week: number; count: number }[] }[] }>(
      '/series/weekly?week=2019-W50&unit=11&previousYears=2',
    );
    const total2019 = series.years
      .find((y) => y.isoYear === 2019)!
      .weeks.filter((w) => w.week <= 50)
      .reduce((s, w) => s + w.count, 0);
    await expect
      .poll(() => page.locator('ul.totals li').first().textContent())
      .toContain(total2019.toLocaleString('en-US'));
    await page.screenshot({ path: `${SHOTS}trends.png` });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('Data quality: the figures of the API and the upload form', async () => {
    const { page, problems } = await open('#/quality');
    const q = await api<{ incidents: number; noLocation: number }>('/quality');
    const incidents = page.locator('[data-figure=incidents] dd');
    await incidents.waitFor();
    expect(int(await incidents.textContent())).toBe(q.incidents);
    expect(int(await page.locator('[data-figure=noLocation] dd').textContent())).toBe(q.noLocation);
    await page.screenshot({ path: `${SHOTS}quality.png`, fullPage: true });

    // Upload the first 20 rows of the same export again: read 20, all unchanged (same derived ids).
    const lines = readFileSync(sharedPath('data/chicago/aggravated_assaults_2010_2019.csv'), 'utf8').split(
      '\n',
    );
    const file = join(server.dir, 'first-rows.csv');
    writeFileSync(file, `${lines.slice(0, 21).join('\n')}\n`);
    await page.selectOption('form[data-testid=upload] select[name=kind]', 'incidents');
    await page.selectOption('form[data-testid=upload] select[name=profile]', 'chicago-code');
    await page.setInputFiles('form[data-testid=upload] input[name=file]', file);
    await page.click('form[data-testid=upload] button[type=submit]');
    const figure = (k: string) => page.locator(`[data-testid=upload-summary] [data-figure=${k}] dd`);
    await figure('read').waitFor({ timeout: 30_000 });
    expect(int(await figure('read').textContent())).toBe(20);
    expect(int(await figure('unchanged').textContent())).toBe(20);
    expect(await page.locator('[data-testid=reconciliation]').textContent()).toContain(
      'Every row is accounted for',
    );
    expect(await page.locator('form[data-testid=upload] progress').getAttribute('value')).toBe(
      await page.locator('form[data-testid=upload] progress').getAttribute('max'),
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  it('switching the language to Spanish changes the labels and number formats, and is remembered', async () => {
    const { page, problems } = await open('#/compstat?week=2019-W50&level=district');
    await page.locator('table[data-testid=book]').waitFor();
    expect(await page.locator('nav a[data-page=map]').textContent()).toBe('Map');
    await page.selectOption('select[name=lang]', 'es');
    await expect.poll(() => page.locator('nav a[data-page=map]').textContent()).toBe('Mapa');
    expect(await page.locator('h1').textContent()).toContain('Libro COMPSTAT');
    expect(await page.locator('table[data-testid=book] thead').textContent()).toContain('Año anterior');
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    await page.screenshot({ path: `${SHOTS}compstat-es.png`, fullPage: true });
    await page.reload();
    await expect.poll(() => page.locator('nav a[data-page=trends]').textContent()).toBe('Tendencias');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('Audit log: an exported CSV is recorded; the page lists the API rows newest first and checks the chain', async () => {
    const book = await open('#/compstat?week=2019-W50&level=district');
    await book.page.locator('table[data-testid=book]').waitFor();
    const [download] = await Promise.all([
      book.page.waitForEvent('download'),
      book.page.click('[data-testid=export-csv]'),
    ]);
    expect(download.suggestedFilename()).toBe('compstat-2019-W50.csv');
    expect(book.problems).toEqual([]);
    await book.page.close();

    const { page, problems } = await open('#/audit');
    const log = await api<{ rows: { seq: number; action: string }[] }>('/audit?limit=50');
    expect(log.rows[0]?.action).toBe('export.compstat_csv');
    const rows = page.locator('table[data-testid=audit] tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(log.rows.length);
    expect(await rows.first().getAttribute('data-action')).toBe('export.compstat_csv');
    expect(await rows.first().locator('td').first().textContent()).toBe(String(log.rows[0]!.seq));
    expect(await rows.first().textContent()).toContain('week: 2019-W50');

    await page.selectOption('form[data-testid=audit-filters] select[name=action]', 'import');
    await page.click('form[data-testid=audit-filters] button[type=submit]');
    await page.waitForURL(/action=import/);
    const imports = await api<{ rows: unknown[] }>('/audit?action=import');
    await expect.poll(() => rows.count()).toBe(imports.rows.length);
    expect(await page.locator('tr[data-action="export.compstat_csv"]').count()).toBe(0);

    await page.click('[data-testid=audit-verify]');
    const verdict = page.locator('[data-testid=audit-verification]');
    await verdict.waitFor();
    // Whatever language an earlier test left chosen, the head shown is the API's.
    const check = await api<{ ok: boolean; head: { seq: number; hash: string } }>('/audit/verify');
    expect(check.ok).toBe(true);
    expect(await verdict.textContent()).toContain(`${check.head.seq}:${check.head.hash}`);
    await page.screenshot({ path: `${SHOTS}audit.png`, fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('COMPSTAT: a week the data cover only in part marks nothing and says why (2020-W01)', async () => {
    // The Chicago file ends on Tuesday 2019-12-31, inside 2020-W01 (2019-12-30..2020-01-05).
    const { page, problems } = await open('#/compstat?week=2020-W01&level=district');
    await page.selectOption('header select[name=lang]', 'en'); // an earlier test may have chosen Spanish
    await page.locator('table[data-testid=book] tr[data-unit="11"]').waitFor();
    const note = page.locator('[data-testid=coverage-note]');
    await expect
      .poll(() => note.first().textContent())
      .toBe(
        'Partial week: the data end on Dec 31, 2019, the week on Jan 5, 2020. No change is marked significant: days not loaded yet would count as days without crime.',
      );
    expect(await page.locator('table[data-testid=book] [data-significant]').count()).toBe(0);
    // The week before is whole: no note, and the API's significant cells are marked on screen.
    await page.goto(`${server.base}/#/compstat?week=2019-W52&level=district`);
    await expect.poll(() => note.count()).toBe(0);
    type Marked = Row & Record<'wtd' | 'd28' | 'ytd', { significant: boolean }>;
    const w52 = await api<{ rows: Marked[]; remainder: Marked[] }>(
      '/reports/compstat?week=2019-W52&level=district',
    );
    const marked = [...w52.rows, ...w52.remainder]
      .filter((r) => r.category === '*')
      .flatMap((r) => [r.wtd, r.d28, r.ytd])
      .filter((c) => c.significant).length;
    expect(marked).toBeGreaterThan(0);
    await expect.poll(() => page.locator('table[data-testid=book] [data-significant]').count()).toBe(marked);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a tablet in portrait gets the book without horizontal page scroll', async () => {
    const { page, problems } = await open('#/compstat?week=2019-W50&level=district');
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.locator('table[data-testid=book]').waitFor();
    const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}compstat-tablet.png` });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('signs out to the sign-in page, refuses a wrong password, and signs in again', async () => {
    const { page, problems } = await open('#/compstat?week=2019-W50&level=district');
    const user = page.locator('[data-testid=user]');
    await user.waitFor();
    await page.selectOption('header select[name=lang]', 'en'); // an earlier test chose Spanish
    await expect.poll(() => user.textContent()).toContain('Sign out');
    expect(await user.textContent()).toContain(E2E_USER.name);
    expect(await user.textContent()).toContain('Administrator');
    await page.click('[data-testid=logout]');
    const form = page.locator('form[data-testid=login]');
    await form.waitFor();
    // Signed out for every tab: the API now answers 401.
    expect(await page.evaluate(async () => (await fetch('/api/v1/agency')).status)).toBe(401);
    await page.screenshot({ path: `${SHOTS}login.png` });
    await signIn(page, 'not-the-password');
    await expect
      .poll(() => form.locator('[role=alert]').textContent())
      .toContain('Wrong user name or password');
    await signIn(page);
    await page.locator('table[data-testid=book] tr[data-unit="11"]').waitFor();
    expect(await user.textContent()).toContain(E2E_USER.name);
    // The only problems: the browser's own log lines for the 401s of the signed-out page.
    expect(problems.filter((p) => !/status of 401/.test(p))).toEqual([]);
    await page.close();
  });
});
