import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { ApiPrincipal } from '@vigia/api';
import { openBrowser, watchPage } from './browser.js';
import { startChicagoServer, type ChicagoServer } from './chicago-server.js';

/**
 * The COMPSTAT meeting in the browser, on the real Chicago data (clock in 2019-W51): prepare the
 * 2019-W50 meeting for three districts, check its agenda against the report, take notes, add an action
 * item and change it, then see it on the commander's "My action items".
 *
 * Until sessions exist, the server takes the signed-in user from a test-only cookie through an
 * onRequest hook added here (never in the server itself).
 */
const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const COOKIE = 'vigia-test-principal';

let server: ChicagoServer;
let browser: { context: BrowserContext; close: () => Promise<void> };

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  [server, browser] = await Promise.all([
    startChicagoServer({
      configure: (app) =>
        app.addHook('onRequest', async (request) => {
          const raw = (request.headers.cookie ?? '')
            .split(';')
            .map((c) => c.trim())
            .find((c) => c.startsWith(`${COOKIE}=`));
          if (raw)
            request.principal = JSON.parse(decodeURIComponent(raw.slice(COOKIE.length + 1))) as ApiPrincipal;
          await Promise.resolve();
        }),
    }),
    openBrowser(),
  ]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const STAFF: ApiPrincipal = { role: 'command_staff', unitId: null, userId: 2, username: 'jefa' };

async function signIn(who: ApiPrincipal): Promise<void> {
  await browser.context.clearCookies();
  await browser.context.addCookies([
    { name: COOKIE, value: encodeURIComponent(JSON.stringify(who)), url: server.base },
  ]);
}

async function api<T>(path: string, who: ApiPrincipal = STAFF): Promise<T> {
  const r = await fetch(`${server.base}/api/v1${path}`, {
    headers: { cookie: `${COOKIE}=${encodeURIComponent(JSON.stringify(who))}` },
  });
  expect(r.status).toBe(200);
  return (await r.json()) as T;
}

async function open(hash: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.context.newPage();
  const problems = watchPage(page, server.base);
  await page.goto(`${server.base}/${hash}`);
  return { page, problems };
}

type Cell = { current: number; change: number; significant: boolean };
type Row = { unit: string; category: string } & Record<'wtd' | 'd28' | 'ytd', Cell>;
interface Meeting {
  id: number;
  agenda: { id: number; unit: string; kind: string; notes: string }[];
  actionItems: {
    id: number;
    unit: string;
    title: string;
    status: string;
    category: string;
    baseline: { count: number };
  }[];
}

describe('COMPSTAT meeting on the real Chicago data', () => {
  it('prepares a meeting, highlights the significant increases the report shows, and records an action item', async () => {
    await signIn(STAFF);
    const { page, problems } = await open('#/meetings');
    const form = page.locator('form[data-testid=new-meeting]');
    await form.waitFor();
    expect(await form.locator('input[name=week]').inputValue()).toBe('2019-W50');
    await form.locator('legend button').nth(1).click(); // none
    for (const code of ['11', '15', '22']) await form.locator(`input[name=unit][value="${code}"]`).check();
    await form.locator('button[type=submit]').click();
    await page.waitForURL(/#\/meetings\?id=\d+/);
    const id = Number(/id=(\d+)/.exec(page.url())?.[1]);
    await page.locator('section.agenda-unit[data-unit="22"]').waitFor();

    // Exactly the districts whose increase the report marks significant have a highlighted item.
    const report = await api<{ rows: Row[] }>('/reports/compstat?week=2019-W50&level=district');
    const rising = new Set(
      report.rows
        .filter((r) => ['11', '15', '22'].includes(r.unit))
        .filter((r) => (['wtd', 'd28', 'ytd'] as const).some((w) => r[w].significant && r[w].change > 0))
        .map((r) => r.unit),
    );
    expect(rising.size).toBeGreaterThan(0);
    for (const code of ['11', '15', '22']) {
      const highlighted = await page
        .locator(`section.agenda-unit[data-unit="${code}"] li.agenda-item.sig-up`)
        .count();
      expect([code, highlighted > 0]).toEqual([code, rising.has(code)]);
    }
    const unit = [...rising][0]!;
    const section = page.locator(`section.agenda-unit[data-unit="${unit}"]`);
    await page.screenshot({ path: `${SHOTS}meeting.png`, fullPage: true });

    // Notes on the highlighted item.
    const item = section.locator('li.agenda-item.sig-up').first();
    await item.locator('textarea[name=notes]').fill('Rise concentrated on weekends; see beats.');
    await item.locator('.notes button').first().click();
    await expect
      .poll(async () => (await api<Meeting>(`/meetings/${id}`)).agenda.find((a) => a.unit === unit)?.notes)
      .toBe('Rise concentrated on weekends; see beats.');

    // An action item from that agenda item: category taken from it, due two days before "today".
    await item.locator('.notes button.link').click();
    const add = section.locator('form[data-testid=new-action]');
    await add.locator('input[name=title]').fill('Weekend patrols on the hot blocks');
    await add.locator('input[name=due]').fill('2019-12-16');
    await add.locator('button[type=submit]').click();
    const row = section.locator('table[data-testid=action-items] tbody').first();
    await row.waitFor();
    expect(await row.textContent()).toContain('Weekend patrols on the hot blocks');
    const saved = (await api<Meeting>(`/meetings/${id}`)).actionItems;
    expect(saved).toHaveLength(1);
    const d28 = report.rows.find((r) => r.unit === unit && r.category === 'aggravated_assault')!.d28.current;
    expect(saved[0]).toMatchObject({
      unit,
      status: 'open',
      category: 'aggravated_assault',
      baseline: { count: d28 },
    });

    // Change its status; the history shows both changes.
    await row.locator('select[name=status]').selectOption('in_progress');
    await row.locator('button', { hasText: 'Save' }).click();
    await expect
      .poll(async () => (await api<Meeting>(`/meetings/${id}`)).actionItems[0]?.status)
      .toBe('in_progress');
    await section.locator('table[data-testid=action-items] tbody').first().locator('button.link').click();
    const history = section.locator('ol[data-testid=history] li');
    await expect.poll(() => history.count()).toBe(2);
    expect(await history.nth(1).textContent()).toContain('status: Open → In progress');
    await page.screenshot({ path: `${SHOTS}meeting-action.png`, fullPage: true });

    // In Spanish.
    await page.selectOption('select[name=lang]', 'es');
    await expect
      .poll(() => section.locator('li.agenda-item.sig-up strong').first().textContent())
      .toBe('Aumento significativo');
    await page.selectOption('select[name=lang]', 'en');
    expect(problems).toEqual([]);
    await page.close();

    // The district's commander owes it (no owner named: the unit's commander) and sees it overdue.
    const districts = await api<{ features: { id: number; properties: { code: string } }[] }>(
      '/units?level=district&geometry=false',
    );
    const unitId = districts.features.find((f) => f.properties.code === unit)!.id;
    await signIn({ role: 'commander', unitId, userId: 7, username: 'comandante' });
    const mine = await open('#/actions');
    const table = mine.page.locator('table[data-testid=action-items]');
    await expect.poll(() => table.count()).toBe(2);
    expect(await table.first().textContent()).toContain('Weekend patrols on the hot blocks');
    expect(await table.nth(1).locator('.overdue-flag').count()).toBe(1);
    await mine.page.screenshot({ path: `${SHOTS}my-actions.png`, fullPage: true });
    expect(mine.problems).toEqual([]);
    await mine.page.close();
  });
});
