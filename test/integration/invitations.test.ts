import { userInvitations } from '@accord/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startHarness, unique, waitFor, type Harness, type SignedIn } from './harness.ts';

let h: Harness;
let admin: SignedIn;
beforeAll(async () => {
  h = await startHarness();
  admin = await signIn(h.app, 'admin@wingtip.example');
});
afterAll(() => h.close());

async function invite(email: string, role = 'analyst', by: SignedIn = admin) {
  return h.app.inject({
    method: 'POST',
    url: `/v1/firms/${by.firmId}/invitations`,
    headers: by.headers,
    payload: { email, role },
  });
}

/** The token in the link of the last email the worker delivered to this address. */
async function tokenSentTo(email: string): Promise<string> {
  const message = await waitFor(() => h.emails.findLast((m) => m.to === email), `an email to ${email}`);
  const token = new URL(message.link!).searchParams.get('token');
  expect(message.link).toMatch(/^http:\/\/portal\.test\/invitations\/accept\?token=/);
  return token!;
}

const accept = (payload: object) => h.app.inject({ method: 'POST', url: '/v1/invitations/accept', payload });
const lookup = (token: string) => h.app.inject({ method: 'POST', url: '/v1/invitations/lookup', payload: { token } });

describe('inviting a colleague', () => {
  it('emails a link through the outbox and the worker; accepting it creates the user and signs them in', async () => {
    const email = `${unique('new')}@wingtip.example`;
    const created = await invite(email.toUpperCase());
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ email, role: 'analyst', status: 'pending', invitedBy: 'Wingtip Admin' });

    const token = await tokenSentTo(email);
    const [stored] = await h.database.db.select().from(userInvitations).where(eq(userInvitations.email, email));
    expect(stored!.tokenHash).not.toContain(token); // only the hash is kept

    expect((await lookup(token)).json()).toMatchObject({
      firmName: 'Wingtip Stores',
      email,
      role: 'analyst',
      userExists: false,
    });
    const nameless = await accept({ token, password: 'a long enough passphrase' });
    expect(nameless.json()).toMatchObject({ status: 400, code: 'name_required' });
    const weak = await accept({ token, name: 'New Analyst', password: 'short' });
    expect(weak.json()).toMatchObject({ status: 400, code: 'password_too_short' });

    const accepted = await accept({ token, name: 'New Analyst', password: 'a long enough passphrase' });
    expect(accepted.statusCode).toBe(200);
    expect(String(accepted.headers['set-cookie'])).toContain('accord_refresh=');
    const session = accepted.json<{ accessToken: string; firm: { slug: string; role: string } }>();
    expect(session.firm).toMatchObject({ slug: 'wingtip', role: 'analyst' });
    const me = await h.app.inject({ url: '/v1/me', headers: { authorization: `Bearer ${session.accessToken}` } });
    expect(me.json()).toMatchObject({ user: { email, name: 'New Analyst' } });

    const again = await accept({ token, name: 'Someone Else', password: 'another long passphrase' });
    expect(again.json()).toMatchObject({ status: 410, code: 'invitation_used' });
    const relogin = await h.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email, password: 'a long enough passphrase' },
    });
    expect(relogin.statusCode).toBe(200);

    const users = await h.app.inject({ url: `/v1/firms/${admin.firmId}/users`, headers: admin.headers });
    expect(users.json<{ items: Array<{ email: string; role: string }> }>().items).toContainEqual(
      expect.objectContaining({ email, role: 'analyst' }),
    );
  });

  it('lets a person who already has an account join with their own password', async () => {
    const token = await (async () => {
      expect((await invite('analyst@litware.example', 'viewer')).statusCode).toBe(201);
      return tokenSentTo('analyst@litware.example');
    })();
    expect((await lookup(token)).json()).toMatchObject({ userExists: true });
    const wrong = await accept({ token, name: 'ignored', password: 'not their password' });
    expect(wrong.json()).toMatchObject({ status: 401, code: 'invalid_credentials' });
    const joined = await accept({ token, password: 'accord-demo' });
    expect(joined.json()).toMatchObject({ firm: { slug: 'wingtip', role: 'viewer' } });
    // the account now acts for either firm
    const litware = await signIn(h.app, 'analyst@litware.example');
    const switched = await h.app.inject({
      method: 'POST',
      url: '/v1/auth/refresh',
      headers: { cookie: litware.refreshCookie },
      payload: { firmId: admin.firmId },
    });
    expect(switched.json()).toMatchObject({ firm: { slug: 'wingtip', role: 'viewer' } });
  });

  it('refuses withdrawn, expired, unknown and replaced invitations', async () => {
    const withdrawnEmail = `${unique('withdrawn')}@wingtip.example`;
    const created = (await invite(withdrawnEmail)).json<{ id: string }>();
    const withdrawnToken = await tokenSentTo(withdrawnEmail);
    const withdraw = await h.app.inject({
      method: 'DELETE',
      url: `/v1/firms/${admin.firmId}/invitations/${created.id}`,
      headers: admin.headers,
    });
    expect(withdraw.statusCode).toBe(204);
    expect((await lookup(withdrawnToken)).json()).toMatchObject({ status: 410, code: 'invitation_withdrawn' });

    const expiredEmail = `${unique('expired')}@wingtip.example`;
    await invite(expiredEmail);
    const expiredToken = await tokenSentTo(expiredEmail);
    await h.database.db
      .update(userInvitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(userInvitations.email, expiredEmail));
    expect((await lookup(expiredToken)).json()).toMatchObject({ status: 410, code: 'invitation_expired' });
    const late = await accept({ token: expiredToken, name: 'Late', password: 'a long enough passphrase' });
    expect(late.json()).toMatchObject({ status: 410, code: 'invitation_expired' });

    expect((await lookup('x'.repeat(43))).json()).toMatchObject({ status: 404, code: 'invitation_not_found' });

    const twiceEmail = `${unique('twice')}@wingtip.example`;
    await invite(twiceEmail);
    const firstToken = await tokenSentTo(twiceEmail);
    await invite(twiceEmail, 'manager');
    await waitFor(() => (h.emails.filter((m) => m.to === twiceEmail).length === 2 ? true : undefined), 'second email');
    expect((await lookup(firstToken)).json()).toMatchObject({ status: 410, code: 'invitation_withdrawn' });
    expect((await lookup(await tokenSentTo(twiceEmail))).json()).toMatchObject({ role: 'manager' });

    const listed = await h.app.inject({ url: `/v1/firms/${admin.firmId}/invitations?limit=2`, headers: admin.headers });
    const page = listed.json<{ items: Array<{ email: string; status: string }>; nextCursor: string | null }>();
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).not.toBeNull();
    const next = await h.app.inject({
      url: `/v1/firms/${admin.firmId}/invitations?limit=200&cursor=${page.nextCursor}`,
      headers: admin.headers,
    });
    const rest = next.json<{ items: Array<{ email: string; status: string }> }>().items;
    expect(rest.map((i) => i.email)).not.toContain(page.items[0]!.email);
    expect([...page.items, ...rest]).toContainEqual(
      expect.objectContaining({ email: withdrawnEmail, status: 'withdrawn' }),
    );
    expect([...page.items, ...rest]).toContainEqual(
      expect.objectContaining({ email: expiredEmail, status: 'expired' }),
    );
  });

  it('is for firm admins only, and a member cannot be invited twice', async () => {
    const analyst = await signIn(h.app, 'analyst@wingtip.example');
    const refused = await invite('someone@wingtip.example', 'viewer', analyst);
    expect(refused.json()).toMatchObject({ status: 403, code: 'role_required' });
    const member = await invite('manager@wingtip.example');
    expect(member.json()).toMatchObject({ status: 409, code: 'already_member' });
  });
});

describe("managing the firm's users", () => {
  it('changes roles but never leaves the firm without an admin', async () => {
    const users = (await h.app.inject({ url: `/v1/firms/${admin.firmId}/users`, headers: admin.headers })).json<{
      items: Array<{ id: string; email: string; role: string }>;
    }>().items;
    const manager = users.find((u) => u.email === 'manager@wingtip.example')!;
    const promoted = await h.app.inject({
      method: 'PATCH',
      url: `/v1/firms/${admin.firmId}/users/${manager.id}`,
      headers: admin.headers,
      payload: { role: 'firm_admin' },
    });
    expect(promoted.json()).toMatchObject({ role: 'firm_admin' });
    const demoted = await h.app.inject({
      method: 'PATCH',
      url: `/v1/firms/${admin.firmId}/users/${manager.id}`,
      headers: admin.headers,
      payload: { role: 'manager' },
    });
    expect(demoted.json()).toMatchObject({ role: 'manager' });
    const selfDemotion = await h.app.inject({
      method: 'PATCH',
      url: `/v1/firms/${admin.firmId}/users/${admin.userId}`,
      headers: admin.headers,
      payload: { role: 'viewer' },
    });
    expect(selfDemotion.json()).toMatchObject({ status: 409, code: 'last_firm_admin' });
  });
});
