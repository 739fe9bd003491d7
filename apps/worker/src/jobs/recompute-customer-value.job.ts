// Recomputes one firm's customer features in a network, as of a day, from everything it may see: its
// own data and data granted to it at customer level (row-level security decides; aggregate-level
// grants never reach per-customer results). SQL aggregates per customer; the domain package scores
// RFM, fits BG/NBD and Gamma-Gamma, values customers, ranks profit and applies the joint scheme. The
// features and the snapshot's completion commit together, so readers see the previous snapshot until
// this one is whole. Other firms' rows read are written to their owners' access logs.
import {
  DEFAULT_ANNUAL_DISCOUNT_RATE,
  featureSnapshots,
  logReads,
  query,
  withTenant,
  type BulkLoad,
  type Database,
  type DatabaseHandle,
  type Dataset,
  type FittedModels,
  type Read,
  type SnapshotSettings,
  type TenantContext,
  type Transaction,
} from '@accord/db';
import {
  assignSegment,
  bgNbdProbabilityAlive,
  expectedPurchasesOverPeriods,
  fitBgNbd,
  fitGammaGamma,
  gammaGammaExpectedSpend,
  median,
  percentileRanks,
  profitabilityQuadrant,
  rfmScores,
  rfmSegment,
  whaleCurve,
  type BgNbdParams,
  type GammaGammaParams,
  type SchemeFeature,
  type SchemeSegment,
} from '@accord/domain';
import type { JobHandler, JobPayloads, JobQueue } from '@accord/jobs';
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import {
  customerAggregates,
  otherFirmsRows,
  visibleSellers,
  type CustomerAggregateRow,
} from './customer-value.queries.ts';
import { currentScheme, firmCostModel, measureAlignment } from './segmentation.queries.ts';

const ROWS_PER_PIECE = 10_000;
const ROWS_PER_WRITE = 25_000;
/**
 * Fits use at most this many customers, a deterministic sample by customer key beyond it: four
 * population parameters are estimated closely from tens of thousands of customers, and the fit's cost
 * grows with the rows while the optimiser searches.
 */
const MAX_FIT_CUSTOMERS = 20_000;
/** Customers valued between turns of the event loop, so the job's queue lock is renewed. */
const VALUED_PER_TURN = 20_000;
/** Customers scored between turns of the event loop, so a features write in flight goes on. */
const SCORED_PER_TURN = 2_500;
/** Fewer customers than this, or no repeat buyers, and the models are not fitted. */
const MIN_FIT_CUSTOMERS = 20;
const DAYS_PER_WEEK = 7;
const WEEKS_PER_MONTH = 365.25 / 12 / DAYS_PER_WEEK;
/** Complete snapshots kept per firm: the current one and the one before it. */
const KEEP_SNAPSHOTS = 2;

/** The columns of customer_features written per customer (the others are the snapshot's). */
const featureColumns = [
  'customer_key',
  'recency_days',
  'frequency',
  'monetary',
  'rfm_r',
  'rfm_f',
  'rfm_m',
  'rfm_segment',
  'expected_purchases_12m',
  'p_alive',
  'clv_12m',
  'clv_percentile',
  'net_revenue',
  'cost_of_goods',
  'cost_to_serve',
  'profit',
  'net_margin_pct',
  'profit_percentile',
  'quadrant',
  'segment',
  'channels',
  'wallet_shares',
] as const;

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

export function recomputeCustomerValue(
  database: DatabaseHandle,
  logger: Logger,
  queue: Pick<JobQueue, 'enqueue'>,
): JobHandler<'recompute-customer-value'> {
  return async (payload) => {
    const outcome = await database.exclusively(`customer-value:${payload.networkId}:${payload.firmId}`, () =>
      recompute(database, logger, payload),
    );
    if (outcome === 'busy') throw new Error('a recompute for this firm is running; retrying later');
    // the firm's scorecards read its customer value (profit, CLV, share of wallet)
    if (outcome !== null)
      await queue.enqueue(
        'recompute-scorecards',
        { firmId: payload.firmId, networkId: payload.networkId },
        { dedupeKey: `recompute-scorecards:${payload.networkId}:${payload.firmId}` },
      );
  };
}

/** Runs one recompute; answers the snapshot id, or null when the firm is not an active member. */
export async function recompute(
  database: DatabaseHandle,
  logger: Logger,
  { firmId, networkId, asOf = todayUtc() }: JobPayloads['recompute-customer-value'],
): Promise<string | null> {
  const context: TenantContext = { firmId, userId: null };
  const started = performance.now();
  const prepared = await withTenant(database.db, context, async (tx) => {
    const [member] = await query<{ active: boolean }>(
      tx,
      sql`select app_is_network_member(${networkId}::uuid) as active`,
    );
    if (!member?.active) return null;
    const [snapshot] = await tx
      .insert(featureSnapshots)
      .values({ networkId, firmId, asOf })
      .returning({ id: featureSnapshots.id });
    return {
      snapshotId: snapshot!.id,
      costModel: await firmCostModel(tx, networkId, firmId),
      scheme: await currentScheme(tx, networkId),
    };
  });
  if (!prepared) return null;
  const { snapshotId, costModel, scheme } = prepared;
  try {
    const customers = await database.bulkLoad(context, async (load) => {
      // COPY cannot write to a table under row-level security: rows go through a temporary table of
      // the runtime role's own, then into customer_features by INSERT, which the policy checks
      // (without the columns every row shares, which the INSERT adds)
      await load.tx.execute(sql`create temporary table features_in (like customer_features) on commit drop`);
      await load.tx.execute(
        sql`alter table features_in drop column network_id, drop column snapshot_id, drop column firm_id`,
      );
      // the aggregation hashes and sorts per customer: in memory rather than in temporary files
      await load.tx.execute(sql`set local work_mem = '256MB'`);
      // read through a cursor, but planned for the whole result (sort and aggregate), not the first rows
      await load.tx.execute(sql`set local cursor_tuple_fraction = 1`);
      const data = new CustomerColumns();
      const phases: Record<string, { ms: number; heapMb: number }> = {};
      let mark = performance.now();
      const phase = (name: string) => {
        const now = performance.now();
        phases[name] = { ms: Math.round(now - mark), heapMb: Math.round(process.memoryUsage().heapUsed / 1e6) };
        mark = now;
      };
      const sellers = await visibleSellers(load.tx, networkId, firmId);
      // The aggregation reads every visible line of the network and sorts them by customer. Reading
      // the lines in the order of the (network, customer) index visits the table's pages at random,
      // once per line, which the planner underrates (about a third slower at 10M lines); a scan of the
      // whole table reads other networks' lines too. A bitmap scan of the network's index reads just
      // its pages, in table order.
      await load.tx.execute(sql`set local enable_indexscan = off`);
      await load.tx.execute(sql`set local enable_seqscan = off`);
      await load.stream<CustomerAggregateRow>(customerAggregates(networkId, asOf, sellers), ROWS_PER_PIECE, (rows) => {
        for (const row of rows) data.push(row);
      });
      await load.tx.execute(sql`reset enable_indexscan`);
      await load.tx.execute(sql`reset enable_seqscan`);
      data.trim();
      phase('aggregate');
      const n = data.length;
      const marginObserved = observedMargin(data);
      // the profitability matrix splits where the firm says, or at the medians
      const thresholds = {
        netMarginPct:
          costModel?.netMarginPctThreshold ?? median(data.netMarginPct.filter((v) => !Number.isNaN(v))) ?? 0,
        costToServe: costModel?.costToServeThreshold ?? median(data.costToServe) ?? 0,
      };
      const settings: SnapshotSettings = {
        margin: costModel?.clvMargin ?? marginObserved,
        marginSource: costModel?.clvMargin == null ? 'observed' : 'cost_model',
        annualDiscountRate: costModel?.annualDiscountRate ?? DEFAULT_ANNUAL_DISCOUNT_RATE,
        netMarginPctThreshold: thresholds.netMarginPct,
        costToServeThreshold: thresholds.costToServe,
        schemeVersion: scheme?.version ?? null,
      };
      const { models, expected, pAlive, clv } = await valueCustomers(data, settings);
      phase('models');
      const rfm = rfmScores(data.recencyDays, data.days, data.monetary);
      const clvPercentile = percentileRanks(clv);
      const profitPercentile = percentileRanks(data.profit);
      const segments = (scheme?.segments ?? []) as SchemeSegment[];
      // The server writes one piece while the next is scored: one write in flight at a time, and the
      // scoring yields now and then so that the write's data flows.
      const shared = { networkId, snapshotId, firmId };
      let writing: Promise<void> = Promise.resolve();
      const write = async (piece: (string | null)[][]) => {
        await writing;
        writing = writeFeatures(load, shared, piece);
        writing.catch(() => {}); // awaited before the next piece and at the end
      };
      let rows: (string | null)[][] = [];
      for (let i = 0; i < n; i++) {
        if (i % SCORED_PER_TURN === SCORED_PER_TURN - 1) await new Promise((resolve) => setImmediate(resolve));
        const netMarginPct = Number.isNaN(data.netMarginPct[i]!) ? null : data.netMarginPct[i]!;
        const segmentOfRfm = rfmSegment(rfm.r[i]!, rfm.f[i]!, rfm.m[i]!);
        const quadrant = profitabilityQuadrant(netMarginPct, data.costToServe[i]!, thresholds);
        const known = (v: number) => (Number.isNaN(v) ? null : v);
        const features: Partial<Record<SchemeFeature, number | string | null>> = {
          recency_days: data.recencyDays[i]!,
          frequency: data.days[i]!,
          monetary: data.monetary[i]!,
          rfm_r: rfm.r[i]!,
          rfm_f: rfm.f[i]!,
          rfm_m: rfm.m[i]!,
          rfm_segment: segmentOfRfm,
          expected_purchases_12m: known(expected[i]!),
          p_alive: known(pAlive[i]!),
          clv_12m: known(clv[i]!),
          clv_percentile: models.bgNbd ? clvPercentile[i]! : null,
          net_revenue: data.netRevenue[i]!,
          cost_of_goods: data.costOfGoods[i]!,
          cost_to_serve: data.costToServe[i]!,
          profit: data.profit[i]!,
          profit_percentile: profitPercentile[i]!,
          quadrant,
          channels: data.channels[i]!,
        };
        const text = (v: number | string | null | undefined) => (v === null || v === undefined ? null : String(v));
        rows.push([
          data.keys[i]!,
          String(data.recencyDays[i]),
          String(data.days[i]),
          data.monetary[i]!.toFixed(6),
          String(rfm.r[i]),
          String(rfm.f[i]),
          String(rfm.m[i]),
          segmentOfRfm,
          text(features.expected_purchases_12m),
          text(features.p_alive),
          text(features.clv_12m),
          text(features.clv_percentile),
          data.netRevenueText[i]!,
          data.costOfGoodsText[i]!,
          data.costToServeText[i]!,
          data.profitText[i]!,
          text(netMarginPct),
          String(profitPercentile[i]),
          quadrant,
          segments.length ? assignSegment(features, segments) : null,
          String(data.channels[i]),
          data.walletShares[i]!,
        ]);
        if (rows.length === ROWS_PER_WRITE) {
          await write(rows);
          rows = [];
        }
      }
      if (rows.length) await write(rows);
      await writing;
      phase('score and write');
      await logOtherFirmsReads(
        load.tx as Transaction,
        { firmId, userId: null },
        networkId,
        asOf,
        'customer value recompute',
      );
      await load.tx
        .update(featureSnapshots)
        .set({
          status: 'complete',
          customers: n,
          models,
          settings,
          whaleCurve: whaleCurve(data.profit),
          finishedAt: new Date(),
        })
        .where(eq(featureSnapshots.id, snapshotId));
      if (scheme) await measureAlignment(load.tx as Transaction, networkId, firmId, snapshotId, asOf, scheme.version);
      await dropOldSnapshots(load.tx, networkId, firmId, snapshotId);
      phase('finish');
      logger.debug({ networkId, firmId, ms: phases }, 'customer value phases');
      return n;
    });
    logger.info(
      { networkId, firmId, asOf, customers, ms: Math.round(performance.now() - started) },
      'customer value recomputed',
    );
    return snapshotId;
  } catch (error) {
    await withTenant(database.db, context, (tx) =>
      tx
        .update(featureSnapshots)
        .set({ status: 'failed', error: String(error), finishedAt: new Date() })
        .where(eq(featureSnapshots.id, snapshotId)),
    );
    throw error;
  }
}

interface SharedColumns {
  networkId: string;
  snapshotId: string;
  firmId: string;
}

async function writeFeatures(load: BulkLoad, snapshot: SharedColumns, rows: (string | null)[][]) {
  await load.insertRows('features_in', featureColumns, rows);
  const columns = sql.raw(featureColumns.join(', '));
  await load.tx.execute(
    sql`insert into customer_features (network_id, snapshot_id, firm_id, ${columns})
        select ${snapshot.networkId}::uuid, ${snapshot.snapshotId}::uuid, ${snapshot.firmId}::uuid, ${columns} from features_in`,
  );
  await load.tx.execute(sql`truncate features_in`);
}

/** The per-customer aggregates as columns: typed arrays for numbers, text kept for exact money. */
export class CustomerColumns implements PurchaseHistories {
  length = 0;
  keys: string[] = [];
  days: Float64Array = new Float64Array(1024);
  recencyDays: Float64Array = new Float64Array(1024);
  spanDays: Float64Array = new Float64Array(1024);
  ageDays: Float64Array = new Float64Array(1024);
  monetary: Float64Array = new Float64Array(1024);
  /** Mean net amount of the repeat purchase days (0 without repeats). */
  zbar: Float64Array = new Float64Array(1024);
  netRevenue: Float64Array = new Float64Array(1024);
  costOfGoods: Float64Array = new Float64Array(1024);
  costToServe: Float64Array = new Float64Array(1024);
  profit: Float64Array = new Float64Array(1024);
  /** NaN when net revenue is not positive. */
  netMarginPct: Float64Array = new Float64Array(1024);
  channels: Float64Array = new Float64Array(1024);
  netRevenueText: string[] = [];
  costOfGoodsText: string[] = [];
  costToServeText: string[] = [];
  profitText: string[] = [];
  walletShares: string[] = [];

  push(row: CustomerAggregateRow) {
    if (this.length === this.days.length) this.grow();
    const i = this.length++;
    const days = Number(row.days);
    const amount = Number(row.purchase_amount);
    const net = Number(row.net_revenue);
    const cogs = Number(row.cost_of_goods);
    this.keys.push(row.customer_key);
    this.days[i] = days;
    this.recencyDays[i] = Number(row.recency_days);
    this.spanDays[i] = Number(row.span_days);
    this.ageDays[i] = Number(row.age_days);
    this.monetary[i] = amount / days;
    this.zbar[i] = days > 1 ? (amount - Number(row.first_amount)) / (days - 1) : 0;
    this.netRevenue[i] = net;
    this.costOfGoods[i] = cogs;
    this.costToServe[i] = Number(row.cost_to_serve);
    this.profit[i] = Number(row.profit);
    this.netMarginPct[i] = net > 0 ? (net - cogs) / net : Number.NaN;
    this.channels[i] = Number(row.channels);
    this.netRevenueText.push(row.net_revenue);
    this.costOfGoodsText.push(row.cost_of_goods);
    this.costToServeText.push(row.cost_to_serve);
    this.profitText.push(row.profit);
    this.walletShares.push(row.wallet_shares);
  }

  /** Cuts the columns to the rows pushed, once all are in. */
  trim() {
    this.resize((a) => a.subarray(0, this.length));
  }

  private grow() {
    this.resize((a) => {
      const b = new Float64Array(a.length * 2);
      b.set(a);
      return b;
    });
  }

  private resize(grown: (a: Float64Array) => Float64Array) {
    this.days = grown(this.days);
    this.recencyDays = grown(this.recencyDays);
    this.spanDays = grown(this.spanDays);
    this.ageDays = grown(this.ageDays);
    this.monetary = grown(this.monetary);
    this.zbar = grown(this.zbar);
    this.netRevenue = grown(this.netRevenue);
    this.costOfGoods = grown(this.costOfGoods);
    this.costToServe = grown(this.costToServe);
    this.profit = grown(this.profit);
    this.netMarginPct = grown(this.netMarginPct);
    this.channels = grown(this.channels);
  }
}

/** Gross margin of everything seen, for CLV when the firm set none: (revenue - cost of goods) / revenue. */
function observedMargin(data: CustomerColumns): number {
  let net = 0;
  let cogs = 0;
  for (let i = 0; i < data.length; i++) {
    net += data.netRevenue[i]!;
    cogs += data.costOfGoods[i]!;
  }
  return net > 0 ? Math.min(1, Math.max(0, (net - cogs) / net)) : 0;
}

/** Purchase histories as columns: purchase days, first-to-last and first-to-end spans in days. */
export interface PurchaseHistories {
  length: number;
  keys: readonly string[];
  days: ArrayLike<number>;
  spanDays: ArrayLike<number>;
  ageDays: ArrayLike<number>;
  /** Mean net amount of the repeat purchase days (0 without repeats). */
  zbar: ArrayLike<number>;
}

/**
 * Fits BG/NBD on (x, t_x, T) and Gamma-Gamma on the repeat buyers' mean repeat spend, in a time unit
 * of `unitDays` days. Customers sharing (x, t_x, T) are weighted into one row; beyond MAX_FIT_CUSTOMERS
 * the fits use a sample chosen by customer key (keys are uniform hashes). No fit with fewer than
 * MIN_FIT_CUSTOMERS customers or repeat buyers.
 */
export function fitCustomerModels(h: PurchaseHistories, unitDays: number) {
  const n = h.length;
  const sampled = n > MAX_FIT_CUSTOMERS ? MAX_FIT_CUSTOMERS / n : 1;
  const inFit = (i: number) => sampled === 1 || parseInt(h.keys[i]!.slice(0, 8), 16) / 0x1_0000_0000 < sampled;
  const rows = new Map<string, number>();
  const ggX: number[] = [];
  const ggZbar: number[] = [];
  let fitted = 0;
  for (let i = 0; i < n; i++) {
    if (!inFit(i)) continue;
    fitted++;
    const x = h.days[i]! - 1;
    const key = `${x},${h.spanDays[i]},${h.ageDays[i]}`;
    rows.set(key, (rows.get(key) ?? 0) + 1);
    if (x > 0 && h.zbar[i]! > 0) {
      ggX.push(x);
      ggZbar.push(h.zbar[i]!);
    }
  }
  const models: FittedModels = { bgNbd: null, gammaGamma: null, fittedCustomers: fitted, repeatCustomers: ggX.length };
  if (fitted < MIN_FIT_CUSTOMERS || ggX.length < MIN_FIT_CUSTOMERS) return { models, bgNbd: null, gammaGamma: null };
  const unique = [...rows.entries()];
  const x = new Float64Array(unique.length);
  const tx = new Float64Array(unique.length);
  const T = new Float64Array(unique.length);
  const weight = new Float64Array(unique.length);
  unique.forEach(([key, count], j) => {
    const [xs, span, age] = key.split(',').map(Number) as [number, number, number];
    x[j] = xs;
    tx[j] = span / unitDays;
    T[j] = age / unitDays;
    weight[j] = count;
  });
  const bg = fitBgNbd({ x, tx, T, weight });
  const gg = fitGammaGamma({ x: ggX, zbar: ggZbar });
  const bgNbd: BgNbdParams = { r: bg.r, alpha: bg.alpha, a: bg.a, b: bg.b };
  const gammaGamma: GammaGammaParams = { p: gg.p, q: gg.q, gamma: gg.gamma };
  models.bgNbd = { ...bgNbd, logLikelihood: bg.logLikelihood };
  models.gammaGamma = { ...gammaGamma, logLikelihood: gg.logLikelihood };
  return { models, bgNbd, gammaGamma };
}

/**
 * Each customer's expected purchases and CLV over the next 12 months, and probability alive (weeks).
 * The purchase side depends on (x, t_x, T) alone, whole days here, which customers often share (all
 * one-time buyers of a day, for one): it is computed once per distinct history.
 */
async function valueCustomers(data: CustomerColumns, settings: SnapshotSettings) {
  const n = data.length;
  const expected = new Float64Array(n).fill(Number.NaN);
  const pAlive = new Float64Array(n).fill(Number.NaN);
  const clv = new Float64Array(n).fill(Number.NaN);
  const { models, bgNbd, gammaGamma } = fitCustomerModels(data, DAYS_PER_WEEK);
  if (!bgNbd || !gammaGamma) return { models, expected, pAlive, clv };
  const monthlyDiscount = (1 + settings.annualDiscountRate) ** (1 / 12) - 1;
  const discounted = new Float64Array(n);
  // history -> the first customer with it; one number while it fits a double: x < 2^20, days < 2^16
  const firstWith = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    if (i % VALUED_PER_TURN === VALUED_PER_TURN - 1) await new Promise((resolve) => setImmediate(resolve));
    const x = data.days[i]! - 1;
    const spanDays = data.spanDays[i]!;
    const ageDays = data.ageDays[i]!;
    const history = x < 0x10_0000 && ageDays < 0x1_0000 ? (x * 0x1_0000 + spanDays) * 0x1_0000 + ageDays : -1;
    const seen = firstWith.get(history);
    if (seen === undefined) {
      const tx = spanDays / DAYS_PER_WEEK;
      const T = ageDays / DAYS_PER_WEEK;
      const periods = { bgNbd, x, tx, T, periods: 12, unitsPerPeriod: WEEKS_PER_MONTH, discountRate: monthlyDiscount };
      const purchases = expectedPurchasesOverPeriods(periods);
      expected[i] = purchases.expected;
      discounted[i] = purchases.discounted;
      pAlive[i] = bgNbdProbabilityAlive(bgNbd, x, tx, T);
      if (history >= 0) firstWith.set(history, i);
    } else {
      expected[i] = expected[seen]!;
      discounted[i] = discounted[seen]!;
      pAlive[i] = pAlive[seen]!;
    }
    clv[i] = discounted[i]! * gammaGammaExpectedSpend(gammaGamma, x, data.zbar[i]!) * settings.margin;
  }
  return { models, expected, pAlive, clv };
}

export async function logOtherFirmsReads(
  tx: Transaction,
  reader: { firmId: string; userId: string | null },
  networkId: string,
  asOf: string,
  reading: string,
) {
  const counts = await query<{ firm_id: string; dataset: Dataset; rows: number }>(
    tx,
    otherFirmsRows(networkId, reader.firmId, asOf),
  );
  const reads: Read[] = counts.map((c) => ({
    ownerFirmId: c.firm_id,
    dataset: c.dataset,
    level: 'customer',
    reading,
    rowCount: c.rows,
  }));
  await logReads(tx, reader, networkId, reads);
}

/** Keeps the newest complete snapshots (and the one just made); older and failed ones go. */
async function dropOldSnapshots(tx: Database | Transaction, networkId: string, firmId: string, current: string) {
  const kept = await tx
    .select({ id: featureSnapshots.id })
    .from(featureSnapshots)
    .where(
      and(
        eq(featureSnapshots.networkId, networkId),
        eq(featureSnapshots.firmId, firmId),
        eq(featureSnapshots.status, 'complete'),
      ),
    )
    .orderBy(desc(featureSnapshots.finishedAt))
    .limit(KEEP_SNAPSHOTS);
  const keep = [current, ...kept.map((k) => k.id)];
  await tx.delete(featureSnapshots).where(
    and(
      eq(featureSnapshots.networkId, networkId),
      eq(featureSnapshots.firmId, firmId),
      ne(featureSnapshots.status, 'computing'),
      sql`${featureSnapshots.id} not in (${sql.join(
        keep.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    ),
  );
}
