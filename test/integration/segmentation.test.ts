// Customer value and joint segmentation on real PostgreSQL, through the API: the CDNOW sample pushed as a
// retailer's feed gives back the published BG/NBD and Gamma-Gamma fits; a firm's features use only what
// it was granted; cost-to-serve prices each firm's activities by its own rates; the focal firm publishes
// the joint scheme and a retailer's labels align to it.
import { cdnowSampleCsv, TRANSACTIONS_HEADER } from '@accord/fixtures/cdnow';
import { costToServe, customerKey, type ActivityRates } from '@accord/domain';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { makerAndTwoRetailers, pushFeed, startHarness, type Harness, type SignedIn } from './harness.ts';

let h: Harness;
let sql: postgres.Sql;
let networkId: string;
let hashingKey: string;
/** M: the focal manufacturer; R1 holds the CDNOW sample; R2 a few customers of its own and shared ones. */
const as: Record<'M' | 'R1' | 'R2', SignedIn> = {} as never;

interface Snapshot {
  id: string;
  asOf: string;
  customers: number;
  startedAt: string;
  settings: { schemeVersion: number | null } | null;
}
interface Feature {
  customer_key: string;
  frequency: number;
  net_revenue: string;
  cost_of_goods: string;
  cost_to_serve: string;
  profit: string;
  clv_12m: number | null;
  segment: string | null;
  wallet_shares: Record<string, number>;
}
interface FeaturePage {
  snapshot: Snapshot | null;
  computing: boolean;
  lastError: string | null;
  items: Feature[];
  nextCursor: string | null;
}

function call(who: SignedIn, method: 'GET' | 'POST' | 'PUT', path: string, payload?: unknown, contentType?: string) {
  return h.app.inject({
    method,
    url: `/v1/networks/${networkId}${path}`,
    headers: { ...who.headers, ...(contentType ? { 'content-type': contentType } : {}) },
    ...(payload === undefined ? {} : { payload: payload as string }),
  });
}

async function ingest(who: SignedIn, dataset: string, csv: string) {
  expect((await pushFeed(h.app, who, networkId, dataset, csv)).rowsRejected).toBe(0);
}

/** Asks for a recompute and waits for a snapshot started after the ask, with nothing computing after it. */
async function recomputed(who: SignedIn): Promise<Snapshot> {
  const since = Date.now();
  const asked = await call(who, 'POST', '/customer-value/recompute', {});
  expect(asked.statusCode, asked.body).toBe(202);
  for (let i = 0; i < 1200; i++) {
    const page = (await call(who, 'GET', '/customer-features?limit=1')).json<FeaturePage>();
    if (page.lastError) throw new Error(`recompute failed: ${page.lastError}`);
    if (page.snapshot && Date.parse(page.snapshot.startedAt) >= since - 5 && !page.computing) return page.snapshot;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('recompute did not finish');
}

async function allFeatures(who: SignedIn, query = 'sort=profit&order=desc'): Promise<Feature[]> {
  const all: Feature[] = [];
  let cursor: string | null = null;
  do {
    const response = await call(
      who,
      'GET',
      `/customer-features?limit=500&${query}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json<FeaturePage>();
    // the answered features, and nothing the page was sorted or cut by
    for (const item of page.items) expect(Object.keys(item)).not.toContain('sort_value');
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

const keyOf = (id: string) => customerKey(hashingKey, id);

beforeAll(async () => {
  h = await startHarness();
  sql = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} });
  const made = await makerAndTwoRetailers(h, 'Value', ['firm_admin', 'manager', 'analyst']);
  ({ networkId, hashingKey } = made);
  Object.assign(as, made.as);
  await ingest(as.R1, 'transactions', cdnowSampleCsv().csv);
  // R2: two CDNOW customers also buy there, and one customer only buys there
  await ingest(
    as.R2,
    'transactions',
    [
      TRANSACTIONS_HEADER,
      'r2-1,1,1997-03-01,cdnow-0001,VINYL,1,100.00,USD,store',
      'r2-2,1,1997-04-01,cdnow-0002,VINYL,1,50.00,USD,store',
      'r2-3,1,1997-05-01,r2-only,VINYL,1,70.00,USD,store',
    ].join('\n'),
  );
}, 300_000);
afterAll(async () => {
  await sql?.end();
  await h?.close();
});

describe('the CLV model', () => {
  it('reproduces the published BG/NBD and Gamma-Gamma fits of the CDNOW sample pushed as a feed', async () => {
    const response = await call(as.R1, 'GET', '/clv-model?calibrationEnd=1997-09-30&timeUnit=week');
    expect(response.statusCode, response.body).toBe(200);
    const model = response.json<{
      customers: number;
      repeatCustomers: number;
      calibrationStart: string;
      bgNbd: { r: number; alpha: number; a: number; b: number; logLikelihood: number };
      gammaGamma: { p: number; q: number; gamma: number; logLikelihood: number };
    }>();
    expect(model).toMatchObject({ customers: 2357, repeatCustomers: 946, calibrationStart: '1997-01-01' });
    const sig = (v: number, digits: number) => Number(v.toPrecision(digits));
    expect([model.bgNbd.r, model.bgNbd.alpha, model.bgNbd.a, model.bgNbd.b].map((v) => sig(v, 3))).toEqual([
      0.243, 4.41, 0.793, 2.43,
    ]);
    expect(model.bgNbd.logLikelihood).toBeCloseTo(-9582.4, 1);
    // p = 6.25, q = 3.74, gamma = 15.44 to two significant digits
    expect(model.gammaGamma.p).toBeCloseTo(6.25, 1);
    expect(model.gammaGamma.q).toBeCloseTo(3.74, 1);
    expect(sig(model.gammaGamma.gamma, 2)).toBe(15);
    expect(model.gammaGamma.logLikelihood).toBeCloseTo(-4055.9, 0);
  });

  it('answers 400 for a calibration end that is not a day', async () => {
    const response = await call(as.R1, 'GET', '/clv-model?calibrationEnd=1997-13-45');
    expect(response.statusCode).toBe(400);
  });
});

describe('features use only what the firm was granted', () => {
  it('leaves out ungranted partners, takes in granted ones, and logs the reads in the owner’s access log', async () => {
    // nothing granted: M has no customers; R2 sees its three only
    expect((await recomputed(as.M)).customers).toBe(0);
    expect((await recomputed(as.R2)).customers).toBe(3);
    const r2Alone = await allFeatures(as.R2);
    expect(r2Alone.map((f) => f.customer_key).sort()).toEqual(
      [keyOf('cdnow-0001'), keyOf('cdnow-0002'), keyOf('r2-only')].sort(),
    );

    // R1 grants transactions to M at customer level: M sees R1's 2,357 customers, and nothing of R2's
    const grant = await call(as.R1, 'POST', '/agreements', {
      granteeFirmId: as.M.firmId,
      dataset: 'transactions',
      level: 'customer',
      purpose: 'Joint segmentation',
    });
    expect(grant.statusCode, grant.body).toBe(201);
    expect((await recomputed(as.M)).customers).toBe(2357);
    let features = await allFeatures(as.M);
    expect(features).toHaveLength(2357);
    const first = features.find((f) => f.customer_key === keyOf('cdnow-0001'))!;
    expect(first.wallet_shares).toEqual({ [as.R1.firmId]: 1 });
    expect(features.some((f) => f.customer_key === keyOf('r2-only'))).toBe(false);
    const r1Total = features.reduce((sum, f) => sum + Number(f.net_revenue), 0);

    // an aggregate-level grant from R2 adds nothing per customer
    const aggregate = await call(as.R2, 'POST', '/agreements', {
      granteeFirmId: as.M.firmId,
      dataset: 'transactions',
      level: 'aggregate',
      purpose: 'Benchmarks',
    });
    expect(aggregate.statusCode, aggregate.body).toBe(201);
    await call(as.R2, 'POST', `/agreements/${aggregate.json<{ id: string }>().id}/revoke`, {});
    expect((await recomputed(as.M)).customers).toBe(2357);

    // R2 grants at customer level too: the shared customers' spend and wallet now span both retailers
    const both = await call(as.R2, 'POST', '/agreements', {
      granteeFirmId: as.M.firmId,
      dataset: 'transactions',
      level: 'customer',
      purpose: 'Joint segmentation',
    });
    expect(both.statusCode, both.body).toBe(201);
    expect((await recomputed(as.M)).customers).toBe(2358);
    features = await allFeatures(as.M);
    const shared = features.find((f) => f.customer_key === keyOf('cdnow-0001'))!;
    const r1Spend = Number(first.net_revenue);
    expect(Number(shared.net_revenue)).toBeCloseTo(r1Spend + 100, 6);
    expect(shared.wallet_shares[as.R2.firmId]).toBeCloseTo(100 / (r1Spend + 100), 4);
    expect(features.reduce((sum, f) => sum + Number(f.net_revenue), 0)).toBeCloseTo(r1Total + 220, 4);

    // the recompute's reads of R1's rows are in R1's access log
    const log = await h.app.inject({ url: `/v1/firms/${as.R1.firmId}/access-log?limit=200`, headers: as.R1.headers });
    const entries = log.json<{ items: Array<{ reader: { id: string }; reading: string; rowCount: number | null }> }>()
      .items;
    const recomputes = entries.filter((e) => e.reader.id === as.M.firmId && e.reading === 'customer value recompute');
    expect(recomputes.length).toBeGreaterThanOrEqual(2);
    expect(recomputes[0]!.rowCount).toBe(cdnowSampleCsv().rows);
  });
});

describe('cost-to-serve', () => {
  it('prices each activity at the owner’s rates, as the domain function does', async () => {
    const rates: ActivityRates = {
      perOrder: 2,
      perOrderLine: 0.5,
      perDelivery: 4,
      perExpeditedDelivery: 6,
      perReturn: 3,
      perServiceCase: 10,
      perActivity: { gift_wrap: 1.5 },
    };
    const put = await call(as.R2, 'PUT', '/cost-model', { rates, clvMargin: 0.3 });
    expect(put.statusCode, put.body).toBe(200);
    const id = 'cost-customer';
    await ingest(
      as.R2,
      'transactions',
      [
        TRANSACTIONS_HEADER,
        `c-1,1,1997-06-01,${id},A,2,40.00,USD,web`,
        `c-1,2,1997-06-01,${id},B,1,20.00,USD,web`,
        `c-2,1,1997-07-01,${id},A,1,30.00,USD,store`,
        `c-3,1,1997-07-15,${id},A,-1,-20.00,USD,store`,
      ].join('\n'),
    );
    await ingest(
      as.R2,
      'shipments',
      [
        'shipment_id,order_id,customer_id,carrier,promised_at,delivered_at,expedited,cost_amount',
        `s-1,c-1,${id},DHL,1997-06-03,1997-06-03,false,5`,
        `s-2,c-2,${id},DHL,1997-07-02,1997-07-03,true,9`,
      ].join('\n'),
    );
    await ingest(
      as.R2,
      'service_cases',
      ['case_id,customer_id,opened_at,channel,category', `k-1,${id},1997-07-16,phone,returns`].join('\n'),
    );
    await ingest(
      as.R2,
      'activities',
      ['customer_id,activity,occurred_at,quantity', `${id},gift_wrap,1997-06-01,2`, `${id},unpriced,1997-06-01,5`].join(
        '\n',
      ),
    );
    await recomputed(as.R2);
    const features = await allFeatures(as.R2);
    const customer = features.find((f) => f.customer_key === keyOf(id))!;
    const expected = costToServe(rates, {
      orders: 3,
      orderLines: 4,
      deliveries: 2,
      expeditedDeliveries: 1,
      returns: 1,
      serviceCases: 1,
      activities: { gift_wrap: 2, unpriced: 5 },
    });
    // by hand: 3 x 2 + 4 x 0.5 + 1 x 3 + 2 x 4 + 1 x 6 + 1 x 10 + 2 x 1.5
    expect(expected).toBe(38);
    expect(Number(customer.cost_to_serve)).toBe(expected);
    expect(Number(customer.net_revenue)).toBe(70);
    expect(Number(customer.profit)).toBe(70 - 0 - 38);
    expect(customer.frequency).toBe(2);
  });
});

describe('the joint scheme and a partner’s alignment', () => {
  const segments = [
    {
      name: 'best',
      conditions: [{ feature: 'clv_percentile', op: 'gte', value: 80 }],
      treatment: 'Dedicated service',
      valueProposition: 'Early access and free express delivery',
    },
    {
      name: 'returning',
      conditions: [{ feature: 'frequency', op: 'gte', value: 2 }],
      treatment: 'Keep them buying',
      valueProposition: 'Loyalty points',
    },
    { name: 'rest', conditions: [], treatment: 'Serve efficiently', valueProposition: 'Standard offer' },
  ];

  it('is published only by the focal firm, checked, versioned and applied in every member’s recompute', async () => {
    const byRetailer = await call(as.R1, 'POST', '/segmentation-schemes', { segments });
    expect(byRetailer.json()).toMatchObject({ status: 403, code: 'focal_firm_only' });
    const duplicate = await call(as.M, 'POST', '/segmentation-schemes', { segments: [segments[2], segments[2]] });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json()).toMatchObject({ code: 'invalid_scheme' });
    expect(duplicate.json<{ errors: { path: string }[] }>().errors).toContainEqual(
      expect.objectContaining({ path: '/segments/1/name' }),
    );
    const published = await call(as.M, 'POST', '/segmentation-schemes', { segments, note: 'First joint scheme' });
    expect(published.statusCode, published.body).toBe(201);
    expect(published.json()).toMatchObject({ version: 1, publishedBy: { id: as.M.firmId } });
    const seen = await call(as.R1, 'GET', '/segmentation-schemes');
    expect(seen.json<{ items: Array<{ version: number }> }>().items.map((s) => s.version)).toEqual([1]);

    const snapshot = await recomputed(as.R1);
    expect(snapshot.settings?.schemeVersion).toBe(1);
    const summary = (await call(as.R1, 'GET', '/customer-value')).json<{
      rfmSegments: Array<{ rule: { cells: string } }>;
      segments: Array<{ segment: string; customers: number; customerShare: number }>;
      whaleCurve: { points: Array<{ customerShare: number; profitShare: number }> };
    }>();
    expect(summary.segments.map((s) => s.segment)).toEqual(['best', 'returning', 'rest']);
    expect(summary.segments.reduce((sum, s) => sum + s.customers, 0)).toBe(2357);
    expect(summary.segments[0]!.customerShare).toBeCloseTo(0.2, 1);
    expect(summary.whaleCurve.points.at(-1)).toEqual({ customerShare: 1, profitShare: 1 });
    expect(summary.rfmSegments[0]!.rule.cells).toMatch(/^R \d/);
  });

  it('lets partners link insights to a joint segment, and only to one of the scheme', async () => {
    const shared = await call(as.R1, 'POST', '/insights', {
      title: 'Best customers buy vinyl too',
      body: 'Half of the **best** segment also buys vinyl from R2.',
      audience: 'network',
      segment: 'best',
    });
    expect(shared.statusCode, shared.body).toBe(201);
    expect(shared.json()).toMatchObject({ segment: 'best' });
    const unknown = await call(as.R1, 'POST', '/insights', {
      title: 'Nobody',
      body: 'x',
      audience: 'network',
      segment: 'platinum',
    });
    expect(unknown.json()).toMatchObject({ status: 422, code: 'unknown_segment' });
    const about = (await call(as.M, 'GET', '/insights?segment=best')).json<{ items: Array<{ title: string }> }>();
    expect(about.items.map((i) => i.title)).toEqual(['Best customers buy vinyl too']);
    const none = (await call(as.M, 'GET', '/insights?segment=rest')).json<{ items: unknown[] }>();
    expect(none.items).toEqual([]);
  });

  it('takes a partner’s labels, refuses a bad file without losing the last, and measures alignment', async () => {
    const features = await allFeatures(as.R1, 'sort=customer_key&order=asc');
    // the retailer's own labels: its "gold" is the joint "best", "silver" the rest
    const label = (f: Feature) => (f.segment === 'best' ? 'gold' : 'silver');
    const csv = ['customer_key,label', ...features.map((f) => `${f.customer_key},${label(f)}`)].join('\n');
    const uploaded = await call(as.R1, 'PUT', '/segment-labels', csv, 'text/csv');
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    expect(uploaded.json()).toMatchObject({ labels: { labelled: 2357 } });

    const bad = await call(as.R1, 'PUT', '/segment-labels', 'customer_key,label\nnot-a-key,gold\n', 'text/csv');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'invalid_labels', errors: [{ path: '/rows/2/customer_key' }] });
    const kept = (await call(as.R1, 'GET', '/segment-labels')).json<{ labelled: number }>();
    expect(kept.labelled).toBe(2357);

    const unknown = await call(as.R1, 'PUT', '/segment-label-mappings', {
      mappings: [{ label: 'gold', segment: 'platinum' }],
    });
    expect(unknown.json()).toMatchObject({ status: 400, code: 'invalid_mappings' });

    const mapped = await call(as.R1, 'PUT', '/segment-label-mappings', {
      mappings: [
        { label: 'gold', segment: 'best' },
        { label: 'silver', segment: 'rest' },
      ],
    });
    expect(mapped.statusCode, mapped.body).toBe(200);
    const alignment = mapped.json<{
      alignment: {
        latest: {
          compared: number;
          agreementRate: number;
          kappa: number;
          adjustedRand: number;
          matrix: { rowLabels: string[]; columnLabels: string[]; counts: number[][] };
        };
        history: unknown[];
      };
    }>().alignment;
    const best = features.filter((f) => f.segment === 'best').length;
    const returning = features.filter((f) => f.segment === 'returning').length;
    expect(alignment.latest.compared).toBe(2357);
    // "silver" covers both "returning" and "rest": those mapped to rest disagree for the returning customers
    expect(alignment.latest.agreementRate).toBeCloseTo((2357 - returning) / 2357, 10);
    expect(alignment.latest.kappa).toBeLessThan(1);
    expect(alignment.latest.matrix.rowLabels).toEqual(['gold', 'silver']);
    const goldRow = alignment.latest.matrix.counts[0]!;
    expect(goldRow[alignment.latest.matrix.columnLabels.indexOf('best')]).toBe(best);

    // labels that are exactly the joint segments agree perfectly
    const exact = ['customer_key,label', ...features.map((f) => `${f.customer_key},${f.segment}`)].join('\n');
    await call(as.R1, 'PUT', '/segment-labels', exact, 'text/csv');
    const perfect = await call(as.R1, 'PUT', '/segment-label-mappings', {
      mappings: segments.map((s) => ({ label: s.name, segment: s.name })),
    });
    const latest = perfect.json<{
      alignment: { latest: { kappa: number; adjustedRand: number; agreementRate: number } };
    }>().alignment.latest;
    expect(latest).toMatchObject({ kappa: 1, adjustedRand: 1, agreementRate: 1 });
    const history = (await call(as.R1, 'GET', '/segment-alignment')).json<{ history: unknown[] }>().history;
    expect(history.length).toBeGreaterThanOrEqual(3);
  });
});

describe('the features list', () => {
  it('pages in sort order without gaps, filters, and exports every row as CSV', async () => {
    const byProfit = await allFeatures(as.R1, 'sort=profit&order=desc');
    expect(byProfit).toHaveLength(2357);
    expect(new Set(byProfit.map((f) => f.customer_key)).size).toBe(2357);
    const profits = byProfit.map((f) => Number(f.profit));
    expect(profits).toEqual([...profits].sort((a, b) => b - a));
    const best = await allFeatures(as.R1, 'segment=best');
    expect(best.length).toBeGreaterThan(0);
    expect(best.every((f) => f.segment === 'best')).toBe(true);
    const csv = await call(as.R1, 'GET', '/customer-features?format=csv');
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toBe(
      'customer_key,recency_days,frequency,monetary,rfm_r,rfm_f,rfm_m,rfm_segment,expected_purchases_12m,p_alive,clv_12m,' +
        'net_revenue,cost_of_goods,cost_to_serve,profit,quadrant,segment,channels',
    );
    expect(lines).toHaveLength(2358);
    const bad = await call(as.R1, 'GET', '/customer-features?cursor=nonsense');
    expect(bad.json()).toMatchObject({ status: 400, code: 'invalid_cursor' });
  });
});

describe('snapshots', () => {
  it('keeps the current and the previous one, and their features only', async () => {
    await recomputed(as.R1);
    await recomputed(as.R1);
    const kept = await sql<{ id: string; status: string; customers: number; features: number }[]>`
      select s.id, s.status, s.customers, (select count(*)::int from customer_features f where f.snapshot_id = s.id) as features
      from feature_snapshots s where s.network_id = ${networkId} and s.firm_id = ${as.R1.firmId}`;
    expect(kept).toHaveLength(2);
    for (const snapshot of kept) {
      expect(snapshot.status).toBe('complete');
      expect(snapshot.features).toBe(snapshot.customers);
    }
    const [orphans] = await sql<{ rows: number }[]>`
      select count(*)::int as rows from customer_features f
      where not exists (select 1 from feature_snapshots s where s.id = f.snapshot_id)`;
    expect(orphans!.rows).toBe(0);
  });
});
