// A firm joins Accord in Chromium: Northwind, the focal manufacturer, invites a distributor that is not on
// Accord by email; the invitee registers the firm from the link, sets up two-factor sign-in, signs in with a
// code and sees the value chain it joined. The invitee, its firm and the network (a new one of Northwind's, so
// the demo network the other e2e files count on keeps its seven members) are new for each run.
import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { callApi, emailLink } from './api.ts';
import { hydrated, newPage, portalUrl, shot, signIn, text } from './browser.ts';

const runId = Date.now().toString(36);
const networkName = `Northwind spare parts chain ${runId}`;
const invitee = {
  firm: `Blue Yonder Distribution ${runId}`,
  name: 'Sam Okafor',
  email: `sam.okafor.${runId}@blueyonder.example`,
  password: `harbour lantern ${runId} meadow quiet`,
};

describe('a distributor joins the Northwind value chain by email invitation', () => {
  let northwind: Page;
  let newcomer: Page;
  let secret = '';

  test('Northwind invites a firm that is not on Accord yet, by email', async () => {
    const { accessToken } = await callApi<{ accessToken: string }>('POST', '/v1/auth/login', {
      email: 'manager@northwind.example',
      password: 'accord-demo',
    });
    const { id: networkId } = await callApi<{ id: string }>(
      'POST',
      '/v1/networks',
      { name: networkName, description: 'Spare parts to repair partners.' },
      accessToken,
    );

    northwind = await newPage();
    await signIn(northwind, 'manager@northwind.example');
    await northwind.goto(`/networks/${networkId}`);
    await hydrated(northwind);
    expect(await text(northwind.locator('h1'))).toBe(networkName);
    const invite = northwind.locator('section', { hasText: 'Invite a firm that is not on Accord yet' });
    await invite.getByLabel('Email').fill(invitee.email);
    await invite.getByLabel('Firm name').fill(invitee.firm);
    await invite.getByLabel('Chain role').selectOption('distributor');
    await invite.getByRole('button', { name: 'Email invitation' }).click();
    const pending = northwind.locator('section', { hasText: 'Pending invitations' });
    await pending.getByText(invitee.email).waitFor();
    await shot(northwind, 'onboarding-01-invited');
  });

  test('the invitee registers the firm from the link and lands in the network', async () => {
    const link = await emailLink(invitee.email, '/signup?invitation=');
    newcomer = await newPage();
    await newcomer.goto(new URL(link).pathname + new URL(link).search);
    await hydrated(newcomer);
    expect(await text(newcomer.locator('main'))).toContain('Northwind Appliances');
    expect(await newcomer.getByLabel('Firm name').inputValue()).toBe(invitee.firm);
    expect(await newcomer.getByLabel('Work email').inputValue()).toBe(invitee.email);
    await shot(newcomer, 'onboarding-02-signup-from-invitation');
    await newcomer.getByLabel('Your name').fill(invitee.name);
    await newcomer.getByLabel('Password', { exact: true }).fill(invitee.password);
    await newcomer.getByLabel('Confirm password').fill(invitee.password);
    await newcomer.getByRole('button', { name: 'Register my firm' }).click();
    await newcomer.waitForURL(/\/login\?signedUp/);
    await signIn(newcomer, invitee.email, invitee.password);
    await hydrated(newcomer);
    expect(await text(newcomer.locator('header'))).toContain(invitee.firm);
  });

  test('the invitee sets up two-factor sign-in, signs in with a code and sees the value chain', async () => {
    await newcomer.getByRole('link', { name: invitee.name }).click();
    await newcomer.waitForURL(`${portalUrl}/account/security`);
    await newcomer.getByRole('button', { name: 'Set up an authenticator app' }).click();
    secret = (await newcomer.locator('[data-secret]').getAttribute('data-secret')) ?? '';
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    const totp = new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
    const step = Math.floor(Date.now() / 30_000);
    await newcomer.getByLabel('Code from the app').fill(totp.generate({ timestamp: step * 30_000 + 1_000 }));
    await newcomer.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    await newcomer.getByRole('list', { name: 'Recovery codes' }).locator('li').first().waitFor();
    await shot(newcomer, 'onboarding-03-mfa-enrolled');

    await newcomer.getByRole('button', { name: 'Sign out', exact: true }).click();
    await newcomer.waitForURL(/\/login\?signedOut/);
    await newcomer.getByLabel('Email').fill(invitee.email);
    await newcomer.getByLabel('Password').fill(invitee.password);
    await newcomer.getByRole('button', { name: 'Sign in', exact: true }).click();
    // the next time step's code: the one used to enrol is spent
    await newcomer.getByLabel('6-digit code').fill(totp.generate({ timestamp: (step + 1) * 30_000 + 1_000 }));
    await newcomer.getByRole('button', { name: 'Verify and sign in' }).click();
    await newcomer.waitForURL(`${portalUrl}/`);
    await hydrated(newcomer);

    await newcomer.getByRole('link', { name: 'Network', exact: true }).click();
    await newcomer.waitForURL(/\/networks\/[0-9a-f-]{36}$/);
    expect(await text(newcomer.locator('h1'))).toBe(networkName);
    expect(await text(newcomer.locator('main'))).toContain(invitee.firm);
    await shot(newcomer, 'onboarding-04-network');

    // and Northwind no longer lists the invitation as pending
    await northwind.reload();
    await hydrated(northwind);
    const pending = northwind.locator('section', { hasText: 'Pending invitations' });
    expect(await pending.getByText(invitee.email).count()).toBe(0);
  });
});
