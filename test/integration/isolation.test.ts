// A firm never sees another firm's data: every route that takes an id answers 404 to a firm that
// has no business with it, and the database itself refuses the runtime role a handwritten query.
import { firmInvitations, firmMemberships, networks, notifications, userInvitations, users } from '@accord/db';
import { emptyStrategyContent, integrationLevels, spectrumIndicators, surveyItems } from '@accord/domain';
import { eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashPassword } from '../../apps/api/src/modules/auth/passwords.ts';
import { createFirm, DEMO_PASSWORD, signIn, startHarness, unique, type Harness, type SignedIn } from './harness.ts';

let h: Harness;
let victim: SignedIn;
let outsider: SignedIn;
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await startHarness();
  victim = await signIn(h.app, 'admin@northwind.example');
  const outside = await createFirm(h.database, 'Outsider Trading', 'distributor', ['firm_admin']);
  outsider = await signIn(h.app, outside.people.firm_admin!.email);
  const network = await h.app.inject({
    method: 'POST',
    url: '/v1/networks',
    headers: victim.headers,
    payload: { name: unique('Private pilot') },
  });
  const invitation = await h.app.inject({
    method: 'POST',
    url: `/v1/firms/${victim.firmId}/invitations`,
    headers: victim.headers,
    payload: { email: `${unique('private')}@northwind.example`, role: 'viewer' },
  });
  ids.networkId = network.json<{ id: string }>().id;
  ids.firmId = victim.firmId;
  ids.userId = victim.userId;
  ids.sessionId = (JSON.parse(Buffer.from(victim.token.split('.')[1]!, 'base64url').toString()) as { sid: string }).sid;
  ids.invitationId = invitation.json<{ id: string }>().id;
  const firmInvitation = await h.app.inject({
    method: 'POST',
    url: `/v1/networks/${ids.networkId}/firm-invitations`,
    headers: victim.headers,
    payload: { email: `${unique('partner')}@prospect.example`, chainRole: 'retailer' },
  });
  ids.firmInvitationId = firmInvitation.json<{ id: string }>().id;
  const apiKey = await h.app.inject({
    method: 'POST',
    url: `/v1/firms/${victim.firmId}/api-keys`,
    headers: victim.headers,
    payload: { name: 'victim pipeline', networkId: ids.networkId, datasets: ['transactions'] },
  });
  ids.apiKeyId = apiKey.json<{ id: string }>().id;
  const batch = await h.app.inject({
    method: 'POST',
    url: `/v1/networks/${ids.networkId}/feeds/transactions`,
    headers: { ...victim.headers, 'content-type': 'text/csv', 'idempotency-key': unique('victim') },
    payload:
      'order_id,line_no,occurred_at,customer_id,sku,quantity,net_amount,currency,channel\nv-1,1,2026-01-01,v@example.net,S,1,9.99,EUR,web\n',
  });
  ids.batchId = batch.json<{ id: string }>().id;
  const agreement = await h.app.inject({
    method: 'POST',
    url: `/v1/networks/${ids.networkId}/agreements`,
    headers: victim.headers,
    payload: { granteeFirmId: null, dataset: 'transactions', level: 'aggregate', purpose: 'pilot' },
  });
  ids.agreementId = agreement.json<{ id: string }>().id;
  ids.customerKey = 'a'.repeat(64);
  const scorecard = await h.app.inject({
    method: 'POST',
    url: `/v1/networks/${ids.networkId}/scorecards`,
    headers: victim.headers,
    payload: { periodKind: 'month' },
  });
  const card = scorecard.json<{
    id: string;
    measures: { id: string; code: string | null }[];
    periods: { id: string }[];
  }>();
  ids.scorecardId = card.id;
  ids.measureId = card.measures.find((m) => m.code === null)!.id;
  ids.periodId = card.periods[0]!.id;
  ids.period = card.periods[0]!.id;
  const action = await h.app.inject({
    method: 'POST',
    url: `/v1/networks/${ids.networkId}/scorecards/${ids.scorecardId}/periods/${ids.periodId}/measures/${ids.measureId}/actions`,
    headers: victim.headers,
    payload: { title: 'Private plan', ownerFirmId: victim.firmId, dueOn: '2030-01-01' },
  });
  ids.actionId = action.json<{ id: string }>().id;
  const insight = await h.app.inject({
    method: 'POST',
    url: `/v1/networks/${ids.networkId}/insights`,
    headers: victim.headers,
    payload: { title: 'Private', body: 'only us', audience: 'network' },
  });
  ids.insightId = insight.json<{ id: string }>().id;
  const version = await h.app.inject({
    method: 'POST',
    url: `/v1/networks/${ids.networkId}/strategy/versions`,
    headers: victim.headers,
    payload: { title: 'Private strategy' },
  });
  ids.versionId = version.json<{ id: string }>().id;
  const round = await h.app.inject({
    method: 'POST',
    url: `/v1/networks/${ids.networkId}/surveys`,
    headers: victim.headers,
    payload: { title: 'Private round', opensOn: '2026-01-01', closesOn: '2030-01-01' },
  });
  ids.roundId = round.json<{ id: string }>().id;
  ids.partnerFirmId = victim.firmId;
  ids.contactId = randomUUID();
  const [notification] = await h.database.db
    .insert(notifications)
    .values({ userId: victim.userId, firmId: victim.firmId, kind: 'test', title: 'Private' })
    .returning({ id: notifications.id });
  ids.notificationId = notification!.id;
  const ssoDomain = await h.app.inject({
    method: 'POST',
    url: `/v1/firms/${victim.firmId}/sso/domains`,
    headers: victim.headers,
    payload: { domain: `${unique('private')}.example` },
  });
  ids.domainId = ssoDomain.json<{ id: string }>().id;
});
afterAll(() => h.close());

const feed = {
  csv: 'order_id,line_no,occurred_at,customer_id,sku,quantity,net_amount,currency,channel\nx-1,1,2026-01-01,x@example.net,S,1,1.00,EUR,web\n',
};

// A valid body for each route that needs one, so the request reaches the tenancy check.
const bodies: Record<string, object | typeof feed | undefined> = {
  'GET /v1/firms/{firmId}': undefined,
  'GET /v1/firms/{firmId}/sso': undefined,
  'PUT /v1/firms/{firmId}/sso': {
    issuer: 'https://idp.example',
    clientId: 'forged',
    clientSecret: 'forged',
    defaultRole: 'viewer',
  },
  'DELETE /v1/firms/{firmId}/sso': undefined,
  'GET /v1/firms/{firmId}/sso/domains': undefined,
  'POST /v1/firms/{firmId}/sso/domains': { domain: 'forged.example' },
  'POST /v1/firms/{firmId}/sso/domains/{domainId}/verify': undefined,
  'DELETE /v1/firms/{firmId}/sso/domains/{domainId}': undefined,
  'PATCH /v1/firms/{firmId}': { requireMfa: true },
  'GET /v1/firms/{firmId}/users': undefined,
  'PATCH /v1/firms/{firmId}/users/{userId}': { role: 'viewer', active: false },
  'POST /v1/firms/{firmId}/users/{userId}/sessions/revoke': {},
  'DELETE /v1/me/sessions/{sessionId}': undefined,
  'DELETE /v1/firms/{firmId}/users/{userId}': undefined,
  'GET /v1/firms/{firmId}/invitations': undefined,
  'POST /v1/firms/{firmId}/invitations': { email: 'intruder@outsider.example', role: 'firm_admin' },
  'DELETE /v1/firms/{firmId}/invitations/{invitationId}': undefined,
  'GET /v1/networks/{networkId}': undefined,
  'PATCH /v1/networks/{networkId}': { name: 'Taken over' },
  'GET /v1/networks/{networkId}/members': undefined,
  'POST /v1/networks/{networkId}/members': { firmSlug: 'northwind' },
  'PATCH /v1/networks/{networkId}/members/{firmId}': { relationshipStage: 'transactional' },
  'GET /v1/networks/{networkId}/firm-invitations': undefined,
  'POST /v1/networks/{networkId}/firm-invitations': { email: 'intruder@outsider.example', chainRole: 'retailer' },
  'POST /v1/networks/{networkId}/firm-invitations/{firmInvitationId}/resend': {},
  'DELETE /v1/networks/{networkId}/firm-invitations/{firmInvitationId}': undefined,
  'POST /v1/networks/{networkId}/accept': {},
  'POST /v1/networks/{networkId}/decline': {},
  'GET /v1/firms/{firmId}/api-keys': undefined,
  'POST /v1/firms/{firmId}/api-keys': {
    name: 'stolen',
    networkId: '00000000-0000-4000-8000-000000000000',
    datasets: ['transactions'],
  },
  'DELETE /v1/firms/{firmId}/api-keys/{apiKeyId}': undefined,
  'POST /v1/networks/{networkId}/feeds/{dataset}': feed,
  'GET /v1/networks/{networkId}/batches': undefined,
  'GET /v1/networks/{networkId}/batches/{batchId}': undefined,
  'GET /v1/networks/{networkId}/batches/{batchId}/errors': undefined,
  'GET /v1/networks/{networkId}/datasets': undefined,
  'GET /v1/networks/{networkId}/hashing': undefined,
  'GET /v1/networks/{networkId}/agreements': undefined,
  'GET /v1/networks/{networkId}/dataset-catalog': undefined,
  'POST /v1/networks/{networkId}/agreements': {
    granteeFirmId: null,
    dataset: 'transactions',
    level: 'customer',
    purpose: 'stolen',
  },
  'POST /v1/networks/{networkId}/agreement-requests': {
    ownerFirmId: '00000000-0000-4000-8000-000000000000',
    dataset: 'transactions',
    level: 'customer',
    purpose: 'stolen',
  },
  'GET /v1/networks/{networkId}/agreements/{agreementId}': undefined,
  'POST /v1/networks/{networkId}/agreements/{agreementId}/approve': {},
  'POST /v1/networks/{networkId}/agreements/{agreementId}/decline': {},
  'POST /v1/networks/{networkId}/agreements/{agreementId}/revoke': {},
  'GET /v1/networks/{networkId}/aggregates/{dataset}': undefined,
  'GET /v1/firms/{firmId}/access-log': undefined,
  'GET /v1/networks/{networkId}/customers/{customerKey}': undefined,
  'POST /v1/networks/{networkId}/customers/lookup': { identifier: 'v@example.net' },
  'GET /v1/networks/{networkId}/insights': undefined,
  'POST /v1/networks/{networkId}/insights': { title: 'Forged', body: 'x', audience: 'network' },
  'GET /v1/networks/{networkId}/insights/{insightId}': undefined,
  'POST /v1/networks/{networkId}/insights/{insightId}/comments': { body: 'intrusion' },
  'GET /v1/networks/{networkId}/cost-model': undefined,
  'PUT /v1/networks/{networkId}/cost-model': {
    rates: {
      perOrder: 1,
      perOrderLine: 0,
      perDelivery: 0,
      perExpeditedDelivery: 0,
      perReturn: 0,
      perServiceCase: 0,
      perActivity: {},
    },
    clvMargin: null,
  },
  'POST /v1/networks/{networkId}/customer-value/recompute': {},
  'GET /v1/networks/{networkId}/customer-features': undefined,
  'GET /v1/networks/{networkId}/customer-value': undefined,
  'GET /v1/networks/{networkId}/clv-model': undefined,
  'GET /v1/networks/{networkId}/clv-model/diagnostics': undefined,
  'GET /v1/networks/{networkId}/segmentation-schemes': undefined,
  'POST /v1/networks/{networkId}/segmentation-schemes': {
    segments: [{ name: 'forged', conditions: [], treatment: '', valueProposition: '' }],
  },
  'GET /v1/networks/{networkId}/segment-labels': undefined,
  'PUT /v1/networks/{networkId}/segment-labels': { csv: 'customer_id,label\nvictim@example.net,forged\n' },
  'PUT /v1/networks/{networkId}/segment-label-mappings': { mappings: [] },
  'GET /v1/networks/{networkId}/segment-alignment': undefined,
  'GET /v1/networks/{networkId}/scorecards': undefined,
  'POST /v1/networks/{networkId}/scorecards': { name: 'Forged' },
  'GET /v1/networks/{networkId}/scorecards/{scorecardId}': undefined,
  'PATCH /v1/networks/{networkId}/scorecards/{scorecardId}': { name: 'Forged' },
  'POST /v1/networks/{networkId}/scorecards/{scorecardId}/measures': {
    perspective: 'relationship',
    name: 'Forged',
    unit: 'score',
    direction: 'higher',
    target: 1,
    green: 1,
    red: 0,
    weight: 1,
  },
  'PUT /v1/networks/{networkId}/scorecards/{scorecardId}/measures/{measureId}': {
    perspective: 'relationship',
    name: 'Forged',
    unit: 'score',
    direction: 'higher',
    target: 1,
    green: 1,
    red: 0,
    weight: 1,
  },
  'DELETE /v1/networks/{networkId}/scorecards/{scorecardId}/measures/{measureId}': undefined,
  'POST /v1/networks/{networkId}/scorecards/{scorecardId}/recompute': {},
  'GET /v1/networks/{networkId}/scorecards/{scorecardId}/periods/{period}': undefined,
  'GET /v1/networks/{networkId}/scorecards/{scorecardId}/periods/{periodId}/measures/{measureId}': undefined,
  'PUT /v1/networks/{networkId}/scorecards/{scorecardId}/periods/{periodId}/measures/{measureId}/manual-value': {
    value: 1,
    comment: 'forged',
  },
  'POST /v1/networks/{networkId}/scorecards/{scorecardId}/periods/{periodId}/measures/{measureId}/comments': {
    body: 'intrusion',
  },
  'POST /v1/networks/{networkId}/scorecards/{scorecardId}/periods/{periodId}/measures/{measureId}/actions': {
    title: 'Forged',
    ownerFirmId: '00000000-0000-4000-8000-000000000000',
    dueOn: '2030-01-01',
  },
  'GET /v1/networks/{networkId}/scorecard-actions': undefined,
  'PATCH /v1/networks/{networkId}/scorecard-actions/{actionId}': { status: 'done' },
  'POST /v1/networks/{networkId}/scorecards/{scorecardId}/periods/{periodId}/sign-off': {},
  'POST /v1/networks/{networkId}/scorecards/{scorecardId}/periods/{periodId}/close': {},
  'GET /v1/networks/{networkId}/people': undefined,
  'GET /v1/networks/{networkId}/strategy': undefined,
  'POST /v1/networks/{networkId}/strategy/versions': {},
  'GET /v1/networks/{networkId}/strategy/versions/{versionId}': undefined,
  'PUT /v1/networks/{networkId}/strategy/versions/{versionId}': { title: 'Forged', content: emptyStrategyContent() },
  'DELETE /v1/networks/{networkId}/strategy/versions/{versionId}': undefined,
  'POST /v1/networks/{networkId}/strategy/versions/{versionId}/submit': {},
  'POST /v1/networks/{networkId}/strategy/versions/{versionId}/return': {},
  'POST /v1/networks/{networkId}/strategy/versions/{versionId}/publish': {},
  'POST /v1/networks/{networkId}/strategy/versions/{versionId}/comments': { section: 'vision', body: 'Forged' },
  'POST /v1/networks/{networkId}/strategy/versions/{versionId}/decisions': { decision: 'signed' },
  'GET /v1/networks/{networkId}/strategy/diff': undefined,
  'POST /v1/networks/{networkId}/strategy/team': { userId: '00000000-0000-4000-8000-000000000000' },
  'DELETE /v1/networks/{networkId}/strategy/team/{userId}': undefined,
  'POST /v1/notifications/{notificationId}/read': {},
  'GET /v1/networks/{networkId}/partners': undefined,
  'GET /v1/networks/{networkId}/partners/{firmId}': undefined,
  'PUT /v1/networks/{networkId}/partners/{firmId}/assessment': {
    spectrum: Object.fromEntries(spectrumIndicators.map((k) => [k, 3])),
    integration: Object.fromEntries(integrationLevels.map((k) => [k, 3])),
  },
  'POST /v1/networks/{networkId}/partners/{firmId}/contacts': {
    userId: '00000000-0000-4000-8000-000000000000',
    role: 'Forged',
  },
  'DELETE /v1/networks/{networkId}/partners/{firmId}/contacts/{contactId}': undefined,
  'GET /v1/networks/{networkId}/surveys': undefined,
  'POST /v1/networks/{networkId}/surveys': { title: 'Forged', opensOn: '2026-01-01', closesOn: '2026-01-02' },
  'GET /v1/networks/{networkId}/surveys/{roundId}': undefined,
  'PUT /v1/networks/{networkId}/surveys/{roundId}/responses/{partnerFirmId}': {
    answers: Object.fromEntries(surveyItems.map((i) => [i.code, 3])),
  },
};

// Bodies for the operations without an id that a viewer may not call.
const writeBodies: Record<string, object | typeof feed | undefined> = {
  'POST /v1/networks': { name: 'Viewer network' },
};

describe('every route that takes an id', () => {
  it('answers 404 to another firm, and changes nothing', async () => {
    const document = h.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(document.paths)
      .filter(([path]) => path.includes('{'))
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    // a new route with an id must be added above, so it is checked too
    expect(routes.sort()).toEqual(Object.keys(bodies).sort());

    for (const route of routes) {
      const [method, path] = route.split(' ') as [string, string];
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) => {
        if (name === 'dataset') return 'transactions';
        expect(ids[name], `an id for {${name}}`).toBeDefined();
        return ids[name]!;
      });
      const body = bodies[route];
      const response = await h.app.inject({
        method: method as 'GET',
        url,
        headers: {
          ...outsider.headers,
          ...(body && 'csv' in body ? { 'content-type': 'text/csv', 'idempotency-key': unique('attack') } : {}),
        },
        ...(body ? { payload: 'csv' in body ? body.csv : body } : {}),
      });
      expect(response.statusCode, route).toBe(404);
      expect(response.json<{ code: string }>().code, route).toBe('not_found');
    }

    const [network] = await h.database.db.select().from(networks).where(eq(networks.id, ids.networkId!));
    expect(network!.name).toMatch(/^Private pilot/);
    const [invitation] = await h.database.db
      .select()
      .from(userInvitations)
      .where(eq(userInvitations.id, ids.invitationId!));
    expect(invitation!.revokedAt).toBeNull();
    const [firmInvitation] = await h.database.db
      .select()
      .from(firmInvitations)
      .where(eq(firmInvitations.id, ids.firmInvitationId!));
    expect(firmInvitation!.revokedAt).toBeNull();
    expect(
      await h.database.db.select().from(firmInvitations).where(eq(firmInvitations.email, 'intruder@outsider.example')),
    ).toHaveLength(0);
    const members = await h.app.inject({ url: `/v1/firms/${victim.firmId}/users`, headers: victim.headers });
    expect(members.json<{ items: Array<{ id: string; role: string }> }>().items).toContainEqual(
      expect.objectContaining({ id: victim.userId, role: 'firm_admin', deactivated: false }),
    );
    // the victim's session survived, and its firm still does not require MFA
    const firm = await h.app.inject({ url: `/v1/firms/${victim.firmId}`, headers: victim.headers });
    expect(firm.json()).toMatchObject({ requireMfa: false });
  });
});

// What a viewer may do besides reading: its own sign-in, sessions, password, MFA and notifications,
// and the reads that take a body. Everything else a viewer asks is refused with 403 role_required.
const viewerMay = new Set([
  'POST /v1/auth/login',
  'POST /v1/auth/mfa',
  'POST /v1/auth/mfa/enrolment',
  'POST /v1/auth/mfa/enrolment/confirm',
  'POST /v1/auth/password-reset',
  'POST /v1/auth/password-reset/complete',
  'POST /v1/auth/refresh',
  'POST /v1/auth/logout',
  'POST /v1/auth/sso/start',
  'POST /v1/auth/sso/callback',
  'POST /v1/auth/verify-email',
  'POST /v1/auth/verify-email/resend',
  'POST /v1/invitations/lookup',
  'POST /v1/invitations/accept',
  'POST /v1/signup',
  'POST /v1/me/sessions/revoke-others',
  'DELETE /v1/me/sessions/{sessionId}',
  'POST /v1/me/password',
  'POST /v1/me/mfa/totp',
  'POST /v1/me/mfa/totp/confirm',
  'DELETE /v1/me/mfa',
  'POST /v1/notifications/read-all',
  'POST /v1/notifications/{notificationId}/read',
  'POST /v1/networks/{networkId}/customers/lookup',
]);

describe('a viewer', () => {
  it('writes nothing: every operation that is not a read or its own account answers 403', async () => {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const [user] = await h.database.db
      .insert(users)
      .values({ email: `${unique('viewer')}@northwind.example`, name: 'Northwind viewer', passwordHash })
      .returning();
    await h.database.db.insert(firmMemberships).values({ firmId: victim.firmId, userId: user!.id, role: 'viewer' });
    const viewer = await signIn(h.app, user!.email);
    const document = h.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const writes = Object.entries(document.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`))
      .filter((route) => !route.startsWith('GET ') && !viewerMay.has(route));
    expect(writes.length).toBeGreaterThan(60);
    const allowed: string[] = [];
    for (const route of writes) {
      const [method, path] = route.split(' ') as [string, string];
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'dataset' ? 'transactions' : ids[name]!));
      const body = bodies[route] ?? writeBodies[route];
      const response = await h.app.inject({
        method: method as 'POST',
        url,
        headers: {
          ...viewer.headers,
          ...(body && 'csv' in body ? { 'content-type': 'text/csv', 'idempotency-key': unique('viewer') } : {}),
        },
        ...(body ? { payload: 'csv' in body ? (body as typeof feed).csv : body } : {}),
      });
      if (response.statusCode !== 403 || response.json<{ code: string }>().code !== 'role_required') {
        allowed.push(`${route}: ${response.statusCode} ${response.body.slice(0, 120)}`);
      }
    }
    expect(allowed).toEqual([]);
  });
});

describe('an empty change', () => {
  it('answers every PATCH with {} as a 4xx with a code, never a 500', async () => {
    const document = h.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const patches = Object.entries(document.paths)
      .filter(([, methods]) => 'patch' in methods)
      .map(([path]) => path);
    expect(patches.length).toBeGreaterThan(3);
    for (const path of patches) {
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name]!);
      const response = await h.app.inject({ method: 'PATCH', url, headers: victim.headers, payload: {} });
      expect(response.statusCode, `PATCH ${path}: ${response.body}`).toBeLessThan(500);
      if (response.statusCode >= 400) expect(response.json<{ code: string }>().code, path).toMatch(/^[a-z_]+$/);
    }
  });
});

describe('the runtime database role', () => {
  let sql: postgres.Sql;
  beforeAll(() => {
    sql = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} });
  });
  afterAll(() => sql.end());

  /** A handwritten query as the API's runtime role, acting for the given firm. */
  const asFirm = (
    firmId: string | null,
    query: (tx: postgres.TransactionSql) => postgres.PendingQuery<postgres.Row[]>,
  ) =>
    sql.begin(async (tx): Promise<postgres.Row[]> => {
      await tx`select set_config('app.firm_id', ${firmId ?? ''}, true), set_config('role', 'accord_app', true)`;
      return [...(await query(tx))];
    });

  it("cannot read another firm's rows", async () => {
    const seen = await asFirm(outsider.firmId, (tx) => tx`select id from networks`);
    expect(seen.map((r) => r.id as string)).not.toContain(ids.networkId);
    const firms = await asFirm(outsider.firmId, (tx) => tx`select id from firms`);
    expect(firms.map((r) => r.id as string)).toEqual([outsider.firmId]);
    const invitations = await asFirm(outsider.firmId, (tx) => tx`select id from user_invitations`);
    expect(invitations).toHaveLength(0);
    const firmInvitations = await asFirm(outsider.firmId, (tx) => tx`select id from firm_invitations`);
    expect(firmInvitations).toHaveLength(0);
    const verificationTokens = asFirm(outsider.firmId, (tx) => tx`select id from email_verification_tokens`);
    await expect(verificationTokens).rejects.toThrow(/permission denied/);
    const memberships = await asFirm(outsider.firmId, (tx) => tx`select firm_id from network_memberships`);
    expect(memberships).toHaveLength(0);
    // the victim sees its own network through the very same policies
    const own = await asFirm(victim.firmId, (tx) => tx`select id from networks where id = ${ids.networkId!}`);
    expect(own).toHaveLength(1);
  });

  it('sees nothing without a firm, and never password hashes', async () => {
    const [counts] = await asFirm(
      null,
      (tx) => tx`select (select count(*) from firms)::int as firms, (select count(*) from networks)::int as networks,
                        (select count(*) from users)::int as users, (select count(*) from refresh_tokens)::int as tokens`,
    );
    expect(counts).toEqual({ firms: 0, networks: 0, users: 0, tokens: 0 });
    await expect(asFirm(victim.firmId, (tx) => tx`select password_hash from users`)).rejects.toThrow(
      /permission denied/,
    );
  });

  it("cannot write into another firm's rows", async () => {
    await expect(
      asFirm(
        outsider.firmId,
        (tx) => tx`insert into networks (name, focal_firm_id) values ('Forged', ${victim.firmId})`,
      ),
    ).rejects.toThrow(/row-level security/);
    const updated = await asFirm(
      outsider.firmId,
      (tx) => tx`update networks set name = 'Forged' where id = ${ids.networkId!} returning id`,
    );
    expect(updated).toHaveLength(0);
  });

  it('is not the table owner, cannot bypass row-level security, and every table forces it', async () => {
    const [role] = await sql`select rolbypassrls, rolsuper from pg_roles where rolname = 'accord_app'`;
    expect(role).toEqual({ rolbypassrls: false, rolsuper: false });
    const tables = await sql`
      select c.relname, c.relrowsecurity, c.relforcerowsecurity, pg_get_userbyid(c.relowner) as owner
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')`;
    expect(tables.length).toBeGreaterThan(5);
    for (const t of tables as unknown as Array<{
      relname: string;
      relrowsecurity: boolean;
      relforcerowsecurity: boolean;
      owner: string;
    }>) {
      expect(t.owner).not.toBe('accord_app');
      if (t.relname.startsWith('staging_')) {
        // the templates of each load's temporary table: the runtime role has no rights on them at all
        const [privileges] = await sql`
          select has_table_privilege('accord_app', ${t.relname}, 'INSERT') as insert,
                 has_table_privilege('accord_app', ${t.relname}, 'SELECT') as select,
                 has_table_privilege('accord_app', ${t.relname}, 'UPDATE') as update,
                 has_table_privilege('accord_app', ${t.relname}, 'DELETE') as delete`;
        expect({ table: t.relname, ...privileges }).toEqual({
          table: t.relname,
          insert: false,
          select: false,
          update: false,
          delete: false,
        });
        continue;
      }
      expect({ table: t.relname, rls: t.relrowsecurity, force: t.relforcerowsecurity }).toEqual({
        table: t.relname,
        rls: true,
        force: true,
      });
    }
  });
});
