// The Strategy page in Chromium against the real API, worker, PostgreSQL and Redis (see global-setup.ts):
// Northwind Appliances, the focal manufacturer, drafts the joint strategy (a vision and an objective linked to a
// scorecard measure), submits and publishes it; Tailspin Retail's executive sponsor reads it and requests a change
// with a reason; Northwind sees the request in the sign-off panel and its notifications, starts the next version,
// changes the returns policy, publishes it and compares the two versions; Tailspin's sponsor signs the new version
// and the panel shows it signed. Screenshots land in test/e2e/artifacts/ (strategy-*.png).
//
// The demo seeds no strategy and no scorecard; other e2e files share the network, and the database may be reused
// across runs. So the scorecard is created through the API only when there is none, a draft or version in review
// left by an earlier run is discarded first, and version numbers are read from the page rather than assumed.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { DEMO_PASSWORD, hydrated, newPage, portalUrl, shot, signIn, text } from './browser.ts';

const DEMO_NETWORK = 'Northwind Appliances value chain';
const apiUrl = inject('apiUrl');
const artifactsDir = inject('artifactsDir');
const runId = Date.now().toString(36);
const vision = `Serve the chain's best customers as one company: one promise from factory to doorstep (${runId}).`;
const objectiveTitle = `Deliver on time, every time (${runId})`;
const changeReason = 'Returns must be accepted in any partner store, not only where the appliance was bought.';
const returnsV2 = 'Any partner store accepts returns of any appliance bought in the chain, within 30 days.';

async function api<T>(
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${apiUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const raw = await response.text();
  return { status: response.status, body: (raw ? JSON.parse(raw) : null) as T };
}

async function apiLogin(email: string): Promise<string> {
  const response = await fetch(`${apiUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** Makes the demo network the current one (a firm may be in others from earlier runs). */
async function useDemoNetwork(page: Page): Promise<void> {
  await hydrated(page);
  const switcher = page.getByLabel('Network', { exact: true });
  const networkId = await switcher.locator('option', { hasText: DEMO_NETWORK }).getAttribute('value');
  expect(networkId).toMatch(/^[0-9a-f-]{36}$/);
  if ((await switcher.inputValue()) !== networkId) {
    await switcher.selectOption(networkId ?? '');
    await page.waitForURL(`${portalUrl}/networks/${networkId}`);
    await hydrated(page);
  }
}

async function openStrategy(page: Page): Promise<void> {
  await page.locator('nav[aria-label=Modules] a', { hasText: 'Strategy' }).click();
  await page.waitForURL(`${portalUrl}/strategy`);
  await hydrated(page);
  expect(await text(page.locator('h1'))).toBe('Strategy');
}

async function elementShot(page: Page, selector: string, name: string): Promise<void> {
  const element = page.locator(selector).first();
  await element.scrollIntoViewIfNeeded();
  await element.screenshot({ path: join(artifactsDir, `${name}.png`) });
}

/** The version number the page shows. */
async function shownVersion(page: Page): Promise<number> {
  const meta = await text(page.locator('#version .version-meta'));
  const match = /Version (\d+)/.exec(meta);
  expect(match, meta).not.toBeNull();
  return Number(match![1]);
}

/** Saves the draft in the editor, submits it for review and publishes it; the version's number. */
async function submitAndPublish(page: Page): Promise<number> {
  const version = await shownVersion(page);
  await page.getByRole('button', { name: 'Save and submit for review' }).click();
  await page.locator('#version [role=status]', { hasText: `Version ${version} is in review` }).waitFor();
  expect(await text(page.locator('#version [data-badge=status]'))).toBe('In review');
  await page.getByRole('button', { name: `Publish version ${version}` }).click();
  await page.locator('#version [role=status]', { hasText: `Version ${version} is published` }).waitFor();
  expect(await text(page.locator('#version [data-badge=status]'))).toBe('Published');
  expect(await text(page.locator('#version-byline'))).toMatch(
    /^Published by Northwind Partner Manager on \d+ \w+ \d{4}$/,
  );
  return version;
}

describe('the joint strategy of the Northwind Appliances value chain', () => {
  let northwind: Page;
  let tailspin: Page;
  let sponsorEmail = '';
  let first = 0;
  let second = 0;

  beforeAll(async () => {
    const token = await apiLogin('manager@northwind.example');
    const me = await api<{ networks: { id: string; name: string }[] }>(token, 'GET', '/v1/me');
    const networkId = me.body.networks.find((n) => n.name === DEMO_NETWORK)!.id;

    // An objective links a scorecard measure: the network needs a scorecard (the scorecard test copes with one).
    const cards = await api<{ items: unknown[] }>(token, 'GET', `/v1/networks/${networkId}/scorecards`);
    if (cards.body.items.length === 0) {
      const created = await api(token, 'POST', `/v1/networks/${networkId}/scorecards`, {
        name: 'Joint scorecard',
        periodKind: 'quarter',
        template: 'default',
      });
      expect(created.status).toBe(201);
    }

    // A draft or a version in review from an earlier run would stop a new version from starting.
    const overview = await api<{ openVersionId: string | null; versions: { id: string; status: string }[] }>(
      token,
      'GET',
      `/v1/networks/${networkId}/strategy`,
    );
    const open = overview.body.versions.find((v) => v.id === overview.body.openVersionId);
    if (open) {
      const versionPath = `/v1/networks/${networkId}/strategy/versions/${open.id}`;
      if (open.status === 'in_review') expect((await api(token, 'POST', `${versionPath}/return`)).status).toBe(200);
      expect((await api(token, 'DELETE', versionPath)).status).toBe(204);
    }

    // Tailspin's executive sponsor as the network names it (the demo names its manager).
    const members = await api<{ items: { firm: { name: string }; executiveSponsor: { email: string } | null }[] }>(
      token,
      'GET',
      `/v1/networks/${networkId}/members?limit=200`,
    );
    sponsorEmail = members.body.items.find((m) => m.firm.name === 'Tailspin Retail')?.executiveSponsor?.email ?? '';
    expect(sponsorEmail).toMatch(/@tailspin\.example$/);

    northwind = await newPage();
    await signIn(northwind, 'manager@northwind.example');
    await useDemoNetwork(northwind);
    tailspin = await newPage();
    await signIn(tailspin, sponsorEmail);
    await useDemoNetwork(tailspin);
  });

  test('Northwind drafts the strategy: a vision and an objective linked to a scorecard measure', async () => {
    await openStrategy(northwind);
    expect(await northwind.locator('nav[aria-label=Modules] a', { hasText: 'Strategy' }).locator('.soon').count()).toBe(
      0,
    );
    if (await northwind.locator('#no-strategy').count()) {
      await shot(northwind, 'strategy-01-none-yet');
      await northwind.getByLabel('Title').fill('Joint CRM strategy');
      await northwind.getByRole('button', { name: 'Start the strategy' }).click();
    } else {
      // a database reused from an earlier run already has published versions: this run's first is the next one
      await northwind.getByRole('button', { name: 'Start new version' }).click();
    }
    await northwind.waitForURL(/\/strategy\?version=[0-9a-f-]{36}$/);
    const editor = northwind.locator('#editor form');
    await editor.waitFor();
    expect(await text(northwind.locator('#version [data-badge=status]'))).toBe('Draft');

    await editor.getByLabel('Vision', { exact: true }).fill(vision);
    const objectives = editor.locator('[data-section=objectives] > .row');
    const before = await objectives.count();
    await editor.getByRole('button', { name: 'Add objective' }).click();
    await objectives.nth(before).waitFor();
    // the new row's title field has the focus once the round trip is back
    const objective = objectives.nth(before);
    await objective.getByLabel('Objective title').fill(objectiveTitle);
    await objective.getByLabel('Description').fill('Late deliveries are the first reason customers leave the chain.');
    await objective.getByRole('button', { name: 'Link a measure' }).click();
    await objective.locator('[data-row$=".measures.0"]').waitFor();
    // what was typed before the round trip is still there
    expect(await objective.getByLabel('Objective title').inputValue()).toBe(objectiveTitle);
    expect(await editor.getByLabel('Vision', { exact: true }).inputValue()).toBe(vision);
    await objective.getByLabel('Measure').selectOption({ label: 'On-time delivery rate (%)' });
    await objective.getByLabel('Target').fill('0.95');
    await objective.getByLabel('Due').fill('2027-06-30');

    // a target that is not a number is refused next to its field, and nothing is saved
    await objective.getByLabel('Target').fill('ninety-five');
    await northwind.getByRole('button', { name: 'Save draft' }).click();
    expect(await text(editor.locator('[role=alert]'))).toContain('nothing was saved');
    expect(await text(objective.locator('.field-error'))).toBe('Enter the target as a number.');
    expect(await objective.getByLabel('Target').getAttribute('aria-invalid')).toBe('true');
    await shot(northwind, 'strategy-02-editor-field-error');

    await objective.getByLabel('Target').fill('0.95');
    await northwind.getByRole('button', { name: 'Save draft' }).click();
    expect(await text(northwind.locator('#version [role=status]'))).toBe('Draft saved.');
    expect(await objective.getByLabel('Target').inputValue()).toBe('0.95');
    await shot(northwind, 'strategy-03-draft-saved');
  });

  test('Northwind submits the draft for review and publishes it', async () => {
    first = await submitAndPublish(northwind);
    const objective = northwind.locator('#section-objectives li', { hasText: objectiveTitle });
    expect(await text(objective)).toContain('On-time delivery rate');
    expect(await text(objective)).toContain('30 Jun 2027');
    expect(await text(northwind.locator('#section-vision .prose'))).toBe(vision);
    const tailspinStanding = northwind.locator('#signoff li[data-firm="Tailspin Retail"]');
    expect(await tailspinStanding.getAttribute('data-standing')).toBe('pending');
    await shot(northwind, 'strategy-04-published');
  });

  test('Tailspin’s executive sponsor reads the published version and requests a change', async () => {
    await openStrategy(tailspin);
    expect(await shownVersion(tailspin)).toBe(first);
    expect(await text(tailspin.locator('#version [data-badge=status]'))).toBe('Published');
    expect(await text(tailspin.locator('#section-vision .prose'))).toBe(vision);
    // a partner that is not on the team neither edits nor publishes
    expect(await tailspin.locator('#editor').count()).toBe(0);
    expect(await tailspin.getByRole('button', { name: 'Start new version' }).count()).toBe(0);

    const decide = tailspin.locator('form[aria-label="Your decision"]');
    // requesting changes needs a reason
    await decide.getByRole('button', { name: 'Request changes' }).click();
    expect(await text(tailspin.locator('#signoff [role=alert]'))).toBe(
      'Say what should change before requesting changes.',
    );
    await decide.getByLabel('Reason').fill(changeReason);
    await decide.getByRole('button', { name: 'Request changes' }).click();
    expect(await text(tailspin.locator('#signoff [role=status]'))).toBe(
      `Changes requested on version ${first}; the strategy team is told.`,
    );
    const own = tailspin.locator('#signoff li[data-firm="Tailspin Retail"]');
    expect(await own.getAttribute('data-standing')).toBe('changes_requested');
    expect(await text(own)).toContain(changeReason);
    await shot(tailspin, 'strategy-05-changes-requested');
  });

  test('Northwind sees the request in the sign-off panel and in its notifications', async () => {
    await northwind.reload();
    await hydrated(northwind);
    const standing = northwind.locator('#signoff li[data-firm="Tailspin Retail"]');
    expect(await standing.getAttribute('data-standing')).toBe('changes_requested');
    expect(await text(standing)).toContain(changeReason);
    expect(await text(northwind.locator(`#decisions li[data-firm="Tailspin Retail"]`))).toContain('Changes requested');
    await elementShot(northwind, '#signoff', 'strategy-06-signoff-panel');

    const bell = northwind.locator('header a.bell');
    expect(Number(await text(bell.locator('.bell-count')))).toBeGreaterThan(0);
    await bell.click();
    await northwind.waitForURL(`${portalUrl}/notifications`);
    await hydrated(northwind);
    const request = northwind
      .locator('#notifications li', { hasText: `Tailspin Retail requests changes to strategy version ${first}` })
      .first();
    expect(await request.getAttribute('data-read')).toBe('no');
    expect(await text(request)).toContain(changeReason);
    await shot(northwind, 'strategy-07-notifications');
    await northwind.getByRole('button', { name: 'Mark all read' }).click();
    expect(await text(northwind.locator('[role=status]'))).toMatch(/^Marked \d+ notifications? read\.$/);
    expect(await request.getAttribute('data-read')).toBe('yes');
    expect(await northwind.locator('header a.bell .bell-count').count()).toBe(0);
    // the notification links to the strategy
    await request.getByRole('link').click();
    await northwind.waitForURL(`${portalUrl}/strategy`);
  });

  test('Northwind starts version 2, changes the returns policy, publishes it and compares the versions', async () => {
    await hydrated(northwind);
    await northwind.getByRole('button', { name: 'Start new version' }).click();
    await northwind.waitForURL(/\/strategy\?version=[0-9a-f-]{36}$/);
    const editor = northwind.locator('#editor form');
    await editor.waitFor();
    expect(await shownVersion(northwind)).toBe(first + 1);
    // the new draft starts as a copy of the published version
    expect(await editor.getByLabel('Vision', { exact: true }).inputValue()).toBe(vision);
    await editor.getByLabel('Returns across partners').fill(returnsV2);
    second = await submitAndPublish(northwind);
    expect(second).toBe(first + 1);
    expect(await text(northwind.locator('#section-customerExperience [data-field=returns] dd'))).toBe(returnsV2);
    // a new version needs decisions of its own
    expect(await northwind.locator('#signoff li[data-firm="Tailspin Retail"]').getAttribute('data-standing')).toBe(
      'pending',
    );

    const compare = northwind.locator('#compare');
    await compare.getByLabel('From').selectOption({ label: `Version ${first} (published)` });
    await compare.getByLabel('To').selectOption({ label: `Version ${second} (published)` });
    await compare.getByRole('button', { name: 'Compare' }).click();
    await northwind.waitForURL(/from=.*&to=/);
    const change = compare.locator(
      '.diff [data-section=customerExperience] li[data-path="customerExperience.returns"]',
    );
    expect(await change.getAttribute('data-kind')).toBe('changed');
    expect(await text(change.locator('ins').first())).not.toBe('');
    expect(await text(change.locator('.words'))).toBe(returnsV2);
    expect(await compare.locator('.diff [data-section]').count()).toBe(1);
    await elementShot(northwind, '#compare', 'strategy-08-diff');
    await shot(northwind, 'strategy-09-version-2');
  });

  test('Tailspin’s sponsor signs version 2 off, and the panel shows it signed', async () => {
    await tailspin.reload();
    await hydrated(tailspin);
    expect(await shownVersion(tailspin)).toBe(second);
    const decide = tailspin.locator('form[aria-label="Your decision"]');
    await decide.getByRole('button', { name: `Sign off version ${second}` }).click();
    expect(await text(tailspin.locator('#signoff [role=status]'))).toBe(
      `Signed off version ${second} for Tailspin Retail.`,
    );
    await elementShot(tailspin, '#signoff', 'strategy-10-signed');

    await northwind.reload();
    await hydrated(northwind);
    const standing = northwind.locator('#signoff li[data-firm="Tailspin Retail"]');
    expect(await standing.getAttribute('data-standing')).toBe('signed');
    expect(await text(standing)).toContain(`✓ Signed v${second}`);
    expect(await text(northwind.locator('#decisions li[data-firm="Tailspin Retail"]'))).toContain('✓ Signed off');
    // the earlier version keeps its own decision: who signed which version
    const earlier = northwind.locator(`#versions li[data-version="${first}"] a`);
    const href = await earlier.getAttribute('href');
    await earlier.click();
    await northwind.waitForURL(`${portalUrl}${href}`);
    await hydrated(northwind);
    expect(await shownVersion(northwind)).toBe(first);
    expect(await northwind.locator('#decisions li[data-firm="Tailspin Retail"]').getAttribute('data-decision')).toBe(
      'changes_requested',
    );
    expect(await text(northwind.locator(`#versions li[data-version="${second}"] [data-figure=decisions]`))).toContain(
      '1 signed',
    );
    await shot(northwind, 'strategy-11-version-1-history');
  });
  test('without JavaScript the team edits a draft through plain form posts, and discards it', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto('/login?next=%2Fstrategy');
    await page.getByLabel('Email').fill('manager@northwind.example');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`${portalUrl}/strategy`);
    if ((await page.getByLabel('Network', { exact: true }).locator('option:checked').textContent()) !== DEMO_NETWORK) {
      await page.getByLabel('Network', { exact: true }).selectOption({ label: DEMO_NETWORK });
      await page.getByRole('button', { name: 'Open network' }).click();
      await page.goto('/strategy');
    }
    await page.getByRole('button', { name: 'Start new version' }).click();
    await page.waitForURL(/\/strategy\?version=[0-9a-f-]{36}$/);
    expect(await shownVersion(page)).toBe(second + 1);
    const editor = page.locator('#editor form');
    const capabilities = editor.locator('[data-section=capabilities] > .row');
    expect(await capabilities.count()).toBe(0);
    // adding a row is a round trip that keeps what was typed
    await editor.getByLabel('Technology').fill('A shared returns ledger.');
    await editor.getByRole('button', { name: 'Add capability' }).click();
    await capabilities.first().waitFor();
    expect(await editor.getByLabel('Technology').inputValue()).toBe('A shared returns ledger.');
    await capabilities.first().getByLabel('Capability').fill('Returns desk');
    await capabilities.first().getByLabel('Contributed by').selectOption({ label: 'Tailspin Retail' });
    await page.getByRole('button', { name: 'Save draft' }).click();
    expect(await text(page.locator('#version [role=status]'))).toBe('Draft saved.');
    expect(await capabilities.first().getByLabel('Capability').inputValue()).toBe('Returns desk');
    await shot(page, 'strategy-12-no-js-editor');
    // the draft is left to nobody: the other files see the published version 2 as the newest
    await page.getByRole('button', { name: 'Discard draft' }).click();
    await page.waitForURL(`${portalUrl}/strategy`);
    expect(await shownVersion(page)).toBe(second);
  });
});
