import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openBrowser, watchPage } from './browser.js';
import { startChicagoServer, type ChicagoServer } from './chicago-server.js';

/**
 * The COMPSTAT meeting in the browser, on the real Chicago data (clock in 2019-W51): command staff
 * prepare the 2019-W50 meeting for three districts, check its agenda against the report, take notes,
 * add an action item and change it; then the district's commander finds it on "My action items".
 */
const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const PASSWORD = 'e2e-reunión-compstat-segura';
const DISTRICTS = ['11', '15', '22'];
const STAFF = {
  username: 'jefa.operaciones',
  displayName: 'Jefa de Operaciones',
  role: 'command_staff',
} as const;
const commander = (code: string) => ({ username: `comandante.${code}`, displayName: `Comandante ${code}` });

let server: ChicagoServer;
let browser: { context: BrowserContext; close: () => Promise<void> };
/** The staff session cookie of the test's own API requests. */
let cookie = '';

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  [server, browser] = await Promise.all([
    startChicagoServer({
      accounts: [
        { ...STAFF, password: PASSWORD },
        ...DISTRICTS.map((code) => ({
          ...commander(code),
          role: 'commander' as const,
          unitCode: code,
          password: PASSWORD,
        })),
      ],
    }),
    openBrowser(),
  ]);
  const login = await fetch(`${server.base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: STAFF.username, password: PASSWORD }),
  });
  cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Signs the browser in as `username` (a fresh session: earlier cookies are dropped). */
async function signIn(username: string): Promise<void> {
  await browser.context.clearCookies();
  const page = await browser.context.newPage();
  await page.goto(server.base);
  const form = page.locator('form[data-testid=login]');
  await form.locator('input[name=username]').fill(username);
  await form.locator('input[name=password]').fill(PASSWORD);
  await form.locator('button[type=submit]').click();
  await page.locator('[data-testid=user]').waitFor();
  await page.close();
}

async function api<T>(path: string): Promise<T> {
  const r = await fetch(`${server.base}/api/v1${path}`, { headers: { cookie } });
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
    await signIn(STAFF.username);
    const { page, problems } = await open('#/meetings');
    const form = page.locator('form[data-testid=new-meeting]');
    await form.waitFor();
    expect(await form.locator('input[name=week]').inputValue()).toBe('2019-W50');
    await form.locator('legend button').nth(1).click(); // none
    for (const code of DISTRICTS) await form.locator(`input[name=unit][value="${code}"]`).check();
    await form.locator('button[type=submit]').click();
    await page.waitForURL(/#\/meetings\?id=\d+/);
    const id = Number(/id=(\d+)/.exec(page.url())?.[1]);
    await page.locator('section.agenda-unit[data-unit="22"]').waitFor();

    // Exactly the districts whose increase the report marks significant have a highlighted item.
    const report = await api<{ rows: Row[] }>('/reports/compstat?week=2019-W50&level=district');
    const rising = new Set(
      report.rows
        .filter((r) => DISTRICTS.includes(r.unit))
        .filter((r) => (['wtd', 'd28', 'ytd'] as const).some((w) => r[w].significant && r[w].change > 0))
        .map((r) => r.unit),
    );
    expect(rising.size).toBeGreaterThan(0);
    for (const code of DISTRICTS) {
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
    // The row is drawn anew from the saved item (its Save button off again) before History is asked for.
    const saved2 = section.locator('table[data-testid=action-items] tbody').first();
    await expect.poll(() => saved2.locator('button', { hasText: 'Save' }).isDisabled()).toBe(true);
    await saved2.locator('button.link').click();
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
    await signIn(commander(unit).username);
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
