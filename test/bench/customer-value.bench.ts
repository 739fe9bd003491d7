// A customer-value recompute (set-based aggregation under row-level security, RFM, BG/NBD and
// Gamma-Gamma fits, CLV, cost-to-serve, profit, quadrants, whale curve, features written) by the real
// worker process on real PostgreSQL and Redis, against, on the same server in the same run:
//   the floor: a plain GROUP BY customer_key with sums only, materialised;
//   the baseline: one hand-written SQL aggregation of RFM (quintile scores) + revenue + cost-to-serve
//   over the same rows, materialised.
// The recompute runs twice: as a full rebuild from every line, and from the per-customer sums the
// database keeps as lines merge (what a recompute after a batch reads). Prints the times, the ratios
// and the worker's peak RSS.
// Then a batch lands: the 10M-line firm shares its sales with the whole network (so all seven demo
// members see them), every member is recomputed once, and a batch of BENCH_BATCH_LINES (1M) new lines
// merges (timed: the merge keeps the sums); from its commit, the time until every member's features
// and segments include it.
// Targets: a full rebuild within 1.5x the baseline and 4x the floor; worker RSS < 1 GB; the batch
// fresh for all seven members within 60 s.
//   pnpm bench customer-value    (BENCH_CUSTOMERS=1000000 BENCH_TRANSACTIONS=10000000 by default)
import { openDatabase } from '@accord/db';
import { createBullQueue } from '@accord/jobs';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { seedDemo } from '../../apps/api/src/modules/demo/demo.seed.ts';
import { startPostgres, startRedis } from '../../infra/local/services.ts';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);
const TRANSACTIONS = Number(process.env.BENCH_TRANSACTIONS ?? 10_000_000);
const BATCH_LINES = Number(process.env.BENCH_BATCH_LINES ?? 1_000_000);
const AS_OF = '2026-10-31';
const root = fileURLToPath(new URL('../..', import.meta.url));

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

const seconds = (from: number) => (performance.now() - from) / 1000;

/**
 * Synthetic sales: orders of two lines each, each order one customer and day; customers drawn with skew
 * (some buy far more often than others), each active from a first day for a lifetime of its own within
 * the two years before AS_OF (so some have dropped out); one line in fifty a return. Lines `from` to
 * `from + count - 1`; with `withinDays`, dated in the last that many days before AS_OF instead (a
 * recent batch).
 */
function generateLines(
  sql: postgres.Sql | postgres.TransactionSql,
  networkId: string,
  firmId: string,
  from: number,
  count: number,
  batchId: string,
  withinDays?: number,
) {
  const day = withinDays
    ? `date '${AS_OF}' - (abs(hashint8(o + 104729)) % ${withinDays})::int`
    : `date '${AS_OF}' - (first_ago - abs(hashint8(o + 7919)) % life)`;
  return sql.unsafe(
    `insert into transactions (network_id, firm_id, customer_key, batch_id, order_id, line_no, occurred_at, sku,
        quantity, net_amount, cost_amount, currency, channel)
     select $1, $2, encode(sha256(convert_to('customer-' || c, 'UTF8')), 'hex'), $5,
        'o-' || o, (g % 2) + 1, ${day} + interval '12 hours',
        'SKU-' || (g % 5000), case when g % 50 = 0 then -1 else 1 end,
        case when g % 50 = 0 then -((g % 4000) / 100.0 + 1) else (g % 9000) / 100.0 + 1 end,
        case when g % 50 = 0 then -((g % 4000) / 160.0) else (g % 9000) / 160.0 end,
        'EUR', (enum_range(null::sales_channel))[(o % 5) + 1]
     from generate_series($6::bigint, $6::bigint + $3 - 1) g,
          lateral (select g / 2 as o) ord,
          lateral (select floor($4 * power(abs(hashint8(o))::float8 / 2147483648.0, 1.5))::bigint as c) who,
          lateral (select 1 + abs(hashint8(c)) % 730 as first_ago) born,
          lateral (select 1 + abs(hashint8(c + 1)) % first_ago as life) active`,
    [networkId, firmId, count, CUSTOMERS, batchId, from],
  );
}

const cleanups: Array<() => Promise<void> | void> = [];
try {
  let databaseUrl = process.env.DATABASE_URL;
  let redisUrl = process.env.REDIS_URL;
  if (!databaseUrl) {
    const pg = await startPostgres();
    cleanups.push(() => pg.stop());
    databaseUrl = pg.url;
  }
  if (!redisUrl) {
    const redis = await startRedis();
    cleanups.push(() => redis.stop());
    redisUrl = redis.url;
  }
  const database = openDatabase({ url: databaseUrl, max: 2 });
  await database.migrate();
  await seedDemo(database.db);
  await database.close();

  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  cleanups.push(() => sql.end({ timeout: 5 }));
  const [target] = await sql<{ network_id: string; firm_id: string }[]>`
    select m.network_id, m.firm_id from network_memberships m join firms f on f.id = m.firm_id
    where f.slug = 'tailspin' and m.status = 'active' limit 1`;
  const { network_id: networkId, firm_id: firmId } = target!;
  await sql`insert into cost_models (network_id, firm_id, rates)
            values (${networkId}, ${firmId}, ${sql.json({
              perOrder: 2,
              perOrderLine: 0.5,
              perDelivery: 4,
              perExpeditedDelivery: 6,
              perReturn: 3,
              perServiceCase: 10,
              perActivity: {},
            })})
            on conflict (network_id, firm_id) do nothing`;

  // the lines, and the per-customer sums the database keeps as they merge
  const generated = performance.now();
  await sql`delete from transactions where network_id = ${networkId} and firm_id = ${firmId}`;
  await generateLines(sql, networkId, firmId, 0, TRANSACTIONS, '00000000-0000-4000-8000-00000000bec0');
  await sql`vacuum analyze transactions`;
  const [{ customers } = { customers: 0 }] = await sql<{ customers: number }[]>`
    select count(distinct customer_key)::int as customers from transactions where network_id = ${networkId} and firm_id = ${firmId}`;
  console.log(
    `data: ${TRANSACTIONS.toLocaleString('en')} transactions of ${customers.toLocaleString('en')} customers, generated in ${seconds(generated).toFixed(0)} s`,
  );

  // Floor: one pass grouping the lines by customer, sums only.
  await sql`set work_mem = '256MB'`;
  const floorStarted = performance.now();
  await sql.unsafe(
    `create temporary table floor_out as
     select customer_key, count(*) as lines, sum(net_amount) as net, sum(coalesce(cost_amount, 0)) as cogs
     from transactions where network_id = $1 and firm_id = $2 and occurred_at < date '${AS_OF}' + 1
     group by customer_key`,
    [networkId, firmId],
  );
  const floor = seconds(floorStarted);
  await sql`drop table floor_out`;

  // Baseline: RFM quintiles + revenue + cost-to-serve in one statement, as the table owner, materialised,
  // with the work_mem the recompute sets for itself.
  const baselineStarted = performance.now();
  await sql.unsafe(
    `create temporary table baseline_out as
     with per_customer as (
       select customer_key,
              date '${AS_OF}' - max((occurred_at at time zone 'UTC')::date) as recency_days,
              count(distinct (occurred_at at time zone 'UTC')::date) filter (where quantity > 0) as frequency,
              sum(net_amount) as revenue, sum(coalesce(cost_amount, 0)) as cogs,
              count(distinct order_id) * 2 + count(*) * 0.5 + count(*) filter (where quantity < 0) * 3 as cost_to_serve
       from transactions
       where network_id = $1 and firm_id = $2 and occurred_at < date '${AS_OF}' + 1
       group by customer_key)
     select *, revenue - cogs - cost_to_serve as profit,
            ntile(5) over (order by recency_days desc) as r, ntile(5) over (order by frequency) as f,
            ntile(5) over (order by revenue) as m
     from per_customer`,
    [networkId, firmId],
  );
  const baseline = seconds(baselineStarted);
  await sql`drop table baseline_out`;

  // The recompute, as the worker runs it after ingestion.
  // with the old-space cap of the worker package's start script
  const worker = spawn(process.execPath, ['--max-old-space-size=1024', '--import', 'tsx', 'apps/worker/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      WORKER_CONCURRENCY: '1',
      LOG_LEVEL: process.env.BENCH_WORKER_LOG ?? 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  cleanups.push(() => void worker.kill('SIGTERM'));
  const queue = createBullQueue(redisUrl);
  cleanups.push(() => queue.close());
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const idle = peakRssMb(worker.pid!);
  const latest = () =>
    sql<{ id: string; status: string; customers: number; error: string | null; models: unknown }[]>`
      select id, status, customers, error, models from feature_snapshots
      where network_id = ${networkId} and firm_id = ${firmId} order by started_at desc limit 1`;
  const recomputed = async (fromLines: boolean) => {
    const [before] = await latest();
    const started = performance.now();
    await queue.enqueue('recompute-customer-value', { firmId, networkId, asOf: AS_OF, fromLines });
    for (;;) {
      const [snapshot] = await latest();
      if (snapshot && snapshot.id !== before?.id && snapshot.status !== 'computing') {
        if (snapshot.status !== 'complete') throw new Error(`recompute ${snapshot.status}: ${snapshot.error}`);
        return { snapshot, seconds: seconds(started) };
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };
  const full = await recomputed(true);
  const fromSums = await recomputed(false);
  const workerPeak = peakRssMb(worker.pid!);
  const snapshot = full.snapshot;
  const recompute = full.seconds;

  // A batch lands on the network. First every member sees the big firm's sales and has a snapshot.
  const members = await sql<{ firm_id: string }[]>`
    select firm_id from network_memberships where network_id = ${networkId} and status = 'active'`;
  await sql`insert into sharing_agreements (network_id, owner_firm_id, grantee_firm_id, dataset, level, purpose, status)
            values (${networkId}, ${firmId}, null, 'transactions', 'customer', 'Joint customer value', 'active')`;
  /** Waits until every member has a complete snapshot started after `since` that read `batchId`, if given. */
  const allFresh = async (since: Date, batchId?: string) => {
    for (;;) {
      const fresh = await sql<{ firm_id: string; status: string; error: string | null }[]>`
        select distinct on (firm_id) firm_id, status, error from feature_snapshots
        where network_id = ${networkId} and started_at >= ${since} and status <> 'computing'
          and (${batchId ?? null}::uuid is null or through_batch_id = ${batchId ?? null}::uuid or status = 'failed')
        order by firm_id, started_at desc`;
      const failed = fresh.find((f) => f.status === 'failed');
      if (failed) throw new Error(`recompute failed: ${failed.error}`);
      if (fresh.length === members.length) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };
  const everyoneStarted = new Date();
  const everyone = performance.now();
  await queue.enqueue('recompute-network', { firmId, networkId });
  await allFresh(everyoneStarted);
  const allMembers = seconds(everyone);

  // The batch: new orders in the last 30 days, merged in one transaction with its batch row.
  const batchId = crypto.randomUUID();
  const merging = performance.now();
  await sql.begin(async (tx) => {
    await tx`insert into feed_batches (id, network_id, firm_id, dataset, format, compressed, idempotency_key, status,
                                       on_error, ignore_unknown, rows_received, rows_accepted, finished_at)
             values (${batchId}, ${networkId}, ${firmId}, 'transactions', 'csv', false, ${`bench-${batchId}`},
                     'succeeded', 'reject', false, ${BATCH_LINES}, ${BATCH_LINES}, clock_timestamp())`;
    await generateLines(tx, networkId, firmId, TRANSACTIONS, BATCH_LINES, batchId, 30);
  });
  const merge = seconds(merging);
  const committed = new Date();
  const freshening = performance.now();
  await queue.enqueue('recompute-network', { firmId, networkId });
  await allFresh(committed, batchId);
  const fresh = seconds(freshening);
  const batchPeak = peakRssMb(worker.pid!);

  console.log(`floor (GROUP BY customer_key, sums only): ${floor.toFixed(1)} s`);
  console.log(`baseline (one SQL statement, RFM + revenue + cost): ${baseline.toFixed(1)} s`);
  console.log(
    `full rebuild from lines (worker, ${snapshot.customers.toLocaleString('en')} customers): ${recompute.toFixed(1)} s`,
  );
  console.log(
    `ratio full rebuild / baseline: ${(recompute / baseline).toFixed(2)} (target <= 1.5); / floor: ${(recompute / floor).toFixed(2)} (target <= 4)`,
  );
  console.log(
    `recompute from the kept sums: ${fromSums.seconds.toFixed(1)} s (${(fromSums.seconds / baseline).toFixed(2)}x baseline, ${(fromSums.seconds / floor).toFixed(2)}x floor)`,
  );
  console.log(`worker peak RSS: ${workerPeak.toFixed(0)} MB (target < 1024; ${idle.toFixed(0)} MB idle)`);
  console.log(`all ${members.length} members recomputed from the kept sums, once: ${allMembers.toFixed(1)} s`);
  console.log(
    `batch of ${BATCH_LINES.toLocaleString('en')} lines merged (keeping the sums): ${merge.toFixed(1)} s; from its commit to fresh features and segments for all ${members.length} members: ${fresh.toFixed(1)} s (target <= 60); worker peak RSS ${batchPeak.toFixed(0)} MB`,
  );
  console.log(`models: ${JSON.stringify(snapshot.models)}`);
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup();
}
