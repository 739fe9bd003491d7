// The portal in Chromium against the real API, worker, PostgreSQL and Redis (see global-setup.ts).
// Screenshots of every step land in test/e2e/artifacts/.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { DEMO_PASSWORD, hydrated, newPage, portalUrl, shot, signIn, text } from './browser.ts';

const workerLogPath = inject('workerLogPath');
const apiLogPath = inject('apiLogPath');
const freshDatabase = inject('freshDatabase');

const DEMO_NETWORK = 'Northwind Appliances value chain';
const runId = Date.now().toString(36);
// The brief's address when the database is new; a unique one when reusing a database across runs.
const newAnalystEmail = freshDatabase ? 'new.analyst@northwind.example' : `new.analyst.${runId}@northwind.example`;
const newNetworkName = `Northwind spare parts chain ${runId}`;

/** The invitation link the worker (or, without Redis, the API) logged for an email address. */
async function invitationLink(email: string): Promise<string> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    for (const file of [workerLogPath, apiLogPath]) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (!line.includes('invitations/accept?token=') || !line.includes(email)) continue;
        const entry = JSON.parse(line) as { to?: string; link?: string };
        if (entry.to === email && entry.link) return entry.link;
      }
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no invitation link for ${email} in the worker or API log`);
}

describe('signed out', () => {
  test('a visitor hitting / is sent to the sign-in page', async () => {
    const page = await newPage();
    const response = await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(response?.status()).toBe(200);
    expect(await text(page.locator('h1'))).toBe('Sign in');
    await shot(page, '00-signed-out-redirect');

    await page.goto('/admin/users');
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/login?next=%2Fadmin%2Fusers');
  });

  test('an email typed before the page has loaded its scripts survives their start', async () => {
    const page = await newPage();
    let release = () => {};
    const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/_app/immutable/**/*.js', async (route) => {
      await scriptsHeld;
      await route.continue();
    });
    await page.goto('/login', { waitUntil: 'domcontentloaded' });
    await page.getByLabel('Email').fill('admin@northwind.example');
    release();
    // hydration runs as the scripts start; the network is idle only after they all have
    await page.waitForLoadState('networkidle');
    expect(await page.getByLabel('Email').inputValue()).toBe('admin@northwind.example');
  });

  test('a wrong password shows the API’s message next to the form', async () => {
    const page = await newPage();
    await page.goto('/login');
    await page.getByLabel('Email').fill('admin@northwind.example');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    expect(await text(page.locator('[role=alert]'))).toBe('The email or password is wrong.');
    expect(await page.getByLabel('Email').inputValue()).toBe('admin@northwind.example');
    expect(new URL(page.url()).pathname).toBe('/login');
  });
});

describe('without JavaScript', () => {
  test('sign-in and the network switcher work through plain form posts', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto('/login?next=%2Fstrategy');
    await page.getByLabel('Email').fill('manager@contoso.example');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`${portalUrl}/strategy`);
    expect(await text(page.locator('h1'))).toContain('Strategy');
    expect(await text(page.locator('.account .who'))).toContain('Contoso Partner Manager');
    // Every module is built now: the Strategy page renders on the server, without scripts (the strategy itself, or
    // the note that there is none yet, depending on whether the strategy test ran first).
    expect(await page.locator('#version, #no-strategy').count()).toBe(1);
    expect(await page.locator('nav[aria-label=Modules] a', { hasText: 'Strategy' }).locator('.soon').count()).toBe(0);

    // The switcher's submit button stands in for submit-on-change.
    await page.getByLabel('Network', { exact: true }).selectOption({ label: DEMO_NETWORK });
    await page.getByRole('button', { name: 'Open network' }).click();
    await page.waitForURL(/\/networks\/[0-9a-f-]{36}$/);
    expect(await text(page.locator('h1'))).toBe(DEMO_NETWORK);
    await shot(page, '01-no-js-network');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);
    expect(await text(page.locator('[role=status]'))).toBe('You have signed out.');
  });
});

describe('a Northwind firm admin', () => {
  let page: Page;
  let demoNetworkId: string;
  let newNetworkId: string;

  beforeAll(async () => {
    page = await newPage();
  });

  test('signs in and sees the overview, without any token reaching the browser', async () => {
    await page.goto('/login');
    await shot(page, '02-login');
    await signIn(page, 'admin@northwind.example');
    await hydrated(page);
    expect(await text(page.locator('h1'))).toBe('Northwind Appliances');
    expect(await text(page.locator('.account .who'))).toBe('Northwind Admin Firm admin · Northwind Appliances');
    const demoRow = page.locator('tr', { hasText: DEMO_NETWORK });
    expect(await demoRow.locator('td').nth(2).textContent()).toBe('7');
    demoNetworkId = ((await demoRow.locator('a').getAttribute('href')) ?? '').split('/').pop() ?? '';
    expect(demoNetworkId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await page.locator('nav[aria-label=Modules] a[aria-current=page]').textContent()).toContain('Overview');
    await shot(page, '03-overview');

    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === 'accord_session');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Lax');
    expect(cookies.map((c) => c.name)).not.toContain('accord_refresh');
    expect(await page.evaluate(() => document.cookie)).not.toMatch(/accord_(session|refresh)/);
    // Sealed: the tokens cannot be read out of the cookie.
    expect(session?.value.startsWith('v1.')).toBe(true);
    expect(Buffer.from(session?.value.slice(3) ?? '', 'base64url').toString('latin1')).not.toContain('accessToken');
  });

  test('creates a second network', async () => {
    await page.goto('/');
    await hydrated(page);
    await page.getByLabel('Name').fill(newNetworkName);
    await page.getByLabel('Description (optional)').fill('Spare parts from Northwind to repair partners.');
    await page.getByRole('button', { name: 'Create network' }).click();
    await page.waitForURL(/\/networks\/[0-9a-f-]{36}\?created=1$/);
    newNetworkId = new URL(page.url()).pathname.split('/').pop() ?? '';
    expect(await text(page.locator('h1'))).toBe(newNetworkName);
    expect(await text(page.locator('[role=status]'))).toContain('Network created');
    const rows = page.locator('table tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await text(page.locator('table tbody tr th'))).toContain('Northwind Appliances');
    expect(await page.getByLabel('Network', { exact: true }).inputValue()).toBe(newNetworkId);
    await shot(page, '04-network-created');
  });

  test('switches network with the network switcher', async () => {
    await hydrated(page);
    await page.getByLabel('Network', { exact: true }).selectOption(demoNetworkId);
    await page.waitForURL(`${portalUrl}/networks/${demoNetworkId}`);
    expect(await text(page.locator('h1'))).toBe(DEMO_NETWORK);
    const firms = await page.locator('table tbody tr th .firm-name').allTextContents();
    expect(firms).toEqual([
      'Adventure Outlet',
      'Contoso Distribution',
      'Fabrikam Wholesale',
      'Litware Logistics',
      'Northwind Appliances',
      'Tailspin Retail',
      'Wingtip Stores',
    ]);
    expect(await page.getByLabel('Network', { exact: true }).inputValue()).toBe(demoNetworkId);
    const network = page.locator('nav[aria-label=Modules] a[aria-current=page]');
    expect(await network.textContent()).toContain('Network');
    expect(await network.getAttribute('href')).toBe(`/networks/${demoNetworkId}`);
    await shot(page, '05-network-switched');

    // And back: the choice sticks in the accord_network cookie.
    await page.getByLabel('Network', { exact: true }).selectOption(newNetworkId);
    await page.waitForURL(`${portalUrl}/networks/${newNetworkId}`);
    expect(await text(page.locator('h1'))).toBe(newNetworkName);
    const networkCookie = (await page.context().cookies()).find((c) => c.name === 'accord_network');
    expect(networkCookie?.value).toBe(newNetworkId);
  });

  test('invites a partner firm into the new network and sets its stage', async () => {
    await page.getByLabel('Firm slug').fill('no-such-firm');
    await page.getByRole('button', { name: 'Invite firm' }).click();
    expect(await text(page.locator('[role=alert]'))).toBe('No firm on Accord has the slug "no-such-firm".');

    await page.getByLabel('Firm slug').fill('contoso');
    await page.getByLabel('Chain role (optional)').selectOption('distributor');
    await page.getByRole('button', { name: 'Invite firm' }).click();
    expect(await text(page.locator('[role=status]'))).toContain('Contoso Distribution is invited as distributor');
    const contoso = page.locator('tr', { hasText: 'Contoso Distribution' });
    expect(await contoso.locator('td').nth(1).textContent()).toContain('Invited');

    await contoso.getByLabel('Relationship stage with Contoso Distribution').selectOption('value_adding');
    await contoso.getByRole('button', { name: 'Save stage for Contoso Distribution' }).click();
    expect(await text(page.locator('tr:has-text("Contoso Distribution") [role=status]'))).toBe(
      'Contoso Distribution: value-adding.',
    );
    await page.reload();
    expect(await page.getByLabel('Relationship stage with Contoso Distribution').inputValue()).toBe('value_adding');
    await shot(page, '06-partner-invited');
  });

  test('the invited partner’s firm admin accepts from the overview', async () => {
    const partner = await newPage();
    await signIn(partner, 'admin@contoso.example');
    await hydrated(partner);
    const invitation = partner.locator('.invitations li', { hasText: newNetworkName });
    expect(await invitation.textContent()).toContain('Led by Northwind Appliances');
    await shot(partner, '07-partner-invitation');
    await invitation.getByRole('button', { name: `Accept the invitation to ${newNetworkName}` }).click();
    await partner.waitForURL(`${portalUrl}/networks/${newNetworkId}`);
    expect(await text(partner.locator('h1'))).toBe(newNetworkName);
    expect(await text(partner.locator('.page-header .badge'))).toBe('Your firm: Active');
    const own = partner.locator('tbody tr', { hasText: 'Contoso Distribution' });
    expect(await own.getByLabel('Executive sponsor for Contoso Distribution').inputValue()).not.toBe('');
    expect(await own.locator('td').nth(1).textContent()).toContain('Active');
    expect(await own.locator('td').nth(2).textContent()).toContain('Value-adding');
  });

  test('invites a new analyst from Users', async () => {
    await hydrated(page);
    await page.locator('nav a', { hasText: 'Users' }).click();
    await page.waitForURL(`${portalUrl}/admin/users`);
    expect(await text(page.locator('h1'))).toBe('Users of Northwind Appliances');
    expect(await page.locator('nav a[aria-current=page]').textContent()).toContain('Users');
    await page.getByLabel('Email').fill(newAnalystEmail);
    await page.getByLabel('Role', { exact: true }).selectOption('analyst');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    expect(await text(page.locator('#invite-message'))).toContain(`Invitation sent to ${newAnalystEmail} as analyst.`);
    const row = page.locator('tr', { hasText: newAnalystEmail });
    expect(await row.locator('td').nth(1).textContent()).toBe('Analyst');
    expect(await row.locator('td').nth(2).textContent()).toBe('pending');
    expect(await row.locator('td').nth(4).textContent()).toBe('Northwind Admin');
    expect(await page.getByLabel('Email').inputValue()).toBe(''); // the form resets after success
    await shot(page, '08-user-invited');
  });

  test('the invitee opens the emailed link, sets a password and lands signed in as Northwind', async () => {
    const link = await invitationLink(newAnalystEmail);
    expect(link.startsWith(`${portalUrl}/invitations/accept?token=`)).toBe(true);

    const invitee = await newPage();
    await invitee.goto(link);
    expect(await text(invitee.locator('h1'))).toBe('Join Northwind Appliances on Accord');
    expect(await text(invitee.locator('dl.facts'))).toContain(newAnalystEmail);
    expect(await text(invitee.locator('dl.facts'))).toContain('Role Analyst');
    await shot(invitee, '09-invitation');

    await invitee.getByLabel('Your name').fill('Nadia Analyst');
    await invitee.getByLabel('Password', { exact: true }).fill('a-long-new-password');
    await invitee.getByLabel('Confirm password').fill('a-different-password');
    await invitee.getByRole('button', { name: 'Accept and sign in' }).click();
    expect(await text(invitee.locator('[role=alert]'))).toBe('The two passwords do not match.');
    expect(await invitee.getByLabel('Your name').inputValue()).toBe('Nadia Analyst');

    await invitee.getByLabel('Password', { exact: true }).fill('a-long-new-password');
    await invitee.getByLabel('Confirm password').fill('a-long-new-password');
    await invitee.getByRole('button', { name: 'Accept and sign in' }).click();
    await invitee.waitForURL(`${portalUrl}/`);
    await hydrated(invitee);
    expect(await text(invitee.locator('h1'))).toBe('Northwind Appliances');
    expect(await text(invitee.locator('.account .who'))).toBe('Nadia Analyst Analyst · Northwind Appliances');
    expect(await invitee.locator('nav a', { hasText: 'Users' }).count()).toBe(0); // not a firm admin
    expect(await text(invitee.locator('#create-heading + p'))).toContain('needs the manager or firm admin role');
    await shot(invitee, '10-invitee-signed-in');

    // The link is spent now.
    await invitee.goto(link);
    expect(await text(invitee.locator('h1'))).toBe('This invitation was already accepted');

    // The admin sees the new colleague.
    await page.reload();
    const colleague = page.locator('tbody tr', { hasText: 'Nadia Analyst' });
    expect(await colleague.locator('td').first().textContent()).toBe(newAnalystEmail);
    expect(await colleague.getByLabel('Role of Nadia Analyst', { exact: true }).inputValue()).toBe('analyst');
    const invitation = page.locator('tr', { hasText: newAnalystEmail }).filter({ hasText: 'accepted' });
    expect(await invitation.count()).toBe(1);
  });

  test('signs out; / then leads to the sign-in page again', async () => {
    await hydrated(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);
    expect(await text(page.locator('[role=status]'))).toBe('You have signed out.');
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain('accord_session');
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/login');
  });
});

describe('a user of two firms', () => {
  test('joins a second firm with an existing account and switches firm', async () => {
    const email = freshDatabase ? 'manager@litware.example' : `manager.${runId}@litware.example`;
    const admin = await newPage();
    await signIn(admin, 'admin@northwind.example');
    await admin.goto('/admin/users');
    await hydrated(admin);
    await admin.getByLabel('Email').fill(email);
    await admin.getByLabel('Role', { exact: true }).selectOption('viewer');
    await admin.getByRole('button', { name: 'Send invitation' }).click();
    expect(await text(admin.locator('#invite-message'))).toContain(`Invitation sent to ${email} as viewer.`);

    const page = await newPage();
    await page.goto(await invitationLink(email));
    if (!freshDatabase) return; // a unique address has no account to join with
    expect(await text(page.locator('main'))).toContain(`${email} already has an Accord account`);
    expect(await page.getByLabel('Your name').count()).toBe(0);
    await page.getByLabel('Password').fill('wrong-password-here');
    await page.getByRole('button', { name: 'Accept and sign in' }).click();
    expect(await text(page.locator('[role=alert]'))).toContain('already has an account: enter its password to join');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Accept and sign in' }).click();
    await page.waitForURL(`${portalUrl}/`);
    await hydrated(page);
    expect(await text(page.locator('h1'))).toBe('Northwind Appliances');
    expect(await text(page.locator('.account .who'))).toBe('Litware Partner Manager Viewer · Northwind Appliances');

    const firms = page.getByLabel('Acting for');
    expect(await firms.locator('option').allTextContents()).toEqual(['Litware Logistics', 'Northwind Appliances']);
    await firms.selectOption({ label: 'Litware Logistics' });
    await page.waitForFunction(() => document.querySelector('h1')?.textContent?.trim() === 'Litware Logistics');
    expect(await text(page.locator('.account .who'))).toBe('Litware Partner Manager Manager · Litware Logistics');
    expect(await firms.inputValue()).toBe(
      await firms.locator('option', { hasText: 'Litware Logistics' }).getAttribute('value'),
    );
    await shot(page, '11-firm-switched');
  });
});
