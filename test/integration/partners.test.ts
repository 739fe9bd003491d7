// The partner portfolio and the relationship health survey on real PostgreSQL, through the API and by
// hand as the runtime role: a relationship (the focal firm with one partner) is visible to its two
// firms only; both sides' spectrum answers combine into a position with their agreement; survey rounds
// take answers only while open; and the scorecard's relationship measures read the survey, each firm
// seeing only the relationships it is party to.
import { addDays, surveyItems, todayUtc } from '@accord/domain';
import { scoreNetwork } from '@accord/analytics';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createFirm, pushFeed, signIn, startHarness, unique, type Harness, type SignedIn } from './harness.ts';

let h: Harness;
let sql: postgres.Sql;
let networkId: string;
const firm: Record<'M' | 'R' | 'D', string> = {} as never;
const user: Record<string, string> = {};
const as: Record<string, SignedIn> = {};

function call(who: SignedIn, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, payload?: unknown) {
  return h.app.inject({
    method,
    url: `/v1/networks/${networkId}${path}`,
    headers: who.headers,
    ...(payload === undefined ? {} : { payload: payload as string }),
  });
}

/** Answers that put every dimension at `a`: reverse-keyed items answered 6 - a. */
const answersAt = (a: number) => Object.fromEntries(surveyItems.map((i) => [i.code, i.reverse ? 6 - a : a]));
const day = (offset: number) => addDays(todayUtc(), offset);

beforeAll(async () => {
  h = await startHarness();
  sql = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} });
  const m = await createFirm(h.database, 'Bond Maker', 'manufacturer', ['firm_admin', 'manager']);
  const r = await createFirm(h.database, 'Bond Retail', 'retailer', ['firm_admin', 'manager']);
  const d = await createFirm(h.database, 'Bond Distribution', 'distributor', ['firm_admin', 'manager']);
  const [network] = await sql`insert into networks (name, focal_firm_id) values (${unique('Bond')}, ${m.firm.id})
                              returning id`;
  networkId = network!.id as string;
  for (const [key, f, role] of [
    ['M', m, 'manufacturer'],
    ['R', r, 'retailer'],
    ['D', d, 'distributor'],
  ] as const) {
    firm[key] = f.firm.id;
    await sql`insert into network_memberships (network_id, firm_id, chain_role, status, joined_at, executive_sponsor_user_id)
              values (${networkId}, ${f.firm.id}, ${role}, 'active', now(), ${f.people.firm_admin!.id})`;
    for (const [role_, person] of Object.entries(f.people)) {
      as[`${key}.${role_}`] = await signIn(h.app, person.email);
      user[`${key}.${role_}`] = person.id;
    }
  }
  await pushFeed(
    h.app,
    as['R.manager']!,
    networkId,
    'transactions',
    [
      'order_id,line_no,occurred_at,customer_id,sku,quantity,net_amount,cost_amount,currency,channel',
      `o-1,1,${day(-10)},a@example.net,S,1,100.00,60.00,EUR,store`,
      `o-2,1,${day(-20)},b@example.net,S,1,50.00,25.00,EUR,web`,
    ].join('\n'),
  );
}, 120_000);

afterAll(async () => {
  await sql?.end();
  await h?.close();
});

interface Summary {
  firm: { id: string };
  revenue: number | null;
  customers: number | null;
  datasets: { dataset: string; level: string | null }[];
  spectrum: { position: number; stage: string; agreement: number | null } | null;
  integration: number | null;
}

describe('the portfolio', () => {
  it('lists every partner for the focal firm and only its own relationship for a partner', async () => {
    const focal = await call(as['M.manager']!, 'GET', '/partners');
    expect(focal.statusCode, focal.body).toBe(200);
    const items = focal.json<{ items: Summary[]; recommendation: { firmId: string }[] | null }>();
    expect(items.items.map((i) => i.firm.id).sort()).toEqual([firm.R, firm.D].sort());
    expect(items.recommendation!.map((r) => r.firmId).sort()).toEqual([firm.R, firm.D].sort());
    // R granted M nothing: its revenue is not visible to M, never shown as zero
    expect(items.items.find((i) => i.firm.id === firm.R)!.revenue).toBeNull();

    const own = (await call(as['R.manager']!, 'GET', '/partners')).json<{ items: Summary[]; recommendation: null }>();
    expect(own.items.map((i) => i.firm.id)).toEqual([firm.R]);
    expect(own.recommendation).toBeNull();
    expect(own.items[0]).toMatchObject({ revenue: 150, customers: 2 });
    expect(own.items[0]!.datasets).toEqual([expect.objectContaining({ dataset: 'transactions' })]);

    expect((await call(as['D.manager']!, 'GET', `/partners/${firm.R}`)).statusCode).toBe(404);
    expect((await call(as['R.manager']!, 'GET', `/partners/${firm.D}`)).statusCode).toBe(404);
  });

  it('combines both sides’ spectrum answers into a position and their agreement', async () => {
    const focalView = {
      // collaborative: few alternatives (1), everything else high (5): position 1
      spectrum: {
        alternatives: 1,
        market_dynamism: 5,
        importance: 5,
        complexity: 5,
        information_exchange: 5,
        operational_linkages: 5,
      },
      integration: { strategic: 4, tactical: 4, operational: 5, interpersonal: 3, cultural: 2 },
      note: 'Key retail partner.',
    };
    const partnerView = {
      // midway on every indicator: position 0.5
      spectrum: {
        alternatives: 3,
        market_dynamism: 3,
        importance: 3,
        complexity: 3,
        information_exchange: 3,
        operational_linkages: 3,
      },
      integration: { strategic: 2, tactical: 2, operational: 3, interpersonal: 3, cultural: 2 },
    };
    expect((await call(as['M.manager']!, 'PUT', `/partners/${firm.R}/assessment`, focalView)).statusCode).toBe(200);
    const answered = await call(as['R.manager']!, 'PUT', `/partners/${firm.R}/assessment`, partnerView);
    expect(answered.statusCode, answered.body).toBe(200);
    const profile = answered.json<
      Summary & {
        spectrumDetail: { position: number; stage: string; agreement: number; indicators: { gap: number }[] };
        integrationDetail: { level: string; mean: number }[];
        assessments: { focal: { note: string } | null; partner: unknown };
      }
    >();
    expect(profile.spectrumDetail.position).toBeCloseTo(0.75, 12); // (1 + 0.5) / 2
    expect(profile.spectrumDetail.stage).toBe('collaborative');
    expect(profile.spectrumDetail.agreement).toBeCloseTo(0.5, 12); // every indicator 0.5 apart
    expect(profile.integration).toBeCloseTo((3 + 3 + 4 + 3 + 2) / 5, 12);
    expect(profile.assessments.focal!.note).toBe('Key retail partner.');

    const bad = await call(as['M.manager']!, 'PUT', `/partners/${firm.R}/assessment`, {
      ...focalView,
      spectrum: { ...focalView.spectrum, importance: 6 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('importance');
    // the third firm cannot answer for a relationship it is not party to
    expect((await call(as['D.manager']!, 'PUT', `/partners/${firm.R}/assessment`, partnerView)).statusCode).toBe(404);
  });

  it('keeps a relationship from third firms in the database too', async () => {
    const rows = await sql.begin(async (tx) => {
      await tx`select set_config('app.firm_id', ${firm.D}, true), set_config('app.user_id', ${user['D.manager']!}, true),
                      set_config('role', 'accord_app', true)`;
      return tx`select count(*)::int as n from relationship_assessments where partner_firm_id = ${firm.R}`;
    });
    expect(rows[0]!.n).toBe(0);
    const [owner] =
      await sql`select count(*)::int as n from relationship_assessments where partner_firm_id = ${firm.R}`;
    expect(owner!.n).toBe(2);
  });

  it('names boundary spanners of one’s own firm only', async () => {
    const added = await call(as['M.manager']!, 'POST', `/partners/${firm.R}/contacts`, {
      userId: user['M.manager'],
      role: 'Key account manager',
    });
    expect(added.statusCode, added.body).toBe(201);
    const foreign = await call(as['M.manager']!, 'POST', `/partners/${firm.R}/contacts`, {
      userId: user['R.manager'],
      role: 'Buyer',
    });
    expect(foreign.statusCode).toBe(404);
    const seen = (await call(as['R.manager']!, 'GET', `/partners/${firm.R}`)).json<{
      contacts: { person: { id: string }; role: string }[];
    }>();
    expect(seen.contacts.map((c) => [c.person.id, c.role])).toEqual([[user['M.manager'], 'Key account manager']]);
  });
});

describe('the relationship health survey', () => {
  let roundId: string;

  it('is opened by the focal firm and answered by each side of each relationship', async () => {
    const refused = await call(as['D.manager']!, 'POST', '/surveys', { title: 'Q', opensOn: day(0), closesOn: day(7) });
    expect(refused.statusCode).toBe(403);
    const opened = await call(as['M.manager']!, 'POST', '/surveys', {
      title: 'This quarter',
      opensOn: day(0),
      closesOn: day(7),
    });
    expect(opened.statusCode, opened.body).toBe(201);
    roundId = opened.json<{ id: string; status: string }>().id;
    const view = opened.json<{ status: string; pending: string[] }>();
    expect(view.status).toBe('open');
    expect(view.pending.sort()).toEqual([firm.R, firm.D].sort());

    const incomplete = await call(as['R.manager']!, 'PUT', `/surveys/${roundId}/responses/${firm.R}`, {
      answers: { trust_1: 4 },
    });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json<{ code: string; errors: { path: string }[] }>().errors.map((e) => e.path)).toContain(
      '/answers/commitment_1',
    );
    expect(
      (await call(as['R.manager']!, 'PUT', `/surveys/${roundId}/responses/${firm.D}`, { answers: answersAt(3) }))
        .statusCode,
    ).toBe(404);

    for (const [who, partner, a] of [
      ['M.manager', firm.R, 4],
      ['R.manager', firm.R, 2],
      ['D.manager', firm.D, 5],
    ] as const) {
      const answered = await call(as[who]!, 'PUT', `/surveys/${roundId}/responses/${partner}`, {
        answers: answersAt(a),
      });
      expect(answered.statusCode, answered.body).toBe(200);
      expect(answered.json<{ dimensions: Record<string, number> }>().dimensions).toEqual({
        trust: a,
        commitment: a,
        satisfaction: a,
        information_sharing: a,
      });
    }
    const forR = (await call(as['R.manager']!, 'GET', `/surveys/${roundId}`)).json<{
      relationships: { firm: { id: string }; focal: { trust: number } | null; partner: { trust: number } | null }[];
    }>();
    expect(forR.relationships.map((r) => [r.firm.id, r.focal?.trust, r.partner?.trust])).toEqual([[firm.R, 4, 2]]);
  });

  it('takes no answers outside its dates', async () => {
    const past = await call(as['M.manager']!, 'POST', '/surveys', {
      title: 'Last week',
      opensOn: day(-9),
      closesOn: day(-2),
    });
    expect(past.statusCode).toBe(201);
    const late = await call(as['R.manager']!, 'PUT', `/surveys/${past.json<{ id: string }>().id}/responses/${firm.R}`, {
      answers: answersAt(3),
    });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'round_not_open' });
    const backwards = await call(as['M.manager']!, 'POST', '/surveys', {
      title: 'x',
      opensOn: day(3),
      closesOn: day(1),
    });
    expect(backwards.statusCode).toBe(422);
  });

  it('feeds the scorecard’s relationship measures, each firm seeing its own relationships', async () => {
    const card = await call(as['M.manager']!, 'POST', '/scorecards', { name: 'Bonds', periodKind: 'quarter' });
    expect(card.statusCode, card.body).toBe(201);
    const cardId = card.json<{ id: string }>().id;
    const read = async (who: string, viewer: string, subject: string, code = 'relationship_trust') => {
      await scoreNetwork(h.database.db, viewer, networkId, todayUtc());
      const view = await call(as[who]!, 'GET', `/scorecards/${cardId}/periods/current?subject=${subject}`);
      expect(view.statusCode, view.body).toBe(200);
      return view
        .json<{ measures: { measure: { code: string | null }; actual: number | null }[] }>()
        .measures.find((m) => m.measure.code === code)!.actual;
    };
    expect(await read('M.manager', firm.M, 'chain')).toBeCloseTo((4 + 2 + 5) / 3, 12);
    expect(await read('M.manager', firm.M, firm.R)).toBeCloseTo(3, 12); // both sides of M-R
    expect(await read('M.manager', firm.M, firm.D)).toBeCloseTo(5, 12);
    expect(await read('M.manager', firm.M, firm.M, 'relationship_commitment')).toBeCloseTo(11 / 3, 12);
    // R sees only its own relationship: D's answers are not in its chain
    expect(await read('R.manager', firm.R, 'chain')).toBeCloseTo(3, 12);
    expect(await read('R.manager', firm.R, firm.D)).toBeNull();
  });
});
