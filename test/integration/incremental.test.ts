// Customer value kept incrementally, on real PostgreSQL: the per-customer sums the database keeps as
// batches merge (customer_sales) give exactly the features a full rebuild from every line gives, for a
// firm that sees two sellers' lines (same-day purchases across sellers, returns, channels, each seller's
// rates); a restated line changes the sums and the features of exactly the customers it belongs to,
// before and after; and an as-of day before the last line is read from the lines.
import {
  dataView,
  recomputeCustomerValue,
  salesSource,
  SharedReads,
  snapshotFreshness,
  visibleSellers,
} from '@accord/analytics';
import { query, withTenant } from '@accord/db';
import { customerKey } from '@accord/domain';
import { cdnowSampleCsv, TRANSACTIONS_HEADER } from '@accord/fixtures/cdnow';
import { sql as statement } from 'drizzle-orm';
import pino from 'pino';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createFirm,
  joinNetwork,
  makerAndTwoRetailers,
  pushFeed,
  signIn,
  startHarness,
  type Harness,
  type SignedIn,
} from './harness.ts';

let h: Harness;
let sql: postgres.Sql;
let networkId: string;
let hashingKey: string;
const as: Record<'M' | 'R1' | 'R2', SignedIn> = {} as never;
const logger = pino({ level: 'silent' });
const AS_OF = '1998-12-31';

/** Every feature column but the snapshot's id, one text per customer, by key. */
async function features(snapshotId: string) {
  const rows = await sql<{ customer_key: string; row: string }[]>`
    select customer_key, (to_jsonb(f) - 'snapshot_id')::text as row from customer_features f
    where network_id = ${networkId} and snapshot_id = ${snapshotId} order by customer_key`;
  return new Map(rows.map((r) => [r.customer_key, r.row]));
}

/** The parts of a customer's features that follow from its own lines, whatever the model fit. */
async function ownFigures(snapshotId: string) {
  const rows = await sql<{ customer_key: string; row: string }[]>`
    select customer_key, concat_ws('|', recency_days, frequency, monetary, net_revenue, cost_of_goods, cost_to_serve,
                                   profit, channels, wallet_shares) as row
    from customer_features where network_id = ${networkId} and snapshot_id = ${snapshotId}`;
  return new Map(rows.map((r) => [r.customer_key, r.row]));
}

async function customerSales(firmId: string) {
  const rows = await sql<{ customer_key: string; row: string }[]>`
    select customer_key, (to_jsonb(c))::text as row from customer_sales c
    where network_id = ${networkId} and firm_id = ${firmId}`;
  return new Map(rows.map((r) => [r.customer_key, r.row]));
}

async function snapshot(id: string) {
  const [row] = await sql<{ customers: number; models: unknown; settings: unknown; whale_curve: unknown }[]>`
    select customers, models, settings, whale_curve from feature_snapshots where id = ${id}`;
  return row!;
}

/**
 * A recompute's snapshot id. Read its rows at once: the recomputes the worker runs after each batch keep
 * making snapshots too, and only the newest are kept.
 */
const recompute = async (firm: SignedIn, fromLines: boolean, asOf = AS_OF, shared?: SharedReads) =>
  (await recomputeCustomerValue(h.database, logger, { firmId: firm.firmId, networkId, asOf, fromLines }, shared))!;

const viewOf = (firm: SignedIn) =>
  withTenant(h.database.db, { firmId: firm.firmId, userId: null }, (tx) => dataView(tx, networkId, firm.firmId));

/** Counts the recomputes that took another firm's read. */
class CountedReads extends SharedReads {
  taken = 0;
  override get(key: string) {
    const read = super.get(key);
    if (read) this.taken += 1;
    return read;
  }
}

async function grant(owner: SignedIn, grantee: SignedIn) {
  const response = await h.app.inject({
    method: 'POST',
    url: `/v1/networks/${networkId}/agreements`,
    headers: owner.headers,
    payload: { granteeFirmId: grantee.firmId, dataset: 'transactions', level: 'customer', purpose: 'Joint value' },
  });
  expect(response.statusCode, response.body).toBe(201);
}

/** The keys whose entries differ between two maps (present in one only, or different). */
function changed(before: Map<string, string>, after: Map<string, string>) {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}

const keyOf = (id: string) => customerKey(hashingKey, id);

async function ingest(who: SignedIn, lines: string[]) {
  const batch = await pushFeed(h.app, who, networkId, 'transactions', [TRANSACTIONS_HEADER, ...lines].join('\n'));
  expect(batch.rowsRejected).toBe(0);
  return batch.id;
}

async function throughBatch(snapshotId: string) {
  const [row] = await sql<{ id: string | null; at: Date | null }[]>`
    select through_batch_id as id, through_batch_at as at from feature_snapshots where id = ${snapshotId}`;
  return row?.id && row.at ? { id: row.id, mergedAt: row.at } : null;
}

beforeAll(async () => {
  h = await startHarness();
  sql = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} });
  const made = await makerAndTwoRetailers(h, 'Sums', ['firm_admin', 'manager']);
  ({ networkId, hashingKey } = made);
  Object.assign(as, made.as);
  const rates = (perOrder: number) => ({
    perOrder,
    perOrderLine: 0.5,
    perDelivery: 0,
    perExpeditedDelivery: 0,
    perReturn: 3,
    perServiceCase: 0,
    perActivity: {},
  });
  for (const [who, perOrder] of [
    [as.R1, 2],
    [as.R2, 1.25],
  ] as const) {
    const put = await h.app.inject({
      method: 'PUT',
      url: `/v1/networks/${networkId}/cost-model`,
      headers: who.headers,
      payload: { rates: rates(perOrder), clvMargin: 0.3 },
    });
    expect(put.statusCode, put.body).toBe(200);
  }
  // R1: the CDNOW sample, in two batches (the second merges onto sums the first made)
  const [header, ...cdnow] = cdnowSampleCsv().csv.trim().split('\n');
  expect(header).toBe(TRANSACTIONS_HEADER);
  const half = Math.floor(cdnow.length / 2);
  await ingest(as.R1, cdnow.slice(0, half));
  await ingest(as.R1, cdnow.slice(half));
  // R2: customers who also buy at R1 (one on a day R1 sold to them too), a return, another channel, an
  // order of two lines, a customer of its own
  const sameDay = cdnow[0]!.split(',');
  await ingest(as.R2, [
    `r2-1,1,${sameDay[2]},${sameDay[3]},VINYL,1,100.00,USD,store`,
    `r2-2,1,1997-04-01,cdnow-0002,VINYL,1,50.00,USD,web`,
    `r2-2,2,1997-04-01,cdnow-0002,SLEEVE,2,7.50,USD,web`,
    `r2-3,1,1997-05-01,cdnow-0002,VINYL,-1,-50.00,USD,web`,
    `r2-4,1,1997-05-01,r2-only,VINYL,1,70.00,USD,phone`,
    `r2-5,1,1998-02-11,r2-only,VINYL,1,30.00,USD,store`,
    `r2-6,1,1998-03-01,cdnow-0003,VINYL,1,20.00,USD,store`,
  ]);
  // the rest of an order in a later batch (still one order), with a new one of the same customer
  await ingest(as.R2, [
    `r2-6,2,1998-03-01,cdnow-0003,SLEEVE,1,4.00,USD,store`,
    `r2-7,1,1998-03-02,cdnow-0003,VINYL,1,15.00,USD,mobile`,
  ]);
  // R1 and R2 grant their transactions to M at customer level
  for (const who of [as.R1, as.R2]) await grant(who, as.M);
}, 300_000);
afterAll(async () => {
  await sql?.end();
  await h?.close();
});

describe('freshness', () => {
  it('records the newest batch a snapshot read, and counts the batches merged after it', async () => {
    const snapshot = await recompute(as.M, false);
    const through = await throughBatch(snapshot);
    const [newest] = await sql<{ id: string }[]>`
      select id from feed_batches where network_id = ${networkId} and status = 'succeeded'
      order by finished_at desc limit 1`;
    expect(through?.id).toBe(newest!.id);
    const later = await ingest(as.R2, ['r2-9,1,1998-03-01,r2-only,VINYL,1,10.00,USD,store']);
    const asM = await withTenant(h.database.db, { firmId: as.M.firmId, userId: null }, (tx) =>
      snapshotFreshness(tx, networkId, through),
    );
    expect(asM).toMatchObject({ latestBatch: { id: later }, batchesBehind: 1 });
    expect(asM.secondsBehind).toBeGreaterThanOrEqual(0);
    // R1 is granted nothing: R2's batches are not its concern
    const asR1 = await withTenant(h.database.db, { firmId: as.R1.firmId, userId: null }, (tx) =>
      snapshotFreshness(tx, networkId, null),
    );
    expect(asR1.latestBatch?.id).not.toBe(later);
    const r1Batches =
      await sql`select 1 from feed_batches where network_id = ${networkId} and firm_id = ${as.R1.firmId}`;
    expect(asR1.batchesBehind).toBe(r1Batches.length);
    // the API answers it with the snapshot
    const page = await h.app.inject({
      url: `/v1/networks/${networkId}/customer-features?limit=1`,
      headers: as.M.headers,
    });
    expect(page.statusCode, page.body).toBe(200);
    const answered = page.json<{ snapshot: { freshness: { throughBatch: { id: string } | null } } }>();
    expect(answered.snapshot.freshness.throughBatch).not.toBeNull();
  });
});

describe('firms with the same view share one computation', () => {
  it('reads and fits once for two firms that see the same rows, with the features each would get alone', async () => {
    const d = await createFirm(h.database, 'Sums Distributor', 'distributor', ['manager']);
    await joinNetwork(h.database, networkId, [[d.firm.id, 'distributor']]);
    const D = await signIn(h.app, d.people.manager!.email);
    // D is granted what M is: the same view; R2 sees its own only
    for (const who of [as.R1, as.R2]) await grant(who, D);
    expect((await viewOf(D)).key).toBe((await viewOf(as.M)).key);
    expect((await viewOf(as.R2)).key).not.toBe((await viewOf(as.M)).key);
    const alone = await features(await recompute(D, false));
    const shared = new CountedReads();
    await recompute(as.M, false, AS_OF, shared);
    const together = await features(await recompute(D, false, AS_OF, shared));
    expect(shared.taken).toBe(1);
    expect(together.size).toBe(2358);
    expect(changed(alone, together)).toEqual([]);
    // another view reads for itself
    await recompute(as.R2, false, AS_OF, shared);
    expect(shared.taken).toBe(1);
  });
});

describe('customer value from the sums the database keeps', () => {
  it('gives exactly the features of a full rebuild from every line', async () => {
    const fromLines = await recompute(as.M, true);
    const [lines, a] = [await features(fromLines), await snapshot(fromLines)];
    const fromSums = await recompute(as.M, false);
    const [sums, b] = [await features(fromSums), await snapshot(fromSums)];
    expect(lines.size).toBe(2358);
    expect(changed(lines, sums)).toEqual([]);
    expect(b).toEqual(a);
    // the shared customers span both sellers
    const shared = JSON.parse(sums.get(keyOf('cdnow-0002'))!) as { wallet_shares: Record<string, number> };
    expect(Object.keys(shared.wallet_shares).sort()).toEqual([as.R1.firmId, as.R2.firmId].sort());
    // R2's orders of cdnow-0003: two, one of them over two batches
    const [sums3] = await sql<{ orders: number; lines: number }[]>`
      select orders, lines from customer_sales
      where network_id = ${networkId} and firm_id = ${as.R2.firmId} and customer_key = ${keyOf('cdnow-0003')}`;
    expect(sums3).toEqual({ orders: 2, lines: 3 });
  });

  it('changes exactly the customers of a restated line, before and after it', async () => {
    const before = await ownFigures(await recompute(as.M, false));
    const salesBefore = await customerSales(as.R1.firmId);
    // the first CDNOW line, restated: another customer, another amount
    const [order, lineNo, day, customer] = cdnowSampleCsv().csv.trim().split('\n')[1]!.split(',');
    await ingest(as.R1, [`${order},${lineNo},${day},cdnow-0100,CD,1,12.34,USD,store`]);
    const moved = [keyOf(customer!), keyOf('cdnow-0100')].sort();
    expect(changed(salesBefore, await customerSales(as.R1.firmId))).toEqual(moved);
    const after = await recompute(as.M, false);
    const [afterFigures, afterFeatures] = [await ownFigures(after), await features(after)];
    expect(changed(before, afterFigures)).toEqual(moved);
    // and the sums still agree with the lines
    expect(changed(await features(await recompute(as.M, true)), afterFeatures)).toEqual([]);
  });

  it('reads the lines for an as-of day before the last line, and agrees with a full rebuild there too', async () => {
    const early = '1997-02-28';
    const source = await withTenant(h.database.db, { firmId: as.M.firmId, userId: null }, async (tx) =>
      salesSource(tx, networkId, early, await visibleSellers(tx, networkId, as.M.firmId)),
    );
    expect(source).toBe('lines');
    const fromLines = await features(await recompute(as.M, true, early));
    expect(changed(fromLines, await features(await recompute(as.M, false, early)))).toEqual([]);
    expect(fromLines.size).toBeLessThan(2358);
  });

  it('sums only what a firm may see: R2 sees its own customers', async () => {
    const rows = await withTenant(h.database.db, { firmId: as.R2.firmId, userId: null }, (tx) =>
      query<{ firm_id: string }>(
        tx,
        statement`select distinct firm_id from customer_sales where network_id = ${networkId}::uuid`,
      ),
    );
    expect(rows.map((r) => r.firm_id)).toEqual([as.R2.firmId]);
  });
});
