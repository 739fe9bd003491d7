import { refreshTokens } from '@accord/db';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFirm, refreshCookieOf, signIn, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const login = (email: string, password: string) =>
  h.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email, password } });
const refresh = (cookie: string, body?: object) =>
  h.app.inject({ method: 'POST', url: '/v1/auth/refresh', headers: { cookie }, ...(body ? { payload: body } : {}) });

describe('sign-in', () => {
  it('answers an access token and sets the refresh token as an httpOnly, SameSite=Lax cookie', async () => {
    const response = await login('admin@northwind.example', 'accord-demo');
    expect(response.statusCode).toBe(200);
    const body = response.json<{ accessToken: string; expiresIn: number; firm: { slug: string; role: string } }>();
    expect(body.expiresIn).toBe(900);
    expect(body.firm).toMatchObject({ slug: 'northwind', role: 'firm_admin' });
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^accord_refresh=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/v1/auth');
    expect(cookie).not.toContain('Secure'); // plain HTTP here; behind TLS the cookie is Secure
    expect(response.body).not.toContain(cookie.split(';')[0]!.split('=')[1]!);
    const [, payload] = body.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as { exp: number; iat: number };
    expect(claims.exp - claims.iat).toBe(900);
  });

  it('refuses a wrong password and an unknown email alike', async () => {
    const wrong = await login('admin@northwind.example', 'not-the-password');
    const unknown = await login('nobody@nowhere.example', 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(wrong.json()).toMatchObject({ code: 'invalid_credentials' });
    expect(unknown.json()).toEqual({ ...wrong.json() });
  });

  it('takes as long for an unknown email as for a wrong password', async () => {
    const time = async (email: string) => {
      const samples: number[] = [];
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        await login(email, 'not-the-password');
        samples.push(performance.now() - started);
      }
      return samples.sort((a, b) => a - b)[2]!;
    };
    // a throwaway account: five wrong passwords lock an account (the lock keeps the same cost)
    const { people } = await createFirm(h.database, 'Timing Traders', 'retailer', ['analyst']);
    const wrongPassword = await time(people.analyst!.email);
    const unknownEmail = await time('nobody@nowhere.example');
    // Without the decoy hash an unknown email answers in about a millisecond, not tens of them.
    expect(unknownEmail).toBeGreaterThan(wrongPassword * 0.5);
    expect(wrongPassword).toBeGreaterThan(5);
  });

  it('limits sign-in attempts per address and email', async () => {
    const limited = await startHarness({ loginRateLimit: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const r = await limited.app.inject({
          method: 'POST',
          url: '/v1/auth/login',
          payload: { email: 'manager@wingtip.example', password: 'guess' },
        });
        statuses.push(r.statusCode);
        if (r.statusCode === 429) expect(r.json()).toMatchObject({ code: 'rate_limited', status: 429 });
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
      // another email from the same address is not locked out by someone guessing this one
      const other = await limited.app.inject({
        method: 'POST',
        url: '/v1/auth/login',
        payload: { email: 'admin@wingtip.example', password: 'accord-demo' },
      });
      expect(other.statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('limits sign-in attempts per address across emails: one address cannot spray a password', async () => {
    const limited = await startHarness({ loginAddressLimit: 5 });
    try {
      const attempt = (i: number, remoteAddress = '192.0.2.10') =>
        limited.app.inject({
          method: 'POST',
          url: '/v1/auth/login',
          remoteAddress,
          payload: { email: `sprayed-${i}@wingtip.example`, password: 'Summer2026!' },
        });
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await attempt(i)).statusCode);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
      const refused = await attempt(6);
      expect(refused.json()).toMatchObject({ code: 'rate_limited', status: 429 });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      // the same address asking for password resets of many accounts is limited the same way
      const resets: number[] = [];
      for (let i = 0; i < 6; i++) {
        const r = await limited.app.inject({
          method: 'POST',
          url: '/v1/auth/password-reset',
          remoteAddress: '192.0.2.11',
          payload: { email: `reset-${i}@wingtip.example` },
        });
        resets.push(r.statusCode);
      }
      expect(resets.slice(-1)).toEqual([429]);
      expect(resets.filter((status) => status === 429)).toHaveLength(1);
      // another address is not refused for it, and many people signing in behind one address are not stopped
      expect((await attempt(7, '192.0.2.20')).statusCode).toBe(401);
      for (let i = 0; i < 8; i++) {
        const signedIn = await limited.app.inject({
          method: 'POST',
          url: '/v1/auth/login',
          remoteAddress: '192.0.2.30',
          payload: { email: 'admin@wingtip.example', password: 'accord-demo' },
        });
        expect(signedIn.statusCode).toBe(200);
      }
    } finally {
      await limited.close();
    }
  });
});

/** Makes the user's spent refresh tokens look spent a minute ago: past the reuse grace. */
async function spentLongAgo(userId: string) {
  await h.database.db
    .update(refreshTokens)
    .set({ usedAt: sql`${refreshTokens.usedAt} - interval '1 minute'` })
    .where(and(eq(refreshTokens.userId, userId), isNotNull(refreshTokens.usedAt)));
}

describe('refresh tokens', () => {
  it('rotate on every refresh, and reuse of a spent token ends the whole sign-in', async () => {
    const session = await signIn(h.app, 'manager@contoso.example');
    const first = await refresh(session.refreshCookie);
    expect(first.statusCode).toBe(200);
    const second = refreshCookieOf(first.headers['set-cookie']);
    expect(second).not.toBe(session.refreshCookie);
    const access = first.json<{ accessToken: string }>().accessToken;
    expect((await h.app.inject({ url: '/v1/me', headers: { authorization: `Bearer ${access}` } })).statusCode).toBe(
      200,
    );

    // presented again after the grace two tabs refreshing at once are given
    await spentLongAgo(session.userId);
    const replay = await refresh(session.refreshCookie);
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({ code: 'refresh_token_reused' });
    // the thief's replay also killed the legitimate newer token of the same family
    const legit = await refresh(second);
    expect(legit.statusCode).toBe(401);
    expect(legit.json()).toMatchObject({ code: 'refresh_token_revoked' });
    // other sign-ins of the same user are untouched
    const elsewhere = await signIn(h.app, 'manager@contoso.example');
    expect((await refresh(elsewhere.refreshCookie)).statusCode).toBe(200);
  });

  it('answers two refreshes with one token at the same moment alike, without ending the sign-in', async () => {
    const session = await signIn(h.app, 'manager@contoso.example');
    const [a, b] = await Promise.all([refresh(session.refreshCookie), refresh(session.refreshCookie)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    // and a third within the grace (a retried request), after both finished
    const c = await refresh(session.refreshCookie);
    expect(c.statusCode).toBe(200);
    // every successor still refreshes: the family was not revoked
    for (const answer of [a, b, c])
      expect((await refresh(refreshCookieOf(answer.headers['set-cookie']))).statusCode).toBe(200);
  });

  it('refuses a missing or unknown refresh token', async () => {
    const missing = await h.app.inject({ method: 'POST', url: '/v1/auth/refresh' });
    expect(missing.json()).toMatchObject({ status: 401, code: 'refresh_token_missing' });
    const unknown = await refresh('accord_refresh=made-up-token-made-up-token-made-up-token');
    expect(unknown.json()).toMatchObject({ status: 401, code: 'refresh_token_invalid' });
  });

  it('switches the acting firm only to a firm the user belongs to', async () => {
    const session = await signIn(h.app, 'analyst@fabrikam.example');
    const northwind = await signIn(h.app, 'admin@northwind.example');
    const refused = await refresh(session.refreshCookie, { firmId: northwind.firmId });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'not_a_member' });
    // a refused switch spends nothing: the same token still refreshes
    expect(refused.headers['set-cookie']).toBeUndefined();
    expect((await refresh(session.refreshCookie)).statusCode).toBe(200);
  });

  it('logout ends the sign-in and clears the cookie', async () => {
    const session = await signIn(h.app, 'analyst@litware.example');
    const out = await h.app.inject({
      method: 'POST',
      url: '/v1/auth/logout',
      headers: { cookie: session.refreshCookie },
    });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/accord_refresh=;.*Expires=Thu, 01 Jan 1970/);
    const after = await refresh(session.refreshCookie);
    expect(after.json()).toMatchObject({ status: 401, code: 'refresh_token_revoked' });
  });
});

describe('access tokens', () => {
  const sign = (claims: object, secret: string) => {
    const part = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}`;
    return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
  };

  it('answers 401 problems for missing, expired and forged tokens', async () => {
    const session = await signIn(h.app, 'admin@tailspin.example');
    const now = Math.floor(Date.now() / 1000);
    const cases = [
      { headers: {}, code: 'token_missing' },
      {
        headers: {
          authorization: `Bearer ${sign({ sub: session.userId, firm: session.firmId, iat: now - 1000, exp: now - 100 }, 'integration-secret-integration-secret')}`,
        },
        code: 'token_expired',
      },
      {
        headers: {
          authorization: `Bearer ${sign({ sub: session.userId, firm: session.firmId, iat: now, exp: now + 900 }, 'guessed-secret')}`,
        },
        code: 'token_invalid',
      },
      { headers: { authorization: 'Bearer not.a.jwt' }, code: 'token_invalid' },
    ];
    for (const c of cases) {
      const r = await h.app.inject({ url: '/v1/me', headers: c.headers });
      expect(r.statusCode, c.code).toBe(401);
      expect(r.json(), c.code).toMatchObject({ code: c.code });
    }
  });

  it('stops working for a user removed from the firm, before it expires', async () => {
    const admin = await signIn(h.app, 'admin@adventure.example');
    const analyst = await signIn(h.app, 'analyst@adventure.example');
    expect((await h.app.inject({ url: '/v1/me', headers: analyst.headers })).statusCode).toBe(200);
    const removed = await h.app.inject({
      method: 'DELETE',
      url: `/v1/firms/${admin.firmId}/users/${analyst.userId}`,
      headers: admin.headers,
    });
    expect(removed.statusCode).toBe(204);
    const after = await h.app.inject({ url: '/v1/me', headers: analyst.headers });
    expect(after.json()).toMatchObject({ status: 401, code: 'membership_revoked' });
  });
});

describe('GET /v1/me', () => {
  it('names the user, the acting firm, the firms and the networks', async () => {
    const session = await signIn(h.app, 'admin@northwind.example');
    const me = (await h.app.inject({ url: '/v1/me', headers: session.headers })).json<{
      user: { email: string };
      firm: { slug: string; chainRole: string };
      firms: unknown[];
      networks: Array<{ name: string; status: string }>;
    }>();
    expect(me.user.email).toBe('admin@northwind.example');
    expect(me.firm).toMatchObject({ slug: 'northwind', chainRole: 'manufacturer' });
    expect(me.firms).toHaveLength(1);
    expect(me.networks).toContainEqual(
      expect.objectContaining({ name: 'Northwind Appliances value chain', status: 'active' }),
    );
  });
});
