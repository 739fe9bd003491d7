// Joining Accord: a firm signs itself up and confirms its email, or signs up through a focal firm's
// invitation and lands in that network.
import { emailVerificationTokens, firmInvitations, users } from '@accord/db';
import { firmSlugFrom } from '@accord/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startHarness, unique, waitFor, type Harness, type SignedIn } from './harness.ts';

const PASSWORD = 'a quiet harbour at dawn';
const SIGN_UPS_PER_ADDRESS = 3;
const UNCONFIRMED_PER_DOMAIN = 2;

let h: Harness;
let address = 0;
beforeAll(async () => {
  h = await startHarness({
    signUpLimits: { perIpPerHour: SIGN_UPS_PER_ADDRESS, perEmailDomainPerDay: UNCONFIRMED_PER_DOMAIN },
  });
});
afterAll(() => h.close());

/** A fresh client address, so the per-address limit only bites where a test means it to. */
const freshAddress = () => `10.20.${Math.floor(++address / 250)}.${(address % 250) + 1}`;

interface SignUpPayload {
  firmName?: string;
  chainRole?: string;
  name?: string;
  email?: string;
  password?: string;
  networkInvitation?: string;
}

function signUp(payload: SignUpPayload = {}, remoteAddress = freshAddress()) {
  return h.app.inject({
    method: 'POST',
    url: '/v1/signup',
    remoteAddress,
    payload: {
      firmName: unique('Fresh Foods'),
      chainRole: 'retailer',
      name: 'Robin Founder',
      email: `${unique('founder')}@${unique('fresh')}.example`,
      password: PASSWORD,
      ...payload,
    },
  });
}

const login = (email: string, password = PASSWORD) =>
  h.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email, password } });
const verify = (token: string) => h.app.inject({ method: 'POST', url: '/v1/auth/verify-email', payload: { token } });
const lookup = (token: string) =>
  h.app.inject({ url: `/v1/firm-invitations/lookup?token=${encodeURIComponent(token)}` });

/** The token in the link of the last email delivered to this address (after `count` emails have come). */
async function linkSentTo(email: string, param: 'token' | 'invitation', count = 1): Promise<URL> {
  const message = await waitFor(() => {
    const sent = h.emails.filter((m) => m.to === email);
    return sent.length >= count ? sent[count - 1] : undefined;
  }, `email ${count} to ${email}`);
  const link = new URL(message.link!);
  expect(link.searchParams.get(param)).toBeTruthy();
  return link;
}

describe('signing a firm up', () => {
  it('creates the firm and its admin; sign-in waits until the emailed link is followed, which works once', async () => {
    const firmName = unique('Harbour Grocers');
    const email = `${unique('robin')}@${unique('harbour')}.example`;
    const created = await signUp({ firmName, email: email.toUpperCase(), chainRole: 'distributor' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      firm: { name: firmName, slug: firmSlugFrom(firmName), chainRole: 'distributor' },
      user: { email, name: 'Robin Founder' },
      emailVerificationRequired: true,
      networkId: null,
    });

    expect((await login(email)).json()).toMatchObject({ status: 403, code: 'email_not_verified' });
    // a wrong password learns nothing about the account's state
    expect((await login(email, 'not the password at all')).json()).toMatchObject({ code: 'invalid_credentials' });

    const link = await linkSentTo(email, 'token');
    expect(link.origin + link.pathname).toBe('http://portal.test/verify-email');
    const token = link.searchParams.get('token')!;
    const [stored] = await h.database.db
      .select()
      .from(emailVerificationTokens)
      .where(eq(emailVerificationTokens.userId, created.json<{ user: { id: string } }>().user.id));
    expect(stored!.tokenHash).not.toContain(token); // only the hash is kept

    expect((await verify(token)).statusCode).toBe(200);
    expect((await verify(token)).json()).toMatchObject({ status: 410, code: 'verification_token_used' });
    expect((await verify('x'.repeat(43))).json()).toMatchObject({ status: 400, code: 'verification_token_invalid' });

    const admin = await signIn(h.app, email, PASSWORD);
    const people = await h.app.inject({ url: `/v1/firms/${admin.firmId}/users`, headers: admin.headers });
    expect(people.json<{ items: unknown[] }>().items).toEqual([
      expect.objectContaining({ email, role: 'firm_admin', deactivated: false }),
    ]);
  });

  it('refuses an expired link; a new one can be asked for, and earlier links then stop working', async () => {
    const email = `${unique('late')}@${unique('late')}.example`;
    const created = await signUp({ email });
    const userId = created.json<{ user: { id: string } }>().user.id;
    const first = (await linkSentTo(email, 'token')).searchParams.get('token')!;
    await h.database.db
      .update(emailVerificationTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(emailVerificationTokens.userId, userId));
    expect((await verify(first)).json()).toMatchObject({ status: 410, code: 'verification_token_expired' });

    const resend = (to: string) =>
      h.app.inject({ method: 'POST', url: '/v1/auth/verify-email/resend', payload: { email: to } });
    expect((await resend(email)).statusCode).toBe(202);
    expect((await resend(`${unique('nobody')}@nowhere.example`)).statusCode).toBe(202);
    expect((await resend('admin@northwind.example')).statusCode).toBe(202); // already confirmed: nothing sent
    const second = (await linkSentTo(email, 'token', 2)).searchParams.get('token')!;
    expect(second).not.toBe(first);
    expect((await verify(first)).json()).toMatchObject({ status: 410 });
    expect((await verify(second)).statusCode).toBe(200);
    expect((await login(email)).statusCode).toBe(200);
    expect(h.emails.filter((m) => m.to === 'admin@northwind.example' && m.link?.includes('verify-email'))).toEqual([]);
  });

  it('refuses a taken firm name or email and a weak password; a taken slug gets a number', async () => {
    const firmName = unique('Slug Works');
    const email = `${unique('first')}@${unique('slug')}.example`;
    const first = await signUp({ firmName, email });
    const slug = first.json<{ firm: { slug: string } }>().firm.slug;

    expect((await signUp({ firmName: firmName.toUpperCase() })).json()).toMatchObject({
      status: 409,
      code: 'firm_name_taken',
    });
    expect((await signUp({ firmName: 'Wingtip Stores' })).json()).toMatchObject({ code: 'firm_name_taken' });
    // look-alikes: a zero for the o is another firm's name; a Cyrillic A inside a Latin word is refused as such
    expect((await signUp({ firmName: 'N0rthwind  APPLIANCES' })).json()).toMatchObject({
      status: 409,
      code: 'firm_name_taken',
    });
    expect((await signUp({ firmName: 'Northwind \u0410ppliances' })).json()).toMatchObject({
      status: 422,
      code: 'mixed_script_name',
      errors: [{ path: '/firmName' }],
    });
    expect((await signUp({ firmName: `Северный ветер ${unique('co')}` })).statusCode).toBe(201);
    const taken = await signUp({ email: email.toUpperCase() });
    expect(taken.json()).toMatchObject({ status: 409, code: 'email_taken' });
    expect(taken.json<{ detail: string }>().detail).toMatch(/sign in/);
    expect((await signUp({ email: 'admin@wingtip.example' })).json()).toMatchObject({ code: 'email_taken' });

    const second = await signUp({ firmName: `${firmName}!` });
    expect(second.json()).toMatchObject({ firm: { slug: `${slug}-2` } });
    const third = await signUp({ firmName: `${firmName}?` });
    expect(third.json()).toMatchObject({ firm: { slug: `${slug}-3` } });

    const weakName = unique('Weak Co');
    const common = await signUp({ firmName: weakName, password: 'password1234' });
    expect(common.json()).toMatchObject({ status: 422, code: 'weak_password', reason: 'common' });
    const short = await signUp({ firmName: weakName, password: 'short' });
    expect(short.json()).toMatchObject({ status: 422, code: 'weak_password', reason: 'too_short' });
    // nothing was kept of the refused attempts
    expect((await signUp({ firmName: weakName })).statusCode).toBe(201);
  });

  it('limits sign-ups per address and hour, and unconfirmed ones per email domain and day', async () => {
    const from = freshAddress();
    for (let i = 0; i < SIGN_UPS_PER_ADDRESS; i++) expect((await signUp({}, from)).statusCode).toBe(201);
    const limited = await signUp({}, from);
    expect(limited.statusCode).toBe(429);
    expect((await signUp()).statusCode).toBe(201); // another address is not held back

    const domain = `${unique('busy')}.example`;
    const emails = [`a@${domain}`, `b@${domain}`];
    for (const email of emails) expect((await signUp({ email })).statusCode).toBe(201);
    expect((await signUp({ email: `c@${domain}` })).json()).toMatchObject({ status: 429, code: 'sign_up_limit' });
    // confirming one makes room
    await verify((await linkSentTo(emails[0]!, 'token')).searchParams.get('token')!);
    expect((await signUp({ email: `c@${domain}` })).statusCode).toBe(201);
    const [stranger] = await h.database.db
      .select()
      .from(users)
      .where(eq(users.email, `c@${domain}`));
    expect(stranger!.emailVerifiedAt).toBeNull();
  });
});

describe('inviting a firm that is not on Accord', () => {
  let northwind: SignedIn;
  let networkId: string;
  let partner: SignedIn;

  const invite = (as: SignedIn, payload: object) =>
    h.app.inject({ method: 'POST', url: `/v1/networks/${networkId}/firm-invitations`, headers: as.headers, payload });
  const list = async () =>
    (await h.app.inject({ url: `/v1/networks/${networkId}/firm-invitations`, headers: northwind.headers })).json<{
      items: Array<{ id: string; email: string; status: string; acceptedFirmId: string | null }>;
    }>().items;

  beforeAll(async () => {
    northwind = await signIn(h.app, 'admin@northwind.example');
    const network = await h.app.inject({
      method: 'POST',
      url: '/v1/networks',
      headers: northwind.headers,
      payload: { name: unique('Onboarding chain') },
    });
    networkId = network.json<{ id: string }>().id;
    // wingtip joins as an ordinary partner
    await h.app.inject({
      method: 'POST',
      url: `/v1/networks/${networkId}/members`,
      headers: northwind.headers,
      payload: { firmSlug: 'wingtip' },
    });
    partner = await signIn(h.app, 'admin@wingtip.example');
    await h.app.inject({ method: 'POST', url: `/v1/networks/${networkId}/accept`, headers: partner.headers });
  });

  it('is for the focal firm only, and for its managers', async () => {
    const email = `${unique('nope')}@prospect.example`;
    expect((await invite(partner, { email, chainRole: 'supplier' })).json()).toMatchObject({
      status: 403,
      code: 'focal_firm_only',
    });
    const analyst = await signIn(h.app, 'analyst@northwind.example');
    expect((await invite(analyst, { email, chainRole: 'supplier' })).json()).toMatchObject({
      status: 403,
      code: 'role_required',
    });
    const listed = await h.app.inject({ url: `/v1/networks/${networkId}/firm-invitations`, headers: partner.headers });
    expect(listed.statusCode).toBe(403);
  });

  it('prefills the sign-up; signing up through it joins the network as an active member, once', async () => {
    const email = `${unique('buyer')}@${unique('prospect')}.example`;
    const created = await invite(northwind, {
      email: email.toUpperCase(),
      firmName: 'Prospect Traders',
      chainRole: 'supplier',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      email,
      status: 'pending',
      chainRole: 'supplier',
      invitedBy: 'Northwind Admin',
    });
    const link = await linkSentTo(email, 'invitation');
    expect(link.origin + link.pathname).toBe('http://portal.test/signup');
    const token = link.searchParams.get('invitation')!;

    const preview = await lookup(token);
    expect(preview.json()).toMatchObject({
      focalFirmName: 'Northwind Appliances',
      chainRole: 'supplier',
      firmName: 'Prospect Traders',
      email,
    });
    expect(preview.json<{ networkName: string }>().networkName).toMatch(/^Onboarding chain/);

    const firmName = unique('Prospect Traders');
    const mismatch = await signUp({
      firmName,
      email: `${unique('other')}@elsewhere.example`,
      networkInvitation: token,
    });
    expect(mismatch.json()).toMatchObject({ status: 422, code: 'invitation_email_mismatch' });

    const joined = await signUp({ firmName, email, networkInvitation: token, chainRole: 'distributor' });
    expect(joined.statusCode).toBe(201);
    expect(joined.json()).toMatchObject({ emailVerificationRequired: false, networkId });
    const firmId = joined.json<{ firm: { id: string } }>().firm.id;

    // the link proved the email: no confirmation needed, and none sent
    const newcomer = await signIn(h.app, email, PASSWORD);
    expect(h.emails.filter((m) => m.to === email)).toHaveLength(1);
    const networks = (await h.app.inject({ url: '/v1/networks', headers: newcomer.headers })).json<{
      items: Array<{ id: string; myStatus: string }>;
    }>();
    expect(networks.items).toContainEqual(expect.objectContaining({ id: networkId, myStatus: 'active' }));
    const members = (
      await h.app.inject({ url: `/v1/networks/${networkId}/members`, headers: northwind.headers })
    ).json<{ items: Array<{ firm: { id: string }; status: string; chainRole: string; executiveSponsor: unknown }> }>();
    expect(members.items.find((m) => m.firm.id === firmId)).toMatchObject({
      status: 'active',
      chainRole: 'supplier',
      executiveSponsor: { email },
    });

    const again = await signUp({ email: `${unique('again')}@elsewhere.example`, networkInvitation: token });
    expect(again.json()).toMatchObject({ status: 410, code: 'invitation_used' });
    expect((await lookup(token)).json()).toMatchObject({ status: 410, code: 'invitation_used' });
    expect(await list()).toContainEqual(expect.objectContaining({ email, status: 'accepted', acceptedFirmId: firmId }));
  });

  it('refuses expired and withdrawn invitations; resending makes a new link and kills the old one', async () => {
    const email = `${unique('slow')}@${unique('prospect')}.example`;
    const { id } = (await invite(northwind, { email, chainRole: 'retailer' })).json<{ id: string }>();
    const oldToken = (await linkSentTo(email, 'invitation')).searchParams.get('invitation')!;
    await h.database.db
      .update(firmInvitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(firmInvitations.id, id));
    expect((await lookup(oldToken)).json()).toMatchObject({ status: 410, code: 'invitation_expired' });
    expect((await signUp({ email, networkInvitation: oldToken })).json()).toMatchObject({
      status: 410,
      code: 'invitation_expired',
    });
    expect(await list()).toContainEqual(expect.objectContaining({ id, status: 'expired' }));

    const resend = (invitationId: string) =>
      h.app.inject({
        method: 'POST',
        url: `/v1/networks/${networkId}/firm-invitations/${invitationId}/resend`,
        headers: northwind.headers,
      });
    const resent = await resend(id);
    expect(resent.json()).toMatchObject({ id, status: 'pending' });
    const newToken = (await linkSentTo(email, 'invitation', 2)).searchParams.get('invitation')!;
    expect((await lookup(oldToken)).json()).toMatchObject({ status: 404, code: 'invitation_not_found' });
    expect((await lookup(newToken)).json()).toMatchObject({ email, chainRole: 'retailer' });

    const withdraw = () =>
      h.app.inject({
        method: 'DELETE',
        url: `/v1/networks/${networkId}/firm-invitations/${id}`,
        headers: northwind.headers,
      });
    expect((await withdraw()).statusCode).toBe(204);
    expect((await withdraw()).statusCode).toBe(404);
    expect((await lookup(newToken)).json()).toMatchObject({ status: 410, code: 'invitation_withdrawn' });
    expect((await signUp({ email, networkInvitation: newToken })).json()).toMatchObject({
      status: 410,
      code: 'invitation_withdrawn',
    });
    expect((await resend(id)).json()).toMatchObject({ status: 409, code: 'invitation_not_pending' });
    expect(await list()).toContainEqual(expect.objectContaining({ id, status: 'withdrawn' }));
    // the invitation is not the way in any more, but the person may still sign up on their own
    expect((await signUp({ email })).statusCode).toBe(201);
  });
});
