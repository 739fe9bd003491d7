// Single sign-on against a real OpenID Connect provider (oidc-provider on loopback): a firm admin
// sets it up and proves a domain, people of that domain sign in through it and are provisioned
// just in time, and forged, replayed or foreign answers are refused.
import { firmMemberships, ssoConnections, ssoLoginStates, users } from '@accord/db';
import { and, eq } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../apps/api/src/config.ts';
import {
  publishesVerification,
  txtResolverOf,
  verificationRecord,
} from '../../apps/api/src/modules/sso/sso.service.ts';
import { startDnsServer } from '../support/dns-server.ts';
import { startOidcProvider, type TestProvider } from '../support/oidc-provider.ts';
import { createFirm, DEMO_PASSWORD, signIn, startHarness, unique, type Harness, type SignedIn } from './harness.ts';

const REDIRECT_URI = 'http://portal.test/sso/callback';
const CLIENT_ID = 'accord';
const CLIENT_SECRET = 'a-client-secret-nobody-may-read-back';

/** TXT records the injected resolver answers. */
const txtRecords = new Map<string, string[][]>();

let h: Harness;
let idp: TestProvider;
let issuer: string;
let acme: Awaited<ReturnType<typeof createFirm>>;
let admin: SignedIn;
let domain: string;

/**
 * Plays the browser: follows the provider's redirects (keeping its cookies) from the authorization
 * URL until it sends us back to the portal's callback; answers the parameters it carries.
 */
async function throughProvider(authorizationUrl: string, as: string): Promise<URLSearchParams> {
  idp.signInAs(as);
  const cookies = new Map<string, string>();
  let url = authorizationUrl;
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const set of response.headers.getSetCookie()) {
      const [pair] = set.split(';');
      const [name, ...value] = pair!.split('=');
      cookies.set(name!.trim(), value.join('='));
    }
    const location = response.headers.get('location');
    if (!location) throw new Error(`the provider answered ${response.status}: ${await response.text()}`);
    const next = new URL(location, url);
    if (next.href.startsWith(REDIRECT_URI)) return next.searchParams;
    url = next.href;
  }
  throw new Error('too many redirects at the provider');
}

const startSso = (email: string, redirectTo?: string) =>
  h.app.inject({
    method: 'POST',
    url: '/v1/auth/sso/start',
    payload: { email, ...(redirectTo ? { redirectTo } : {}) },
  });

const callback = (params: URLSearchParams) =>
  h.app.inject({
    method: 'POST',
    url: '/v1/auth/sso/callback',
    payload: {
      state: params.get('state'),
      code: params.get('code'),
      ...(params.get('iss') ? { iss: params.get('iss') } : {}),
    },
  });

/** Starts a sign-in for `email` and logs in at the provider as `account`; answers what comes back. */
async function providerAnswer(email: string, account = email, redirectTo?: string) {
  const started = await startSso(email, redirectTo);
  expect(started.statusCode, started.body).toBe(200);
  const { authorizationUrl } = started.json<{ authorizationUrl: string }>();
  return { params: await throughProvider(authorizationUrl, account), authorizationUrl };
}

const person = (email: string, name: string) => idp.person(email, name);

const hashOf = (state: string) => createHash('sha256').update(state).digest('hex');

async function addDomain(who: SignedIn, name: string) {
  const response = await h.app.inject({
    method: 'POST',
    url: `/v1/firms/${who.firmId}/sso/domains`,
    headers: who.headers,
    payload: { domain: name },
  });
  return response;
}

const verify = (who: SignedIn, domainId: string) =>
  h.app.inject({ method: 'POST', url: `/v1/firms/${who.firmId}/sso/domains/${domainId}/verify`, headers: who.headers });

const putConnection = (who: SignedIn, body: object) =>
  h.app.inject({ method: 'PUT', url: `/v1/firms/${who.firmId}/sso`, headers: who.headers, payload: body });

beforeAll(async () => {
  idp = await startOidcProvider({ redirectUris: [REDIRECT_URI], clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  issuer = idp.issuer;
  h = await startHarness({
    sso: {
      allowHttpLoopback: true,
      resolveTxt: async (name) => {
        const records = txtRecords.get(name);
        if (!records) throw Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
        return records;
      },
    },
  });
  acme = await createFirm(h.database, unique('Acme Sso'), 'supplier', ['firm_admin', 'analyst']);
  admin = await signIn(h.app, acme.people.firm_admin!.email);
  domain = `${unique('acme')}.example`;
});
afterAll(async () => {
  await h.close();
  await idp.close();
});

describe('setting up single sign-on', () => {
  it('checks the issuer by discovery, stores the secret sealed and never answers it back', async () => {
    const unreachable = await putConnection(admin, {
      issuer: 'http://127.0.0.1:9',
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      defaultRole: 'analyst',
    });
    expect(unreachable.statusCode, unreachable.body).toBe(422);
    expect(unreachable.json()).toMatchObject({ code: 'issuer_unreachable' });
    // the private network and cloud metadata are never fetched, even with loopback allowed for this test
    for (const issuer of ['https://10.0.0.1', 'https://169.254.169.254/latest', 'https://[fd00::1]']) {
      const inside = await putConnection(admin, {
        issuer,
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        defaultRole: 'analyst',
      });
      expect(inside.statusCode, inside.body).toBe(422);
      expect(inside.json<{ code: string; detail: string }>()).toMatchObject({ code: 'issuer_invalid' });
      expect(inside.json<{ detail: string }>().detail).toContain('public internet');
    }
    const notHttps = await putConnection(admin, {
      issuer: 'http://idp.example',
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      defaultRole: 'analyst',
    });
    expect(notHttps.json()).toMatchObject({ code: 'issuer_invalid' });
    const firmAdminRole = await putConnection(admin, {
      issuer,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      defaultRole: 'firm_admin',
    });
    expect(firmAdminRole.statusCode).toBe(400);

    const put = await putConnection(admin, {
      issuer,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      defaultRole: 'analyst',
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({
      issuer,
      clientId: CLIENT_ID,
      hasSecret: true,
      defaultRole: 'analyst',
      ssoOnly: false,
      enabled: true,
      redirectUri: REDIRECT_URI,
    });
    expect(put.body).not.toContain(CLIENT_SECRET);
    const got = await h.app.inject({ url: `/v1/firms/${admin.firmId}/sso`, headers: admin.headers });
    expect(got.statusCode).toBe(200);
    expect(got.body).not.toContain(CLIENT_SECRET);
    expect(got.json()).not.toHaveProperty('clientSecret');
    const [stored] = await h.database.db.select().from(ssoConnections).where(eq(ssoConnections.firmId, admin.firmId));
    expect(stored!.clientSecretSealed).toMatch(/^v1\./);
    expect(stored!.clientSecretSealed).not.toContain(CLIENT_SECRET);
    // a change without a secret keeps the stored one
    const kept = await putConnection(admin, { issuer, clientId: CLIENT_ID, defaultRole: 'viewer' });
    expect(kept.statusCode, kept.body).toBe(200);
    const [after] = await h.database.db.select().from(ssoConnections).where(eq(ssoConnections.firmId, admin.firmId));
    expect(after!.clientSecretSealed).toBe(stored!.clientSecretSealed);
    expect(after!.defaultRole).toBe('viewer');
    expect((await putConnection(admin, { issuer, clientId: CLIENT_ID, defaultRole: 'analyst' })).statusCode).toBe(200);
  });

  it('verifies a domain only with the right DNS TXT record, and only for one firm', async () => {
    const rival = await createFirm(h.database, unique('Rival Sso'), 'retailer', ['firm_admin']);
    const rivalAdmin = await signIn(h.app, rival.people.firm_admin!.email);
    const rivalClaim = await addDomain(rivalAdmin, domain);
    expect(rivalClaim.statusCode, rivalClaim.body).toBe(201);

    const claimed = await addDomain(admin, domain.toUpperCase());
    expect(claimed.statusCode, claimed.body).toBe(201);
    const claim = claimed.json<{
      id: string;
      domain: string;
      verified: boolean;
      dnsRecordName: string;
      dnsRecordValue: string;
    }>();
    expect(claim).toMatchObject({ domain, verified: false, dnsRecordName: `_accord.${domain}` });
    expect(claim.dnsRecordValue).toMatch(/^accord-verification=/);
    expect((await addDomain(admin, domain)).statusCode).toBe(409);

    // no record, then a wrong one: refused
    expect((await verify(admin, claim.id)).json()).toMatchObject({ code: 'domain_verification_failed' });
    txtRecords.set(claim.dnsRecordName, [['accord-verification=someone-elses-token'], ['v=spf1 -all']]);
    const wrong = await verify(admin, claim.id);
    expect(wrong.statusCode).toBe(422);
    expect((await discover(`ann@${domain}`)).sso).toBe(false);

    // the right one (split into chunks, as long TXT records are)
    const value = claim.dnsRecordValue;
    txtRecords.set(claim.dnsRecordName, [['v=spf1 -all'], [value.slice(0, 10), value.slice(10)]]);
    const verified = await verify(admin, claim.id);
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json()).toMatchObject({ verified: true });

    // the rival published its own token too late: the domain is taken
    const rivalDomain = rivalClaim.json<{ id: string; dnsRecordName: string; dnsRecordValue: string }>();
    txtRecords.set(rivalDomain.dnsRecordName, [[rivalDomain.dnsRecordValue]]);
    const late = await verify(rivalAdmin, rivalDomain.id);
    expect(late.statusCode, late.body).toBe(409);
    expect(late.json()).toMatchObject({ code: 'domain_taken' });
    expect((await addDomain(rivalAdmin, domain)).statusCode).toBe(409);

    const listed = await h.app.inject({ url: `/v1/firms/${admin.firmId}/sso/domains`, headers: admin.headers });
    expect(listed.json<{ items: unknown[] }>().items).toEqual([expect.objectContaining({ domain, verified: true })]);
  });

  it('lets only the firm admin read or change it, and no other firm at all', async () => {
    const analyst = await signIn(h.app, acme.people.analyst!.email);
    for (const [method, url, payload] of [
      ['GET', `/v1/firms/${acme.firm.id}/sso`, undefined],
      ['PUT', `/v1/firms/${acme.firm.id}/sso`, { issuer, clientId: 'x', clientSecret: 'y', defaultRole: 'viewer' }],
      ['DELETE', `/v1/firms/${acme.firm.id}/sso`, undefined],
      ['GET', `/v1/firms/${acme.firm.id}/sso/domains`, undefined],
      ['POST', `/v1/firms/${acme.firm.id}/sso/domains`, { domain: 'analyst.example' }],
    ] as const) {
      const response = await h.app.inject({ method, url, headers: analyst.headers, ...(payload ? { payload } : {}) });
      expect(response.statusCode, `${method} ${url}`).toBe(403);
    }
    const other = await createFirm(h.database, unique('Other Sso'), 'retailer', ['firm_admin']);
    const otherAdmin = await signIn(h.app, other.people.firm_admin!.email);
    const foreign = await h.app.inject({ url: `/v1/firms/${acme.firm.id}/sso`, headers: otherAdmin.headers });
    expect(foreign.statusCode).toBe(404);
    const own = await h.app.inject({ url: `/v1/firms/${other.firm.id}/sso`, headers: otherAdmin.headers });
    expect(own.statusCode).toBe(404);
    const domains = await h.app.inject({ url: `/v1/firms/${other.firm.id}/sso/domains`, headers: otherAdmin.headers });
    expect(domains.json()).toEqual({ items: [] });
  });
});

async function discover(email: string) {
  const response = await h.app.inject({ url: `/v1/auth/sso/discover?email=${encodeURIComponent(email)}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ sso: boolean; ssoOnly: boolean; firm?: string }>();
}

describe('signing in through the provider', () => {
  it('tells which emails sign in through SSO, by domain only', async () => {
    expect(await discover(`nobody-${unique('x')}@${domain}`)).toEqual({
      sso: true,
      ssoOnly: false,
      firm: acme.firm.name,
    });
    expect(await discover('someone@unverified-or-unknown.example')).toEqual({ sso: false, ssoOnly: false });
    expect((await startSso('someone@unverified-or-unknown.example')).json()).toMatchObject({
      code: 'sso_not_available',
    });
  });

  it('provisions a new person just in time with the default role, and reuses them the next time', async () => {
    const email = person(`new.hire-${unique('p')}@${domain}`, 'New Hire');
    const { params, authorizationUrl } = await providerAnswer(email, email, '/networks');
    const asked = new URL(authorizationUrl);
    expect(asked.searchParams.get('code_challenge_method')).toBe('S256');
    expect(asked.searchParams.get('nonce')).toBeTruthy();
    expect(asked.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);

    const first = await callback(params);
    expect(first.statusCode, first.body).toBe(200);
    const session = first.json<{
      accessToken: string;
      user: { id: string; email: string; name: string };
      firm: { id: string; role: string };
      redirectTo: string;
    }>();
    expect(session).toMatchObject({
      user: { email, name: 'New Hire' },
      firm: { id: acme.firm.id, role: 'analyst' },
      redirectTo: '/networks',
    });
    expect(first.headers['set-cookie']).toContain('accord_refresh=');
    const me = await h.app.inject({ url: '/v1/me', headers: { authorization: `Bearer ${session.accessToken}` } });
    expect(me.statusCode).toBe(200);
    const [membership] = await h.database.db
      .select()
      .from(firmMemberships)
      .where(and(eq(firmMemberships.userId, session.user.id), eq(firmMemberships.firmId, acme.firm.id)));
    expect(membership!.role).toBe('analyst');

    const again = await callback((await providerAnswer(email)).params);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json<{ user: { id: string } }>().user.id).toBe(session.user.id);
    expect(await h.database.db.select().from(users).where(eq(users.email, email))).toHaveLength(1);
  });

  it('gives an existing person of the domain a membership, and refuses a deactivated member', async () => {
    const email = person(`existing-${unique('p')}@${domain}`, 'Existing Person');
    const [existing] = await h.database.db
      .insert(users)
      .values({ email, name: 'Existing Person', passwordHash: '' })
      .returning({ id: users.id });
    const signedIn = await callback((await providerAnswer(email)).params);
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    expect(signedIn.json<{ user: { id: string } }>().user.id).toBe(existing!.id);

    await h.database.db
      .update(firmMemberships)
      .set({ deactivatedAt: new Date() })
      .where(eq(firmMemberships.userId, existing!.id));
    const refused = await callback((await providerAnswer(email)).params);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'membership_deactivated' });
  });

  it('refuses an email of another domain than the firm verified', async () => {
    const outsider = person(`intruder-${unique('p')}@elsewhere.example`, 'Intruder');
    const { params } = await providerAnswer(`ann@${domain}`, outsider);
    const refused = await callback(params);
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'sso_domain_mismatch' });
    expect(await h.database.db.select().from(users).where(eq(users.email, outsider))).toHaveLength(0);
  });

  it('refuses a replayed state, and a forged one', async () => {
    const email = person(`replay-${unique('p')}@${domain}`, 'Replay');
    const { params } = await providerAnswer(email);
    expect((await callback(params)).statusCode).toBe(200);
    const replayed = await callback(params);
    expect(replayed.statusCode).toBe(400);
    expect(replayed.json()).toMatchObject({ code: 'sso_state_invalid' });

    const fresh = (await providerAnswer(email)).params;
    const forged = new URLSearchParams(fresh);
    forged.set('state', 'forged-state-the-api-never-issued');
    const refused = await callback(forged);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'sso_state_invalid' });
  });

  it('refuses an ID token issued for another nonce', async () => {
    const email = person(`nonce-${unique('p')}@${domain}`, 'Nonce');
    const { params } = await providerAnswer(email);
    await h.database.db
      .update(ssoLoginStates)
      .set({ nonce: 'a-nonce-of-another-sign-in' })
      .where(eq(ssoLoginStates.stateHash, hashOf(params.get('state')!)));
    const refused = await callback(params);
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'sso_nonce_invalid' });
  });

  it('refuses an expired sign-in', async () => {
    const email = person(`late-${unique('p')}@${domain}`, 'Late');
    const { params } = await providerAnswer(email);
    await h.database.db
      .update(ssoLoginStates)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(ssoLoginStates.stateHash, hashOf(params.get('state')!)));
    expect((await callback(params)).json()).toMatchObject({ code: 'sso_state_invalid' });
  });
});

describe('SSO only', () => {
  it('refuses password sign-in and reset links to people of the domain, but not to the firm admin', async () => {
    const email = person(`pw-${unique('p')}@${domain}`, 'Password Person');
    expect((await callback((await providerAnswer(email)).params)).statusCode).toBe(200);
    // give them a password, as if they had one from before SSO
    const [{ hashPassword }] = await Promise.all([import('../../apps/api/src/modules/auth/passwords.ts')]);
    await h.database.db
      .update(users)
      .set({ passwordHash: await hashPassword(DEMO_PASSWORD) })
      .where(eq(users.email, email));
    const login = (who: string) =>
      h.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email: who, password: DEMO_PASSWORD } });
    expect((await login(email)).statusCode).toBe(200);

    expect(
      (await putConnection(admin, { issuer, clientId: CLIENT_ID, defaultRole: 'analyst', ssoOnly: true })).statusCode,
    ).toBe(200);
    expect(await discover(email)).toMatchObject({ sso: true, ssoOnly: true });
    const refused = await login(email);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'sso_required' });
    // a wrong password still says only that
    const wrong = await h.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email, password: 'nope' } });
    expect(wrong.statusCode).toBe(401);

    const sentBefore = h.emails.length;
    const reset = await h.app.inject({ method: 'POST', url: '/v1/auth/password-reset', payload: { email } });
    expect(reset.statusCode).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.emails.slice(sentBefore).filter((m) => m.to === email)).toHaveLength(0);

    // SSO still works, and the firm admin (of another domain here) keeps password sign-in
    expect((await callback((await providerAnswer(email)).params)).statusCode).toBe(200);
    expect((await login(acme.people.firm_admin!.email)).statusCode).toBe(200);

    // switched off again, passwords work again
    expect(
      (await putConnection(admin, { issuer, clientId: CLIENT_ID, defaultRole: 'analyst', ssoOnly: false })).statusCode,
    ).toBe(200);
    expect((await login(email)).statusCode).toBe(200);
  });

  it('stops SSO sign-in when the connection is removed', async () => {
    const email = person(`gone-${unique('p')}@${domain}`, 'Gone');
    const { params } = await providerAnswer(email);
    const other = await createFirm(h.database, unique('Temp Sso'), 'retailer', ['firm_admin']);
    const otherAdmin = await signIn(h.app, other.people.firm_admin!.email);
    expect(
      (await h.app.inject({ method: 'DELETE', url: `/v1/firms/${other.firm.id}/sso`, headers: otherAdmin.headers }))
        .statusCode,
    ).toBe(404);
    const removed = await h.app.inject({
      method: 'DELETE',
      url: `/v1/firms/${admin.firmId}/sso`,
      headers: admin.headers,
    });
    expect(removed.statusCode).toBe(204);
    expect((await callback(params)).statusCode).toBe(400);
    expect(await discover(email)).toEqual({ sso: false, ssoOnly: false });
  });
});

describe('domain verification through the configured DNS servers', () => {
  it('asks the servers of ACCORD_DNS_SERVERS for the TXT record', async () => {
    const dns = await startDnsServer();
    try {
      const { dnsServers } = loadConfig({ ACCORD_DNS_SERVERS: ` 127.0.0.1:${dns.port} , `, JWT_SECRET: 'x' });
      expect(dnsServers).toEqual([`127.0.0.1:${dns.port}`]);
      const resolver = txtResolverOf(dnsServers);
      const { name, value } = verificationRecord('dns-check.example', 'the-token');
      // not there: NXDOMAIN counts as not published
      expect(await publishesVerification(resolver, 'dns-check.example', 'the-token')).toBe(false);
      // published in two chunks beside another record
      dns.records.set(name, [['v=spf1 -all'], [value.slice(0, 12), value.slice(12)]]);
      expect(await publishesVerification(resolver, 'dns-check.example', 'the-token')).toBe(true);
      expect(await publishesVerification(resolver, 'dns-check.example', 'another-token')).toBe(false);
    } finally {
      await dns.close();
    }
  });
});
