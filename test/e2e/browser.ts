// What every e2e file shares: one Chromium per file, pages in fresh contexts, screenshots, sign-in, and
// on a failed test a screenshot of every open page plus the tail of the portal's and API's logs, so a
// failure in CI explains itself.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';

export const DEMO_PASSWORD = 'accord-demo';
export const portalUrl = inject('portalUrl');
const artifactsDir = inject('artifactsDir');

let browser: Browser | undefined;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});

afterEach(async (context) => {
  if (context.task.result?.state !== 'fail') return;
  const name = context.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
  let n = 0;
  for (const browserContext of contexts) {
    for (const page of browserContext.pages()) {
      n += 1;
      const alert = await page
        .locator('[role=alert]')
        .first()
        .textContent({ timeout: 500 })
        .catch(() => null);
      console.error(`failed test's page ${n}: ${page.url()}${alert ? ` (alert: ${alert.trim()})` : ''}`);
      await page.screenshot({ path: join(artifactsDir, `FAILED-${name}-${n}.png`), fullPage: true }).catch(() => {});
    }
  }
  for (const log of ['portal', 'api']) {
    const lines = readFileSync(join(artifactsDir, 'logs', `${log}.log`), 'utf8')
      .trimEnd()
      .split('\n');
    console.error(`last lines of the ${log} log:\n${lines.slice(-15).join('\n')}`);
  }
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

export async function newPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser!.newContext({ baseURL: portalUrl, viewport: { width: 1366, height: 900 }, ...options });
  contexts.push(context);
  context.setDefaultTimeout(20_000);
  return context.newPage();
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });
}

/** The first match's text, whitespace collapsed, once it is there. */
export async function text(locator: Locator): Promise<string> {
  await locator.first().waitFor();
  return ((await locator.first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** Signed-in pages are interactive once the switchers' no-JS submit buttons are gone. */
export async function hydrated(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Open network' }).waitFor({ state: 'detached' });
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(`${portalUrl}/`);
}
