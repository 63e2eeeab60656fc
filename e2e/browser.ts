import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium (apt-get install chromium; .ci/run installs it). */
export const CHROMIUM = process.env['VIGIA_CHROMIUM'] ?? '/usr/bin/chromium';

/** Flags: headless, no sandbox (containers), no GPU, and no traffic of the browser's own. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // WebGL (MapLibre) on the CPU: SwiftShader, which recent Chromium only allows when asked.
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/** A fresh browser profile, closed and deleted by `close`. */
export async function openBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), 'vigia-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1366, height: 900 },
    locale: 'en-US',
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Problems a page reports: console errors, uncaught exceptions, failed requests, and off-host requests. */
export function watchPage(page: Page, base: string): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText !== 'net::ERR_ABORTED')
      problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(base) && !url.startsWith('data:') && !url.startsWith('blob:'))
      problems.push(`off-host request: ${url}`);
  });
  return problems;
}

/**
 * Signs in twice with `user`: through the API, returning the session cookie for the test's own API
 * requests, and through the dashboard's sign-in form in `context` (its profile then keeps the session
 * cookie for every tab).
 * @throws Error when either sign-in fails.
 */
export async function signInEverywhere(
  context: BrowserContext,
  base: string,
  user: { username: string; password: string },
): Promise<string> {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: user.username, password: user.password }),
  });
  if (login.status !== 200) throw new Error(`API sign-in failed: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const page = await context.newPage();
  await page.goto(base);
  const form = page.locator('form[data-testid=login]');
  await form.locator('input[name=username]').fill(user.username);
  await form.locator('input[name=password]').fill(user.password);
  await form.locator('button[type=submit]').click();
  await page.locator('[data-testid=user]').waitFor();
  await page.close();
  return cookie;
}
