// The Data exchange page in Chromium against the real API, worker, PostgreSQL and Redis (see global-setup.ts):
// a Tailspin Retail firm admin uploads the CDNOW sample as transactions and sees it loaded, uploads a file with
// bad rows and reads its error report, and creates and revokes a pipeline API key. Screenshots of every step
// land in test/e2e/artifacts/ (exchange-*.png).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { hydrated, newPage, portalUrl, shot, signIn, text } from './browser.ts';

const apiUrl = inject('apiUrl');
const artifactsDir = inject('artifactsDir');
const freshDatabase = inject('freshDatabase');

const CDNOW_DIR = process.env.ACCORD_CDNOW_DIR ?? '/work/shared/data/cdnow';
const runId = Date.now().toString(36);

/** CDNOW_sample.txt (master id, sample id, YYYYMMDD, CDs, dollars) as a transactions CSV, one row per line. */
function cdnowSampleCsv(): { csv: string; rows: number } {
  const lines = readFileSync(join(CDNOW_DIR, 'CDNOW_sample.txt'), 'utf8')
    .split('\n')
    .filter((l) => l.trim());
  const rows = lines.map((line, index) => {
    const [, sampleId, date, cds, dollars] = line.trim().split(/\s+/) as [string, string, string, string, string];
    const day = `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`;
    return `cd-${sampleId}-${index + 1},1,${day},cdnow-${sampleId},CD,${cds},${dollars},USD,web`;
  });
  const header = 'order_id,line_no,occurred_at,customer_id,sku,quantity,net_amount,currency,channel';
  return { csv: [header, ...rows].join('\n') + '\n', rows: rows.length };
}

/** CDNOW_master.txt (header, then customer id, YYYYMMDD, CDs, dollars) as gzip-compressed NDJSON transactions. */
function cdnowMasterNdjsonGz(): { body: Buffer; rows: number } {
  const lines = readFileSync(join(CDNOW_DIR, 'CDNOW_master.txt'), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim());
  const records = lines.map((line, index) => {
    const [customer, date, cds, dollars] = line.trim().split(/\s+/) as [string, string, string, string];
    return JSON.stringify({
      order_id: `cdm-${customer}-${index + 1}`,
      line_no: 1,
      occurred_at: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`,
      customer_id: `cdnow-master-${customer}`,
      sku: 'CD',
      quantity: cds,
      net_amount: dollars,
      currency: 'USD',
      channel: 'web',
    });
  });
  return { body: gzipSync(records.join('\n') + '\n'), rows: records.length };
}

/** Uploads a file through the page's upload form (the streamed path) and waits for its batch to finish. */
async function upload(
  page: Page,
  file: { name: string; mimeType: string; buffer: Buffer },
  options: { onError?: 'skip' | 'reject' } = {},
): Promise<Locator> {
  const form = page.locator('#upload');
  await form.getByLabel('Dataset', { exact: true }).selectOption('transactions');
  await form.getByLabel('Invalid rows').selectOption(options.onError ?? 'skip');
  await form.getByLabel('File', { exact: true }).setInputFiles(file);
  await form.getByRole('button', { name: 'Upload' }).click();
  const batch = form.locator('.sent .batch-live');
  await batch.locator('.badge-succeeded, .badge-failed').waitFor({ timeout: 90_000 });
  return batch;
}

describe('a Tailspin Retail firm admin in Data exchange', () => {
  let page: Page;
  let networkId: string;

  beforeAll(async () => {
    page = await newPage();
    await signIn(page, 'admin@tailspin.example');
  });

  test('opens Data exchange from the navigation and sees the four datasets', async () => {
    await hydrated(page);
    await page.locator('nav[aria-label=Modules] a', { hasText: 'Data exchange' }).click();
    await page.waitForURL(`${portalUrl}/exchange`);
    await hydrated(page);
    expect(await text(page.locator('h1'))).toBe('Data exchange');
    expect(await text(page.locator('.page-header p'))).toContain('Northwind Appliances value chain');
    expect(await page.locator('nav[aria-label=Modules] a[aria-current=page]').textContent()).toContain('Data exchange');
    networkId = await page.getByLabel('Network', { exact: true }).inputValue();
    expect(networkId).toMatch(/^[0-9a-f-]{36}$/);

    const cards = page.locator('.datasets .dataset');
    expect(await cards.locator('h3').allTextContents()).toEqual([
      'Transactions',
      'Shipments',
      'Service cases',
      'Activities',
    ]);
    if (freshDatabase) {
      const shipments = page.locator('.dataset[data-dataset=shipments]');
      expect(await text(shipments.locator('.rows'))).toBe('0 rows');
      expect(await text(shipments.locator('.freshness'))).toBe('Never');
    }
    // The pipeline notes hide the network's hashing key until asked.
    expect(await page.locator('#hashing-key').count()).toBe(0);
    await shot(page, 'exchange-01-datasets');
  });

  test('uploads the CDNOW sample as transactions and sees 6,919 rows accepted', async () => {
    const { csv, rows } = cdnowSampleCsv();
    expect(rows).toBe(6919);
    const batch = await upload(page, { name: 'cdnow-sample.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    expect(await text(batch.locator('.badge'))).toBe('Succeeded');
    expect(await text(batch.locator('[data-count=received]'))).toBe('6,919');
    expect(await text(batch.locator('[data-count=accepted]'))).toBe('6,919');
    expect(await text(batch.locator('[data-count=rejected]'))).toBe('0');
    expect(await text(batch.locator('.summary'))).toBe('Loaded: 6,919 rows accepted, 0 rejected.');

    // The page reloads its data when the batch is done: the dataset card and the batch list show it.
    const transactions = page.locator('.dataset[data-dataset=transactions]');
    // (a batch other tests pushed may already show as succeeded: wait for the count to include this one)
    await expect
      .poll(async () => Number((await text(transactions.locator('.rows strong'))).replace(/,/g, '')), {
        timeout: 20_000,
      })
      .toBeGreaterThanOrEqual(6919);
    expect(await text(transactions.locator('.freshness'))).not.toBe('Never');
    const id = await batch.getAttribute('data-batch');
    const row = page.locator(`table.batches tr[data-batch="${id}"]`);
    expect(await text(row.locator('td').nth(1))).toBe('Succeeded');
    expect(await text(row.locator('td').nth(4))).toBe('6,919');
    await shot(page, 'exchange-02-cdnow-loaded');
  });

  test('uploads 2 bad rows and 1 good one; the error report lists invalid_date and invalid_number', async () => {
    const csv = [
      'order_id,line_no,occurred_at,customer_id,sku,quantity,net_amount,currency,channel',
      `bad-${runId}-1,1,2024-02-30,e2e-customer-1,SKU-1,1,19.90,EUR,store`,
      `bad-${runId}-2,1,2024-03-01,e2e-customer-2,SKU-2,1,12;50,EUR,store`,
      `good-${runId}-3,1,2024-03-02,e2e-customer-3,SKU-3,2,25.00,EUR,web`,
    ].join('\n');
    const batch = await upload(page, { name: 'with-errors.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    expect(await text(batch.locator('.badge'))).toBe('Succeeded');
    expect(await text(batch.locator('[data-count=accepted]'))).toBe('1');
    expect(await text(batch.locator('[data-count=rejected]'))).toBe('2');
    await shot(page, 'exchange-03-rows-rejected');

    await batch.getByRole('link', { name: 'Details and error report' }).click();
    await page.waitForURL(/\/exchange\/batches\/[0-9a-f-]{36}$/);
    expect(await text(page.locator('h1'))).toBe('Transactions batch Succeeded');
    const rows = page.locator('table.errors tbody tr');
    expect(await rows.count()).toBe(2);
    const cells = async (i: number) => (await rows.nth(i).locator('td').allTextContents()).map((c) => c.trim());
    expect((await cells(0)).slice(0, 4)).toEqual(['1', 'occurred_at', '2024-02-30', 'invalid_date']);
    expect((await cells(1)).slice(0, 4)).toEqual(['2', 'net_amount', '12;50', 'invalid_number']);
    await shot(page, 'exchange-04-error-report');

    // The CSV download goes through the portal (the browser holds no API token).
    const href = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    expect(href).toMatch(/^\/exchange\/batches\/[0-9a-f-]{36}\/errors\.csv$/);
    const download = await page.request.get(href ?? '');
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toContain('text/csv');
    expect(download.headers()['content-disposition']).toContain('attachment');
    const report = await download.text();
    expect(report.split('\n')[0]).toBe('row_number,column,value,code,message');
    expect(report).toContain('1,occurred_at,2024-02-30,invalid_date,');
    expect(report).toContain('2,net_amount,12;50,invalid_number,');
  });

  test('a gzip-compressed NDJSON file larger than the portal’s default body limit streams through', async () => {
    await page.goto('/exchange');
    await hydrated(page);
    const { body, rows } = cdnowMasterNdjsonGz();
    expect(body.length).toBeGreaterThan(512 * 1024); // adapter-node's default BODY_SIZE_LIMIT
    const batch = await upload(page, { name: 'cdnow-master.ndjson.gz', mimeType: 'application/gzip', buffer: body });
    expect(await text(batch.locator('.badge'))).toBe('Succeeded');
    expect(await text(batch.locator('.batch-head .muted'))).toContain('NDJSON, gzip');
    expect(await text(batch.locator('[data-count=accepted]'))).toBe(rows.toLocaleString('en-GB'));
    await shot(page, 'exchange-05-ndjson-gzip');
  });

  test('creates an API key, sees it once, and revokes it', async () => {
    await page.goto('/exchange');
    await hydrated(page);
    const keys = page.locator('#api-keys');
    const name = `E2E pipeline ${runId}`;
    await keys.getByLabel('Name').fill(name);
    await keys.getByLabel('Transactions', { exact: true }).check();
    await keys.getByLabel('Shipments', { exact: true }).check();
    await keys.getByRole('button', { name: 'Create key' }).click();

    const created = page.locator('#new-key');
    expect(await text(created)).toContain(`API key “${name}” created.`);
    expect(await text(created)).toContain('you will not see it again');
    const key = await page.getByLabel('The new API key').inputValue();
    expect(key).toMatch(/^acc_\S{20,}$/);
    expect(await created.getByRole('button', { name: 'Copy key' }).count()).toBe(1);
    const row = keys.locator('tbody tr', { hasText: name });
    const prefix = (await text(row.locator('code'))).replace(/…$/, '');
    expect(key.startsWith(prefix)).toBe(true);
    expect(await text(row.locator('td').nth(1))).toBe('Transactions, Shipments');
    expect(await text(row.locator('.badge'))).toBe('active');
    await shot(page, 'exchange-06-api-key-created');

    // The key works for a pipeline, and is shown only that once.
    const asPipeline = () =>
      fetch(`${apiUrl}/v1/networks/${networkId}/datasets`, { headers: { authorization: `Bearer ${key}` } });
    expect((await asPipeline()).status).toBe(200);
    await page.reload();
    await hydrated(page);
    expect(await page.locator('#new-key').count()).toBe(0);
    expect(await page.content()).not.toContain(key);

    page.once('dialog', (dialog) => void dialog.accept());
    await keys.getByRole('button', { name: `Revoke ${name}` }).click();
    expect(await text(keys.locator('[role=status]'))).toBe(
      `“${name}” is revoked: pipelines using it are refused from now on.`,
    );
    expect(await text(row.locator('.badge'))).toBe('revoked');
    expect(await row.getByRole('button', { name: `Revoke ${name}` }).count()).toBe(0);
    expect((await asPipeline()).status).toBe(401);
    await shot(page, 'exchange-07-api-key-revoked');
  });

  test('shows the network’s hashing key only when asked', async () => {
    await page.locator('#pipeline > summary').click();
    await page.getByRole('link', { name: 'Show key' }).click();
    expect(await text(page.locator('#hashing-key'))).toMatch(/^[0-9a-f]{64}$/);
    expect(page.url()).toContain('show=hashing-key');
    expect(await text(page.locator('.recipe'))).toContain('HMAC-SHA-256');
    const panel = page.locator('section', { has: page.locator('#pipeline') });
    await panel.screenshot({ path: join(artifactsDir, 'exchange-08-pipeline-developers.png') });
    await page.getByRole('link', { name: 'Hide key' }).click();
    await page.locator('#hashing-key').waitFor({ state: 'detached' });
    expect(await page.locator('#pipeline').getAttribute('open')).not.toBeNull(); // the panel stays open
  });
});

describe('Data exchange without JavaScript', () => {
  test('the upload form falls back to a form post and lands on the batch page', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await signIn(page, 'analyst@tailspin.example');
    await page.goto('/exchange');
    expect(await page.locator('#api-keys').count()).toBe(0); // firm admins only
    const csv = [
      'order_id,line_no,occurred_at,customer_id,sku,quantity,net_amount,currency,channel',
      `nojs-${runId},1,2024-04-01,e2e-customer-9,SKU-9,1,9.99,EUR,phone`,
    ].join('\n');
    await page
      .locator('#upload')
      .getByLabel('File', { exact: true })
      .setInputFiles({ name: 'one-row.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.locator('#upload').getByRole('button', { name: 'Upload' }).click();
    await page.waitForURL(/\/exchange\/batches\/[0-9a-f-]{36}\?uploaded=1$/);
    expect(await text(page.locator('[role=status]'))).toContain('The file was uploaded.');
    // Without JavaScript the page refreshes itself until the batch has finished.
    await page.locator('h1 .badge-succeeded').waitFor({ timeout: 60_000 });
    expect(await text(page.locator('[data-count=accepted]'))).toBe('1');
    await shot(page, 'exchange-09-no-js-upload');
  });
});
