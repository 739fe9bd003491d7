// Form refusals in Chromium: a value the portal's own checks let through but the API refuses appears as that
// field's message right after its input (and the input points at it), with or without JavaScript.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, hydrated, newPage, portalUrl, shot, signIn, text } from './browser.ts';

const ADMIN = 'admin@northwind.example';
// A browser's email input takes an address without a dot in its domain; the API's schema does not.
const DOTLESS_EMAIL = 'someone@northwind';

async function inviteDotless(page: Page): Promise<void> {
  await page.goto('/admin/users');
  await page.getByLabel('Email').fill(DOTLESS_EMAIL);
  await page.getByRole('button', { name: 'Send invitation' }).click();
}

/** The field's message: the element right after the input, named by the input's aria-describedby. */
async function messageAfter(page: Page, inputId: string): Promise<string> {
  const message = page.locator(`#${inputId} + .field-error`);
  await message.waitFor();
  const id = await message.getAttribute('id');
  expect(id).toBeTruthy();
  expect((await page.locator(`#${inputId}`).getAttribute('aria-describedby'))?.split(' ')).toContain(id);
  expect(await page.locator(`#${inputId}`).getAttribute('aria-invalid')).toBe('true');
  return text(message);
}

describe('the API’s field errors beside their fields', () => {
  test('an email the API’s schema refuses (validation_failed) is marked on the Email field', async () => {
    const page = await newPage();
    await signIn(page, ADMIN);
    await hydrated(page);
    await inviteDotless(page);
    expect(await messageAfter(page, 'invite-email')).toBe('Must be a valid email address.');
    expect(await text(page.locator('#invite-message'))).toBe(`“${DOTLESS_EMAIL}” is not a valid email address.`);
    expect(await page.getByLabel('Email').inputValue()).toBe(DOTLESS_EMAIL);
    await shot(page, 'forms-01-api-field-error');
  });

  test('without JavaScript the same refusal comes back beside the field', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto('/login');
    await page.getByLabel('Email').fill(ADMIN);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`${portalUrl}/`);
    await inviteDotless(page);
    expect(await messageAfter(page, 'invite-email')).toBe('Must be a valid email address.');
    await shot(page, 'forms-02-api-field-error-without-javascript');
  });

  test('a refused new password (weak_password) is marked on the New password field', async () => {
    const page = await newPage();
    await signIn(page, ADMIN);
    await hydrated(page);
    await page.goto('/account/security');
    await page.getByLabel('Current password').fill(DEMO_PASSWORD);
    // long enough for the portal, among the common passwords for the API
    await page.getByLabel('New password', { exact: true }).fill('password1234');
    await page.getByLabel('Confirm new password').fill('password1234');
    await page.getByRole('button', { name: 'Change password' }).click();
    expect(await messageAfter(page, 'new-password')).toMatch(/^Too common/);
    await shot(page, 'forms-03-weak-password-beside-field');
  });

  test('the portal’s own check puts a mismatch beside the confirmation', async () => {
    const page = await newPage();
    await signIn(page, ADMIN);
    await hydrated(page);
    await page.goto('/account/security');
    await page.getByLabel('Current password').fill(DEMO_PASSWORD);
    await page.getByLabel('New password', { exact: true }).fill('tidal lantern quiet orchard');
    await page.getByLabel('Confirm new password').fill('tidal lantern quiet orchid');
    await page.getByRole('button', { name: 'Change password' }).click();
    expect(await messageAfter(page, 'confirm-password')).toBe('The two passwords do not match.');
  });
});
