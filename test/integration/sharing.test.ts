// Sharing agreements decide, in the database, which of another firm's fact rows a firm can read: a
// visibility matrix over every dataset and every case, queried by hand as the runtime role; the
// aggregate grants' k; and the access log, which the runtime role can only append to.
import { customerKey, datasets, type Dataset } from '@accord/domain';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createFirm, signIn, startHarness, unique, type Harness, type SignedIn } from './harness.ts';

let h: Harness;
let sql: postgres.Sql;
let networkId: string;
/** owner O shares; G and M are active members; U is a firm outside the network. */
const firm: Record<'O' | 'G' | 'M' | 'U', string> = { O: '', G: '', M: '', U: '' };
const admin: Partial<Record<keyof typeof firm, SignedIn>> = {};
const ROWS = 3;
const viewers: Partial<Record<keyof typeof firm, string>> = {};

beforeAll(async () => {
  h = await startHarness();
  sql = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} });
  for (const name of ['O', 'G', 'M', 'U'] as const) {
    const created = await createFirm(h.database, `Sharing ${name}`, 'retailer', ['firm_admin', 'viewer']);
    firm[name] = created.firm.id;
    admin[name] = await signIn(h.app, created.people.firm_admin!.email);
    viewers[name] = created.people.viewer!.email;
  }
  const [network] = await sql`insert into networks (name, focal_firm_id) values (${unique('Sharing')}, ${firm.O})
                              returning id`;
  networkId = network!.id as string;
  for (const name of ['O', 'G', 'M'] as const) {
    await sql`insert into network_memberships (network_id, firm_id, chain_role, status, joined_at)
              values (${networkId}, ${firm[name]}, 'retailer', 'active', now())`;
  }
  const batch = '00000000-0000-4000-8000-000000000001';
  for (let i = 1; i <= ROWS; i++) {
    const key = String(i).padStart(64, 'a');
    await sql`insert into transactions (network_id, firm_id, customer_key, batch_id, order_id, line_no, occurred_at,
                sku, quantity, net_amount, currency, channel)
              values (${networkId}, ${firm.O}, ${key}, ${batch}, ${`o-${i}`}, 1,
                      date_trunc('month', now()) - interval '2 months' + interval '9 days', 'S', 1, 9.99, 'EUR', 'web')`;
    await sql`insert into shipments (network_id, firm_id, customer_key, batch_id, shipment_id, order_id, carrier,
                promised_at, expedited, cost_amount)
              values (${networkId}, ${firm.O}, ${key}, ${batch}, ${`s-${i}`}, ${`o-${i}`}, 'DHL', now(), false, 4.5)`;
    await sql`insert into service_cases (network_id, firm_id, customer_key, batch_id, case_id, opened_at, channel,
                category)
              values (${networkId}, ${firm.O}, ${key}, ${batch}, ${`c-${i}`}, now(), 'phone', 'delivery')`;
    await sql`insert into activities (network_id, firm_id, customer_key, batch_id, activity, occurred_at, quantity)
              values (${networkId}, ${firm.O}, ${key}, ${batch}, 'order_change', now(), 1)`;
  }
});
afterAll(async () => {
  await sql?.end();
  await h?.close();
});

/** Runs a query as the runtime role acting for a firm, as every request does. */
function asFirm<T extends readonly postgres.Row[]>(
  firmId: string,
  query: (tx: postgres.TransactionSql) => Promise<T>,
): Promise<T> {
  return sql.begin(async (tx) => {
    await tx`select set_config('app.firm_id', ${firmId}, true), set_config('role', 'accord_app', true)`;
    return query(tx);
  }) as Promise<T>;
}

interface View360 {
  partners: Array<{ firm: { id: string }; channels: Array<{ lines: number }> }>;
  shipments: Array<{ firm: { id: string } }>;
  serviceCases: Array<{ firm: { id: string } }>;
  activities: Array<{ firm: { id: string }; count: number }>;
  hidden: Array<{ firm: { id: string }; datasets: string[] }>;
}

function throwIfNot(condition: boolean, message: string) {
  if (!condition) throw new Error(message);
}

interface Grant {
  grantee: 'G' | null;
  level: 'customer' | 'aggregate';
  dataset?: Dataset;
  status?: 'active' | 'requested' | 'revoked' | 'declined';
  /** Days from today. */
  starts?: number;
  ends?: number;
  k?: number;
}

const visible = { none: { O: 3, G: 0, M: 0, U: 0 }, toG: { O: 3, G: 3, M: 0, U: 0 }, all: { O: 3, G: 3, M: 3, U: 0 } };

const cases: Array<{ name: string; grants: Grant[]; expected: Record<keyof typeof firm, number> }> = [
  { name: 'no agreement: only the owner', grants: [], expected: visible.none },
  { name: 'customer level to one firm', grants: [{ grantee: 'G', level: 'customer' }], expected: visible.toG },
  {
    name: 'customer level to the whole network',
    grants: [{ grantee: null, level: 'customer' }],
    expected: visible.all,
  },
  { name: 'aggregate level only: no rows', grants: [{ grantee: 'G', level: 'aggregate' }], expected: visible.none },
  {
    name: 'customer and aggregate level together: the stricter wins',
    grants: [
      { grantee: 'G', level: 'customer' },
      { grantee: null, level: 'aggregate' },
    ],
    expected: visible.none,
  },
  { name: 'revoked', grants: [{ grantee: 'G', level: 'customer', status: 'revoked' }], expected: visible.none },
  {
    name: 'requested, not approved',
    grants: [{ grantee: 'G', level: 'customer', status: 'requested' }],
    expected: visible.none,
  },
  { name: 'declined', grants: [{ grantee: 'G', level: 'customer', status: 'declined' }], expected: visible.none },
  {
    name: 'expired yesterday',
    grants: [{ grantee: 'G', level: 'customer', starts: -10, ends: -1 }],
    expected: visible.none,
  },
  { name: 'ends today', grants: [{ grantee: 'G', level: 'customer', starts: -10, ends: 0 }], expected: visible.toG },
  { name: 'not yet started', grants: [{ grantee: 'G', level: 'customer', starts: 1 }], expected: visible.none },
];

async function grant(dataset: Dataset, g: Grant) {
  const status = g.status ?? 'active';
  await sql`insert into sharing_agreements (network_id, owner_firm_id, grantee_firm_id, dataset, level,
              min_group_size, purpose, starts_on, ends_on, status)
            values (${networkId}, ${firm.O}, ${g.grantee ? firm[g.grantee] : null}, ${g.dataset ?? dataset}, ${g.level},
              ${g.k ?? 50}, 'joint planning', current_date + ${g.starts ?? 0}::int,
              ${g.ends === undefined ? null : sql`current_date + ${g.ends}::int`}, ${status})`;
}

describe('the visibility matrix', () => {
  for (const dataset of datasets) {
    for (const c of cases) {
      it(`${dataset}: ${c.name}`, async () => {
        await sql`delete from sharing_agreements where network_id = ${networkId}`;
        for (const g of c.grants) await grant(dataset, g);
        const seen: Record<string, number> = {};
        for (const name of Object.keys(firm) as Array<keyof typeof firm>) {
          const rows = await asFirm(firm[name], (tx) => tx`select firm_id from ${tx(dataset)}`);
          seen[name] = rows.filter((r) => r.firm_id === firm.O).length;
        }
        expect(seen).toEqual(c.expected);
        // the same through the API: the Customer 360 of O's first customer
        const throughApi: Record<string, number> = {};
        for (const name of Object.keys(firm) as Array<keyof typeof firm>) {
          const response = await h.app.inject({
            url: `/v1/networks/${networkId}/customers/${'1'.padStart(64, 'a')}`,
            headers: admin[name]!.headers,
          });
          if (response.statusCode === 404) {
            throwIfNot(name === 'U', `${name} got 404`);
            throughApi[name] = 0;
            continue;
          }
          const view = response.json<View360>();
          const rows =
            dataset === 'transactions'
              ? view.partners.filter((p) => p.firm.id === firm.O).flatMap((p) => p.channels.map((ch) => ch.lines))
              : dataset === 'activities'
                ? view.activities.filter((a) => a.firm.id === firm.O).map((a) => a.count)
                : (dataset === 'shipments' ? view.shipments : view.serviceCases)
                    .filter((r) => r.firm.id === firm.O)
                    .map(() => 1);
          throughApi[name] = rows.reduce((a, b) => a + b, 0);
        }
        const oneCustomer = Object.fromEntries(Object.entries(c.expected).map(([k, v]) => [k, v > 0 ? 1 : 0]));
        expect(throughApi).toEqual(oneCustomer);
      });
    }
    it(`${dataset}: an agreement for another dataset grants nothing here`, async () => {
      await sql`delete from sharing_agreements where network_id = ${networkId}`;
      const other = datasets.find((d) => d !== dataset)!;
      await grant(dataset, { grantee: null, level: 'customer', dataset: other });
      const rows = await asFirm(firm.G, (tx) => tx`select 1 from ${tx(dataset)} where firm_id = ${firm.O}`);
      expect(rows).toHaveLength(0);
    });
  }

  it('a network-wide grant ends for a member that leaves the network', async () => {
    await sql`delete from sharing_agreements where network_id = ${networkId}`;
    await grant('transactions', { grantee: null, level: 'customer' });
    await sql`update network_memberships set status = 'declined' where network_id = ${networkId} and firm_id = ${firm.M}`;
    try {
      const rows = await asFirm(firm.M, (tx) => tx`select 1 from transactions where firm_id = ${firm.O}`);
      expect(rows).toHaveLength(0);
    } finally {
      await sql`update network_memberships set status = 'active' where network_id = ${networkId} and firm_id = ${firm.M}`;
    }
  });
});

describe('aggregate grants', () => {
  it('allow groups of at least the largest k of the aggregate agreements that apply, 1 for customer level', async () => {
    await sql`delete from sharing_agreements where network_id = ${networkId}`;
    await grant('transactions', { grantee: 'G', level: 'aggregate', k: 20 });
    await grant('transactions', { grantee: null, level: 'aggregate', k: 80 });
    await grant('shipments', { grantee: 'G', level: 'customer' });
    const k = async (dataset: Dataset) =>
      (await asFirm(firm.G, (tx) => tx`select min_group_size from app_aggregate_grants(${dataset})`)).map(
        (r) => r.min_group_size as number,
      );
    expect(await k('transactions')).toEqual([80]);
    expect(await k('shipments')).toEqual([1]);
    expect(await k('activities')).toEqual([]);
  });
});

describe('agreements themselves', () => {
  it('are seen by both sides, and by every member when granted to the network', async () => {
    await sql`delete from sharing_agreements where network_id = ${networkId}`;
    await grant('transactions', { grantee: 'G', level: 'customer' });
    await grant('shipments', { grantee: null, level: 'aggregate' });
    const count = async (name: keyof typeof firm) =>
      (await asFirm(firm[name], (tx) => tx`select dataset from sharing_agreements where network_id = ${networkId}`))
        .length;
    expect({ O: await count('O'), G: await count('G'), M: await count('M'), U: await count('U') }).toEqual({
      O: 2,
      G: 2,
      M: 1,
      U: 0,
    });
  });

  it('are granted only by the owner, asked for only by the grantee, and decided only by the owner', async () => {
    await sql`delete from sharing_agreements where network_id = ${networkId}`;
    const insert = (actor: string, owner: string, grantee: string, status: string) =>
      asFirm(
        actor,
        (
          tx,
        ) => tx`insert into sharing_agreements (network_id, owner_firm_id, grantee_firm_id, dataset, level, purpose, status)
                   values (${networkId}, ${owner}, ${grantee}, 'transactions', 'customer', 'x', ${status}) returning id`,
      );
    // G cannot grant itself O's data, nor "request" on behalf of M
    await expect(insert(firm.G, firm.O, firm.G, 'active')).rejects.toThrow(/row-level security/);
    await expect(insert(firm.G, firm.O, firm.M, 'requested')).rejects.toThrow(/row-level security/);
    // U is no member: it can neither ask nor grant
    await expect(insert(firm.U, firm.O, firm.U, 'requested')).rejects.toThrow(/row-level security/);
    const [request] = await insert(firm.G, firm.O, firm.G, 'requested');
    const approvedByG = await asFirm(
      firm.G,
      (tx) => tx`update sharing_agreements set status = 'active' where id = ${request!.id as string} returning id`,
    );
    expect(approvedByG).toHaveLength(0);
    const approvedByO = await asFirm(
      firm.O,
      (tx) => tx`update sharing_agreements set status = 'active' where id = ${request!.id as string} returning id`,
    );
    expect(approvedByO).toHaveLength(1);
    await expect(
      asFirm(firm.O, (tx) => tx`delete from sharing_agreements where id = ${request!.id as string}`),
    ).rejects.toThrow(/permission denied/);
  });
});

describe('the access log', () => {
  it('takes a reader’s own entries, shows them to the owner, and cannot be changed by the runtime role', async () => {
    const entry = (reader: string, owner: string) =>
      asFirm(
        reader,
        (
          tx,
        ) => tx`insert into access_log (network_id, owner_firm_id, reader_firm_id, dataset, level, purpose, reading, row_count)
                   values (${networkId}, ${owner}, ${reader}, 'transactions', 'customer', 'joint planning', 'test', 3)
                   returning id`,
      );
    const [written] = await entry(firm.G, firm.O);
    // a firm cannot write entries in another reader's name, nor log reading its own data
    await expect(
      asFirm(
        firm.G,
        (tx) => tx`insert into access_log (network_id, owner_firm_id, reader_firm_id, dataset, level, purpose, reading)
                   values (${networkId}, ${firm.O}, ${firm.M}, 'transactions', 'customer', 'x', 'forged')`,
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(entry(firm.O, firm.O)).rejects.toThrow(/row-level security/);
    const id = written!.id as string;
    const ownerSees = await asFirm(firm.O, (tx) => tx`select reading from access_log where id = ${id}`);
    expect(ownerSees).toEqual([{ reading: 'test' }]);
    const otherSees = await asFirm(firm.M, (tx) => tx`select 1 from access_log where id = ${id}`);
    expect(otherSees).toHaveLength(0);
    await expect(asFirm(firm.O, (tx) => tx`update access_log set row_count = 0 where id = ${id}`)).rejects.toThrow(
      /permission denied/,
    );
    await expect(asFirm(firm.G, (tx) => tx`delete from access_log where id = ${id}`)).rejects.toThrow(
      /permission denied/,
    );
  });
});

describe('the agreements API', () => {
  const call = (who: SignedIn, method: 'GET' | 'POST', url: string, payload?: object) =>
    h.app.inject({
      method,
      url: `/v1/networks/${networkId}${url}`,
      headers: who.headers,
      ...(payload ? { payload } : {}),
    });
  const visibleToG = async () =>
    (await asFirm(firm.G, (tx) => tx`select 1 from transactions where firm_id = ${firm.O}`)).length;

  beforeAll(async () => {
    await sql`delete from sharing_agreements where network_id = ${networkId}`;
  });

  it('grants, shows both sides, and revokes at once', async () => {
    const granted = await call(admin.O!, 'POST', '/agreements', {
      granteeFirmId: firm.G,
      dataset: 'transactions',
      level: 'customer',
      purpose: 'Joint campaign planning',
    });
    expect(granted.statusCode).toBe(201);
    const agreement = granted.json<{ id: string }>();
    expect(agreement).toMatchObject({
      owner: { id: firm.O, name: 'Sharing O' },
      grantee: { id: firm.G, name: 'Sharing G' },
      status: 'active',
      inEffect: true,
      requested: false,
      minGroupSize: 50,
    });
    expect(await visibleToG()).toBe(ROWS);
    const seenByG = await call(admin.G!, 'GET', '/agreements?side=received');
    expect(seenByG.json<{ items: Array<{ id: string }> }>().items.map((a) => a.id)).toContain(agreement.id);
    const seenByM = await call(admin.M!, 'GET', '/agreements');
    expect(seenByM.json<{ items: Array<{ id: string }> }>().items.map((a) => a.id)).not.toContain(agreement.id);
    expect((await call(admin.M!, 'GET', `/agreements/${agreement.id}`)).statusCode).toBe(404);

    // only the owner revokes
    const byGrantee = await call(admin.G!, 'POST', `/agreements/${agreement.id}/revoke`);
    expect(byGrantee.json()).toMatchObject({ status: 403, code: 'owner_required' });
    const revoked = await call(admin.O!, 'POST', `/agreements/${agreement.id}/revoke`, { reason: 'Campaign over' });
    expect(revoked.json()).toMatchObject({ status: 'revoked', inEffect: false, decisionReason: 'Campaign over' });
    expect(await visibleToG()).toBe(0);
    const again = await call(admin.O!, 'POST', `/agreements/${agreement.id}/revoke`);
    expect(again.json()).toMatchObject({ status: 409, code: 'invalid_transition' });
  });

  it('takes requests from partners, which the owner approves or declines', async () => {
    const asked = await call(admin.G!, 'POST', '/agreement-requests', {
      ownerFirmId: firm.O,
      dataset: 'transactions',
      level: 'aggregate',
      minGroupSize: 25,
      purpose: 'Segment sizing',
    });
    expect(asked.statusCode).toBe(201);
    const request = asked.json<{ id: string }>();
    expect(request).toMatchObject({ status: 'requested', requested: true, level: 'aggregate', minGroupSize: 25 });
    const pending = await call(admin.O!, 'GET', '/agreements?status=requested&side=granted');
    expect(pending.json<{ items: Array<{ id: string }> }>().items.map((a) => a.id)).toEqual([request.id]);
    expect((await call(admin.G!, 'POST', `/agreements/${request.id}/approve`)).statusCode).toBe(403);
    const approved = await call(admin.O!, 'POST', `/agreements/${request.id}/approve`);
    expect(approved.json()).toMatchObject({ status: 'active', inEffect: true });
    const k = await asFirm(firm.G, (tx) => tx`select min_group_size from app_aggregate_grants('transactions')`);
    expect(k).toEqual([{ min_group_size: 25 }]);

    const second = await call(admin.M!, 'POST', '/agreement-requests', {
      ownerFirmId: firm.O,
      dataset: 'shipments',
      level: 'customer',
      purpose: 'Delivery follow-up',
    });
    const declined = await call(admin.O!, 'POST', `/agreements/${second.json<{ id: string }>().id}/decline`, {
      reason: 'Not needed for the plan',
    });
    expect(declined.json()).toMatchObject({ status: 'declined', decisionReason: 'Not needed for the plan' });
  });

  it('refuses bad terms with clear problems', async () => {
    const terms = { dataset: 'transactions', level: 'customer', purpose: 'x' };
    const outsider = await call(admin.O!, 'POST', '/agreements', { ...terms, granteeFirmId: firm.U });
    expect(outsider.json()).toMatchObject({ status: 422, code: 'not_an_active_member' });
    const self = await call(admin.O!, 'POST', '/agreements', { ...terms, granteeFirmId: firm.O });
    expect(self.json()).toMatchObject({ status: 422, code: 'own_firm' });
    const dates = await call(admin.O!, 'POST', '/agreements', {
      ...terms,
      granteeFirmId: null,
      startsOn: '2026-05-01',
      endsOn: '2026-04-01',
    });
    expect(dates.json()).toMatchObject({ status: 422, code: 'invalid_dates' });
    const smallK = await call(admin.O!, 'POST', '/agreements', { ...terms, granteeFirmId: null, minGroupSize: 1 });
    expect(smallK.statusCode).toBe(400);
    const viewer = await signIn(h.app, viewers.O!);
    const byViewer = await call(viewer, 'POST', '/agreements', { ...terms, granteeFirmId: null });
    expect(byViewer.json()).toMatchObject({ status: 403, code: 'role_required' });
    const fromOutside = await h.app.inject({
      method: 'GET',
      url: `/v1/networks/${networkId}/agreements`,
      headers: admin.U!.headers,
    });
    expect(fromOutside.statusCode).toBe(404);
  });
});

describe('aggregates and the access log through the API', () => {
  it('writes exactly one access-log entry per other firm read, none for own data, and shows it to the owner', async () => {
    await sql`delete from sharing_agreements where network_id = ${networkId}`;
    await grant('transactions', { grantee: 'G', level: 'aggregate', k: 2 });
    const logged = async () =>
      Number(
        (await sql`select count(*) from access_log where owner_firm_id = ${firm.O} and reading like 'aggregates%'`)[0]!
          .count,
      );
    const before = await logged();
    const read = await h.app.inject({
      url: `/v1/networks/${networkId}/aggregates/transactions?by=channel`,
      headers: admin.G!.headers,
    });
    expect(read.statusCode).toBe(200);
    expect(read.json<{ items: unknown[] }>().items).toEqual([
      expect.objectContaining({
        owner: { id: firm.O, name: 'Sharing O' },
        group: 'web',
        customers: ROWS,
        minGroupSize: 2,
      }),
    ]);
    expect(await logged()).toBe(before + 1);
    const own = await h.app.inject({
      url: `/v1/networks/${networkId}/aggregates/transactions?by=channel`,
      headers: admin.O!.headers,
    });
    expect(own.json<{ items: Array<{ minGroupSize: number }> }>().items).toEqual([
      expect.objectContaining({ minGroupSize: 1, customers: ROWS }),
    ]);
    expect(await logged()).toBe(before + 1);

    const log = await h.app.inject({ url: `/v1/firms/${firm.O}/access-log?limit=1`, headers: admin.O!.headers });
    expect(log.json<{ items: unknown[] }>().items).toEqual([
      expect.objectContaining({
        reader: { id: firm.G, name: 'Sharing G' },
        readerUser: expect.objectContaining({ id: admin.G!.userId }) as unknown,
        dataset: 'transactions',
        level: 'aggregate',
        purpose: 'joint planning',
        reading: 'aggregates by channel',
        groupCount: 1,
        rowCount: ROWS,
      }),
    ]);
    const csv = await h.app.inject({ url: `/v1/firms/${firm.O}/access-log?format=csv`, headers: admin.O!.headers });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.split('\n')[0]).toBe(
      'at,network_id,reader,reader_user,reader_api_key_id,dataset,level,purpose,reading,rows,groups',
    );
    expect(csv.body).toContain(',Sharing G,');
    // the reader cannot read the owner's log
    const foreign = await h.app.inject({ url: `/v1/firms/${firm.O}/access-log`, headers: admin.G!.headers });
    expect(foreign.statusCode).toBe(404);
  });

  it('exports an access log of many pages to its last entry, newest first, formulas defused', async () => {
    // five pages and a row: the export runs page after page to the last entry (no cap: it once stopped at 1,000,000)
    const entries = 25_001;
    await sql`insert into access_log (network_id, owner_firm_id, reader_firm_id, dataset, level, purpose, reading, row_count)
              select ${networkId}, ${firm.M}, ${firm.G}, 'transactions', 'aggregate', '=HYPERLINK("x")', 'bulk ' || i, i
              from generate_series(1, ${entries}) i`;
    try {
      const csv = await h.app.inject({ url: `/v1/firms/${firm.M}/access-log?format=csv`, headers: admin.M!.headers });
      expect(csv.statusCode).toBe(200);
      const lines = csv.body.split('\n').filter((l) => l.length > 0);
      expect(lines).toHaveLength(entries + 1);
      expect(lines[1]).toContain(`,bulk ${entries},${entries},`);
      expect(lines.at(-1)).toContain(',bulk 1,1,');
      expect(lines[1]).toContain(`,"'=HYPERLINK(""x"")",`);
    } finally {
      await sql`delete from access_log where owner_firm_id = ${firm.M} and reading like 'bulk %'`;
    }
  });

  it('answers 400 for a dimension the dataset does not have', async () => {
    const read = await h.app.inject({
      url: `/v1/networks/${networkId}/aggregates/activities?by=carrier`,
      headers: admin.G!.headers,
    });
    expect(read.json()).toMatchObject({ status: 400, code: 'invalid_dimension' });
  });
});

describe('Customer 360', () => {
  it('shows granted partners, names the hidden ones, logs each firm and dataset read, and hashes identifiers', async () => {
    await sql`delete from sharing_agreements where network_id = ${networkId}`;
    await grant('transactions', { grantee: 'G', level: 'customer' });
    const key = '2'.padStart(64, 'a');
    // a recompute the grant set off logs its own reads; count the customer 360's only
    const logged360 = async () =>
      Number(
        (await sql`select count(*) from access_log where owner_firm_id = ${firm.O} and reading = 'customer 360'`)[0]!
          .count,
      );
    const before = await logged360();
    const view = await h.app.inject({ url: `/v1/networks/${networkId}/customers/${key}`, headers: admin.G!.headers });
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({
      customerKey: key,
      partners: [
        {
          firm: { id: firm.O, name: 'Sharing O' },
          channels: [{ channel: 'web', orders: 1, lines: 1 }],
          spend: [{ currency: 'EUR', net: '9.990000', refunds: '0', shareOfWallet: 1 }],
        },
      ],
      shipments: [],
      serviceCases: [],
      activities: [],
      hidden: [{ firm: { id: firm.O, name: 'Sharing O' }, datasets: ['shipments', 'service_cases', 'activities'] }],
    });
    const entries = await sql`select dataset, level, reading, row_count, purpose from access_log
                              where owner_firm_id = ${firm.O} and reading = 'customer 360' order by id desc limit 1`;
    expect(entries).toEqual([
      { dataset: 'transactions', level: 'customer', reading: 'customer 360', row_count: 1, purpose: 'joint planning' },
    ]);
    expect(await logged360()).toBe(before + 1);
    // naming O among the hidden holders is a hint about O's data: logged for O, per dataset
    const hints = await sql`select dataset, row_count from access_log
                            where owner_firm_id = ${firm.O} and reader_firm_id = ${firm.G}
                              and reading = 'customer 360: held, not granted' order by id desc limit 3`;
    expect(hints.map((e) => e.dataset as string).sort()).toEqual(['activities', 'service_cases', 'shipments']);

    // by raw identifier: hashed with the network's key, the same key a feed's customer_id gets
    const [network] = await sql`select hashing_key from networks where id = ${networkId}`;
    const email = 'Someone@Example.net';
    const hashed = customerKey(network!.hashing_key as string, email);
    await sql`insert into transactions (network_id, firm_id, customer_key, batch_id, order_id, line_no, occurred_at,
                sku, quantity, net_amount, currency, channel)
              values (${networkId}, ${firm.O}, ${hashed}, '00000000-0000-4000-8000-000000000001', 'o-email', 1, now(),
                'S', -1, -5.00, 'EUR', 'store')`;
    const lookup = await h.app.inject({
      method: 'POST',
      url: `/v1/networks/${networkId}/customers/lookup`,
      headers: admin.G!.headers,
      payload: { identifier: email },
    });
    expect(lookup.json()).toMatchObject({
      customerKey: hashed,
      partners: [{ returnedLines: 1, spend: [{ net: '-5.000000', refunds: '5.000000' }] }],
    });
  });
});

describe('Customer 360 activities', () => {
  it('sums each firm’s activities per code and logs the read once per firm and dataset', async () => {
    await sql`delete from sharing_agreements where network_id = ${networkId}`;
    await grant('activities', { grantee: 'G', level: 'customer' });
    const key = '3'.padStart(64, 'a');
    await sql`insert into activities (network_id, firm_id, customer_key, batch_id, activity, occurred_at, quantity)
              values (${networkId}, ${firm.O}, ${key}, '00000000-0000-4000-8000-000000000001', 'order_change',
                '2026-01-05T10:00:00Z', 2.5),
                     (${networkId}, ${firm.O}, ${key}, '00000000-0000-4000-8000-000000000001', 'return_pickup',
                '2026-01-07T09:00:00Z', 1)`;
    const loggedFrom = Number((await sql`select coalesce(max(id), 0) as at from access_log`)[0]!.at);
    // customer 3 already has one order_change from the matrix's fixtures, at now()
    const view = await h.app.inject({ url: `/v1/networks/${networkId}/customers/${key}`, headers: admin.G!.headers });
    expect(view.statusCode).toBe(200);
    const body = view.json<{ activities: Array<{ activity: string; lastAt: string }> }>();
    const order = body.activities.find((a) => a.activity === 'order_change')!;
    expect(body.activities).toEqual([
      {
        firm: { id: firm.O, name: 'Sharing O' },
        activity: 'order_change',
        count: 2,
        quantity: '3.500000',
        firstAt: '2026-01-05T10:00:00.000Z',
        lastAt: order.lastAt,
      },
      {
        firm: { id: firm.O, name: 'Sharing O' },
        activity: 'return_pickup',
        count: 1,
        quantity: '1.000000',
        firstAt: '2026-01-07T09:00:00.000Z',
        lastAt: '2026-01-07T09:00:00.000Z',
      },
    ]);
    const entries = await sql`select owner_firm_id, reader_firm_id, dataset, level, reading, row_count from access_log
                              where id > ${loggedFrom} and reading = 'customer 360' order by id`;
    expect(entries).toEqual([
      {
        owner_firm_id: firm.O,
        reader_firm_id: firm.G,
        dataset: 'activities',
        level: 'customer',
        reading: 'customer 360',
        row_count: 3,
      },
    ]);
    // M has no agreement: no activities, and not even told that O holds any (a raw email would make that
    // an oracle of who knows a person), nothing logged
    const forM = await h.app.inject({ url: `/v1/networks/${networkId}/customers/${key}`, headers: admin.M!.headers });
    expect(forM.json()).toMatchObject({ activities: [], hidden: [] });
    expect((await sql`select 1 from access_log where id > ${loggedFrom} and reading = 'customer 360'`).length).toBe(1);
    expect((await sql`select 1 from access_log where id > ${loggedFrom} and reader_firm_id = ${firm.M}`).length).toBe(
      0,
    );
  });
});

describe('the dataset catalog', () => {
  const catalog = (who: SignedIn) =>
    h.app.inject({ url: `/v1/networks/${networkId}/dataset-catalog`, headers: who.headers });
  const loadedAt = { transactions: '2026-02-02T08:00:00.000Z', activities: '2026-02-03T08:00:00.000Z' };

  beforeAll(async () => {
    await sql`delete from sharing_agreements where network_id = ${networkId}`;
    const batch = async (owner: keyof typeof firm, dataset: Dataset, status: string, finishedAt: string | null) =>
      sql`insert into feed_batches (network_id, firm_id, dataset, format, compressed, idempotency_key, on_error,
            ignore_unknown, status, rows_received, rows_accepted, finished_at)
          values (${networkId}, ${firm[owner]}, ${dataset}, 'csv', false, ${unique('catalog')}, 'skip', false,
            ${status}, 1000, 1000, ${finishedAt})`;
    await batch('O', 'transactions', 'succeeded', '2026-02-01T08:00:00Z');
    await batch('O', 'transactions', 'succeeded', loadedAt.transactions);
    await batch('O', 'transactions', 'failed', '2026-02-04T08:00:00Z');
    await batch('O', 'shipments', 'failed', '2026-02-01T08:00:00Z'); // never published
    await batch('O', 'activities', 'succeeded', loadedAt.activities);
    await batch('G', 'service_cases', 'succeeded', '2026-02-05T08:00:00Z');
    // in force on O's transactions
    await grant('transactions', { grantee: 'G', level: 'customer' });
    await grant('transactions', { grantee: null, level: 'aggregate', k: 30 });
    await grant('transactions', { grantee: 'G', level: 'customer', starts: -10, ends: 0 });
    // not in force
    await grant('transactions', { grantee: null, level: 'customer', status: 'revoked' });
    await grant('transactions', { grantee: 'G', level: 'aggregate', status: 'requested' });
    await grant('transactions', { grantee: 'G', level: 'aggregate', status: 'declined' });
    await grant('transactions', { grantee: 'G', level: 'customer', starts: -10, ends: -1 });
    await grant('transactions', { grantee: null, level: 'customer', starts: 1 });
    await grant('activities', { grantee: 'G', level: 'customer', status: 'revoked' });
    // G's service cases to O, and O's shipments (not published: not in the catalog)
    await sql`insert into sharing_agreements (network_id, owner_firm_id, grantee_firm_id, dataset, level, purpose, status)
              values (${networkId}, ${firm.G}, ${firm.O}, 'service_cases', 'customer', 'returns', 'active')`;
    await grant('shipments', { grantee: null, level: 'customer' });
  });

  it('lists what each member published, and the agreements in force on it that the reader is party to', async () => {
    const expected = [
      {
        owner: { id: firm.G, name: 'Sharing G' },
        dataset: 'service_cases',
        batches: 1,
        lastLoadedAt: '2026-02-05T08:00:00.000Z',
        sharedWith: [{ grantee: { id: firm.O, name: 'Sharing O' }, level: 'customer', minGroupSize: 50 }],
      },
      {
        owner: { id: firm.O, name: 'Sharing O' },
        dataset: 'transactions',
        batches: 2,
        lastLoadedAt: loadedAt.transactions,
        sharedWith: [
          { grantee: null, level: 'aggregate', minGroupSize: 30 },
          { grantee: { id: firm.G, name: 'Sharing G' }, level: 'customer', minGroupSize: 50 },
          { grantee: { id: firm.G, name: 'Sharing G' }, level: 'customer', minGroupSize: 50 },
        ],
      },
      {
        owner: { id: firm.O, name: 'Sharing O' },
        dataset: 'activities',
        batches: 1,
        lastLoadedAt: loadedAt.activities,
        sharedWith: [],
      },
    ];
    for (const who of ['O', 'G'] as const) {
      const response = await catalog(admin[who]!);
      expect(response.statusCode, who).toBe(200);
      expect(response.json(), who).toEqual({ items: expected, nextCursor: null });
    }
    // M sees the network-wide agreements, not those between O and G
    const byM = await catalog(admin.M!);
    expect(byM.json()).toEqual({
      items: [
        { ...expected[0], sharedWith: [] },
        { ...expected[1], sharedWith: [{ grantee: null, level: 'aggregate', minGroupSize: 30 }] },
        expected[2],
      ],
      nextCursor: null,
    });
  });

  it('shows no row counts', async () => {
    const response = await catalog(admin.M!);
    for (const item of response.json<{ items: object[] }>().items) {
      expect(Object.keys(item).sort()).toEqual(['batches', 'dataset', 'lastLoadedAt', 'owner', 'sharedWith']);
    }
    expect(response.body).not.toMatch(/rows|1000|customers/i);
  });

  it('is 404 to a firm outside the network, and the function answers it nothing', async () => {
    const response = await catalog(admin.U!);
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ status: 404, code: 'not_found' });
    const rows = await asFirm(firm.U, (tx) => tx`select * from app_dataset_catalog(${networkId})`);
    expect(rows).toHaveLength(0);
    // while the batches themselves stay each firm's own
    const batches = await asFirm(firm.M, (tx) => tx`select 1 from feed_batches where network_id = ${networkId}`);
    expect(batches).toHaveLength(0);
  });
});

describe('joint knowledge', () => {
  const post = (who: SignedIn, url: string, payload: object) =>
    h.app.inject({ method: 'POST', url: `/v1/networks/${networkId}${url}`, headers: who.headers, payload });
  const titles = async (who: SignedIn, query = '') =>
    (await h.app.inject({ url: `/v1/networks/${networkId}/insights${query}`, headers: who.headers }))
      .json<{ items: Array<{ title: string }> }>()
      .items.map((i) => i.title);

  it('shares with the network or chosen partners, renders Markdown safely, and takes comments from readers', async () => {
    const everyone = await post(admin.O!, '/insights', {
      title: 'Weekend demand',
      body: '**Saturdays** sell 30% more. <script>alert(1)</script> [see](javascript:alert(1)) [report](https://example.com/r)',
      tags: ['Demand', 'weekly'],
      dataset: 'transactions',
      audience: 'network',
    });
    expect(everyone.statusCode).toBe(201);
    const html = everyone.json<{ bodyHtml: string; tags: string[] }>();
    expect(html.tags).toEqual(['demand', 'weekly']);
    expect(html.bodyHtml).toContain('<strong>Saturdays</strong>');
    expect(html.bodyHtml).not.toMatch(/<script|javascript:/);
    expect(html.bodyHtml).toContain('<a href="https://example.com/r" rel="noopener noreferrer nofollow">report</a>');

    const chosen = await post(admin.O!, '/insights', {
      title: 'Returns at store 7',
      body: 'Only for G.',
      audience: 'firms',
      readerFirmIds: [firm.G],
    });
    const chosenId = chosen.json<{ id: string }>().id;
    expect(await titles(admin.G!)).toEqual(expect.arrayContaining(['Weekend demand', 'Returns at store 7']));
    expect(await titles(admin.M!)).toContain('Weekend demand');
    expect(await titles(admin.M!)).not.toContain('Returns at store 7');
    expect(await titles(admin.M!, '?tag=demand')).toEqual(['Weekend demand']);
    expect(
      (await h.app.inject({ url: `/v1/networks/${networkId}/insights/${chosenId}`, headers: admin.M!.headers }))
        .statusCode,
    ).toBe(404);
    expect(
      (await h.app.inject({ url: `/v1/networks/${networkId}/insights`, headers: admin.U!.headers })).statusCode,
    ).toBe(404);

    expect((await post(admin.M!, `/insights/${chosenId}/comments`, { body: 'me too' })).statusCode).toBe(404);
    const commented = await post(admin.G!, `/insights/${chosenId}/comments`, { body: 'We see the _same_.' });
    expect(commented.json()).toMatchObject({
      comments: [
        { author: { firm: { id: firm.G, name: 'Sharing G' } }, bodyHtml: '<p>We see the <em>same</em>.</p>\n' },
      ],
    });

    const outsiderReader = await post(admin.O!, '/insights', {
      title: 'x',
      body: 'x',
      audience: 'firms',
      readerFirmIds: [firm.U],
    });
    expect(outsiderReader.json()).toMatchObject({ status: 422, code: 'not_an_active_member' });
    const noReaders = await post(admin.O!, '/insights', { title: 'x', body: 'x', audience: 'firms' });
    expect(noReaders.json()).toMatchObject({ status: 422, code: 'readers_required' });
  });
});
