// Account security: password policy, reset links, lockout with backoff, sessions and their
// revocation, member deactivation, and two-factor sign-in (TOTP, recovery codes, firm-required MFA).
import { firmMemberships, passwordResetTokens, refreshTokens, users, userTotp } from '@accord/db';
import { pruneExpired } from '@accord/worker';
import { pino } from 'pino';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../apps/api/src/modules/auth/totp.ts';
import {
  createFirm,
  DEMO_PASSWORD,
  refreshCookieOf,
  signIn,
  startHarness,
  unique,
  waitFor,
  type Harness,
  type SignedIn,
} from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const iphone =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';

const login = (email: string, password: string, userAgent = firefox) =>
  h.app.inject({
    method: 'POST',
    url: '/v1/auth/login',
    headers: { 'user-agent': userAgent },
    payload: { email, password },
  });
const refresh = (cookie: string) => h.app.inject({ method: 'POST', url: '/v1/auth/refresh', headers: { cookie } });
const me = (who: { headers: { authorization: string } }) => h.app.inject({ url: '/v1/me', headers: who.headers });
const post = (url: string, payload: object, who?: SignedIn) =>
  h.app.inject({ method: 'POST', url, payload, ...(who ? { headers: who.headers } : {}) });

/** A signed-in session from a login answer (for users without MFA). */
function sessionOf(response: Awaited<ReturnType<typeof login>>): SignedIn {
  expect(response.statusCode, response.body).toBe(200);
  const body = response.json<{ accessToken: string; user: { id: string }; firm: { id: string } }>();
  return {
    token: body.accessToken,
    refreshCookie: refreshCookieOf(response.headers['set-cookie']),
    userId: body.user.id,
    firmId: body.firm.id,
    headers: { authorization: `Bearer ${body.accessToken}` },
  };
}

const sidOf = (who: SignedIn) =>
  (JSON.parse(Buffer.from(who.token.split('.')[1]!, 'base64url').toString()) as { sid: string }).sid;

async function freshFirm(roles: Parameters<typeof createFirm>[3] = ['firm_admin', 'analyst']) {
  return createFirm(h.database, unique('Secure Co'), 'supplier', roles);
}

describe('the password policy', () => {
  it('refuses breached, short and personal passwords with 422 weak_password and a reason', async () => {
    const { people } = await freshFirm(['analyst']);
    const who = await signIn(h.app, people.analyst!.email);
    const change = (newPassword: string) =>
      post('/v1/me/password', { currentPassword: DEMO_PASSWORD, newPassword }, who);
    for (const [password, reason] of [
      ['qwerty123456', 'common'],
      ['Password123!', 'common'],
      ['aaaaaaaaaaaaaaaa', 'common'],
      ['too short', 'too_short'],
      [people.analyst!.email, 'personal'],
    ] as const) {
      const refused = await change(password);
      expect(refused.statusCode, password).toBe(422);
      expect(refused.json(), password).toMatchObject({ code: 'weak_password', reason });
    }
    // nothing changed: the demo password still signs in
    expect((await login(people.analyst!.email, DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('keeps the short demo password working for sign-in: the policy applies only to new passwords', async () => {
    expect((await login('analyst@northwind.example', DEMO_PASSWORD)).statusCode).toBe(200);
  });
});

describe('password reset', () => {
  /** The token in the last reset email delivered to this address. */
  async function resetTokenSentTo(email: string, after = 0): Promise<string> {
    const message = await waitFor(
      () => h.emails.slice(after).findLast((m) => m.to === email),
      `a reset email to ${email}`,
    );
    expect(message.link).toMatch(/^http:\/\/portal\.test\/reset-password\?token=[\w-]{43}$/);
    return new URL(message.link!).searchParams.get('token')!;
  }
  const complete = (token: string, password: string) => post('/v1/auth/password-reset/complete', { token, password });

  it('emails a single-use link; using it sets the password, ends every session and spends the token', async () => {
    const { people } = await freshFirm(['analyst']);
    const email = people.analyst!.email;
    const before = await signIn(h.app, email);
    const sent = h.emails.length;
    const asked = await post('/v1/auth/password-reset', { email: email.toUpperCase() });
    expect(asked.statusCode).toBe(202);
    const token = await resetTokenSentTo(email, sent);
    const [stored] = await h.database.db
      .select()
      .from(passwordResetTokens)
      .innerJoin(users, eq(users.id, passwordResetTokens.userId))
      .where(eq(users.email, email));
    expect(stored!.password_reset_tokens.tokenHash).not.toContain(token);
    expect(stored!.password_reset_tokens.expiresAt.getTime() - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(stored!.password_reset_tokens.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(30 * 60_000);

    const weak = await complete(token, 'password1234');
    expect(weak.json()).toMatchObject({ status: 422, code: 'weak_password', reason: 'common' });

    const done = await complete(token, 'lantern orchard seventeen');
    expect(done.statusCode).toBe(204);
    // every session ended at once: the access token and the refresh token
    expect((await me(before)).json()).toMatchObject({ status: 401, code: 'session_revoked' });
    expect((await refresh(before.refreshCookie)).json()).toMatchObject({ status: 401, code: 'refresh_token_revoked' });
    expect((await login(email, DEMO_PASSWORD)).statusCode).toBe(401);
    expect((await login(email, 'lantern orchard seventeen')).statusCode).toBe(200);

    const reused = await complete(token, 'another fine passphrase');
    expect(reused.json()).toMatchObject({ status: 410, code: 'reset_token_used' });
  });

  it('refuses an expired link and an unknown token', async () => {
    const { people } = await freshFirm(['analyst']);
    const email = people.analyst!.email;
    const sent = h.emails.length;
    await post('/v1/auth/password-reset', { email });
    const token = await resetTokenSentTo(email, sent);
    await h.database.db
      .update(passwordResetTokens)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(passwordResetTokens.userId, people.analyst!.id));
    const expired = await complete(token, 'lantern orchard seventeen');
    expect(expired.json()).toMatchObject({ status: 410, code: 'reset_token_expired' });
    expect((await login(email, DEMO_PASSWORD)).statusCode).toBe(200);
    const unknown = await complete('x'.repeat(43), 'lantern orchard seventeen');
    expect(unknown.json()).toMatchObject({ status: 400, code: 'reset_token_invalid' });
  });

  it('answers 202 for an unknown email too, and sends nothing', async () => {
    const email = `${unique('nobody')}@nowhere.example`;
    const asked = await post('/v1/auth/password-reset', { email });
    expect(asked.statusCode).toBe(202);
    expect(asked.json()).toEqual(
      (await post('/v1/auth/password-reset', { email: 'analyst@northwind.example' })).json(),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.emails.some((m) => m.to === email)).toBe(false);
  });

  it('lifts a lockout', async () => {
    const { people } = await freshFirm(['analyst']);
    const email = people.analyst!.email;
    for (let i = 0; i < 5; i++) await login(email, 'not the password at all');
    expect((await login(email, DEMO_PASSWORD)).statusCode).toBe(429);
    const sent = h.emails.length;
    await post('/v1/auth/password-reset', { email });
    const token = await resetTokenSentTo(email, sent);
    expect((await complete(token, 'lantern orchard seventeen')).statusCode).toBe(204);
    expect((await login(email, 'lantern orchard seventeen')).statusCode).toBe(200);
  });
});

describe('housekeeping', () => {
  it('prunes reset tokens expired over a day ago and sessions ended over 30 days ago, and nothing newer', async () => {
    const { people } = await freshFirm(['analyst', 'viewer']);
    const old = people.analyst!;
    const recent = people.viewer!;
    for (const person of [old, recent]) {
      await signIn(h.app, person.email);
      await post('/v1/auth/password-reset', { email: person.email });
    }
    const ownedBy = async (userId: string) => ({
      resets: (await h.database.db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, userId)))
        .length,
      sessions: (await h.database.db.select().from(refreshTokens).where(eq(refreshTokens.userId, userId))).length,
    });
    expect(await ownedBy(old.id)).toEqual({ resets: 1, sessions: 1 });
    await h.database.db
      .update(passwordResetTokens)
      .set({ expiresAt: sql`now() - interval '25 hours'` })
      .where(eq(passwordResetTokens.userId, old.id));
    await h.database.db
      .update(refreshTokens)
      .set({ expiresAt: sql`now() - interval '31 days'` })
      .where(eq(refreshTokens.userId, old.id));
    // expired, but within the grace periods: kept
    await h.database.db
      .update(passwordResetTokens)
      .set({ expiresAt: sql`now() - interval '23 hours'` })
      .where(eq(passwordResetTokens.userId, recent.id));
    await h.database.db
      .update(refreshTokens)
      .set({ expiresAt: sql`now() - interval '29 days'` })
      .where(eq(refreshTokens.userId, recent.id));

    await pruneExpired(h.database.db, pino({ level: 'silent' }))(
      {},
      { attempt: 1, reportProgress: async () => {}, signal: new AbortController().signal },
    );
    expect(await ownedBy(old.id)).toEqual({ resets: 0, sessions: 0 });
    expect(await ownedBy(recent.id)).toEqual({ resets: 1, sessions: 1 });
  });
});

describe('lockout', () => {
  const lockOf = async (userId: string) => {
    const [row] = await h.database.db
      .select({ failed: users.failedLogins, lockedUntil: users.lockedUntil })
      .from(users)
      .where(eq(users.id, userId));
    return row!;
  };
  /** Simulates the lock running out, without waiting. */
  const expireLock = (userId: string) =>
    h.database.db
      .update(users)
      .set({ lockedUntil: sql`now() - interval '1 second'` })
      .where(eq(users.id, userId));

  it('locks for a minute after five failures, refuses even the right password, doubles, and resets on success', async () => {
    const { people } = await freshFirm(['analyst']);
    const { email, id } = people.analyst!;
    for (let i = 0; i < 4; i++) {
      expect((await login(email, 'not the password at all')).json()).toMatchObject({ code: 'invalid_credentials' });
    }
    const fifth = await login(email, 'not the password at all');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json()).toMatchObject({ code: 'account_locked' });
    expect(Number(fifth.headers['retry-after'])).toBeGreaterThanOrEqual(58);
    expect(Number(fifth.headers['retry-after'])).toBeLessThanOrEqual(60);

    const right = await login(email, DEMO_PASSWORD);
    expect(right.statusCode).toBe(429);
    expect(right.json()).toMatchObject({ code: 'account_locked' });
    expect(right.headers['set-cookie']).toBeUndefined();

    await expireLock(id);
    const sixth = await login(email, 'not the password at all');
    expect(sixth.statusCode).toBe(429);
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThanOrEqual(118);
    expect(Number(sixth.headers['retry-after'])).toBeLessThanOrEqual(120);

    await expireLock(id);
    expect((await login(email, DEMO_PASSWORD)).statusCode).toBe(200);
    expect(await lockOf(id)).toEqual({ failed: 0, lockedUntil: null });
    expect((await login(email, 'not the password at all')).statusCode).toBe(401);
  });

  it('caps the lock at an hour', async () => {
    const { people } = await freshFirm(['analyst']);
    const { email, id } = people.analyst!;
    await h.database.db.update(users).set({ failedLogins: 30 }).where(eq(users.id, id));
    const locked = await login(email, 'not the password at all');
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(3590);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(3600);
  });

  it('keeps the per-address rate limit and answers unknown emails as before', async () => {
    const unknown = await login(`${unique('ghost')}@nowhere.example`, 'not the password at all');
    expect(unknown.json()).toMatchObject({ status: 401, code: 'invalid_credentials' });
  });
});

describe('sessions', () => {
  it('refuse the reads sent ahead of the access check at once too', async () => {
    const here = await signIn(h.app, 'admin@tailspin.example');
    const there = await signIn(h.app, 'admin@tailspin.example');
    const networkId = (await h.app.inject({ url: '/v1/networks', headers: here.headers })).json<{
      items: Array<{ id: string }>;
    }>().items[0]!.id;
    const reads = [`/v1/networks/${networkId}`, `/v1/networks/${networkId}/customer-features?limit=5`];
    const read = (url: string, who: SignedIn) => h.app.inject({ url, headers: who.headers });
    for (const url of reads) expect((await read(url, there)).statusCode).toBe(200);
    const ended = await h.app.inject({
      method: 'DELETE',
      url: `/v1/me/sessions/${sidOf(there)}`,
      headers: here.headers,
    });
    expect(ended.statusCode).toBe(204);
    for (const url of reads) {
      expect((await read(url, there)).json()).toMatchObject({ status: 401, code: 'session_revoked' });
      expect((await read(url, here)).statusCode).toBe(200);
    }
  });

  it('lists sessions with device, address and current flag; revoking one refuses its access token at once', async () => {
    const { people } = await freshFirm(['analyst']);
    const email = people.analyst!.email;
    const laptop = sessionOf(await login(email, DEMO_PASSWORD, firefox));
    const phone = sessionOf(await login(email, DEMO_PASSWORD, iphone));

    const listed = await h.app.inject({ url: '/v1/me/sessions', headers: laptop.headers });
    expect(listed.statusCode).toBe(200);
    const items = listed.json<{ items: Array<{ id: string; device: string; current: boolean; ip: string }> }>().items;
    expect(items).toHaveLength(2);
    expect(items.find((s) => s.id === sidOf(laptop))).toMatchObject({
      device: 'Firefox on Linux',
      current: true,
      ip: '127.0.0.1',
    });
    expect(items.find((s) => s.id === sidOf(phone))).toMatchObject({ device: 'Safari on iOS', current: false });

    const revoked = await h.app.inject({
      method: 'DELETE',
      url: `/v1/me/sessions/${sidOf(phone)}`,
      headers: laptop.headers,
    });
    expect(revoked.statusCode).toBe(204);
    expect((await me(phone)).json()).toMatchObject({ status: 401, code: 'session_revoked' });
    expect((await refresh(phone.refreshCookie)).json()).toMatchObject({ status: 401, code: 'refresh_token_revoked' });
    expect((await me(laptop)).statusCode).toBe(200);
    const again = await h.app.inject({
      method: 'DELETE',
      url: `/v1/me/sessions/${sidOf(phone)}`,
      headers: laptop.headers,
    });
    expect(again.statusCode).toBe(404);
  });

  it('moves last seen on refresh, and keeps the session id across rotations', async () => {
    const { people } = await freshFirm(['analyst']);
    const first = sessionOf(await login(people.analyst!.email, DEMO_PASSWORD));
    const list = async (who: SignedIn) =>
      (await h.app.inject({ url: '/v1/me/sessions', headers: who.headers })).json<{
        items: Array<{ id: string; createdAt: string; lastSeenAt: string }>;
      }>().items;
    const [before] = await list(first);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const rotated = sessionOf(await refresh(first.refreshCookie));
    expect(sidOf(rotated)).toBe(sidOf(first));
    const [after] = await list(rotated);
    expect(after!.id).toBe(before!.id);
    expect(after!.createdAt).toBe(before!.createdAt);
    expect(new Date(after!.lastSeenAt).getTime()).toBeGreaterThan(new Date(before!.lastSeenAt).getTime());
  });

  it('revoke-others ends every other session and keeps this one', async () => {
    const { people } = await freshFirm(['analyst']);
    const email = people.analyst!.email;
    const a = sessionOf(await login(email, DEMO_PASSWORD));
    const b = sessionOf(await login(email, DEMO_PASSWORD));
    const c = sessionOf(await login(email, DEMO_PASSWORD));
    const out = await post('/v1/me/sessions/revoke-others', {}, a);
    expect(out.json()).toEqual({ revoked: 2 });
    expect((await me(a)).statusCode).toBe(200);
    for (const other of [b, c]) expect((await me(other)).json()).toMatchObject({ code: 'session_revoked' });
  });

  it('changing the password ends the other sessions, not this one, and needs the current password', async () => {
    const { people } = await freshFirm(['analyst']);
    const email = people.analyst!.email;
    const here = sessionOf(await login(email, DEMO_PASSWORD));
    const there = sessionOf(await login(email, DEMO_PASSWORD));
    const wrong = await post(
      '/v1/me/password',
      { currentPassword: 'not the password at all', newPassword: 'lantern orchard seventeen' },
      here,
    );
    expect(wrong.json()).toMatchObject({ status: 403, code: 'wrong_password' });
    expect((await me(there)).statusCode).toBe(200);

    const changed = await post(
      '/v1/me/password',
      { currentPassword: DEMO_PASSWORD, newPassword: 'lantern orchard seventeen' },
      here,
    );
    expect(changed.statusCode).toBe(204);
    expect((await me(here)).statusCode).toBe(200);
    expect((await refresh(here.refreshCookie)).statusCode).toBe(200);
    expect((await me(there)).json()).toMatchObject({ status: 401, code: 'session_revoked' });
    expect((await refresh(there.refreshCookie)).statusCode).toBe(401);
    expect((await login(email, DEMO_PASSWORD)).statusCode).toBe(401);
    expect((await login(email, 'lantern orchard seventeen')).statusCode).toBe(200);
  });
});

describe('firm admins and their members', () => {
  it("end a member's sessions for the firm at once", async () => {
    const { people } = await freshFirm();
    const admin = await signIn(h.app, people.firm_admin!.email);
    const analyst = await signIn(h.app, people.analyst!.email);
    const out = await post(`/v1/firms/${admin.firmId}/users/${analyst.userId}/sessions/revoke`, {}, admin);
    expect(out.json()).toEqual({ revoked: 1 });
    expect((await me(analyst)).json()).toMatchObject({ code: 'session_revoked' });
    const byAnalyst = await post(
      `/v1/firms/${admin.firmId}/users/${admin.userId}/sessions/revoke`,
      {},
      await signIn(h.app, people.analyst!.email),
    );
    expect(byAnalyst.json()).toMatchObject({ status: 403, code: 'role_required' });
    expect((await me(admin)).statusCode).toBe(200);
  });

  it('deactivate a member: no sign-in for the firm, sessions ended, their API keys stop; reactivate undoes it', async () => {
    const { firm, people } = await freshFirm(['firm_admin', 'manager']);
    const admin = await signIn(h.app, people.firm_admin!.email);
    // a second admin, who makes an API key and is then deactivated
    await h.database.db
      .update(firmMemberships)
      .set({ role: 'firm_admin' })
      .where(and(eq(firmMemberships.firmId, firm.id), eq(firmMemberships.userId, people.manager!.id)));
    const other = await signIn(h.app, people.manager!.email);
    const network = await post('/v1/networks', { name: unique('Keys network') }, admin);
    const networkId = network.json<{ id: string }>().id;
    const makeKey = async (who: SignedIn) =>
      (
        await post(`/v1/firms/${firm.id}/api-keys`, { name: 'pipeline', networkId, datasets: ['transactions'] }, who)
      ).json<{ key: string }>().key;
    const otherKey = await makeKey(other);
    const adminKey = await makeKey(admin);
    const useKey = (key: string) =>
      h.app.inject({ url: `/v1/networks/${networkId}/batches`, headers: { authorization: `Bearer ${key}` } });
    expect((await useKey(otherKey)).statusCode).toBe(200);

    const selfOff = await h.app.inject({
      method: 'PATCH',
      url: `/v1/firms/${firm.id}/users/${admin.userId}`,
      headers: admin.headers,
      payload: { active: false },
    });
    expect(selfOff.json()).toMatchObject({ status: 409, code: 'cannot_deactivate_self' });

    const off = await h.app.inject({
      method: 'PATCH',
      url: `/v1/firms/${firm.id}/users/${other.userId}`,
      headers: admin.headers,
      payload: { active: false },
    });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ id: other.userId, deactivated: true, role: 'firm_admin' });
    expect((await me(other)).statusCode).toBe(401);
    expect((await refresh(other.refreshCookie)).statusCode).toBe(401);
    const signInAgain = await login(people.manager!.email, DEMO_PASSWORD);
    expect(signInAgain.json()).toMatchObject({ status: 403, code: 'membership_deactivated' });
    const refused = await useKey(otherKey);
    expect(refused.json()).toMatchObject({ status: 401, code: 'api_key_creator_deactivated' });
    expect((await useKey(adminKey)).statusCode).toBe(200);

    const on = await h.app.inject({
      method: 'PATCH',
      url: `/v1/firms/${firm.id}/users/${other.userId}`,
      headers: admin.headers,
      payload: { active: true },
    });
    expect(on.json()).toMatchObject({ deactivated: false });
    expect((await login(people.manager!.email, DEMO_PASSWORD)).statusCode).toBe(200);
    expect((await useKey(otherKey)).statusCode).toBe(200);

    // a key carries its maker's authority: demoted from firm admin, their keys stop; promoted again, they work
    const setRole = (role: string) =>
      h.app.inject({
        method: 'PATCH',
        url: `/v1/firms/${firm.id}/users/${other.userId}`,
        headers: admin.headers,
        payload: { role },
      });
    expect((await setRole('analyst')).statusCode).toBe(200);
    expect((await useKey(otherKey)).json()).toMatchObject({ status: 401, code: 'api_key_creator_not_admin' });
    expect((await useKey(adminKey)).statusCode).toBe(200);
    expect((await setRole('firm_admin')).statusCode).toBe(200);
    expect((await useKey(otherKey)).statusCode).toBe(200);
  });
});

describe('two-factor sign-in (TOTP)', () => {
  /** Enrols a user from a signed-in session; answers the secret and the recovery codes. */
  async function enrol(who: SignedIn) {
    const started = await post('/v1/me/mfa/totp', {}, who);
    expect(started.statusCode).toBe(200);
    const { secret, otpauthUri, qrCodeDataUrl } = started.json<{
      secret: string;
      otpauthUri: string;
      qrCodeDataUrl: string;
    }>();
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    const wrong = await post('/v1/me/mfa/totp/confirm', { code: totpCode(secret, Date.now() - 120_000) }, who);
    expect(wrong.json()).toMatchObject({ status: 400, code: 'mfa_code_invalid' });
    const confirmed = await post('/v1/me/mfa/totp/confirm', { code: totpCode(secret) }, who);
    expect(confirmed.statusCode).toBe(200);
    return { secret, recoveryCodes: confirmed.json<{ recoveryCodes: string[] }>().recoveryCodes };
  }

  const challenge = async (email: string) => {
    const response = await login(email, DEMO_PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(response.headers['set-cookie']).toBeUndefined();
    return response.json<{ mfaRequired?: true; mfaEnrolmentRequired?: true; mfaToken: string; accessToken?: string }>();
  };
  const verify = (payload: object) => post('/v1/auth/mfa', payload);

  it('enrols with a sealed secret; sign-in then asks for a code and accepts a valid one', async () => {
    const { people } = await freshFirm(['analyst']);
    const email = people.analyst!.email;
    const who = await signIn(h.app, email);
    const { secret, recoveryCodes } = await enrol(who);
    expect(recoveryCodes).toHaveLength(10);
    const [stored] = await h.database.db.select().from(userTotp).where(eq(userTotp.userId, who.userId));
    expect(stored!.secretSealed).not.toContain(secret);
    expect(stored!.confirmedAt).not.toBeNull();
    expect((await me(who)).json()).toMatchObject({ mfa: { enabled: true, required: false } });

    const step = await challenge(email);
    expect(Object.keys(step).sort()).toEqual(['expiresIn', 'mfaRequired', 'mfaToken']);
    expect(step).toMatchObject({ mfaRequired: true, expiresIn: 300 });
    expect(step.mfaToken).toMatch(/^[\w-]{43}$/);
    // the mfaToken is no access token
    const misuse = await h.app.inject({ url: '/v1/me', headers: { authorization: `Bearer ${step.mfaToken}` } });
    expect(misuse.statusCode).toBe(401);
    // the code of the next step (the enrolment spent the current one)
    const done = await verify({ mfaToken: step.mfaToken, code: totpCode(secret, Date.now() + 30_000) });
    expect(done.statusCode).toBe(200);
    const session = sessionOf(done);
    expect((await me(session)).statusCode).toBe(200);
    // the token finished its sign-in: it is spent
    const again = await verify({ mfaToken: step.mfaToken, code: totpCode(secret, Date.now() + 30_000) });
    expect(again.json()).toMatchObject({ status: 401, code: 'mfa_token_invalid' });
  });

  it('refuses an expired code and a reused one', async () => {
    const { people } = await freshFirm(['analyst']);
    const email = people.analyst!.email;
    const { secret } = await enrol(await signIn(h.app, email));

    const first = await challenge(email);
    const expired = await verify({ mfaToken: first.mfaToken, code: totpCode(secret, Date.now() - 3 * 30_000) });
    expect(expired.json()).toMatchObject({ status: 401, code: 'mfa_code_invalid' });
    const code = totpCode(secret, Date.now() + 30_000);
    expect((await verify({ mfaToken: first.mfaToken, code })).statusCode).toBe(200);

    const second = await challenge(email);
    const replay = await verify({ mfaToken: second.mfaToken, code });
    expect(replay.json()).toMatchObject({ status: 401, code: 'mfa_code_invalid' });
    // an earlier step than the last one used is a replay too, though still within the window
    const earlier = await verify({ mfaToken: second.mfaToken, code: totpCode(secret) });
    expect(earlier.json()).toMatchObject({ status: 401, code: 'mfa_code_invalid' });
  });

  it('accepts each recovery code once', async () => {
    const { people } = await freshFirm(['analyst']);
    const email = people.analyst!.email;
    const { recoveryCodes } = await enrol(await signIn(h.app, email));
    const first = await challenge(email);
    const used = await verify({ mfaToken: first.mfaToken, recoveryCode: recoveryCodes[0]!.toUpperCase() });
    expect(used.statusCode).toBe(200);
    const second = await challenge(email);
    const reused = await verify({ mfaToken: second.mfaToken, recoveryCode: recoveryCodes[0] });
    expect(reused.json()).toMatchObject({ status: 401, code: 'mfa_code_invalid' });
    expect((await verify({ mfaToken: second.mfaToken, recoveryCode: recoveryCodes[1] })).statusCode).toBe(200);
  });

  it('counts wrong codes toward the lockout', async () => {
    const { people } = await freshFirm(['analyst']);
    const email = people.analyst!.email;
    const { secret } = await enrol(await signIn(h.app, email));
    const step = await challenge(email);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await verify({ mfaToken: step.mfaToken, code: '000000' })).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const right = await verify({ mfaToken: step.mfaToken, code: totpCode(secret, Date.now() + 30_000) });
    expect(right.json()).toMatchObject({ status: 429, code: 'account_locked' });
    expect((await login(email, DEMO_PASSWORD)).statusCode).toBe(429);
  });

  it('is not skipped by accepting an invitation with the password alone', async () => {
    const { people } = await freshFirm(['analyst']);
    const email = people.analyst!.email;
    await enrol(await signIn(h.app, email));
    const other = await freshFirm(['firm_admin']);
    const admin = await signIn(h.app, other.people.firm_admin!.email);
    const sent = h.emails.length;
    const invited = await post(`/v1/firms/${other.firm.id}/invitations`, { email, role: 'viewer' }, admin);
    expect(invited.statusCode).toBe(201);
    const message = await waitFor(() => h.emails.slice(sent).findLast((m) => m.to === email), 'the invitation');
    const token = new URL(message.link!).searchParams.get('token')!;
    const accepted = await post('/v1/invitations/accept', { token, password: DEMO_PASSWORD });
    expect(accepted.json()).toMatchObject({ status: 403, code: 'mfa_sign_in_required' });
    expect(accepted.headers['set-cookie']).toBeUndefined();
    // the membership stands; signing in for the new firm asks for the code
    const step = await h.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email, password: DEMO_PASSWORD, firmId: other.firm.id },
    });
    expect(step.json()).toMatchObject({ mfaRequired: true });
  });

  it('turns off with the password and a current code', async () => {
    const { people } = await freshFirm(['analyst']);
    const email = people.analyst!.email;
    const who = await signIn(h.app, email);
    const { secret } = await enrol(who);
    const off = (payload: object) =>
      h.app.inject({ method: 'DELETE', url: '/v1/me/mfa', headers: who.headers, payload });
    const wrongPassword = await off({
      password: 'not the password at all',
      code: totpCode(secret, Date.now() + 30_000),
    });
    expect(wrongPassword.json()).toMatchObject({ status: 403, code: 'wrong_password' });
    expect((await off({ password: DEMO_PASSWORD, code: totpCode(secret, Date.now() + 30_000) })).statusCode).toBe(204);
    expect((await me(who)).json()).toMatchObject({ mfa: { enabled: false } });
    const plain = await login(email, DEMO_PASSWORD);
    expect(plain.json()).toHaveProperty('accessToken');
  });

  it('when the firm requires MFA, a member without it must enrol to finish signing in, and cannot turn it off', async () => {
    const { firm, people } = await freshFirm();
    const admin = await signIn(h.app, people.firm_admin!.email);
    const analystEmail = people.analyst!.email;
    const byAnalyst = await h.app.inject({
      method: 'PATCH',
      url: `/v1/firms/${firm.id}`,
      headers: (await signIn(h.app, analystEmail)).headers,
      payload: { requireMfa: true },
    });
    expect(byAnalyst.json()).toMatchObject({ status: 403, code: 'role_required' });
    const required = await h.app.inject({
      method: 'PATCH',
      url: `/v1/firms/${firm.id}`,
      headers: admin.headers,
      payload: { requireMfa: true },
    });
    expect(required.json()).toMatchObject({ id: firm.id, requireMfa: true });

    const step = await challenge(analystEmail);
    expect(Object.keys(step).sort()).toEqual(['expiresIn', 'mfaEnrolmentRequired', 'mfaToken']);
    expect(step).toMatchObject({ mfaEnrolmentRequired: true, expiresIn: 300 });
    expect(step.accessToken).toBeUndefined();
    const notYet = await verify({ mfaToken: step.mfaToken, code: '123456' });
    expect(notYet.json()).toMatchObject({ status: 400, code: 'mfa_step_mismatch' });

    const started = await post('/v1/auth/mfa/enrolment', { mfaToken: step.mfaToken });
    expect(started.statusCode).toBe(200);
    const { secret } = started.json<{ secret: string }>();
    const wrong = await post('/v1/auth/mfa/enrolment/confirm', { mfaToken: step.mfaToken, code: '000000' });
    expect(wrong.json()).toMatchObject({ status: 401, code: 'mfa_code_invalid' });
    const confirmed = await post('/v1/auth/mfa/enrolment/confirm', { mfaToken: step.mfaToken, code: totpCode(secret) });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json<{ recoveryCodes: string[] }>().recoveryCodes).toHaveLength(10);
    const analyst = sessionOf(confirmed);
    expect((await me(analyst)).json()).toMatchObject({ mfa: { enabled: true, required: true } });

    const off = await h.app.inject({
      method: 'DELETE',
      url: '/v1/me/mfa',
      headers: analyst.headers,
      payload: { password: DEMO_PASSWORD, code: totpCode(secret, Date.now() + 30_000) },
    });
    expect(off.json()).toMatchObject({ status: 403, code: 'mfa_required_by_firm' });
    // the next sign-in asks for a code, as for anyone with MFA
    expect(await challenge(analystEmail)).toMatchObject({ mfaRequired: true });
  });
});
