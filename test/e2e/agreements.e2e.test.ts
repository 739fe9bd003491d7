// The Agreements page in Chromium against the real API, worker, PostgreSQL and Redis (see global-setup.ts):
// Tailspin Retail's firm admin grants its transactions to Northwind Appliances, Northwind sees them shared and
// asks Tailspin for its service cases at aggregate level, Tailspin approves the request and then revokes the
// transactions grant. Analysts see the agreements without the forms, and the forms work without JavaScript.
// Screenshots land in test/e2e/artifacts/ (agreements-*.png). The database may be reused across runs, so each
// run finds its own agreements by a purpose text of its own.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { hydrated, newPage, portalUrl, shot, signIn, text } from './browser.ts';

const DEMO_NETWORK = 'Northwind Appliances value chain';
const DEMO_FIRMS = [
  'Adventure Outlet',
  'Contoso Distribution',
  'Fabrikam Wholesale',
  'Litware Logistics',
  'Northwind Appliances',
  'Tailspin Retail',
  'Wingtip Stores',
];
const runId = Date.now().toString(36);
const grantPurpose = `Joint customer value for the spring range (${runId})`;
const requestPurpose = `Service quality benchmark across retailers (${runId})`;
const declinePurpose = `Cost-to-serve comparison (${runId})`;

/** The value of the demo network in the header's network switcher. */
async function demoNetworkId(page: Page): Promise<string> {
  const switcher = page.getByLabel('Network', { exact: true });
  const id = await switcher.locator('option', { hasText: DEMO_NETWORK }).getAttribute('value');
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  return id ?? '';
}

/** Makes the demo network the current one (a firm may be in others from earlier runs), then opens Agreements. */
async function openAgreements(page: Page): Promise<void> {
  await hydrated(page);
  const switcher = page.getByLabel('Network', { exact: true });
  const networkId = await demoNetworkId(page);
  if ((await switcher.inputValue()) !== networkId) {
    await switcher.selectOption(networkId);
    await page.waitForURL(`${portalUrl}/networks/${networkId}`);
    await hydrated(page);
  }
  await page.locator('nav[aria-label=Modules] a', { hasText: 'Agreements' }).click();
  await page.waitForURL(`${portalUrl}/agreements`);
  await hydrated(page);
}

/** Without JavaScript: the switcher's submit button opens the demo network, then Agreements by its address. */
async function openAgreementsWithoutJs(page: Page): Promise<void> {
  await page.getByLabel('Network', { exact: true }).selectOption(await demoNetworkId(page));
  await page.getByRole('button', { name: 'Open network' }).click();
  await page.waitForURL(/\/networks\/[0-9a-f-]{36}$/);
  await page.goto('/agreements');
}

/** A cell of the "who shares what with whom" matrix. */
function matrixCell(page: Page, owner: string, dataset: string) {
  return page
    .locator('#matrix tbody tr')
    .filter({ has: page.locator('th', { hasText: owner }) })
    .locator(`td[data-dataset=${dataset}]`);
}

/** "3 agreements in effect today" → 3. */
async function inEffectCount(page: Page): Promise<number> {
  return Number((await text(page.locator('#matrix .card-header .muted'))).split(' ')[0]);
}

describe('sharing agreements between Tailspin Retail and Northwind Appliances', () => {
  let tailspin: Page;
  let northwind: Page;

  beforeAll(async () => {
    tailspin = await newPage();
    await signIn(tailspin, 'admin@tailspin.example');
    northwind = await newPage();
    await signIn(northwind, 'admin@northwind.example');
  });

  test('Tailspin’s admin opens Agreements from the navigation and sees the matrix of the seven firms', async () => {
    await openAgreements(tailspin);
    expect(await text(tailspin.locator('h1'))).toBe('Agreements');
    expect(await text(tailspin.locator('.page-header p'))).toContain(DEMO_NETWORK);
    expect(await tailspin.locator('nav[aria-label=Modules] a[aria-current=page]').textContent()).toContain(
      'Agreements',
    );
    // The new item sits next to Data exchange; the other items stay.
    const items = (await tailspin.locator('nav[aria-label=Modules] a > span:first-child').allTextContents()).map((t) =>
      t.trim(),
    );
    expect(items.slice(0, 3)).toEqual(['Overview', 'Data exchange', 'Agreements']);
    expect(items).toContain('Partners');

    const matrix = tailspin.locator('#matrix');
    expect(await matrix.locator('thead th').allTextContents()).toEqual([
      'Data of',
      'Transactions',
      'Shipments',
      'Service cases',
      'Activities',
    ]);
    const owners = await matrix.locator('tbody th').allTextContents();
    expect(owners.map((o) => o.replace('Your firm', '').trim())).toEqual(DEMO_FIRMS);
    expect(await text(matrix.locator('tr.own th'))).toBe('Tailspin Retail Your firm');
    expect(await tailspin.getByRole('heading', { name: 'Requests waiting for you' }).count()).toBe(1);
    expect(await tailspin.locator('#grant').getByLabel('Share with').locator('option').allTextContents()).toEqual([
      'Choose a firm',
      'Whole network (every active member)',
      ...DEMO_FIRMS.filter((f) => f !== 'Tailspin Retail'),
    ]);
    await shot(tailspin, 'agreements-01-opened');
  });

  test('grants transactions at customer level to Northwind; the API’s refusal of bad dates shows first', async () => {
    const grant = tailspin.locator('#grant');
    const before = await inEffectCount(tailspin);
    await grant.getByLabel('Share with').selectOption({ label: 'Northwind Appliances' });
    await grant.getByLabel('Dataset').selectOption('transactions');
    await grant.getByLabel('Level').selectOption('customer');
    expect(await grant.getByLabel('Minimum group size (k)').count()).toBe(0); // k only for aggregate
    await grant.getByLabel('Purpose').fill(grantPurpose);
    await grant.getByLabel('Starts on (optional)').fill('2030-01-10');
    await grant.getByLabel('Ends on (optional)').fill('2030-01-01');
    await grant.getByRole('button', { name: 'Grant access' }).click();
    expect(await text(grant.locator('[role=alert]'))).toBe('endsOn must not be before startsOn.');
    expect(await grant.getByLabel('Purpose').inputValue()).toBe(grantPurpose); // what was typed stays
    await shot(tailspin, 'agreements-02-grant-refused');

    await grant.getByLabel('Starts on (optional)').fill('');
    await grant.getByLabel('Ends on (optional)').fill('');
    await grant.getByRole('button', { name: 'Grant access' }).click();
    expect(await text(grant.locator('[role=status]'))).toMatch(
      /^Northwind Appliances may use your transactions at customer level, from \d+ \w+ \d{4} until revoked\.$/,
    );
    expect(await grant.getByLabel('Purpose').inputValue()).toBe(''); // the form resets after success

    const row = tailspin.locator('#granted tbody tr', { hasText: grantPurpose });
    expect(await text(row.locator('.badge'))).toBe('Active');
    expect(await text(row.locator('th'))).toBe('Northwind Appliances');
    const cells = (await row.locator('td').allTextContents()).map((c) => c.trim());
    expect(cells.slice(1, 4)).toEqual(['Transactions', 'Customer level', '—']);
    expect(cells[5]).toMatch(/^From \d+ \w+ \d{4}$/);

    const cell = matrixCell(tailspin, 'Tailspin Retail', 'transactions');
    expect(await text(cell.locator('li', { hasText: 'Northwind Appliances' }))).toContain('Customer level');
    expect(await inEffectCount(tailspin)).toBe(before + 1);
    await shot(tailspin, 'agreements-03-granted');
  });

  test('Northwind’s admin sees the transactions under “Shared with you” and in the matrix', async () => {
    await openAgreements(northwind);
    const row = northwind.locator('#received tbody tr', { hasText: grantPurpose });
    expect(await text(row.locator('.badge'))).toBe('Active');
    expect(await text(row.locator('th'))).toBe('Tailspin Retail');
    const cells = (await row.locator('td').allTextContents()).map((c) => c.trim());
    expect(cells.slice(1, 5)).toEqual(['Your firm', 'Transactions', 'Customer level', '—']);
    const cell = matrixCell(northwind, 'Tailspin Retail', 'transactions');
    expect(await text(cell.locator('li.to-you'))).toContain('Northwind Appliances');
    // The request form offers the other member firms.
    expect(await northwind.locator('#request').getByLabel('Ask', { exact: true }).locator('option').count()).toBe(7);
    await shot(northwind, 'agreements-04-shared-with-northwind');
  });

  test('Northwind asks Tailspin for service cases at aggregate level and waits for Tailspin', async () => {
    const request = northwind.locator('#request');
    await request.getByLabel('Ask', { exact: true }).selectOption({ label: 'Tailspin Retail' });
    await request.getByLabel('Dataset').selectOption('service_cases');
    await request.getByLabel('Level').selectOption('aggregate');
    const k = request.getByLabel('Minimum group size (k)');
    expect(await k.inputValue()).toBe('50'); // the default k
    await k.fill('25');
    await request.getByLabel('Purpose').fill(requestPurpose);
    await shot(northwind, 'agreements-05-request-form');
    await request.getByRole('button', { name: 'Send request' }).click();
    expect(await text(request.locator('[role=status]'))).toBe(
      'You asked Tailspin Retail for its service cases at aggregate level, k = 25. The request waits for Tailspin Retail to decide.',
    );
    expect(await request.getByLabel('Minimum group size (k)').count()).toBe(0); // back to customer level

    const row = northwind.locator('#received tbody tr', { hasText: requestPurpose });
    expect(await text(row.locator('td').first())).toBe('Requested Waiting for Tailspin Retail');
    const cells = (await row.locator('td').allTextContents()).map((c) => c.trim());
    expect(cells.slice(2, 5)).toEqual(['Service cases', 'Aggregate', '25']);
    await shot(northwind, 'agreements-06-requested');
  });

  test('Tailspin sees the request waiting and approves it', async () => {
    await tailspin.reload();
    await hydrated(tailspin);
    const before = await inEffectCount(tailspin);
    const waiting = tailspin.locator('#requests tbody tr', { hasText: requestPurpose });
    expect(await text(waiting.locator('th'))).toBe('Northwind Appliances');
    const cells = (await waiting.locator('td').allTextContents()).map((c) => c.trim());
    expect(cells.slice(0, 3)).toEqual(['Service cases', 'Aggregate', '25']);
    expect(await text(tailspin.locator('#requests .card-header .badge'))).toMatch(/^\d+ waiting$/);
    await shot(tailspin, 'agreements-07-request-waiting');

    await waiting.getByRole('button', { name: 'Approve' }).click();
    expect(await text(tailspin.locator('#requests [role=status]'))).toMatch(
      /^Approved: Northwind Appliances may use your service cases at aggregate level, k = 25, from .+ until revoked\.$/,
    );
    await waiting.waitFor({ state: 'detached' });
    const granted = tailspin.locator('#granted tbody tr', { hasText: requestPurpose });
    expect(await text(granted.locator('td').first())).toMatch(/^Active Asked for, approved \d+ \w+ \d{4}$/);
    const cell = matrixCell(tailspin, 'Tailspin Retail', 'service_cases');
    expect(await text(cell.locator('li', { hasText: 'Northwind Appliances' }))).toContain('Aggregate, k = 25');
    expect(await inEffectCount(tailspin)).toBe(before + 1);
    await shot(tailspin, 'agreements-08-approved');

    await northwind.reload();
    const received = northwind.locator('#received tbody tr', { hasText: requestPurpose });
    expect(await text(received.locator('.badge'))).toBe('Active');
  });

  test('Northwind asks for activities too; Tailspin declines with a reason, which Northwind sees', async () => {
    const request = northwind.locator('#request');
    await request.getByLabel('Ask', { exact: true }).selectOption({ label: 'Tailspin Retail' });
    await request.getByLabel('Dataset').selectOption('activities');
    await request.getByLabel('Purpose').fill(declinePurpose);
    await request.getByRole('button', { name: 'Send request' }).click();
    await request.locator('[role=status]').waitFor();

    await tailspin.reload();
    await hydrated(tailspin);
    const waiting = tailspin.locator('#requests tbody tr', { hasText: declinePurpose });
    await waiting.getByRole('link', { name: 'Decline the request of Northwind Appliances for activities' }).click();
    const id = await waiting.getAttribute('data-agreement');
    const declining = tailspin.locator(`#decline-${id}`);
    await declining.getByLabel('Reason (optional)').fill('Activities are not collected per customer yet');
    await declining.getByRole('button', { name: 'Decline request' }).click();
    expect(await text(tailspin.locator('#requests [role=status]'))).toBe(
      'Declined the request of Northwind Appliances for your activities.',
    );
    await waiting.waitFor({ state: 'detached' });
    const declined = tailspin.locator('#granted tbody tr', { hasText: declinePurpose });
    expect(await text(declined.locator('td').first())).toMatch(
      /^Declined \d+ \w+ \d{4}: “Activities are not collected per customer yet”$/,
    );

    await northwind.reload();
    const received = northwind.locator('#received tbody tr', { hasText: declinePurpose });
    expect(await text(received.locator('td').first())).toMatch(/^Declined \d+ \w+ \d{4}: “Activities are not/);
  });

  test('Tailspin revokes the transactions grant; it shows as revoked on both sides', async () => {
    const before = await inEffectCount(tailspin);
    const row = tailspin.locator('#granted tbody tr', { hasText: grantPurpose });
    const id = await row.getAttribute('data-agreement');
    await row.getByRole('link', { name: 'Revoke the access of Northwind Appliances to transactions' }).click();
    const revoking = tailspin.locator(`#revoke-${id}`);
    await revoking.getByLabel('Reason (optional)').fill('The spring campaign is over');
    expect(await text(revoking.locator('.hint'))).toBe(
      'Northwind Appliances loses this access to your transactions at once.',
    );
    await shot(tailspin, 'agreements-09-revoking');
    await revoking.getByRole('button', { name: 'Revoke now' }).click();
    expect(await text(tailspin.locator('#granted [role=status]'))).toBe(
      'Revoked at once: Northwind Appliances no longer has your transactions at customer level through this agreement.',
    );
    expect(await text(row.locator('td').first())).toMatch(/^Revoked \d+ \w+ \d{4}: “The spring campaign is over”$/);
    expect(await row.getByText('Revoke…').count()).toBe(0);
    await revoking.waitFor({ state: 'detached' });
    expect(await inEffectCount(tailspin)).toBe(before - 1);
    await shot(tailspin, 'agreements-10-revoked');

    await northwind.reload();
    const received = northwind.locator('#received tbody tr', { hasText: grantPurpose });
    expect(await text(received.locator('.badge'))).toBe('Revoked');
    await shot(northwind, 'agreements-11-revoked-for-northwind');
  });

  test('Tailspin’s analyst sees the agreements, without forms or decision buttons (no JavaScript)', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await signIn(page, 'analyst@tailspin.example');
    await openAgreementsWithoutJs(page);
    expect(await text(page.locator('.alert-info'))).toContain('needs the manager or firm admin role');
    expect(await page.locator('#grant, #request').count()).toBe(0);
    expect(await page.locator('#granted tbody tr', { hasText: requestPurpose }).count()).toBe(1);
    expect(await page.locator('#granted a.button, #requests a.button, #requests button').count()).toBe(0);
    await shot(page, 'agreements-12-analyst');
  });
});

describe('Agreements without JavaScript', () => {
  test('a Contoso manager asks Litware for its shipments through a plain form post', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await signIn(page, 'manager@contoso.example');
    await openAgreementsWithoutJs(page);

    const request = page.locator('#request');
    // Without JavaScript k is always there; the server uses it at aggregate level only.
    expect(await request.getByLabel('Minimum group size (k)').inputValue()).toBe('50');
    await request.getByLabel('Ask', { exact: true }).selectOption({ label: 'Litware Logistics' });
    await request.getByLabel('Dataset').selectOption('shipments');
    await request.getByLabel('Purpose').fill(`Delivery promise check (${runId})`);
    await request.getByRole('button', { name: 'Send request' }).click();
    expect(await text(page.locator('#request [role=status]'))).toBe(
      'You asked Litware Logistics for its shipments at customer level. The request waits for Litware Logistics to decide.',
    );
    const row = page.locator('#received tbody tr', { hasText: `Delivery promise check (${runId})` });
    expect(await text(row.locator('td').first())).toBe('Requested Waiting for Litware Logistics');
    await shot(page, 'agreements-13-no-js-request');
  });
});
