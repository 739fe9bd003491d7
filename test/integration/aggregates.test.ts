// The aggregate-query layer (app_aggregate), run as the runtime role. Another firm's data at aggregate
// level must never show a group under k, and no subtraction of answers may isolate fewer than k
// customers: not of the total and one dimension's groups (by dimension), nor of one answer and a later
// one (over time), as the attack that once recovered one customer's order exactly did.
import fc from 'fast-check';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createFirm, startHarness, unique, type Harness } from './harness.ts';

let h: Harness;
let sql: postgres.Sql;
const firm = { O: '', G: '' };
const channels = ['store', 'web', 'mobile', 'phone', 'marketplace', 'other'] as const;

/** A day in the month `offset` months from now's (UTC): months two and more back are always released. */
function dayOfMonth(offset: number, day = 10): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, day)).toISOString();
}
const CLOSED = dayOfMonth(-2);

beforeAll(async () => {
  h = await startHarness();
  sql = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} });
  firm.O = (await createFirm(h.database, 'Aggregate owner', 'retailer', ['firm_admin'])).firm.id;
  firm.G = (await createFirm(h.database, 'Aggregate reader', 'manufacturer', ['firm_admin'])).firm.id;
});
afterAll(async () => {
  await sql?.end();
  await h?.close();
});

interface Row {
  owner_firm_id: string;
  min_group_size: number;
  grp: string | null;
  pooled: boolean;
  customers: string;
  row_count: string;
  amount: string | null;
  released_through: Date | null;
}

/**
 * Reads as `firmId` would. `through` stands in for the clock: the last month that may be released is
 * replaced for this one transaction only (and restored before it commits), as if time had passed.
 */
async function aggregateAs(firmId: string, networkId: string, dimension: string, through?: string): Promise<Row[]> {
  const rows = await sql.begin(async (tx) => {
    const [original] = await tx<
      Array<{ def: string }>
    >`select pg_get_functiondef('app_release_through'::regproc) as def`;
    if (through) {
      await tx.unsafe(`create or replace function app_release_through() returns date language sql stable
                       set search_path = public, pg_temp as $$ select date_trunc('month', '${through}'::date)::date $$`);
    }
    await tx`select set_config('app.firm_id', ${firmId}, true), set_config('role', 'accord_app', true)`;
    const answer = await tx<Row[]>`select * from app_aggregate('transactions', ${networkId}, ${dimension})`;
    if (through) {
      await tx`reset role`;
      await tx.unsafe(original!.def);
    }
    return answer;
  });
  return [...rows];
}

async function newNetwork(agreements: Array<{ level: 'customer' | 'aggregate'; k: number }>) {
  const [network] = await sql`insert into networks (name, focal_firm_id) values (${unique('Aggregates')}, ${firm.O})
                              returning id`;
  const networkId = network!.id as string;
  await sql`insert into network_memberships (network_id, firm_id, chain_role, status)
            values (${networkId}, ${firm.O}, 'retailer', 'active'), (${networkId}, ${firm.G}, 'manufacturer', 'active')`;
  for (const a of agreements) await agree(networkId, a.level, a.k);
  return networkId;
}

async function agree(networkId: string, level: 'customer' | 'aggregate', k: number) {
  await sql`insert into sharing_agreements (network_id, owner_firm_id, grantee_firm_id, dataset, level, min_group_size,
              purpose, status)
            values (${networkId}, ${firm.O}, ${firm.G}, 'transactions', ${level}, ${k}, 'sizing', 'active')`;
}

interface Fact {
  customer: string;
  at: string;
  channel: (typeof channels)[number];
  sku: string;
  currency: string;
  location: string | null;
  amount: number;
  quantity: number;
}

/** One sale in the closed month on the web, of 10.00 EUR for one unit of S, unless told otherwise. */
const sale = (customer: string, other: Partial<Fact> = {}): Fact => ({
  customer,
  at: CLOSED,
  channel: 'web',
  sku: 'S',
  currency: 'EUR',
  location: null,
  amount: 10,
  quantity: 1,
  ...other,
});

let orderSeq = 0;
async function load(networkId: string, facts: Fact[]) {
  if (!facts.length) return;
  const column = <K extends keyof Fact>(key: K) => facts.map((f) => f[key]);
  await sql`insert into transactions (network_id, firm_id, customer_key, batch_id, order_id, line_no, occurred_at, sku,
              quantity, net_amount, currency, channel, location_id)
            select ${networkId}, ${firm.O}, lpad(u.c, 64, '0'), '00000000-0000-4000-8000-000000000002', u.o, 1,
                   u.at::timestamptz, u.sku, u.q, u.a, u.cur, u.ch::sales_channel, u.loc
            from unnest(${column('customer')}::text[], ${facts.map(() => `o-${++orderSeq}`)}::text[],
                        ${column('at')}::text[], ${column('sku')}::text[], ${column('quantity')}::numeric[],
                        ${column('amount')}::numeric[], ${column('currency')}::text[], ${column('channel')}::text[],
                        ${column('location') as string[]}::text[])
                 as u(c, o, at, sku, q, a, cur, ch, loc)`;
}

/** A network of O and G where O's transactions have, per channel, the given number of distinct customers. */
async function networkWith(groups: number[], agreements: Array<{ level: 'customer' | 'aggregate'; k: number }>) {
  const networkId = await newNetwork(agreements);
  const facts: Fact[] = [];
  groups.forEach((customers, g) => {
    for (let c = 0; c < customers; c++) {
      // each customer buys twice: distinct customers, not rows, decide
      for (let line = 0; line < 2; line++) {
        facts.push(sale(`${g}-${c}`, { channel: channels[g]! }));
      }
    }
  });
  await load(networkId, facts);
  return networkId;
}

const dimensions = ['channel', 'sku', 'currency', 'location', 'month'] as const;
const sum = (rows: Row[], key: 'row_count' | 'amount') => rows.reduce((s, r) => s + Number(r[key] ?? 0), 0);
const rounded = (n: number) => Math.round(n * 100);
/** The figures of an answer, without the month they run to. */
const figures = (rows: Row[]) => rows.map(({ released_through: _, ...figures }) => figures);

describe('app_aggregate', () => {
  it('never returns a group under k, and pools the small groups into one "other" row when that reaches k', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: channels.length }),
        fc.array(
          fc.record({
            level: fc.constantFrom('customer' as const, 'aggregate' as const),
            k: fc.integer({ min: 2, max: 40 }),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        async (groups, agreements) => {
          const networkId = await networkWith(groups, agreements);
          const aggregateKs = agreements.filter((a) => a.level === 'aggregate').map((a) => a.k);
          // the stricter wins: the largest k of the aggregate agreements; customer level alone means 1
          const k = aggregateKs.length ? Math.max(...aggregateKs) : 1;
          const rows = await aggregateAs(firm.G, networkId, 'channel');
          for (const row of rows) {
            expect(row.owner_firm_id).toBe(firm.O);
            expect(row.min_group_size).toBe(k);
            expect(Number(row.customers)).toBeGreaterThanOrEqual(k);
            expect(row.released_through === null).toBe(k === 1);
          }
          const shown = rows.filter((r) => !r.pooled);
          const expected = groups
            .map((customers, g) => ({ grp: channels[g]!, customers }))
            .filter((g) => g.customers > 0 && g.customers >= k);
          expect(shown.map((r) => ({ grp: r.grp, customers: Number(r.customers) }))).toEqual(
            expected.sort((a, b) => a.grp.localeCompare(b.grp)),
          );
          const smallTotal = groups.filter((c) => c > 0 && c < k).reduce((sum, c) => sum + c, 0);
          const pooled = rows.filter((r) => r.pooled);
          expect(pooled.map((r) => Number(r.customers))).toEqual(smallTotal >= k ? [smallTotal] : []);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('gives away nothing by subtraction: the total minus a currency is never one customer’s order', async () => {
    const networkId = await newNetwork([{ level: 'aggregate', k: 50 }]);
    const facts: Fact[] = [];
    for (let c = 0; c < 60; c++) {
      facts.push(sale(`eur-${c}`, { amount: 20 }));
    }
    facts.push(sale('lone', { currency: 'USD', amount: 1234.56, quantity: 2 }));
    await load(networkId, facts);
    const total = await aggregateAs(firm.G, networkId, 'none');
    const byCurrency = await aggregateAs(firm.G, networkId, 'currency');
    expect(byCurrency.map((r) => [r.grp, Number(r.customers)])).toEqual([['EUR', 60]]);
    // the lone USD order is in no figure at all, so the total is the sum of the groups shown
    expect(total.map((r) => [Number(r.customers), Number(r.row_count), Number(r.amount)])).toEqual([[60, 60, 1200]]);

    // over time: a late order for the released month and one this month change nothing
    await load(networkId, [sale('late', { amount: 999 }), sale('eur-1', { at: dayOfMonth(0, 1), amount: 77 })]);
    expect(await aggregateAs(firm.G, networkId, 'none')).toEqual(total);
    // the month closes with one customer in it: still nothing to subtract
    expect(await aggregateAs(firm.G, networkId, 'none', dayOfMonth(0, 1))).toEqual([
      { ...total[0]!, released_through: expect.any(Date) as Date },
    ]);
    // the owner sees its own data live, however small
    const own = await aggregateAs(firm.O, networkId, 'currency');
    expect(own.map((r) => [r.grp, Number(r.customers), r.min_group_size, r.released_through])).toEqual([
      ['EUR', 61, 1, null],
      ['USD', 1, 1, null],
    ]);
  });

  it('withholds a group one customer dominates, from every figure', async () => {
    const networkId = await newNetwork([{ level: 'aggregate', k: 3 }]);
    const facts: Fact[] = [];
    for (let c = 0; c < 5; c++) {
      facts.push(sale(`s-${c}`, { channel: 'store' }), sale(`w-${c}`, { amount: c === 0 ? 500 : 10 }));
    }
    await load(networkId, facts);
    const byChannel = await aggregateAs(firm.G, networkId, 'channel');
    // web: one customer holds 500 of its 540, and counts towards no figure; the other four do
    expect(byChannel.map((r) => [r.grp, r.pooled, Number(r.amount)])).toEqual([
      ['store', false, 50],
      ['web', false, 40],
    ]);
    expect((await aggregateAs(firm.G, networkId, 'none')).map((r) => [Number(r.customers), Number(r.amount)])).toEqual([
      [9, 90],
    ]);
  });

  it('adds every dimension up to the same total, and changes only by whole released months of at least k customers', async () => {
    const fact = fc.record({
      customer: fc.integer({ min: 0, max: 40 }).map(String),
      month: fc.integer({ min: -4, max: 0 }),
      channel: fc.constantFrom('store' as const, 'web' as const, 'phone' as const),
      sku: fc.constantFrom('A', 'B', 'C', 'D'),
      currency: fc.constantFrom('EUR', 'USD', 'GBP'),
      location: fc.constantFrom('L1', 'L2', null),
      amount: fc.integer({ min: -50, max: 500 }),
      quantity: fc.integer({ min: 1, max: 5 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fact, { minLength: 0, maxLength: 150 }),
        fc.array(fact, { minLength: 0, maxLength: 80 }),
        fc.integer({ min: 2, max: 8 }),
        async (first, later, k) => {
          const networkId = await newNetwork([{ level: 'aggregate', k }]);
          const asFact = (f: (typeof first)[number]): Fact => ({
            ...f,
            at: dayOfMonth(f.month, 1 + (Number(f.customer) % 27)),
          });
          // one fact in the earliest month, so the first answer enters every month since in the ledger
          await load(networkId, [sale('0', { at: dayOfMonth(-4) }), ...first.map(asFact)]);
          const answer = async (through?: string) =>
            Object.fromEntries(
              await Promise.all(
                (['none', ...dimensions] as const).map(
                  async (d) => [d, await aggregateAs(firm.G, networkId, d, through)] as const,
                ),
              ),
            ) as Record<'none' | (typeof dimensions)[number], Row[]>;
          const check = (a: Record<string, Row[]>) => {
            const total = a.none!;
            expect(total.length).toBeLessThanOrEqual(1);
            for (const d of dimensions) {
              for (const row of a[d]!) expect(Number(row.customers)).toBeGreaterThanOrEqual(k);
              // every dimension adds up to the total: total minus any groups is a union of groups shown
              expect(sum(a[d]!, 'row_count')).toBe(sum(total, 'row_count'));
              expect(rounded(sum(a[d]!, 'amount'))).toBe(rounded(sum(total, 'amount')));
            }
          };
          const before = await answer();
          check(before);
          // later facts land in released months (restated or late) and in this month
          await load(networkId, later.map(asFact));
          const after = await answer();
          expect(after).toEqual(before);
          // this month closes: the figures change only by this month's released cells
          const closed = await answer(dayOfMonth(0, 1));
          check(closed);
          // months already answered are answered alike; the months newly released add their own cells
          const newly = closed.month.filter((r) => !before.month.some((b) => b.grp === r.grp));
          expect(figures(closed.month.filter((r) => !newly.includes(r)))).toEqual(figures(before.month));
          for (const r of newly) expect(Number(r.customers)).toBeGreaterThanOrEqual(k);
          expect(sum(closed.none, 'row_count') - sum(before.none, 'row_count')).toBe(sum(newly, 'row_count'));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('answers a month from the release a reader was first given, when the agreement later lowers k', async () => {
    const networkId = await newNetwork([{ level: 'aggregate', k: 6 }]);
    const facts: Fact[] = [];
    for (let c = 0; c < 8; c++) {
      facts.push(sale(`a-${c}`, { channel: 'store' }));
    }
    for (let c = 0; c < 3; c++) facts.push(sale(`b-${c}`));
    await load(networkId, facts);
    const atSix = await aggregateAs(firm.G, networkId, 'channel');
    expect(atSix.map((r) => [r.grp, Number(r.customers), r.min_group_size])).toEqual([['store', 8, 6]]);
    await sql`update sharing_agreements set status = 'revoked' where network_id = ${networkId}`;
    await agree(networkId, 'aggregate', 2);
    // web (3 customers) would pass at 2, and web = the difference of the two answers: not shown
    expect(await aggregateAs(firm.G, networkId, 'channel')).toEqual(atSix);
  });

  it("shows the acting firm's own groups however small, and nothing of a firm that granted nothing", async () => {
    const networkId = await networkWith([1, 3], []);
    const own = await aggregateAs(firm.O, networkId, 'channel');
    expect(own.map((r) => [r.grp, Number(r.customers), r.min_group_size])).toEqual([
      ['store', 1, 1],
      ['web', 3, 1],
    ]);
    expect(await aggregateAs(firm.G, networkId, 'channel')).toEqual([]);
  });

  it('refuses a dimension it does not know and a firm outside the network', async () => {
    const networkId = await networkWith([5], [{ level: 'aggregate', k: 2 }]);
    await expect(aggregateAs(firm.G, networkId, 'customer_key')).rejects.toThrow(/unknown dimension/);
    const outsider = (await createFirm(h.database, 'Aggregate outsider', 'retailer', ['firm_admin'])).firm.id;
    await expect(aggregateAs(outsider, networkId, 'channel')).rejects.toThrow(/not an active member/);
  });
});
