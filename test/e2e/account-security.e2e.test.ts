// Account security in Chromium: two-factor sign-in (set-up, codes, recovery codes), sessions, password reset,
// and a firm admin's controls (deactivation, signing a member out, requiring MFA). The people signing in with
// MFA are new users of Wingtip created for this run (invited through the API), never the shared demo users.
import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { callApi, emailLink } from './api.ts';
import { hydrated, newPage, portalUrl, shot, signIn, text } from './browser.ts';

const runId = Date.now().toString(36);
const ADMIN = 'admin@wingtip.example';
const user = {
  name: 'Morgan Keyes',
  email: `mfa.user.${runId}@wingtip.example`,
  password: `tidal lantern quiet orchard ${runId}`,
};
const newcomer = {
  name: 'Robin Enrol',
  email: `mfa.newcomer.${runId}@wingtip.example`,
  password: `copper meadow violin ${runId} river`,
};
const newPassword = `saffron kettle harbour ${runId} dune`;

let adminToken = '';
let firmId = '';
let secret = '';
let recoveryCodes: string[] = [];

/** A new Wingtip analyst, invited by the firm's admin and accepted through the API. */
async function createUser(person: { name: string; email: string; password: string }): Promise<void> {
  await callApi('POST', `/v1/firms/${firmId}/invitations`, { email: person.email, role: 'analyst' }, adminToken);
  const token = new URL(await emailLink(person.email, 'invitations/accept?token=')).searchParams.get('token');
  await callApi('POST', '/v1/invitations/accept', { token, name: person.name, password: person.password });
}

// The API refuses a code of a time step it has already accepted: each sign-in takes the next step's code (the
// API accepts one step ahead), waiting when even that was used.
let lastStep = -1;
async function freshCode(): Promise<string> {
  const totp = new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
  for (;;) {
    const current = Math.floor(Date.now() / 30_000);
    const step = Math.max(current, lastStep + 1);
    if (step <= current + 1) {
      lastStep = step;
      return totp.generate({ timestamp: step * 30_000 + 1_000 });
    }
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

async function submitPassword(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function signInWithCode(page: Page, password = user.password): Promise<void> {
  await submitPassword(page, user.email, password);
  await page.getByLabel('6-digit code').fill(await freshCode());
  await page.getByRole('button', { name: 'Verify and sign in' }).click();
  await page.waitForURL(`${portalUrl}/`);
}

async function signOut(page: Page): Promise<void> {
  await hydrated(page);
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.waitForURL(/\/login\?signedOut/);
}

beforeAll(async () => {
  const admin = await callApi<{ accessToken: string; firm: { id: string } }>('POST', '/v1/auth/login', {
    email: ADMIN,
    password: 'accord-demo',
  });
  adminToken = admin.accessToken;
  firmId = admin.firm.id;
  await createUser(user);
  await createUser(newcomer);
});

afterAll(async () => {
  // Wingtip must not stay requiring MFA if a test stopped half-way.
  if (firmId) await callApi('PATCH', `/v1/firms/${firmId}`, { requireMfa: false }, adminToken).catch(() => {});
});

describe('two-factor sign-in', () => {
  let page: Page;

  test('a user sets up an authenticator on Account security and sees recovery codes once', async () => {
    page = await newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await signIn(page, user.email, user.password);
    await hydrated(page);
    await page.getByRole('link', { name: user.name }).click();
    await page.waitForURL(`${portalUrl}/account/security`);
    await page.getByRole('heading', { level: 1, name: 'Account security' }).waitFor();
    expect(await page.locator('[data-mfa-status]').getAttribute('data-mfa-status')).toBe('off');
    await shot(page, 'security-01-account-security');

    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    const key = page.locator('[data-secret]');
    secret = (await key.getAttribute('data-secret')) ?? '';
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    await expect(page.getByRole('img', { name: /QR code/ }).getAttribute('src')).resolves.toMatch(
      /^data:image\/png;base64,/,
    );
    await shot(page, 'security-02-totp-setup');

    // a wrong code keeps the same set-up on screen
    await page.getByLabel('Code from the app').fill('000000');
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    await page.locator('[role=alert]').waitFor();
    expect(await page.locator('[data-secret]').getAttribute('data-secret')).toBe(secret);

    await page.getByLabel('Code from the app').fill(await freshCode());
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    const codes = page.getByRole('list', { name: 'Recovery codes' }).locator('li');
    await codes.first().waitFor();
    recoveryCodes = (await codes.allTextContents()).map((c) => c.trim());
    expect(recoveryCodes).toHaveLength(10);
    expect(await page.locator('[data-mfa-status]').getAttribute('data-mfa-status')).toBe('on');
    await shot(page, 'security-03-recovery-codes');

    // shown once: a reload no longer has them
    await page.reload();
    expect(await page.getByRole('list', { name: 'Recovery codes' }).count()).toBe(0);
  });

  test('signing in then takes the password, then a code', async () => {
    await signOut(page);
    await submitPassword(page, user.email, user.password);
    await page.getByRole('heading', { level: 1, name: 'Enter your code' }).waitFor();
    expect(await page.getByLabel('6-digit code').getAttribute('autocomplete')).toBe('one-time-code');
    await shot(page, 'security-04-code-step');

    await page.getByLabel('6-digit code').fill('123456');
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    expect(await text(page.locator('[role=alert]'))).toMatch(/code is not right/);

    await page.getByLabel('6-digit code').fill(await freshCode());
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.waitForURL(`${portalUrl}/`);
  });

  test('a recovery code signs in once', async () => {
    await signOut(page);
    await submitPassword(page, user.email, user.password);
    await page.getByRole('link', { name: 'Use a recovery code instead' }).click();
    await page.getByLabel('Recovery code', { exact: true }).fill(recoveryCodes[0]!);
    await shot(page, 'security-05-recovery-code-step');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`${portalUrl}/`);

    await signOut(page);
    await submitPassword(page, user.email, user.password);
    await page.getByRole('link', { name: 'Use a recovery code instead' }).click();
    await page.getByLabel('Recovery code', { exact: true }).fill(recoveryCodes[0]!);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.locator('[role=alert]').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await shot(page, 'security-06-recovery-code-spent');

    await page.getByRole('link', { name: 'Use a code from my authenticator app instead' }).click();
    await page.getByLabel('6-digit code').fill(await freshCode());
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.waitForURL(`${portalUrl}/`);
  });

  test('revoking another session signs that browser out', async () => {
    const other = await newPage();
    await signInWithCode(other);

    await page.goto('/account/security');
    await hydrated(page);
    const rows = page.locator('tr[data-session]');
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('tr[data-current]').count()).toBe(1);
    expect(await text(page.locator('tr[data-current]'))).toContain('This session');
    await shot(page, 'security-07-sessions');

    // every other session (the other browser, and the API sign-in of the invitation) is revoked row by row
    const others = page.locator('tr[data-session]:not([data-current])');
    while ((await others.count()) > 0) {
      const before = await others.count();
      await others
        .first()
        .getByRole('button', { name: /^Revoke the session/ })
        .click();
      await expect.poll(() => others.count()).toBe(before - 1);
    }
    expect(await text(page.locator('[role=status]'))).toMatch(/was signed out/);

    await other.goto('/account/security');
    expect(new URL(other.url()).pathname).toBe('/login');
    await shot(other, 'security-08-revoked-browser');
  });

  test('a forgotten password is reset through the emailed link', async () => {
    await signOut(page);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.waitForURL(`${portalUrl}/forgot-password`);
    await page.getByLabel('Email').fill(user.email);
    await page.getByRole('button', { name: 'Email me a reset link' }).click();
    expect(await text(page.locator('[role=status]'))).toContain(`If an account uses ${user.email}`);
    await shot(page, 'security-09-forgot-password');

    const link = await emailLink(user.email, '/reset-password?token=');
    expect(link.startsWith(`${portalUrl}/reset-password?token=`)).toBe(true);
    await page.goto(link);
    await page.getByLabel('New password', { exact: true }).fill('password1234');
    await page.getByLabel('Confirm new password').fill('password1234');
    await page.getByRole('button', { name: 'Set new password' }).click();
    expect(await text(page.locator('[role=alert]'))).toMatch(/Too common/);
    await shot(page, 'security-10-weak-password');

    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('Confirm new password').fill(newPassword);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.waitForURL(/\/login\?passwordReset/);
    expect(await text(page.locator('[role=status]'))).toContain('Your password was changed');
    await shot(page, 'security-11-password-reset');

    await signInWithCode(page, newPassword);

    // the link worked once
    const used = await newPage();
    await used.goto(link);
    await used.getByLabel('New password', { exact: true }).fill(`${newPassword} again`);
    await used.getByLabel('Confirm new password').fill(`${newPassword} again`);
    await used.getByRole('button', { name: 'Set new password' }).click();
    await used.getByRole('heading', { name: 'This reset link cannot be used' }).waitFor();
    expect(await used.getByRole('link', { name: 'Request a new link' }).count()).toBe(1);
    await shot(used, 'security-12-reset-link-used');
  });

  test('a firm admin signs a member out, deactivates and reactivates them', async () => {
    const admin = await newPage();
    admin.on('dialog', (dialog) => void dialog.accept());
    await signIn(admin, ADMIN);
    await admin.goto('/admin/users');
    await hydrated(admin);
    const row = admin.locator('tr', { hasText: user.email });

    await row.getByRole('button', { name: `Sign ${user.name} out everywhere` }).click();
    expect(await text(admin.locator('[role=status]'))).toMatch(
      new RegExp(`${user.name} was signed out of \\d+ session`),
    );
    await page.goto('/account/security');
    expect(new URL(page.url()).pathname).toBe('/login');

    await row.getByRole('button', { name: `Deactivate ${user.name}` }).click();
    await row.getByText('Deactivated').waitFor();
    await shot(admin, 'security-13-admin-deactivated');
    await submitPassword(page, user.email, newPassword);
    await page.locator('[role=alert]').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();

    await row.getByRole('button', { name: `Reactivate ${user.name}` }).click();
    await row.getByRole('button', { name: `Deactivate ${user.name}` }).waitFor();
    await signInWithCode(page, newPassword);
  });

  test('when the firm requires MFA, a member without it sets it up while signing in', async () => {
    const admin = await newPage();
    await signIn(admin, ADMIN);
    await admin.goto('/admin/users');
    await hydrated(admin);
    await admin.getByLabel(/Require two-factor authentication for everyone/).check();
    await admin.getByRole('button', { name: 'Save', exact: true }).click();
    await admin
      .getByRole('status')
      .filter({ hasText: /now needs two-factor sign-in/ })
      .waitFor();
    await shot(admin, 'security-14-admin-require-mfa');

    try {
      const person = await newPage();
      await submitPassword(person, newcomer.email, newcomer.password);
      await person.getByRole('heading', { level: 1, name: 'Set up your authenticator' }).waitFor();
      const newcomerSecret = (await person.locator('[data-secret]').getAttribute('data-secret')) ?? '';
      await shot(person, 'security-15-enrolment-required');
      const totp = new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(newcomerSecret) });
      await person.getByLabel('Code from the app').fill(totp.generate());
      await person.getByRole('button', { name: 'Turn on and sign in' }).click();
      await person.getByRole('list', { name: 'Recovery codes' }).locator('li').first().waitFor();
      expect(await person.getByRole('list', { name: 'Recovery codes' }).locator('li').count()).toBe(10);
      await shot(person, 'security-16-enrolment-recovery-codes');
      await person.getByRole('link', { name: /continue/i }).click();
      await person.waitForURL(`${portalUrl}/`);

      // MFA cannot be turned off while the firm requires it
      await person.goto('/account/security');
      expect(await text(person.locator('#mfa-required-note'))).toContain('requires two-factor sign-in');
      expect(await person.getByText('Turn off two-factor sign-in').count()).toBe(0);
    } finally {
      await admin.getByLabel(/Require two-factor authentication for everyone/).uncheck();
      await admin.getByRole('button', { name: 'Save', exact: true }).click();
      await admin
        .getByRole('status')
        .filter({ hasText: /up to each member/ })
        .waitFor();
    }
  });
});
