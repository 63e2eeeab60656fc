import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { openBrowser, watchPage } from './browser.js';
import { startSeattleServer, type SeattleServer } from './seattle-server.js';

/**
 * Browser test of the police response page against the API serving the real Seattle calls sample
 * (../shared/data/seattle_calls), clock in 2023-W46, week 2023-W43: every figure on screen (unit table, histogram,
 * hour × weekday grid, excluded calls) is compared with the API's JSON for the same request.
 */
const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
/** 23–29 October 2023: within the calls (5 Jan 2018 – 4 Nov 2023), last year's YTD too. */
const WEEK = '2023-W43';

let server: SeattleServer;
let browser: { context: BrowserContext; close: () => Promise<void> };

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  [server, browser] = await Promise.all([startSeattleServer(), openBrowser()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Stats {
  calls: number;
  measured: number;
  medianSec: number | null;
  p90Sec: number | null;
  withinTargetShare: number | null;
  excluded: Record<string, number>;
}
interface Report {
  periodKeys: string[];
  periods: Record<string, { outsideData: boolean }>;
  rows: { dimension: string; key: string; periods: Record<string, { current: Stats; previous: Stats }> }[];
  hourWeekday: Record<string, { weekday: number; hour: number; calls: number }[]>;
  distribution: Record<string, Record<'current' | 'previous', { counts: number[]; overflow: number }>>;
}

async function api(query: string): Promise<Report> {
  const r = await fetch(`${server.base}/api/v1/reports/response?${query}`);
  expect(r.status).toBe(200);
  return (await r.json()) as Report;
}

/** Seconds as the page writes them, written out independently: m:ss, h:mm:ss from an hour, — for none. */
function duration(sec: number | null): string {
  if (sec === null) return '—';
  const s = Math.round(sec);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${r}` : `${m}:${r}`;
}
/** A share as en-US Intl writes a percent with at most one decimal. */
const share = (v: number | null) =>
  v === null ? '—' : new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format(v);

async function open(hash: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.context.newPage();
  const problems = watchPage(page, server.base);
  await page.goto(`${server.base}/${hash}`);
  return { page, problems };
}

/** The shown `current (previous)` texts of a table cell. */
async function pair(cell: Locator): Promise<[string, string]> {
  const current = (await cell.locator('[data-v=current]').textContent())?.trim() ?? '';
  const previous = (await cell.locator('[data-v=previous]').textContent())?.trim() ?? '';
  return [current, previous.replace(/^\(|\)$/g, '')];
}

async function expectTableMatches(page: Page, report: Report): Promise<void> {
  const rows = report.rows.filter((r) => r.dimension === 'agency' || r.dimension === 'unit');
  expect(rows.length).toBeGreaterThan(1);
  expect(await page.locator('table[data-testid=response-units] tbody tr').count()).toBe(rows.length);
  for (const r of rows) {
    const tr = page.locator(
      `table[data-testid=response-units] tr[data-unit="${r.dimension === 'agency' ? '*' : r.key}"]`,
    );
    for (const w of report.periodKeys) {
      const { current: c, previous: p } = r.periods[w]!;
      const shown = {
        calls: await pair(tr.locator(`td[data-col=${w}-calls]`)),
        median: await pair(tr.locator(`td[data-col=${w}-median]`)),
        p90: await pair(tr.locator(`td[data-col=${w}-p90]`)),
        withinTarget: await pair(tr.locator(`td[data-col=${w}-withinTarget]`)),
      };
      expect([r.key, w, shown]).toEqual([
        r.key,
        w,
        {
          calls: [c.calls.toLocaleString('en-US'), p.calls.toLocaleString('en-US')],
          median: [duration(c.medianSec), duration(p.medianSec)],
          p90: [duration(c.p90Sec), duration(p.p90Sec)],
          withinTarget: [share(c.withinTargetShare), share(p.withinTargetShare)],
        },
      ]);
    }
  }
}

describe('police response page on the real Seattle sample', () => {
  it('shows the unit table, histogram, grid and excluded calls exactly as the API gives them', async () => {
    const { page, problems } = await open(`#/response?week=${WEEK}&win=ytd`);
    await page.locator('table[data-testid=response-units] tbody tr').first().waitFor();
    const report = await api(`week=${WEEK}&level=beat`);
    const agency = report.rows.find((r) => r.dimension === 'agency')!;
    expect(agency.periods['ytd']!.current.calls).toBeGreaterThan(10);
    await expectTableMatches(page, report);
    // All priorities together: no share within target, and the page says why.
    expect(await page.locator('[data-testid=target-note]').textContent()).toContain('per priority');

    const histogram = page.locator('canvas[data-testid=response-histogram]');
    const h = report.distribution['ytd']!;
    expect(await histogram.getAttribute('data-current')).toBe(
      [...h.current.counts, h.current.overflow].join(','),
    );
    expect(await histogram.getAttribute('data-previous')).toBe(
      [...h.previous.counts, h.previous.overflow].join(','),
    );
    expect(h.current.counts.reduce((a, b) => a + b, 0) + h.current.overflow).toBe(
      agency.periods['ytd']!.current.measured,
    );

    const cells = report.hourWeekday['ytd']!;
    for (const c of cells) {
      const td = page.locator(
        `table[data-testid=heat-map] td[data-weekday="${c.weekday}"][data-hour="${c.hour}"]`,
      );
      expect(Number(await td.getAttribute('data-calls'))).toBe(c.calls);
    }
    const shownTotal = await page
      .locator('table[data-testid=heat-map] td[data-calls]')
      .evaluateAll((tds: { getAttribute(name: string): string | null }[]) =>
        tds.reduce((sum, td) => sum + Number(td.getAttribute('data-calls')), 0),
      );
    expect(shownTotal).toBe(cells.reduce((s, c) => s + c.calls, 0));

    for (const reason of ['officerInitiated', 'noOnScene', 'dateOnly', 'outOfOrder'] as const) {
      for (const w of report.periodKeys) {
        const { current, previous } = agency.periods[w]!;
        expect(
          await page
            .locator(`table[data-testid=excluded] tr[data-reason=${reason}] td[data-col=${w}]`)
            .textContent(),
        ).toBe(`${current.excluded[reason]} (${previous.excluded[reason]})`);
      }
    }
    // Every window and last year's dates lie within the calls: no warning.
    expect(report.periodKeys.filter((k) => report.periods[k]!.outsideData)).toEqual([]);
    expect(await page.locator('[data-testid=outside-data]').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}response.png`, fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('choosing priority 1 gives every row its target and share within target, as the API', async () => {
    const { page, problems } = await open(`#/response?week=${WEEK}`);
    await page.locator('table[data-testid=response-units] tbody tr').first().waitFor();
    await page.selectOption('select[name=priority]', '1');
    await page.waitForURL(/priority=1/);
    const report = await api(`week=${WEEK}&level=beat&priority=1`);
    const ytd = report.rows.find((r) => r.dimension === 'agency')!.periods['ytd']!.current;
    expect(ytd.withinTargetShare).not.toBeNull();
    await expect
      .poll(() => page.locator('[data-testid=target-note]').textContent())
      .toContain('Target for priority 1: 7:00');
    await expectTableMatches(page, report);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('in Spanish, with officer-initiated calls and an old week outside the data', async () => {
    const { page, problems } = await open('#/response?week=2018-W10&oi=1');
    await page.locator('table[data-testid=response-units] tbody tr').first().waitFor();
    await page.selectOption('select[name=lang]', 'es');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Respuesta policial');
    expect(await page.locator('nav a[data-page=response]').textContent()).toBe('Respuesta policial');
    const report = await api('week=2018-W10&level=beat&includeOfficerInitiated=true');
    // Last year's dates (2017) precede the first call: the page warns.
    expect(report.periods['ytd']!.outsideData).toBe(true);
    await expect.poll(() => page.locator('[data-testid=outside-data]').textContent()).toContain('sin datos');
    const agency = report.rows.find((r) => r.dimension === 'agency')!;
    expect(agency.periods['ytd']!.current.excluded['officerInitiated']).toBe(0);
    const cell = page.locator(
      'table[data-testid=response-units] tr[data-unit="*"] td[data-col=ytd-calls] [data-v=current]',
    );
    expect(await cell.textContent()).toBe(
      new Intl.NumberFormat('es').format(agency.periods['ytd']!.current.calls),
    );
    await page.screenshot({ path: `${SHOTS}response-es.png`, fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });
});
