// Recomputes one firm's customer features in a network, as of a day, from everything it may see: its
// own data and data granted to it at customer level (row-level security decides; aggregate-level
// grants never reach per-customer results). SQL aggregates per customer; the domain package scores
// RFM, fits BG/NBD and Gamma-Gamma, values customers, ranks profit and applies the joint scheme. The
// features and the snapshot's completion commit together, so readers see the previous snapshot until
// this one is whole. Other firms' rows read are written to their owners' access logs.
import {
  DEFAULT_ANNUAL_DISCOUNT_RATE,
  featureSnapshots,
  query,
  withTenant,
  type BulkLoad,
  type Database,
  type DatabaseHandle,
  type FittedModels,
  type SnapshotSettings,
  type TenantContext,
  type Transaction,
} from '@accord/db';
import {
  assignSegment,
  customerFeatureColumns,
  median,
  percentileRanks,
  profitabilityQuadrant,
  rfmScores,
  rfmSegment,
  todayUtc,
  whaleCurve,
  type CustomerFeatureColumn,
  type SchemeSegment,
} from '@accord/domain';
import { eq, sql } from 'drizzle-orm';
import { logOtherFirmsReads } from './access-log.ts';
import { newestVisibleBatch, type BatchMark } from './freshness.queries.ts';
import { customerAggregates, salesSource, type CustomerAggregateRow, type SalesSource } from './aggregate.queries.ts';
import { dataView, type DataView } from './data-view.queries.ts';
import { CustomerColumns, observedMargin } from './customer-columns.ts';
import { DAYS_PER_WEEK, fitCustomerModels, valueCustomers, type FittedCustomerModels } from './models.ts';
import { dropOldSnapshots } from './snapshots.ts';
import { currentScheme, firmCostModel, measureAlignment } from '../segmentation/segmentation.queries.ts';

const ROWS_PER_PIECE = 10_000;
const ROWS_PER_WRITE = 25_000;
/** Customers scored between turns of the event loop, so a features write in flight goes on. */
const SCORED_PER_TURN = 2_500;

export interface RecomputeRequest {
  firmId: string;
  networkId: string;
  /** The as-of day (YYYY-MM-DD, UTC); today by default. */
  asOf?: string | undefined;
  /**
   * Read every line rather than the per-customer sums the database keeps (a full rebuild: the same
   * features, at the cost of the whole history). Lines are read anyway for an as-of day before the
   * last line.
   */
  fromLines?: boolean | undefined;
}

/** A snapshot being computed, and what it is computed with. */
interface SnapshotJob {
  firmId: string;
  networkId: string;
  asOf: string;
  snapshotId: string;
  fromLines: boolean;
  view: DataView;
  costModel: Awaited<ReturnType<typeof firmCostModel>>;
  scheme: Awaited<ReturnType<typeof currentScheme>>;
}

/** Logs how long each phase of a recompute took, and the heap after it. */
interface Logger {
  debug(details: object, message: string): void;
  info(details: object, message: string): void;
}

/** The data a recompute read and the models fitted on it, kept for the next firm with the same view. */
interface SharedRead {
  through: BatchMark | null;
  data: CustomerColumns;
  fitted: FittedCustomerModels;
}

/**
 * What firms with the same view of the data share when recomputed one after the other: the aggregation
 * and the model fit, read and fitted once (the scoring is each firm's: its own CLV margin, discount and
 * thresholds). Holds one read, the last, so that memory stays that of one recompute: recompute firms
 * in the order of their views.
 */
export class SharedReads {
  #key: string | null = null;
  #read: SharedRead | null = null;
  get(key: string): SharedRead | null {
    return this.#key === key ? this.#read : null;
  }
  set(key: string, read: SharedRead) {
    this.#key = key;
    this.#read = read;
  }
}

/**
 * Runs one recompute; answers the snapshot id, or null when the firm is not an active member. With
 * `shared`, a firm whose view equals the previous one's takes that firm's read and fit.
 */
export async function recompute(
  database: DatabaseHandle,
  logger: Logger,
  { firmId, networkId, asOf = todayUtc(), fromLines = false }: RecomputeRequest,
  shared?: SharedReads,
): Promise<string | null> {
  const context: TenantContext = { firmId, userId: null };
  const started = performance.now();
  const job = await startSnapshot(database.db, firmId, networkId, asOf, fromLines);
  if (!job) return null;
  try {
    const customers = await database.bulkLoad(context, (load) => computeSnapshot(load, job, logger, shared));
    logger.info(
      { networkId, firmId, asOf, customers, ms: Math.round(performance.now() - started) },
      'customer value recomputed',
    );
    return job.snapshotId;
  } catch (error) {
    await withTenant(database.db, context, (tx) =>
      tx
        .update(featureSnapshots)
        .set({ status: 'failed', error: String(error), finishedAt: new Date() })
        .where(eq(featureSnapshots.id, job.snapshotId)),
    );
    throw error;
  }
}

/** A new computing snapshot and the firm's cost model and the network's scheme; null for a non-member. */
async function startSnapshot(
  db: Database,
  firmId: string,
  networkId: string,
  asOf: string,
  fromLines: boolean,
): Promise<SnapshotJob | null> {
  return withTenant(db, { firmId, userId: null }, async (tx) => {
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
      firmId,
      networkId,
      asOf,
      snapshotId: snapshot!.id,
      fromLines,
      view: await dataView(tx, networkId, firmId),
      costModel: await firmCostModel(tx, networkId, firmId),
      scheme: await currentScheme(tx, networkId),
    };
  });
}

/** Aggregates, values, scores and writes the snapshot's customers, then completes it; answers how many. */
async function computeSnapshot(
  load: BulkLoad,
  job: SnapshotJob,
  logger: Logger,
  shared: SharedReads | undefined,
): Promise<number> {
  const phases = phaseTimer();
  await prepareFeatureLoad(load);
  const readKey = `${job.asOf}|${job.fromLines}|${job.view.key}`;
  let read = shared?.get(readKey) ?? null;
  if (read) {
    phases.end('shared read');
  } else {
    // before the data is read: every batch merged by now is in what the aggregation reads
    const through = await newestVisibleBatch(load.tx, job.networkId);
    const data = await aggregateCustomers(load, job);
    phases.end('aggregate');
    read = { through, data, fitted: fitCustomerModels(data, DAYS_PER_WEEK) };
    phases.end('fit');
    shared?.set(readKey, read);
  }
  const { data, through } = read;
  const settings = snapshotSettings(data, job);
  const valued = await valueCustomers(data, settings, read.fitted);
  phases.end('value');
  await writeCustomers(load, job, data, valued, settings);
  phases.end('score and write');
  const tx = load.tx as Transaction;
  await logOtherFirmsReads(
    tx,
    { firmId: job.firmId, userId: null },
    job.networkId,
    job.asOf,
    'customer value recompute',
  );
  await completeSnapshot(tx, job, data, valued.models, settings, through);
  phases.end('finish');
  logger.debug({ networkId: job.networkId, firmId: job.firmId, ms: phases.all }, 'customer value phases');
  return data.length;
}

function phaseTimer() {
  const all: Record<string, { ms: number; heapMb: number }> = {};
  let mark = performance.now();
  return {
    all,
    end(name: string) {
      const now = performance.now();
      all[name] = { ms: Math.round(now - mark), heapMb: Math.round(process.memoryUsage().heapUsed / 1e6) };
      mark = now;
    },
  };
}

async function prepareFeatureLoad(load: BulkLoad) {
  // COPY cannot write to a table under row-level security: rows go through a temporary table of the
  // runtime role's own, then into customer_features by INSERT, which the policy checks (without the
  // columns every row shares, which the INSERT adds)
  await load.tx.execute(sql`create temporary table features_in (like customer_features) on commit drop`);
  await load.tx.execute(
    sql`alter table features_in drop column network_id, drop column snapshot_id, drop column firm_id`,
  );
  // the aggregation hashes and sorts per customer: in memory rather than in temporary files
  await load.tx.execute(sql`set local work_mem = '256MB'`);
  // read through a cursor, but planned for the whole result (sort and aggregate), not the first rows
  await load.tx.execute(sql`set local cursor_tuple_fraction = 1`);
}

/** Every customer the firm may see, aggregated in SQL, as columns. */
async function aggregateCustomers(load: BulkLoad, job: SnapshotJob): Promise<CustomerColumns> {
  const data = new CustomerColumns();
  const { sellers } = job.view;
  const source: SalesSource = job.fromLines ? 'lines' : await salesSource(load.tx, job.networkId, job.asOf, sellers);
  // The aggregation from lines reads every visible line of the network and sorts them by customer.
  // Reading the lines in the order of the (network, customer) index visits the table's pages at random,
  // once per line, which the planner underrates (about a third slower at 10M lines); a scan of the
  // whole table reads other networks' lines too. A bitmap scan of the network's index reads just its
  // pages, in table order.
  const bitmapOnly = source === 'lines';
  if (bitmapOnly) {
    await load.tx.execute(sql`set local enable_indexscan = off`);
    await load.tx.execute(sql`set local enable_seqscan = off`);
  }
  await load.stream<CustomerAggregateRow>(
    customerAggregates(job.networkId, job.asOf, sellers, source),
    ROWS_PER_PIECE,
    (rows) => {
      for (const row of rows) data.push(row);
    },
  );
  if (bitmapOnly) {
    await load.tx.execute(sql`reset enable_indexscan`);
    await load.tx.execute(sql`reset enable_seqscan`);
  }
  data.trim();
  return data;
}

/** CLV margin and discount, and the profitability matrix's split: where the firm says, or at the medians. */
function snapshotSettings(data: CustomerColumns, { costModel, scheme }: SnapshotJob): SnapshotSettings {
  return {
    margin: costModel?.clvMargin ?? observedMargin(data),
    marginSource: costModel?.clvMargin == null ? 'observed' : 'cost_model',
    annualDiscountRate: costModel?.annualDiscountRate ?? DEFAULT_ANNUAL_DISCOUNT_RATE,
    netMarginPctThreshold:
      costModel?.netMarginPctThreshold ?? median(data.netMarginPct.filter((v) => !Number.isNaN(v))) ?? 0,
    costToServeThreshold: costModel?.costToServeThreshold ?? median(data.costToServe) ?? 0,
    schemeVersion: scheme?.version ?? null,
  };
}

type Valued = Awaited<ReturnType<typeof valueCustomers>>;
type FeatureValues = Record<CustomerFeatureColumn, number | string | null>;

/**
 * Scores every customer (RFM, ranks, quadrant, joint segment) and writes the features. The server
 * writes one piece while the next is scored: one write in flight at a time, and the scoring yields
 * now and then so that the write's data flows.
 */
async function writeCustomers(
  load: BulkLoad,
  job: SnapshotJob,
  data: CustomerColumns,
  { models, expected, pAlive, clv }: Valued,
  settings: SnapshotSettings,
) {
  const rfm = rfmScores(data.recencyDays, data.days, data.monetary);
  const clvPercentile = percentileRanks(clv);
  const profitPercentile = percentileRanks(data.profit);
  const segments = (job.scheme?.segments ?? []) as SchemeSegment[];
  // set by snapshotSettings, never null here
  const thresholds = {
    netMarginPct: settings.netMarginPctThreshold ?? 0,
    costToServe: settings.costToServeThreshold ?? 0,
  };
  const known = (v: number) => (Number.isNaN(v) ? null : v);
  let writing: Promise<void> = Promise.resolve();
  const write = async (piece: (string | null)[][]) => {
    await writing;
    writing = writeFeatures(load, job, piece);
    writing.catch(() => {}); // awaited before the next piece and at the end
  };
  let rows: (string | null)[][] = [];
  for (let i = 0; i < data.length; i++) {
    if (i % SCORED_PER_TURN === SCORED_PER_TURN - 1) await new Promise((resolve) => setImmediate(resolve));
    const netMarginPct = known(data.netMarginPct[i]!);
    const values: FeatureValues = {
      customer_key: data.keys[i]!,
      recency_days: data.recencyDays[i]!,
      frequency: data.days[i]!,
      monetary: data.monetary[i]!,
      rfm_r: rfm.r[i]!,
      rfm_f: rfm.f[i]!,
      rfm_m: rfm.m[i]!,
      rfm_segment: rfmSegment(rfm.r[i]!, rfm.f[i]!, rfm.m[i]!),
      expected_purchases_12m: known(expected[i]!),
      p_alive: known(pAlive[i]!),
      clv_12m: known(clv[i]!),
      clv_percentile: models.bgNbd ? clvPercentile[i]! : null,
      net_revenue: data.netRevenue[i]!,
      cost_of_goods: data.costOfGoods[i]!,
      cost_to_serve: data.costToServe[i]!,
      profit: data.profit[i]!,
      net_margin_pct: netMarginPct,
      profit_percentile: profitPercentile[i]!,
      quadrant: profitabilityQuadrant(netMarginPct, data.costToServe[i]!, thresholds),
      segment: null,
      channels: data.channels[i]!,
      wallet_shares: data.walletShares[i]!,
    };
    if (segments.length) values.segment = assignSegment(values, segments);
    // the rules above compare money as numbers; the database gets it exact, as the aggregation gave it
    values.monetary = data.monetary[i]!.toFixed(6);
    values.net_revenue = data.netRevenueText[i]!;
    values.cost_of_goods = data.costOfGoodsText[i]!;
    values.cost_to_serve = data.costToServeText[i]!;
    values.profit = data.profitText[i]!;
    rows.push(customerFeatureColumns.map((column) => text(values[column])));
    if (rows.length === ROWS_PER_WRITE) {
      await write(rows);
      rows = [];
    }
  }
  if (rows.length) await write(rows);
  await writing;
}

const text = (v: number | string | null) => (v === null ? null : String(v));

async function writeFeatures(load: BulkLoad, snapshot: SnapshotJob, rows: (string | null)[][]) {
  await load.insertRows('features_in', customerFeatureColumns, rows);
  const columns = sql.raw(customerFeatureColumns.join(', '));
  await load.tx.execute(
    sql`insert into customer_features (network_id, snapshot_id, firm_id, ${columns})
        select ${snapshot.networkId}::uuid, ${snapshot.snapshotId}::uuid, ${snapshot.firmId}::uuid, ${columns} from features_in`,
  );
  await load.tx.execute(sql`truncate features_in`);
}

/** Completes the snapshot with its models, whale curve and the batch it includes, measures the firm's alignment, drops old ones. */
async function completeSnapshot(
  tx: Transaction,
  job: SnapshotJob,
  data: CustomerColumns,
  models: FittedModels,
  settings: SnapshotSettings,
  through: BatchMark | null,
) {
  await tx
    .update(featureSnapshots)
    .set({
      status: 'complete',
      customers: data.length,
      models,
      settings,
      whaleCurve: whaleCurve(data.profit),
      throughBatchId: through?.id ?? null,
      throughBatchAt: through?.mergedAt ?? null,
      finishedAt: new Date(),
    })
    .where(eq(featureSnapshots.id, job.snapshotId));
  if (job.scheme) await measureAlignment(tx, job.networkId, job.firmId, job.snapshotId, job.asOf, job.scheme.version);
  await dropOldSnapshots(tx, job.networkId, job.firmId, job.snapshotId);
}
