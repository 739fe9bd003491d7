// The balanced scorecard on real PostgreSQL, through the API: every library measure computed from a
// known fixture equals the value worked out by hand; values come only from what the viewing firm may
// see (aggregate grants only for groups of k customers or more); a recompute gives the same values; a
// red measure asks for a comment and an action; a closed period never changes.
import { cdnowSampleCsv } from '@accord/fixtures/cdnow';
import { scoreNetwork } from '@accord/analytics';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createFirm, pushFeed, signIn, startHarness, unique, type Harness, type SignedIn } from './harness.ts';

let h: Harness;
let sql: postgres.Sql;
let networkId: string;
let scorecardId: string;
/** M: focal manufacturer (sees only what it is granted); R: retailer (sales, service cases); L: logistics (shipments). */
const as: Record<'M' | 'R' | 'L', SignedIn> = {} as never;

const TX = 'order_id,line_no,occurred_at,customer_id,sku,quantity,net_amount,cost_amount,currency,channel';
const SHIP = 'shipment_id,order_id,customer_id,carrier,promised_at,delivered_at,expedited,cost_amount';
const CASES = 'case_id,customer_id,opened_at,resolved_at,channel,category,satisfaction';

interface MeasureValue {
  measure: { id: string; code: string | null; name: string; perspective: string };
  actual: number | null;
  previous: number | null;
  score: number | null;
  status: string;
  trend: { direction: string | null };
  needsAction: boolean;
}
interface PeriodView {
  period: { id: string; startsOn: string; status: string };
  score: number | null;
  perspectives: { perspective: string; score: number | null; measures: number }[];
  measures: MeasureValue[];
}

function call(who: SignedIn, method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, payload?: unknown) {
  return h.app.inject({
    method,
    url: `/v1/networks/${networkId}${path}`,
    headers: who.headers,
    ...(payload === undefined ? {} : { payload: payload as string }),
  });
}

async function ingest(who: SignedIn, dataset: string, csv: string) {
  await pushFeed(h.app, who, networkId, dataset, csv);
}

async function view(who: SignedIn, period: string, subject = 'chain'): Promise<PeriodView> {
  const response = await call(who, 'GET', `/scorecards/${scorecardId}/periods/${period}?subject=${subject}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<PeriodView>();
}

const byCode = (v: PeriodView, code: string) => v.measures.find((m) => m.measure.code === code)!;
const manual = (v: PeriodView, name: string) => v.measures.find((m) => m.measure.name === name)!;

beforeAll(async () => {
  h = await startHarness();
  sql = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} });
  const roles = ['firm_admin', 'manager', 'analyst'] as const;
  const m = await createFirm(h.database, 'Score Maker', 'manufacturer', [...roles]);
  const r = await createFirm(h.database, 'Score Retail', 'retailer', [...roles]);
  const l = await createFirm(h.database, 'Score Logistics', 'logistics_provider', [...roles]);
  const [network] = await sql`insert into networks (name, focal_firm_id) values (${unique('Score')}, ${m.firm.id})
                              returning id`;
  networkId = network!.id as string;
  for (const [firm, role] of [
    [m.firm.id, 'manufacturer'],
    [r.firm.id, 'retailer'],
    [l.firm.id, 'logistics_provider'],
  ] as const) {
    await sql`insert into network_memberships (network_id, firm_id, chain_role, status, joined_at)
              values (${networkId}, ${firm}, ${role}, 'active', now())`;
  }
  as.M = await signIn(h.app, m.people.manager!.email);
  as.R = await signIn(h.app, r.people.manager!.email);
  as.L = await signIn(h.app, l.people.manager!.email);

  // August (the previous month): a, b, c buy for 180 in all.
  // September: a 120 (cost 80), b 60 (30), d 40 (20), and a returns 20 (cost 10): revenue 200,
  // cost of goods 120, margin 0.4, growth 200/180 - 1; a and b of a, b, c came back: retention 2/3;
  // 3 sales lines, 1 return line.
  await ingest(
    as.R,
    'transactions',
    [
      TX,
      'o-1,1,2026-08-03,a@example.net,S,1,100.00,60.00,EUR,store',
      'o-2,1,2026-08-10,b@example.net,S,1,50.00,25.00,EUR,web',
      'o-3,1,2026-08-20,c@example.net,S,1,30.00,15.00,EUR,web',
      'o-4,1,2026-09-02,a@example.net,S,2,120.00,80.00,EUR,store',
      'o-5,1,2026-09-05,b@example.net,S,1,60.00,30.00,EUR,web',
      'o-6,1,2026-09-09,d@example.net,S,1,40.00,20.00,EUR,web',
      'o-7,1,2026-09-12,a@example.net,S,-1,-20.00,-10.00,EUR,store',
    ].join('\n'),
  );
  // the CDNOW sample (1997) as R's older sales: enough customers for the CLV models
  await ingest(as.R, 'transactions', cdnowSampleCsv().csv);
  // September's shipments: one on time, one 2 days late, one half a day late, one not delivered:
  // on time 1/3 of the delivered, mean delay (0 + 2 + 0.5) / 3
  await ingest(
    as.L,
    'shipments',
    [
      SHIP,
      's-1,o-4,a@example.net,Litware,2026-09-10T00:00:00Z,2026-09-09T12:00:00Z,false,4.00',
      's-2,o-5,b@example.net,Litware,2026-09-12T00:00:00Z,2026-09-14T00:00:00Z,false,4.00',
      's-3,o-6,d@example.net,Litware,2026-09-20T00:00:00Z,2026-09-20T12:00:00Z,true,9.00',
      's-4,o-8,e@example.net,Litware,2026-09-25T00:00:00Z,,false,4.00',
    ].join('\n'),
  );
  // September's service cases: one resolved in 4 days, one in 13, one open: 1/3 within 7 days;
  // satisfaction (5 + 2) / 2
  await ingest(
    as.R,
    'service_cases',
    [
      CASES,
      'c-1,a@example.net,2026-09-01T10:00:00Z,2026-09-05T10:00:00Z,phone,delivery,5',
      'c-2,b@example.net,2026-09-02T10:00:00Z,2026-09-15T10:00:00Z,web,returns,2',
      'c-3,d@example.net,2026-09-03T10:00:00Z,,web,returns,',
    ].join('\n'),
  );
}, 300_000);

afterAll(async () => {
  await sql?.end();
  await h?.close();
});

describe('a scorecard from the template', () => {
  it('is created by the focal firm only, with every perspective and the current period', async () => {
    const refused = await call(as.R, 'POST', '/scorecards', { periodKind: 'month' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'focal_firm_only' });
    const created = await call(as.M, 'POST', '/scorecards', { name: 'Joint', periodKind: 'month' });
    expect(created.statusCode, created.body).toBe(201);
    const card = created.json<{
      id: string;
      measures: { perspective: string; code: string | null }[];
      periods: unknown[];
    }>();
    scorecardId = card.id;
    expect(new Set(card.measures.map((m) => m.perspective))).toEqual(
      new Set(['financial', 'customer', 'internal_process', 'learning_growth', 'relationship']),
    );
    expect(card.measures.filter((m) => m.code === null)).toHaveLength(1);
    expect(card.periods).toHaveLength(1);
    const again = await call(as.M, 'POST', '/scorecards', { name: 'Joint' });
    expect(again.json()).toMatchObject({ status: 409, code: 'scorecard_exists' });
  });
});

describe('the library measures', () => {
  it('equal the hand-computed values of September, for the firms that own the data', async () => {
    for (const who of [as.M, as.R, as.L]) await scoreNetwork(h.database.db, who.firmId, networkId, '2026-09-15');
    const card = (await call(as.M, 'GET', `/scorecards/${scorecardId}`)).json<{
      periods: { id: string; startsOn: string }[];
    }>();
    const sept = card.periods.find((p) => p.startsOn === '2026-09-01')!.id;

    const r = await view(as.R, sept, as.R.firmId);
    expect(byCode(r, 'revenue').actual).toBeCloseTo(200, 9);
    expect(byCode(r, 'revenue').previous).toBeCloseTo(180, 9);
    expect(byCode(r, 'revenue_growth').actual).toBeCloseTo(200 / 180 - 1, 9);
    expect(byCode(r, 'gross_margin_pct').actual).toBeCloseTo(0.4, 9);
    expect(byCode(r, 'retention_rate').actual).toBeCloseTo(2 / 3, 9);
    expect(byCode(r, 'returns_rate').actual).toBeCloseTo(1 / 3, 9);
    expect(byCode(r, 'cases_resolved_7d_rate').actual).toBeCloseTo(1 / 3, 9);
    expect(byCode(r, 'mean_satisfaction').actual).toBeCloseTo(3.5, 9);
    expect(byCode(r, 'insights_shared').actual).toBe(0);
    // no customer-value snapshot as of a September day: missing, not zero
    expect(byCode(r, 'customer_profit')).toMatchObject({ actual: null, status: 'missing', score: null });
    // the retailer sees no shipments: missing for it
    expect(byCode(r, 'on_time_delivery_rate')).toMatchObject({ actual: null, status: 'missing' });

    const l = await view(as.L, sept, as.L.firmId);
    expect(byCode(l, 'on_time_delivery_rate').actual).toBeCloseTo(1 / 3, 9);
    expect(byCode(l, 'avg_delivery_delay_days').actual).toBeCloseTo(2.5 / 3, 9);
    expect(byCode(l, 'on_time_delivery_rate').status).toBe('red');
    expect(byCode(l, 'revenue').actual).toBeNull();

    // the chain as the retailer sees it is its own data: the same figures
    const chain = await view(as.R, sept);
    expect(byCode(chain, 'revenue').actual).toBeCloseTo(200, 9);
    expect(chain.perspectives.find((p) => p.perspective === 'financial')!.score).not.toBeNull();
  });

  it('score feed health and insights in the running period', async () => {
    await ingest(
      as.R,
      'transactions',
      [
        TX,
        'o-9,1,2026-11-02,a@example.net,S,1,10.00,5.00,EUR,web',
        'o-10,1,not-a-day,a@example.net,S,1,1,1,EUR,web',
      ].join('\n'),
    );
    const insight = await call(as.R, 'POST', '/insights', { title: 'Promo', body: 'Works', audience: 'network' });
    expect(insight.statusCode, insight.body).toBe(201);
    const recompute = await call(as.R, 'POST', `/scorecards/${scorecardId}/recompute`, {});
    expect(recompute.statusCode).toBe(202);
    const now = await view(as.R, 'current', as.R.firmId);
    // every batch of R's was loaded this month: one row of all it sent was rejected
    const [sent] = await sql<{ received: number; rejected: number }[]>`
      select sum(rows_received)::int as received, sum(rows_rejected)::int as rejected from feed_batches
      where network_id = ${networkId} and firm_id = ${as.R.firmId}`;
    expect(sent!.rejected).toBe(1);
    expect(byCode(now, 'feed_completeness').actual).toBeCloseTo(1 - 1 / sent!.received, 9);
    expect(byCode(now, 'feed_freshness_hours').actual).toBeGreaterThanOrEqual(0);
    expect(byCode(now, 'feed_freshness_hours').actual).toBeLessThan(1);
    expect(byCode(now, 'insights_shared').actual).toBe(1);
  });
});

describe('the customer-value measures', () => {
  it('come from the firm’s feature snapshot of the period: profit, CLV, share of wallet, top 20%', async () => {
    const since = Date.now();
    expect((await call(as.R, 'POST', '/customer-value/recompute', {})).statusCode).toBe(202);
    for (let i = 0; ; i++) {
      const page = (await call(as.R, 'GET', '/customer-features?limit=1')).json<{
        snapshot: { startedAt: string } | null;
        computing: boolean;
      }>();
      if (page.snapshot && Date.parse(page.snapshot.startedAt) >= since - 5 && !page.computing) break;
      if (i > 600) throw new Error('recompute did not finish');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const features: { profit: string; clv_12m: number | null; wallet_shares: Record<string, number> }[] = [];
    let cursor: string | null = null;
    do {
      const response = await call(as.R, 'GET', `/customer-features?limit=500${cursor ? `&cursor=${cursor}` : ''}`);
      const page: { items: typeof features; nextCursor: string | null } = response.json();
      features.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const whale = (await call(as.R, 'GET', '/customer-value')).json<{ whaleCurve: { top20ProfitShare: number } }>();
    await call(as.R, 'POST', `/scorecards/${scorecardId}/recompute`, {});

    const chain = await view(as.R, 'current');
    const profit = features.reduce((sum, f) => sum + Number(f.profit), 0);
    const clv = features.reduce((sum, f) => sum + (f.clv_12m ?? 0), 0);
    expect(features.every((f) => f.clv_12m !== null)).toBe(true);
    expect(byCode(chain, 'customer_profit').actual).toBeCloseTo(profit, 4);
    expect(byCode(chain, 'joint_clv').actual).toBeCloseTo(clv, 4);
    expect(byCode(chain, 'top20_profit_share').actual).toBeCloseTo(whale.whaleCurve.top20ProfitShare, 9);
    const own = await view(as.R, 'current', as.R.firmId);
    expect(byCode(own, 'share_of_wallet').actual).toBeCloseTo(1, 9);
    expect(byCode(own, 'customer_profit').actual).toBeCloseTo(profit, 4);
    // no strategy is published in this network: the sign-off share is missing, never 0
    expect(byCode(chain, 'strategy_signoffs')).toMatchObject({ actual: null, status: 'missing' });
  });
});

describe('what a firm may see', () => {
  it('leaves ungranted partners missing, and takes aggregate grants only for groups of k customers', async () => {
    const card = (await call(as.M, 'GET', `/scorecards/${scorecardId}`)).json<{
      periods: { id: string; startsOn: string }[];
    }>();
    const sept = card.periods.find((p) => p.startsOn === '2026-09-01')!.id;
    let m = await view(as.M, sept, as.R.firmId);
    expect(byCode(m, 'revenue')).toMatchObject({ actual: null, status: 'missing' });

    // k = 5 > the 3 customers of September: still nothing
    const strict = await call(as.R, 'POST', '/agreements', {
      granteeFirmId: as.M.firmId,
      dataset: 'transactions',
      level: 'aggregate',
      minGroupSize: 5,
      purpose: 'Scorecard',
    });
    expect(strict.statusCode, strict.body).toBe(201);
    await scoreNetwork(h.database.db, as.M.firmId, networkId, '2026-09-15');
    m = await view(as.M, sept, as.R.firmId);
    expect(byCode(m, 'revenue').actual).toBeNull();
    await call(as.R, 'POST', `/agreements/${strict.json<{ id: string }>().id}/revoke`, {});

    const k3 = await call(as.R, 'POST', '/agreements', {
      granteeFirmId: as.M.firmId,
      dataset: 'transactions',
      level: 'aggregate',
      minGroupSize: 3,
      purpose: 'Scorecard',
    });
    expect(k3.statusCode, k3.body).toBe(201);
    await scoreNetwork(h.database.db, as.M.firmId, networkId, '2026-09-15');
    m = await view(as.M, sept, as.R.firmId);
    expect(byCode(m, 'revenue').actual).toBeCloseTo(200, 9);
    // shipments were never granted to M
    expect(byCode(await view(as.M, sept, as.L.firmId), 'on_time_delivery_rate').actual).toBeNull();

    // the drill-down names the batches and the level of the grant
    const revenueId = byCode(m, 'revenue').measure.id;
    const detail = await call(
      as.M,
      'GET',
      `/scorecards/${scorecardId}/periods/${sept}/measures/${revenueId}?subject=${as.R.firmId}`,
    );
    expect(detail.statusCode, detail.body).toBe(200);
    const trace = detail.json<{
      trace: {
        firms: { firmId: string; level: string; datasets: Record<string, { batches: string[]; customers: number }> }[];
      };
    }>().trace;
    expect(trace.firms).toHaveLength(1);
    expect(trace.firms[0]).toMatchObject({ firmId: as.R.firmId, level: 'aggregate' });
    expect(trace.firms[0]!.datasets.transactions!.batches).toHaveLength(1);
    expect(trace.firms[0]!.datasets.transactions!.customers).toBe(3);
  });
});

describe('recompute', () => {
  it('gives the same values when nothing changed', async () => {
    const card = (await call(as.L, 'GET', `/scorecards/${scorecardId}`)).json<{
      periods: { id: string; startsOn: string }[];
    }>();
    const sept = card.periods.find((p) => p.startsOn === '2026-09-01')!.id;
    const read = () =>
      sql`select measure_id, subject_firm_id, actual, score, status from scorecard_values
          where period_id = ${sept} and viewer_firm_id = ${as.L.firmId} order by measure_id, subject_firm_id nulls first`;
    await scoreNetwork(h.database.db, as.L.firmId, networkId, '2026-09-15');
    const first = await read();
    await scoreNetwork(h.database.db, as.L.firmId, networkId, '2026-09-15');
    const second = await read();
    expect(first.length).toBeGreaterThan(0);
    expect(second).toEqual(first);
  });
});

describe('a red measure', () => {
  it('needs a comment and an action, which every member sees', async () => {
    const card = (await call(as.L, 'GET', `/scorecards/${scorecardId}`)).json<{
      periods: { id: string; startsOn: string }[];
    }>();
    const sept = card.periods.find((p) => p.startsOn === '2026-09-01')!.id;
    let l = await view(as.L, sept, as.L.firmId);
    const onTime = byCode(l, 'on_time_delivery_rate');
    expect(onTime).toMatchObject({ status: 'red', needsAction: true });
    const base = `/scorecards/${scorecardId}/periods/${sept}/measures/${onTime.measure.id}`;
    expect((await call(as.L, 'POST', `${base}/comments`, { body: 'Carrier change in week 37' })).statusCode).toBe(201);
    l = await view(as.L, sept, as.L.firmId);
    expect(byCode(l, 'on_time_delivery_rate').needsAction).toBe(true);
    const action = await call(as.M, 'POST', `${base}/actions`, {
      title: 'Second carrier for the north',
      ownerFirmId: as.L.firmId,
      dueOn: '2026-12-15',
    });
    expect(action.statusCode, action.body).toBe(201);
    l = await view(as.L, sept, as.L.firmId);
    expect(byCode(l, 'on_time_delivery_rate')).toMatchObject({ needsAction: false, comments: 1, openActions: 1 });
    const open = (await call(as.R, 'GET', '/scorecard-actions')).json<{
      items: { id: string; ownerFirmName: string }[];
    }>();
    expect(open.items).toContainEqual(expect.objectContaining({ ownerFirmName: 'Score Logistics' }));
    // the owner moves it on; a firm that neither owns nor raised it cannot
    const actionId = action.json<{ id: string }>().id;
    expect((await call(as.R, 'PATCH', `/scorecard-actions/${actionId}`, { status: 'done' })).statusCode).toBe(404);
    const done = await call(as.L, 'PATCH', `/scorecard-actions/${actionId}`, { status: 'done' });
    expect(done.json()).toMatchObject({ status: 'done' });
    expect((await call(as.R, 'GET', '/scorecard-actions')).json<{ items: unknown[] }>().items).toHaveLength(0);
  });
});

describe('manual measures and sign-off', () => {
  it('take values from their owner firm only, and sign-offs of the version in force', async () => {
    const card = (await call(as.M, 'GET', `/scorecards/${scorecardId}`)).json<{
      version: number;
      periods: { id: string; startsOn: string }[];
      measures: { id: string; name: string }[];
    }>();
    const sept = card.periods.find((p) => p.startsOn === '2026-09-01')!.id;
    const training = card.measures.find((m) => m.name === 'Joint training hours')!;
    const path = `/scorecards/${scorecardId}/periods/${sept}/measures/${training.id}/manual-value`;
    expect((await call(as.R, 'PUT', path, { value: 40, comment: 'training' })).json()).toMatchObject({
      code: 'not_measure_owner',
    });
    expect((await call(as.M, 'PUT', path, { value: 12, comment: 'Two joint workshops' })).statusCode).toBe(202);
    await scoreNetwork(h.database.db, as.M.firmId, networkId, '2026-09-15');
    const m = await view(as.M, sept);
    expect(manual(m, 'Joint training hours')).toMatchObject({ actual: 12, status: 'amber' });

    const signed = await call(as.R, 'POST', `/scorecards/${scorecardId}/periods/${sept}/sign-off`, {});
    expect(signed.json()).toMatchObject({ version: card.version });
    expect((await call(as.R, 'POST', `/scorecards/${scorecardId}/periods/${sept}/sign-off`, {})).statusCode).toBe(409);
    const signoffs = (await call(as.M, 'GET', `/scorecards/${scorecardId}/periods/${sept}`)).json<{
      signoffs: { firmId: string; current: boolean }[];
    }>().signoffs;
    expect(signoffs.find((s) => s.firmId === as.R.firmId)!.current).toBe(true);
    expect(signoffs.find((s) => s.firmId === as.M.firmId)!.current).toBe(false);
  });
});

describe('a closed period', () => {
  it('is closed by the focal firm after it ended, and then never changes', async () => {
    const card = (await call(as.M, 'GET', `/scorecards/${scorecardId}`)).json<{
      periods: { id: string; startsOn: string }[];
      measures: { id: string; name: string; code: string | null }[];
    }>();
    const sept = card.periods.find((p) => p.startsOn === '2026-09-01')!.id;
    const current = card.periods.find((p) => p.startsOn !== '2026-09-01')!.id;
    expect((await call(as.M, 'POST', `/scorecards/${scorecardId}/periods/${current}/close`, {})).json()).toMatchObject({
      code: 'period_not_ended',
    });
    expect((await call(as.R, 'POST', `/scorecards/${scorecardId}/periods/${sept}/close`, {})).statusCode).toBe(403);
    const closed = await call(as.M, 'POST', `/scorecards/${scorecardId}/periods/${sept}/close`, {});
    expect(closed.json()).toMatchObject({ status: 'closed' });
    const before = await view(as.R, sept, as.R.firmId);

    // new September data, a new target and a recompute change nothing in the closed period
    await ingest(as.R, 'transactions', [TX, 'o-11,1,2026-09-20,f@example.net,S,1,1000.00,1.00,EUR,web'].join('\n'));
    const revenue = card.measures.find((m) => m.code === 'revenue')!;
    const changed = await call(as.M, 'PUT', `/scorecards/${scorecardId}/measures/${revenue.id}`, {
      perspective: 'financial',
      name: 'Revenue',
      unit: 'currency',
      direction: 'higher',
      target: 5000,
      green: 5000,
      red: 1000,
      weight: 1,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    for (const who of [as.M, as.R, as.L]) await scoreNetwork(h.database.db, who.firmId, networkId, '2026-09-15');
    const after = await view(as.R, sept, as.R.firmId);
    expect(after.measures.map((m) => [m.measure.id, m.actual, m.score, m.status])).toEqual(
      before.measures.map((m) => [m.measure.id, m.actual, m.score, m.status]),
    );
    const training = card.measures.find((m) => m.name === 'Joint training hours')!;
    const late = await call(
      as.M,
      'PUT',
      `/scorecards/${scorecardId}/periods/${sept}/measures/${training.id}/manual-value`,
      {
        value: 5,
        comment: 'late',
      },
    );
    expect(late.json()).toMatchObject({ status: 409, code: 'period_closed' });
    // not even the database owner's runtime role can slip a value in
    await expect(
      sql.begin(async (tx) => {
        await tx`select set_config('app.firm_id', ${as.R.firmId}, true)`;
        await tx`set local role accord_app`;
        await tx`delete from scorecard_values where period_id = ${sept}`;
      }),
    ).rejects.toThrow(/closed/);
  });
});
