// The Partners and Surveys pages in Chromium against the real API, worker, PostgreSQL and Redis (see
// global-setup.ts): Northwind Appliances, the focal firm, reads its partner portfolio and whom to bring into the
// strategy team, answers its side of the Tailspin relationship's assessment, opens a survey round and answers it
// for Tailspin; Tailspin Retail sees only its own relationship, answers its side of the assessment and the
// survey; back at Northwind the profile shows both sides on the spectrum chart with their agreement and both
// sides' survey scores. The other e2e files share the demo network (and the demo may seed assessments and
// rounds), so the round carries a run id of its own and is found by its title. Screenshots land in
// test/e2e/artifacts/ (partners-*.png).
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { hydrated, newPage, portalUrl, shot, signIn, text } from './browser.ts';
import { addDays, todayUtc } from '@accord/domain';

const DEMO_NETWORK = 'Northwind Appliances value chain';
const artifactsDir = inject('artifactsDir');
const runId = Date.now().toString(36);
const roundTitle = `Relationship health ${runId}`;
const day = (offset: number) => addDays(todayUtc(), offset);

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

async function elementShot(page: Page, selector: string, name: string): Promise<void> {
  const element = page.locator(selector).first();
  await element.scrollIntoViewIfNeeded();
  await element.screenshot({ path: join(artifactsDir, `${name}.png`) });
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await hydrated(page);
}

/** Answers the assessment form on a profile page: six spectrum indicators and five integration levels. */
async function answerAssessment(page: Page, spectrum: number[], integration: number[], note: string) {
  const form = page.locator('#assessment form');
  const indicators = [
    'alternatives',
    'market_dynamism',
    'importance',
    'complexity',
    'information_exchange',
    'operational_linkages',
  ];
  const levels = ['strategic', 'tactical', 'operational', 'interpersonal', 'cultural'];
  for (const [i, key] of indicators.entries()) {
    await form.locator(`input[name=spectrum_${key}][value="${spectrum[i]}"]`).check();
  }
  for (const [i, key] of levels.entries()) {
    await form.locator(`input[name=integration_${key}][value="${integration[i]}"]`).check();
  }
  await form.getByLabel('Note').fill(note);
  await form.locator('button[type=submit]').click();
  expect(await text(page.locator('#assessment [role=status]'))).toBe('Your side’s assessment is saved.');
}

/** Answers the round for one relationship on the round page; `answers` has twelve values 1..5. */
async function answerRound(page: Page, partner: string, answers: number[]) {
  const section = page.locator('section[data-relationship]', { hasText: partner }).first();
  const details = section.locator('details');
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  const statements = section.locator('.statement');
  expect(await statements.count()).toBe(12);
  for (let i = 0; i < 12; i++) {
    await statements.nth(i).locator(`input[type=radio][value="${answers[i]}"]`).check();
  }
  await section.getByLabel('Comment').fill(`Answered in the e2e run ${runId}.`);
  await section.getByRole('button', { name: /Submit answers|Update answers/ }).click();
  expect(await text(section.locator('[role=status]'))).toMatch(/^Your answers are saved: mean \d\.\d of 5/);
  return section;
}

describe('partner relationships and health surveys in the Northwind Appliances value chain', () => {
  let northwind: Page;
  let tailspin: Page;
  let tailspinProfile = '';
  let contosoProfile = '';
  let roundUrl = '';

  beforeAll(async () => {
    northwind = await newPage();
    await signIn(northwind, 'manager@northwind.example');
    await useDemoNetwork(northwind);
  });

  test('Northwind sees every partner in its portfolio and whom to bring into the strategy team', async () => {
    await open(northwind, '/partners');
    expect(await text(northwind.locator('h1'))).toBe('Partners');
    const rows = northwind.locator('#portfolio tbody tr');
    await rows.first().waitFor();
    const names = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-partner')));
    expect(names).toEqual(expect.arrayContaining(['Tailspin Retail', 'Contoso Distribution', 'Litware Logistics']));
    expect(names).not.toContain('Northwind Appliances');
    // figures a partner does not share say so, never 0
    for (const cell of await northwind.locator('#portfolio [data-cell=revenue]').allTextContents()) {
      expect(cell.trim()).toMatch(/^(not shared with you|[\d,]+)$/);
    }
    const ranking = northwind.locator('#recommendation ol.ranking > li');
    expect(await ranking.count()).toBeGreaterThan(0);
    expect(await text(ranking.first().locator('[data-figure=score]'))).toMatch(/^\d+%$/);
    await shot(northwind, 'partners-01-portfolio-focal');
    await elementShot(northwind, '#recommendation', 'partners-02-recommendation');

    // sorting is a link (works without JavaScript): by revenue, then the other way round
    await northwind.locator('#portfolio a[data-sort=firm]').click();
    await northwind.waitForURL(/sort=firm&order=desc/);
    const descending = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-partner') ?? ''));
    expect(descending).toEqual([...descending].sort().reverse());
    await northwind.locator('#portfolio a[data-sort=revenue]').click();
    await northwind.waitForURL(/sort=revenue&order=desc/);
    expect(await northwind.locator('#portfolio th[aria-sort=descending]').count()).toBe(1);

    const csv = await northwind.request.get('/partners/partners.csv');
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const lines = (await csv.text()).trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^firm,chain_role,relationship_stage,/);
    expect(lines.length).toBe(names.length + 1);

    tailspinProfile =
      (await rows.filter({ hasText: 'Tailspin Retail' }).locator('a').first().getAttribute('href')) ?? '';
    contosoProfile =
      (await rows.filter({ hasText: 'Contoso Distribution' }).locator('a').first().getAttribute('href')) ?? '';
    expect(tailspinProfile).toMatch(/^\/partners\/[0-9a-f-]{36}$/);
  });

  test('Northwind answers its side of the Tailspin relationship', async () => {
    await northwind.locator('#portfolio a', { hasText: 'Tailspin Retail' }).click();
    await northwind.waitForURL(`${portalUrl}${tailspinProfile}`);
    await hydrated(northwind);
    expect(await text(northwind.locator('h1'))).toBe('Tailspin Retail');
    await answerAssessment(northwind, [2, 4, 5, 4, 4, 3], [4, 3, 4, 4, 3], `Northwind's view (${runId})`);
    // its answers stay in the form and on the chart
    expect(await northwind.locator('input[name=spectrum_alternatives][value="2"]').isChecked()).toBe(true);
    expect(await northwind.locator('svg[data-chart=spectrum] [data-marker=focal]').count()).toBe(7);
    expect(await text(northwind.locator('#assessment .answered-by'))).toContain('Last answered by');
    await shot(northwind, 'partners-03-profile-focal-answered');
  });

  test('Northwind opens a survey round and answers it for Tailspin', async () => {
    await open(northwind, '/surveys');
    expect(await text(northwind.locator('h1'))).toBe('Relationship health surveys');
    const form = northwind.locator('#open-round form');
    await form.getByLabel('Title').fill(roundTitle);
    await form.getByLabel('Opens on').fill(day(0));
    await form.getByLabel('Closes on').fill(day(7));
    await form.getByRole('button', { name: 'Open round' }).click();
    expect(await text(northwind.locator('#open-round [role=status]'))).toBe(
      `Opened “${roundTitle}”: both sides of every relationship are asked to answer.`,
    );
    const row = northwind.locator('#rounds tr', { has: northwind.getByRole('link', { name: roundTitle }) });
    expect(await row.getAttribute('data-status')).toBe('open');
    expect(await text(row.locator('[data-cell=owed]'))).toContain('Tailspin Retail');
    await shot(northwind, 'partners-04-surveys-focal');

    await row.getByRole('link', { name: roundTitle }).click();
    await northwind.waitForURL(/\/surveys\/[0-9a-f-]{36}$/);
    await hydrated(northwind);
    roundUrl = new URL(northwind.url()).pathname;

    // a half-answered form is refused with a message beside each open statement
    const section = northwind.locator('section[data-relationship]', { hasText: 'Tailspin Retail' }).first();
    const details = section.locator('details');
    if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
    await section.locator('.statement').first().locator('input[value="4"]').check();
    await section.getByRole('button', { name: 'Submit answers' }).click();
    expect(await text(section.locator('p.alert-error'))).toBe('Answer every question: 11 are still open.');
    expect(await section.locator('.statement.has-error').count()).toBe(11);
    expect(await section.locator('.statement').first().locator('input[value="4"]').isChecked()).toBe(true);

    await answerRound(northwind, 'Tailspin Retail', [4, 4, 2, 5, 4, 2, 4, 4, 4, 4, 3, 2]);
    expect(await text(section.locator('tr[data-side=focal] td[data-dimension=trust]'))).toMatch(/^\d\.\d$/);
    expect(await text(section.locator('tr[data-side=partner]'))).toContain('not answered yet');
    await shot(northwind, 'partners-05-round-focal-answered');
  });

  test('Tailspin sees only its own relationship and answers its side', async () => {
    tailspin = await newPage();
    await signIn(tailspin, 'manager@tailspin.example');
    await useDemoNetwork(tailspin);
    await open(tailspin, '/partners');
    const rows = tailspin.locator('#portfolio tbody tr');
    await rows.first().waitFor();
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-partner')))).toEqual([
      'Tailspin Retail',
    ]);
    expect(await text(tailspin.locator('#portfolio-heading'))).toBe('Your relationship');
    expect(await tailspin.locator('#recommendation').count()).toBe(0);
    await shot(tailspin, 'partners-06-portfolio-partner');
    // another partner's relationship does not exist for Tailspin
    const other = await tailspin.goto(contosoProfile);
    expect(other?.status()).toBe(404);

    await open(tailspin, tailspinProfile);
    await answerAssessment(tailspin, [3, 3, 4, 3, 3, 2], [3, 3, 4, 5, 3], `Tailspin's view (${runId})`);
    expect(await tailspin.locator('svg[data-chart=spectrum] [data-marker=partner]').count()).toBe(7);
    // contacts: one of Tailspin's own people, removable by Tailspin only
    const contacts = tailspin.locator('#contacts');
    const person = await contacts
      .getByLabel(/^Person of/)
      .locator('option')
      .first()
      .textContent();
    await contacts.getByLabel('Role in the relationship').fill(`Key account manager ${runId}`);
    await contacts.getByRole('button', { name: 'Add contact' }).click();
    await contacts.locator('[role=status]').waitFor();
    const added = contacts.locator('li', { hasText: `Key account manager ${runId}` });
    expect(await text(added)).toContain(person?.trim() ?? '');
    await shot(tailspin, 'partners-07-profile-partner-answered');
    await added.getByRole('button', { name: /^Remove/ }).click();
    await contacts.locator('[role=status]', { hasText: 'Contact removed.' }).waitFor();
    expect(await contacts.locator('li', { hasText: `Key account manager ${runId}` }).count()).toBe(0);

    await open(tailspin, '/surveys');
    const row = tailspin.locator('#rounds tr', { has: tailspin.getByRole('link', { name: roundTitle }) });
    expect(await text(row.locator('[data-cell=owed]'))).toBe('Your answer');
    expect(await tailspin.locator('#open-round').count()).toBe(0);
    await row.getByRole('link', { name: roundTitle }).click();
    await tailspin.waitForURL(`${portalUrl}${roundUrl}`);
    await hydrated(tailspin);
    expect(await tailspin.locator('section[data-relationship]').count()).toBe(1);
    const section = await answerRound(tailspin, 'Tailspin Retail', [4, 3, 3, 4, 5, 2, 3, 4, 4, 3, 3, 3]);
    for (const side of ['focal', 'partner']) {
      expect(await text(section.locator(`tr[data-side=${side}] td[data-dimension=commitment]`))).toMatch(/^\d\.\d$/);
    }
    await shot(tailspin, 'partners-08-round-partner-answered');
  });

  test('back at Northwind the profile shows both sides, their agreement and the survey scores', async () => {
    await open(northwind, tailspinProfile);
    const chart = northwind.locator('svg[data-chart=spectrum]');
    expect(await chart.locator('[data-marker=focal]').count()).toBe(7);
    expect(await chart.locator('[data-marker=partner]').count()).toBe(7);
    expect(await text(northwind.locator('#summary [data-figure=agreement]'))).toMatch(/^\d+%$/);
    expect(await text(northwind.locator('#spectrum [data-figure=position]'))).toMatch(
      /Combined position \d\.\d\d: (Transactional|Value-adding|Collaborative), agreement \d+%/,
    );
    const round = northwind.locator('#survey-history tbody', { hasText: roundTitle });
    for (const side of ['focal', 'partner']) {
      expect(await round.locator(`tr[data-side=${side}] td.num`).count()).toBe(5);
    }
    expect(await northwind.locator('#integration tr[data-level=strategic] .level-n').count()).toBe(2);
    expect(await northwind.locator('#recommendation [data-figure=score]').count()).toBe(1);
    await shot(northwind, 'partners-09-profile-both-sides');
    await elementShot(northwind, '#spectrum', 'partners-10-spectrum-chart');
    await elementShot(northwind, '#survey-history', 'partners-11-survey-history');
  });
});

describe('Partners and Surveys without JavaScript', () => {
  test('a Northwind analyst sorts the portfolio and gets per-statement errors through plain form posts', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await signIn(page, 'analyst@northwind.example');
    const switcher = page.getByLabel('Network', { exact: true });
    const networkId = await switcher.locator('option', { hasText: DEMO_NETWORK }).getAttribute('value');
    await switcher.selectOption(networkId ?? '');
    await page.getByRole('button', { name: 'Open network' }).click();
    await page.waitForURL(/\/networks\/[0-9a-f-]{36}$/);

    await page.goto('/partners');
    await page.locator('#portfolio a[data-sort=integration]').click();
    await page.waitForURL(/\/partners\?sort=integration&order=desc$/);
    expect(await page.locator('#portfolio th[aria-sort=descending] a').getAttribute('data-sort')).toBe('integration');
    const integration = (await page.locator('#portfolio td[data-cell=integration]').allTextContents())
      .map((t) => Number(t.trim()))
      .filter((n) => !Number.isNaN(n));
    expect(integration).toEqual([...integration].sort((a, b) => b - a));

    await page.goto('/surveys');
    await page.locator('#rounds').getByRole('link', { name: roundTitle }).click();
    const section = page.locator('section[data-relationship]', { hasText: 'Wingtip Stores' }).first();
    // the form is inside a closed <details> until opened; no script is needed for that
    await section.locator('summary').click();
    await section.locator('.statement').nth(2).locator('input[value="3"]').check();
    await section.getByRole('button', { name: 'Submit answers' }).click();
    const refused = page.locator('section[data-relationship]', { hasText: 'Wingtip Stores' }).first();
    expect(await text(refused.locator('p.alert-error'))).toBe('Answer every question: 11 are still open.');
    expect(await refused.locator('.statement.has-error').count()).toBe(11);
    expect(await refused.locator('.statement').nth(2).locator('input[value="3"]').isChecked()).toBe(true);
    expect(await refused.locator('tr[data-side=focal]').textContent()).toContain('not answered yet');
  });
});
