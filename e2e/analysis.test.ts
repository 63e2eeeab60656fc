import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openBrowser, watchPage } from './browser.js';
import { startChicagoServer, type ChicagoServer } from './chicago-server.js';

/**
 * Browser test of the Analysis page (Debian chromium through playwright-core) against the API serving
 * the real Chicago data (../shared/data/chicago). What the page shows is compared with the API's own
 * JSON for the same selection, never with hard-coded values.
 */
const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

let server: ChicagoServer;
let browser: { context: BrowserContext; close: () => Promise<void> };

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  [server, browser] = await Promise.all([startChicagoServer(), openBrowser()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function api<T>(path: string): Promise<T> {
  const r = await fetch(`${server.base}/api/v1${path}`);
  expect(r.status).toBe(200);
  return (await r.json()) as T;
}

async function open(hash: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.context.newPage();
  const problems = watchPage(page, server.base);
  await page.goto(`${server.base}/${hash}`);
  return { page, problems };
}

type Cells<P> = { cells: { features: { properties: P }[] } };
const D11 = 'unit=11&category=aggravated_assault&from=2019-01-01&to=2019-12-31';

describe('Analysis page on the real Chicago data', () => {
  it('draws the Gi* cells with the API counts per class, and shows the near-repeat table and summary', async () => {
    const { page, problems } = await open(
      '#/analysis?unit=11&cat=aggravated_assault&from=2019-01-01&to=2019-12-31&layer=hotspots',
    );
    const hot = await api<Cells<{ class: number }>>(`/analysis/hotspots?${D11}`);
    const byClass = new Map<number, number>();
    for (const f of hot.cells.features)
      byClass.set(f.properties.class, (byClass.get(f.properties.class) ?? 0) + 1);
    expect(byClass.get(3) ?? 0).toBeGreaterThan(0); // district 11 has 99 % hot spots: the layer has content

    const legend = page.locator('[data-testid=gi-legend]');
    await legend.waitFor({ timeout: 60_000 });
    for (const c of [3, 2, 1, 0, -1, -2, -3]) {
      const shown = Number(await legend.locator(`li[data-class="${c}"]`).getAttribute('data-count'));
      expect([c, shown]).toEqual([c, byClass.get(c) ?? 0]);
    }
    // every cell of the API's layer is in the map's source
    const map = page.locator('[data-testid=analysis-map]');
    await expect
      .poll(async () => Number(await map.getAttribute('data-cells-rendered')), { timeout: 60_000 })
      .toBe(hot.cells.features.length);

    const knox = await api<{ summary: string[]; table: { ratio: number | null }[][] }>(
      `/analysis/knox?${D11}&permutations=99&lang=en`,
    );
    const table = page.locator('table[data-testid=knox-table]');
    await table.waitFor({ timeout: 60_000 });
    expect(await table.locator('tbody tr').count()).toBe(knox.table.length);
    const ratios = await table
      .locator('tbody td')
      .evaluateAll((tds: { getAttribute: (name: string) => string | null }[]) =>
        tds.map((td) => td.getAttribute('data-ratio')),
      );
    expect(ratios).toEqual(knox.table.flat().map((c) => (c.ratio === null ? '' : String(c.ratio))));
    expect(await page.locator('[data-testid=knox-summary] li').allTextContents()).toEqual(knox.summary);
    // the marked cells are the service's findings (one sentence each), or none
    const marked = await table.locator('td[data-near=true]').count();
    expect(marked).toBe(/No near-repeat pattern/.test(knox.summary[0]!) ? 0 : knox.summary.length);
    expect(knox.summary[0]).toMatch(/times normal|No near-repeat pattern/);
    await page.screenshot({ path: `${SHOTS}analysis-hotspots.png`, fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('switches to the KDE surface and emerging hot spots, and follows a new selection', async () => {
    const { page, problems } = await open(
      '#/analysis?unit=11&cat=aggravated_assault&from=2019-01-01&to=2019-12-31&layer=kde',
    );
    const kde = await api<{ raster: { max: number } }>(`/analysis/kde?${D11}&output=raster`);
    const kdeLegend = page.locator('[data-testid=kde-legend]');
    await kdeLegend.waitFor({ timeout: 60_000 });
    expect(Number(await kdeLegend.getAttribute('data-max'))).toBe(kde.raster.max);
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${SHOTS}analysis-kde.png` });

    await page.selectOption('select[name=layer]', 'emerging');
    await page.selectOption('select[name=step]', 'month');
    const emerging = await api<{ categories: Record<string, number> }>(
      `/analysis/emerging?${D11}&step=month`,
    );
    const legend = page.locator('[data-testid=emerging-legend]');
    await expect
      .poll(() => legend.locator('li[data-category=none]').getAttribute('data-count'), { timeout: 60_000 })
      .toBe(String(emerging.categories['none']));
    for (const [c, n] of Object.entries(emerging.categories).filter(([, n]) => n > 0))
      expect([c, await legend.locator(`li[data-category=${c}]`).getAttribute('data-count')]).toEqual([
        c,
        String(n),
      ]);

    // a new selection: while its answer is held back the progress text shows over the previous
    // result; once it arrives the legend follows the new numbers
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route(/analysis\/emerging\?.*excludeRecurring=true/, async (route) => {
      await held;
      await route.continue();
    });
    await page.check('input[name=excl]');
    const progress = page.locator('[data-testid=layer-progress]');
    await progress.waitFor();
    expect(await progress.textContent()).toMatch(
      /^Computing Emerging hot spots… \d+ s \(the map shows the previous result until then\)$/,
    );
    release();
    const excluded = await api<{ categories: Record<string, number>; selection: { analysed: number } }>(
      `/analysis/emerging?${D11}&step=month&excludeRecurring=true`,
    );
    await expect
      .poll(() => legend.locator('li[data-category=none]').getAttribute('data-count'), { timeout: 60_000 })
      .toBe(String(excluded.categories['none']));
    await expect
      .poll(() => page.locator('[data-testid=analysed]').textContent())
      .toContain(excluded.selection.analysed.toLocaleString('en-US'));
    await page.screenshot({ path: `${SHOTS}analysis-emerging.png`, fullPage: true });

    // in Spanish: labels, and the Knox summary the API writes in Spanish
    await page.selectOption('select[name=lang]', 'es');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Análisis espacial');
    const knoxEs = await api<{ summary: string[] }>(
      `/analysis/knox?${D11}&excludeRecurring=true&permutations=99&lang=es`,
    );
    await expect
      .poll(() => page.locator('[data-testid=knox-summary] li').allTextContents(), { timeout: 60_000 })
      .toEqual(knoxEs.summary);
    expect(problems).toEqual([]);
    await page.close();
  });
});
