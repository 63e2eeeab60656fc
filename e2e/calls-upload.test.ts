import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { openBrowser, signInEverywhere, watchPage } from './browser.js';
import { E2E_USER } from './chicago-server.js';
import { SEATTLE_CALLS, SEATTLE_NOW, startSeattleServer, type SeattleServer } from './seattle-server.js';

/**
 * Browser test of the upload of calls for service: a Seattle agency with its beats and no calls, the
 * clock on Wednesday 15 November 2023. The browser opens the police response page (no calls), uploads
 * the real Seattle sample (../shared/data/seattle_calls) as calls for service with the seattle-cad
 * profile, reads the summary, opens the quarantined rows, and goes back to the police response page,
 * which now opens on the last week the calls cover whole and shows them. Expected numbers are counted
 * from the raw file here (a plain line split and luxon for the Los Angeles wall times), not by Vigía.
 */
const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

interface RawCall {
  /** Spreadsheet row (header = 1). */
  row: number;
  id: string;
  queued: DateTime;
}

/**
 * The sample's rows: CAD number (the first field, never quoted in this file) and queued time (the only
 * field shaped like a 12-hour date-time before the arrival time).
 */
function rawCalls(): RawCall[] {
  const lines = readFileSync(SEATTLE_CALLS, 'utf8').split(/\r?\n/);
  return lines.slice(1).flatMap((line, i) => {
    if (line === '') return [];
    const times = [...line.matchAll(/\d{2}\/\d{2}\/\d{4} \d{1,2}:\d{2}:\d{2} [AP]M/g)].map((m) => m[0]);
    const queued = DateTime.fromFormat(times[0]!, 'MM/dd/yyyy h:mm:ss a', { zone: 'America/Los_Angeles' });
    return [{ row: i + 2, id: line.slice(0, line.indexOf(',')), queued }];
  });
}

let server: SeattleServer;
let browser: { context: BrowserContext; close: () => Promise<void> };
let cookie = '';

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  [server, browser] = await Promise.all([startSeattleServer({ calls: false }), openBrowser()]);
  cookie = await signInEverywhere(browser.context, server.base, E2E_USER);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** An integer as the en-US dashboard prints it (1,339). */
const int = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

describe('uploading calls for service from the dashboard', () => {
  it('uploads the Seattle sample as calls, shows the summary and quarantined rows, then the police response page', async () => {
    const raw = rawCalls();
    const future = raw.filter((c) => c.queued.toMillis() > SEATTLE_NOW);
    const kept = raw.filter((c) => c.queued.toMillis() <= SEATTLE_NOW);
    expect(raw).toHaveLength(222);
    expect(future.length).toBeGreaterThan(0);

    const page = await browser.context.newPage();
    const problems = watchPage(page, server.base);
    await page.goto(`${server.base}/#/response`);
    await expect.poll(() => page.locator('main').textContent()).toContain('No calls for service');

    await page.click('nav a[data-page=quality]');
    const form = page.locator('form[data-testid=upload]');
    await form.locator('select[name=kind]').selectOption('calls');
    expect(await form.locator('select[name=profile] option').allTextContents()).toEqual([
      'seattle-cad',
      'sacramento-cad',
      'generic (mapping file)',
    ]);
    await form.locator('select[name=profile]').selectOption('seattle-cad');
    await form.locator('input[name=file]').setInputFiles(SEATTLE_CALLS);
    await form.locator('button[type=submit]').click();

    const summary = page.locator('[data-testid=upload-summary]');
    await summary.waitFor({ timeout: 60_000 });
    expect(await summary.getAttribute('data-kind')).toBe('calls');
    const figure = async (k: string) => int(await summary.locator(`[data-figure=${k}] dd`).textContent());
    expect(await figure('read')).toBe(raw.length);
    expect(await figure('stored')).toBe(kept.length);
    expect(await figure('updated')).toBe(0);
    expect(await figure('unchanged')).toBe(0);
    expect(await figure('quarantined')).toBe(future.length);
    expect(await summary.locator('[data-testid=reconciliation]').textContent()).toContain(
      'Every row is accounted for',
    );
    // Calls received after the server's "now" are quarantined as future dates.
    const reason = summary.locator('[data-testid=reasons] tr[data-code=FUTURE_DATE]');
    expect(int(await reason.locator('td').textContent())).toBe(future.length);
    expect(await summary.locator('[data-testid=call-figures]').textContent()).toContain(
      `${new Set(kept.map((c) => c.id)).size} calls`,
    );
    expect(await form.locator('progress').getAttribute('value')).toBe(
      await form.locator('progress').getAttribute('max'),
    );
    // The page's own figures load again once the upload ends: the quarantined rows are counted there.
    const quarantinedCard = page.locator('[data-testid=quality-figures] [data-figure=quarantinedRows] dd');
    await expect.poll(async () => int(await quarantinedCard.textContent())).toBe(future.length);
    await page.screenshot({ path: `${SHOTS}calls-upload.png`, fullPage: true });
    await form.screenshot({ path: `${SHOTS}calls-upload-form.png` });

    // The quarantined rows of this import: the future rows of the file, by spreadsheet row.
    await summary.locator('[data-testid=show-quarantine]').click();
    const quarantine = page.locator('table[data-testid=quarantine] tbody tr');
    await expect.poll(() => quarantine.count()).toBe(future.length);
    const rows = (await quarantine.locator('td:nth-child(2)').allTextContents())
      .map(int)
      .sort((a, b) => a - b);
    expect(rows).toEqual(future.map((c) => c.row).sort((a, b) => a - b));
    expect(await page.locator('h2#quarantine').textContent()).toContain(
      'calls_east_precinct_sector_C_beat_C3_sample_2018_2023.csv',
    );

    // The police response page opens on the last week the stored calls cover whole: the last is
    // received on Saturday 4 November 2023, so 2023-W43 (23–29 October), and shows them.
    await page.click('nav a[data-page=response]');
    const agencyRow = page.locator('table[data-testid=response-units] tr[data-unit="*"]');
    await agencyRow.waitFor({ timeout: 60_000 });
    const last = kept.map((c) => c.queued).reduce((a, b) => (a > b ? a : b));
    expect(last.toISODate()).toBe('2023-11-04');
    expect(await page.locator('input[name=week]').inputValue()).toBe('2023-W43');
    const ytd = kept.filter((c) => {
      const d = c.queued.toISODate()!;
      return d >= '2023-01-01' && d <= '2023-10-29';
    });
    const shown = int(await agencyRow.locator('td[data-col=ytd-calls] [data-v=current]').textContent());
    expect(shown).toBe(new Set(ytd.map((c) => c.id)).size);
    expect(shown).toBeGreaterThan(0);
    // The same as the API answers for that week.
    const r = await fetch(`${server.base}/api/v1/reports/response?week=2023-W43&level=beat`, {
      headers: { cookie },
    });
    const report = (await r.json()) as {
      rows: { dimension: string; periods: Record<string, { current: { calls: number } }> }[];
    };
    expect(report.rows.find((x) => x.dimension === 'agency')?.periods['ytd']?.current.calls).toBe(shown);
    await page.screenshot({ path: `${SHOTS}calls-upload-response.png`, fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });
});
