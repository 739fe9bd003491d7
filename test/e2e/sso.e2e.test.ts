// Single sign-on in Chromium: a newly registered firm's admin connects the firm's OpenID Connect provider (a
// real `oidc-provider` on loopback) and proves its email domain through DNS (a DNS server on loopback that the
// API asks, ACCORD_DNS_SERVERS); a person of that domain signs in through the provider for the first time and is
// provisioned with the default role; with single sign-on only, a password sign-in is sent on to the provider.
// The firm, its domain and people are new for each run, so the demo firms keep their password sign-in.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { startDnsServer, type TestDnsServer } from '../support/dns-server.ts';
import { startOidcProvider, type TestProvider } from '../support/oidc-provider.ts';
import { callApi, emailLink } from './api.ts';
import { hydrated, newPage, portalUrl, shot, signIn, text } from './browser.ts';

const runId = Date.now().toString(36);
const domain = `harbourline-${runId}.example`;
const firmName = `Harbourline Logistics ${runId}`;
const admin = { name: 'Ines Duarte', email: `ines.duarte@${domain}`, password: `tidal compass ${runId} amber` };
const colleague = { name: 'Theo Brandt', email: `theo.brandt@${domain}`, password: `quiet harbour ${runId} lamp` };
const newcomer = { name: 'Kai Moreno', email: `kai.moreno@${domain}` };

let dns: TestDnsServer;
let idp: TestProvider;
let settings: Page;

async function adminToken(): Promise<{ accessToken: string; firm: { id: string } }> {
  return callApi('POST', '/v1/auth/login', { email: admin.email, password: admin.password });
}

beforeAll(async () => {
  dns = await startDnsServer(inject('dnsPort'));
  idp = await startOidcProvider({ redirectUris: [`${portalUrl}/sso/callback`] });
  idp.person(newcomer.email, newcomer.name);
  idp.person(colleague.email, colleague.name);

  await callApi('POST', '/v1/signup', { firmName, chainRole: 'logistics_provider', ...admin });
  const token = new URL(await emailLink(admin.email, '/verify-email?token=')).searchParams.get('token');
  await callApi('POST', '/v1/auth/verify-email', { token });
});

afterAll(async () => {
  await idp?.close();
  await dns?.close();
});

describe('single sign-on through the firm’s identity provider', () => {
  test('the firm admin connects the provider and proves the email domain by DNS', async () => {
    settings = await newPage();
    await signIn(settings, admin.email, admin.password);
    await hydrated(settings);
    await settings.getByRole('link', { name: 'Single sign-on' }).click();
    await settings.waitForURL(`${portalUrl}/admin/sso`);
    expect(await text(settings.locator('main'))).toContain('Not set up');

    await settings.getByLabel('Issuer URL').fill(idp.issuer);
    await settings.getByLabel('Client ID').fill(idp.clientId);
    await settings.getByLabel('Client secret').fill(idp.clientSecret);
    await settings.getByLabel('Default role').selectOption('analyst');
    await settings.getByRole('button', { name: 'Set up single sign-on' }).click();
    await settings.getByText('Single sign-on is saved and on').waitFor();
    expect(await settings.getByLabel('Redirect URI').inputValue()).toBe(`${portalUrl}/sso/callback`);
    // the secret is never shown again
    expect(await settings.getByLabel('Client secret').inputValue()).toBe('');
    expect(await settings.content()).not.toContain(idp.clientSecret);

    await settings.getByRole('textbox', { name: 'Email domain' }).fill(domain);
    await settings.getByRole('button', { name: 'Add domain' }).click();
    const row = settings.getByRole('row', { name: new RegExp(domain.replace(/\./g, '\\.')) });
    await row.getByText('Not verified').waitFor();
    const [recordName, recordValue] = await row.locator('code').allTextContents();
    expect(recordName).toBe(`_accord.${domain}`);
    expect(recordValue).toMatch(/^accord-verification=\S+$/);

    // not published yet: the lookup finds nothing and says what to do
    await row.getByRole('button', { name: `Verify ${domain}` }).click();
    await row.getByText(`No TXT record "${recordValue}" at ${recordName} yet`).waitFor();
    await shot(settings, 'sso-01-record-not-published');

    dns.records.set(recordName!, [['v=spf1 -all'], [recordValue!]]);
    await row.getByRole('button', { name: `Verify ${domain}` }).click();
    await row.getByText('Verified', { exact: true }).waitFor();
    await shot(settings, 'sso-02-settings');
  });

  test('a person of the domain signs in through the provider for the first time and gets the default role', async () => {
    const page = await newPage();
    await page.goto('/login');
    await page.getByRole('button', { name: 'Sign in with single sign-on' }).click();
    await page.waitForURL(`${portalUrl}/sso`);
    await page.getByLabel('Work email').fill(newcomer.email);
    await shot(page, 'sso-03-start');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL((url) => url.href.startsWith(idp.issuer));
    await shot(page, 'sso-04-provider');
    await page.getByLabel('Email').fill(newcomer.email);
    await page.getByRole('button', { name: 'Sign in at the provider' }).click();
    await page.waitForURL(`${portalUrl}/`);
    await hydrated(page);
    const header = await text(page.locator('header'));
    expect(header).toContain(firmName);
    expect(header).toContain(newcomer.name);
    await shot(page, 'sso-05-signed-in');

    // provisioned just in time, with the connection's default role
    await settings.goto('/admin/users');
    await hydrated(settings);
    const member = settings.getByRole('row', { name: new RegExp(newcomer.email) });
    expect(await text(member)).toContain('Analyst');

    // an answer the API did not ask for is refused, and the page says so
    const forged = await newPage();
    await forged.goto('/sso/callback?state=forged-state&code=forged-code');
    expect(await text(forged.getByRole('alert'))).toMatch(/sign-in|state/i);
    expect(await text(forged.locator('h1'))).toBe('Single sign-on did not work');
    await shot(forged, 'sso-07-callback-refused');
  });

  test('with single sign-on only, a password sign-in is sent on to the provider', async () => {
    const { accessToken, firm } = await adminToken();
    await callApi('POST', `/v1/firms/${firm.id}/invitations`, { email: colleague.email, role: 'viewer' }, accessToken);
    const token = new URL(await emailLink(colleague.email, 'invitations/accept?token=')).searchParams.get('token');
    await callApi('POST', '/v1/invitations/accept', { token, name: colleague.name, password: colleague.password });

    await settings.goto('/admin/sso');
    await hydrated(settings);
    await settings.getByLabel('Single sign-on only').check();
    await settings.getByRole('button', { name: 'Save connection' }).click();
    await settings.getByText('Single sign-on is saved and on').waitFor();

    const page = await newPage();
    await page.goto('/login');
    await page.getByLabel('Email').fill(colleague.email);
    await page.getByLabel('Password').fill(colleague.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    expect(await text(page.getByRole('alert'))).toContain('signs in through its identity provider');
    await shot(page, 'sso-06-sso-required');
    await page.getByRole('button', { name: 'Continue with single sign-on' }).click();
    await page.waitForURL((url) => url.href.startsWith(idp.issuer));
    await page.getByLabel('Email').fill(colleague.email);
    await page.getByRole('button', { name: 'Sign in at the provider' }).click();
    await page.waitForURL(`${portalUrl}/`);
    await hydrated(page);
    expect(await text(page.locator('header'))).toContain(colleague.name);

    // the firm's admin still signs in with the password, so a broken provider cannot lock the firm out
    const own = await newPage();
    await signIn(own, admin.email, admin.password);
  });
});
