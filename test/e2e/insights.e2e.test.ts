// The Insights page in Chromium against the real API (see global-setup.ts): Tailspin Retail's firm admin shares
// an insight with Northwind Appliances alone, Northwind reads it (the Markdown rendered, the script tag gone)
// and comments, Tailspin's analyst shares one without JavaScript, Contoso Distribution does not see it, and Tailspin sees Northwind's comment. Screenshots land
// in test/e2e/artifacts/ (insights-*.png). The database may be reused across runs, so each run finds its own
// insight by a title of its own.
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { hydrated, newPage, portalUrl, shot, signIn, text } from './browser.ts';

const DEMO_NETWORK = 'Northwind Appliances value chain';
const runId = Date.now().toString(36);
const title = `Spring range returns peak in week 3 (${runId})`;
const body = `Returns of the **spring range** peak in week 3.\n\n<script>window.insightScriptRan = true</script>\n\n- plan service capacity`;
const comment = `Northwind sees the same in its service cases (${runId}).`;

/** Makes the demo network the current one (a firm may be in others from earlier runs), then opens Insights. */
async function openInsights(page: Page): Promise<void> {
  await hydrated(page);
  const switcher = page.getByLabel('Network', { exact: true });
  const networkId = await switcher.locator('option', { hasText: DEMO_NETWORK }).getAttribute('value');
  expect(networkId).toMatch(/^[0-9a-f-]{36}$/);
  if ((await switcher.inputValue()) !== networkId) {
    await switcher.selectOption(networkId ?? '');
    await page.waitForURL(`${portalUrl}/networks/${networkId}`);
    await hydrated(page);
  }
  await page.locator('nav[aria-label=Modules] a', { hasText: 'Insights' }).click();
  await page.waitForURL(`${portalUrl}/insights`);
  await hydrated(page);
}

function insightCard(page: Page): Locator {
  return page.locator('article.insight').filter({ has: page.getByRole('heading', { name: title }) });
}

describe('insights shared between Tailspin Retail and Northwind Appliances', () => {
  let tailspin: Page;
  let northwind: Page;

  beforeAll(async () => {
    tailspin = await newPage();
    await signIn(tailspin, 'admin@tailspin.example');
    northwind = await newPage();
    await signIn(northwind, 'admin@northwind.example');
  });

  test('Tailspin shares an insight with Northwind only', async () => {
    await openInsights(tailspin);
    await shot(tailspin, 'insights-01-empty-form');
    const form = tailspin.locator('form[action="?/share"]');
    await form.getByLabel('Title').fill(title);
    await form.getByLabel('Insight (Markdown)').fill(body);
    await form.getByLabel('Tags (optional)').fill(`returns, spring-${runId}`);
    await form.getByLabel('Dataset (optional)').selectOption('service_cases');
    await form.getByLabel('Chosen partners').check();
    await form.getByLabel('Northwind Appliances').check();
    await form.getByRole('button', { name: 'Share insight' }).click();
    expect(await text(tailspin.locator('#share-message'))).toBe(`Shared “${title}” with Northwind Appliances.`);
    const card = insightCard(tailspin);
    expect(await text(card.locator('.audience'))).toBe('Shared with: Northwind Appliances');
    expect(await text(card.locator('.dataset'))).toBe('Dataset: Service cases');
    // the emptied form's audience is back to the whole network
    expect(await form.getByLabel('Whole network').isChecked()).toBe(true);
    expect(await form.getByLabel('Northwind Appliances').isChecked()).toBe(false);
    await shot(tailspin, 'insights-02-shared');
  });

  test('Northwind reads it rendered and sanitised, and comments', async () => {
    await openInsights(northwind);
    const card = insightCard(northwind);
    await card.waitFor();
    expect(await text(card.locator('.body strong'))).toBe('spring range');
    expect(await card.locator('script').count()).toBe(0);
    expect(await northwind.evaluate(() => 'insightScriptRan' in window)).toBe(false);
    expect(await text(card.locator('.author'))).toContain('Tailspin Retail');

    // the tag filter keeps it
    await card.getByRole('link', { name: `spring-${runId}` }).click();
    await northwind.waitForURL(`${portalUrl}/insights?tag=spring-${runId}`);
    await expect.poll(() => northwind.locator('article.insight').count()).toBe(1);
    await insightCard(northwind).waitFor();

    await insightCard(northwind).getByLabel('Your comment (Markdown)').fill(comment);
    await insightCard(northwind).getByRole('button', { name: 'Comment' }).click();
    await insightCard(northwind).locator('.comment', { hasText: comment }).waitFor();
    expect(await text(insightCard(northwind).locator('.comments h4'))).toBe('1 comment');
    expect(await northwind.getByText('Comment added.').count()).toBe(1);
    await shot(northwind, 'insights-03-northwind-commented');
  });

  test('without JavaScript, Tailspin’s analyst shares one with Northwind through a plain form post', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await signIn(page, 'analyst@tailspin.example');
    const switcher = page.getByLabel('Network', { exact: true });
    const networkId = await switcher.locator('option', { hasText: DEMO_NETWORK }).getAttribute('value');
    await switcher.selectOption(networkId ?? '');
    await page.getByRole('button', { name: 'Open network' }).click();
    await page.waitForURL(/\/networks\/[0-9a-f-]{36}$/);
    await page.goto('/insights');
    const noJsTitle = `Analyst note without JavaScript (${runId})`;
    const form = page.locator('form[action="?/share"]');
    await form.getByLabel('Title').fill(noJsTitle);
    await form.getByLabel('Insight (Markdown)').fill('Plain _form_ post.');
    await form.getByLabel('Chosen partners').check();
    await form.getByLabel('Northwind Appliances').check();
    await form.getByRole('button', { name: 'Share insight' }).click();
    expect(await text(page.locator('#share-message'))).toBe(`Shared “${noJsTitle}” with Northwind Appliances.`);
    const card = page.locator('article.insight').filter({ has: page.getByRole('heading', { name: noJsTitle }) });
    expect(await text(card.locator('.body em'))).toBe('form');
    await shot(page, 'insights-04-no-js-shared');
  });

  test('Contoso does not see it', async () => {
    const contoso = await newPage();
    await signIn(contoso, 'admin@contoso.example');
    await openInsights(contoso);
    await contoso.locator('#insights-heading').waitFor();
    expect(await contoso.getByText(title).count()).toBe(0);
    await shot(contoso, 'insights-05-contoso');
  });

  test('Tailspin sees Northwind’s comment', async () => {
    await tailspin.reload();
    await hydrated(tailspin);
    const card = insightCard(tailspin);
    const shown = card.locator('.comment', { hasText: comment });
    expect(await text(shown)).toContain('Northwind Appliances');
    await shot(tailspin, 'insights-06-tailspin-sees-comment');
  });
});
