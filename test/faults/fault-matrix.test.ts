// The fault matrix: the API and the worker as separate processes on real PostgreSQL and Redis, and
// the faults production has (a database restart mid-load and mid-recompute, a worker started before
// the database, a worker killed mid-batch, Redis restarted empty, an API killed mid-upload and the
// pipeline's retry, a deploy in the middle of a load). Each case ends with the fact table equal to
// the input, row for row and cent for cent, and every process alive that was not told to stop.
import {
  customerFeatures,
  feedBatchChunks,
  feedBatches,
  openDatabase,
  transactions,
  type DatabaseHandle,
} from '@accord/db';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, startRedis, type LocalPostgres, type LocalService } from '../../infra/local/services.ts';
import { startStack, type Stack } from './processes.ts';

const ROWS = 300_000;
const CUSTOMERS = 5000;

let postgres: LocalPostgres;
let redis: LocalService;
let stack: Stack;
let owner: DatabaseHandle;
let headers: Record<string, string>;
let firmId: string;
let networkId: string;
let counter = 0;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A feed whose exact total is known: amounts in whole cents, summed as integers. */
function feed(prefix: string) {
  const lines = ['order_id,line_no,occurred_at,customer_id,sku,quantity,net_amount,currency,channel'];
  let cents = 0n;
  for (let i = 1; i <= ROWS; i++) {
    const amount = (i * 7919) % 100_000;
    cents += BigInt(amount);
    lines.push(
      `${prefix}-${i},1,2026-02-${String((i % 28) + 1).padStart(2, '0')},c${i % CUSTOMERS}@example.net,SKU-${i % 50},1,${Math.floor(amount / 100)}.${String(amount % 100).padStart(2, '0')},EUR,web`,
    );
  }
  return { body: `${lines.join('\n')}\n`, cents };
}

async function api(path: string, init: RequestInit = {}) {
  return fetch(`${stack.apiUrl}${path}`, {
    ...init,
    headers: { ...headers, ...(init.headers as Record<string, string>) },
    signal: AbortSignal.timeout(30_000),
  });
}

async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 180_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

interface BatchView {
  status: string;
  rowsReceived: number;
  rowsAccepted: number;
}

async function batchOf(id: string): Promise<BatchView | undefined> {
  const response = await api(`/v1/networks/${networkId}/batches/${id}`);
  return response.status === 200 ? ((await response.json()) as BatchView) : undefined;
}

const finished = (id: string) =>
  until(async () => {
    const batch = await batchOf(id);
    return batch && (batch.status === 'succeeded' || batch.status === 'failed') ? batch : undefined;
  }, `batch ${id} to finish`);

const feedUrl = () => `${stack.apiUrl}/v1/networks/${networkId}/feeds/transactions`;

function pushWithKey(body: string, idempotencyKey: string) {
  return api(`/v1/networks/${networkId}/feeds/transactions`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', 'idempotency-key': idempotencyKey },
    body,
  });
}

async function push(body: string): Promise<string> {
  const response = await pushWithKey(body, `fault-${Date.now()}-${counter++}`);
  expect(response.status).toBe(202);
  return ((await response.json()) as { id: string }).id;
}

/** One sample of the worker's Prometheus metrics, 0 when absent. */
async function workerMetric(sample: string): Promise<number> {
  const text = await (await fetch(stack.workerMetricsUrl, { signal: AbortSignal.timeout(5000) })).text();
  const line = text.split('\n').find((l) => l.startsWith(`${sample} `));
  return line ? Number(line.slice(sample.length + 1)) : 0;
}

/** Pushes a feed and answers once the worker is in the middle of it (rows read, not yet merged). */
async function pushAndCatchMidway(body: string): Promise<string> {
  const id = await push(body);
  const midway = await until(async () => {
    const batch = await batchOf(id);
    return batch?.status === 'validating' && batch.rowsReceived > 0 ? batch : undefined;
  }, 'the worker to be midway');
  expect(midway.rowsReceived).toBeLessThan(ROWS);
  return id;
}

async function facts(prefix: string) {
  const [row] = await owner.db
    .select({
      rows: sql<number>`count(*)::int`,
      cents: sql<string>`coalesce(sum(${transactions.netAmount} * 100), 0)::bigint::text`,
    })
    .from(transactions)
    .where(and(eq(transactions.firmId, firmId), sql`${transactions.orderId} like ${`${prefix}-%`}`));
  return { rows: row!.rows, cents: BigInt(row!.cents) };
}

async function landedExactlyOnce(id: string, prefix: string, cents: bigint) {
  expect(await finished(id)).toMatchObject({ status: 'succeeded', rowsReceived: ROWS, rowsAccepted: ROWS });
  expect(await facts(prefix)).toEqual({ rows: ROWS, cents });
}

async function signIn() {
  const response = await fetch(`${stack.apiUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@adventure.example', password: 'accord-demo' }),
  });
  expect(response.status).toBe(200);
  const session = (await response.json()) as { accessToken: string; firm: { id: string } };
  headers = { authorization: `Bearer ${session.accessToken}` };
  firmId = session.firm.id;
}

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  stack = await startStack(postgres, redis);
  owner = openDatabase({ url: postgres.url, max: 2 });
  await signIn();
  const networks = (await (await api('/v1/networks')).json()) as { items: Array<{ id: string }> };
  networkId = networks.items[0]!.id;
}, 180_000);

afterAll(async () => {
  await stack?.stopAll();
  await owner?.close();
  await Promise.all([postgres?.stop(), redis?.stop()]);
});

describe('PostgreSQL restarted', () => {
  it('mid-load: the API answers 503 meanwhile, the worker waits, and the batch lands exactly once', async () => {
    const prefix = `pgload${counter++}`;
    const { body, cents } = feed(prefix);
    const id = await pushAndCatchMidway(body);
    // down long enough that a probe lands in the gap even when a busy machine answers slowly
    const restart = postgres.restart({ downMs: 8000 });
    // while PostgreSQL is away: a clear, retryable answer, and readiness says why
    const during = await until(async () => {
      const response = await api(`/v1/networks/${networkId}`);
      return response.status === 503 ? response : undefined;
    }, 'a 503 while the database is down');
    expect(during.headers.get('content-type')).toContain('application/problem+json');
    expect(during.headers.get('retry-after')).toBe('5');
    expect(((await during.json()) as { code: string }).code).toBe('database_unavailable');
    const ready = await fetch(`${stack.apiUrl}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'not_ready', database: 'down' });
    await restart;

    await landedExactlyOnce(id, prefix, cents);
    expect(stack.api.alive(), stack.api.errors()).toBe(true);
    expect(stack.worker.alive(), stack.worker.errors()).toBe(true);
    expect((await api(`/v1/networks/${networkId}`)).status).toBe(200);
    // and the operator sees what happened
    expect(await workerMetric('accord_database_unavailable_total')).toBeGreaterThanOrEqual(1);
    expect(await workerMetric('accord_database_connections_closed_total')).toBeGreaterThanOrEqual(1);
    expect(
      await workerMetric('accord_batches_finished_total{dataset="transactions",status="succeeded"}'),
    ).toBeGreaterThanOrEqual(1);
  }, 300_000);

  it('as the recompute after a load runs: the customer features still follow the batch', async () => {
    const prefix = `pgrecompute${counter++}`;
    const { body, cents } = feed(prefix);
    const id = await push(body);
    await landedExactlyOnce(id, prefix, cents);
    // the load's follow-ups (customer value, then scorecards) start as the batch commits
    await postgres.restart({ downMs: 1000 });
    const features = await until(async () => {
      const [row] = await owner.db
        .select({ customers: sql<number>`count(*)::int` })
        .from(customerFeatures)
        .where(and(eq(customerFeatures.firmId, firmId), eq(customerFeatures.networkId, networkId)));
      return row && row.customers >= CUSTOMERS ? row.customers : undefined;
    }, 'the customer features after the restart');
    expect(features).toBeGreaterThanOrEqual(CUSTOMERS);
    expect(stack.worker.alive(), stack.worker.errors()).toBe(true);
    expect(stack.api.alive(), stack.api.errors()).toBe(true);
  }, 300_000);
});

describe('a worker started before PostgreSQL is up', () => {
  it('waits for it, then takes the batch', async () => {
    stack.worker.process.kill('SIGKILL');
    await stack.worker.exited;
    const prefix = `early${counter++}`;
    const { body, cents } = feed(prefix);
    const id = await push(body); // stored; no worker takes it
    const restart = postgres.restart({ downMs: 4000 });
    await sleep(500);
    const worker = stack.startWorker();
    await restart;
    await landedExactlyOnce(id, prefix, cents);
    expect(worker.alive(), worker.errors()).toBe(true);
  }, 300_000);
});

describe('a deploy during a load', () => {
  it('stops the API and the worker within 10 s on SIGTERM, and the started ones finish the batch', async () => {
    const prefix = `deploy${counter++}`;
    const { body, cents } = feed(prefix);
    const id = await pushAndCatchMidway(body);
    const stopping = Date.now();
    stack.worker.process.kill('SIGTERM');
    stack.api.process.kill('SIGTERM');
    const [workerExit, apiExit] = await Promise.all([stack.worker.exited, stack.api.exited]);
    const stoppedMs = Date.now() - stopping;
    expect({ workerExit, apiExit }, stack.worker.errors() + stack.api.errors()).toEqual({ workerExit: 0, apiExit: 0 });
    expect(stoppedMs).toBeLessThan(10_000);
    await stack.startApi();
    stack.startWorker();
    await landedExactlyOnce(id, prefix, cents);
  }, 300_000);
});

describe('the worker killed mid-batch', () => {
  it('is replaced, and the batch lands exactly once', async () => {
    const prefix = `kill${counter++}`;
    const { body, cents } = feed(prefix);
    const id = await pushAndCatchMidway(body);
    stack.worker.process.kill('SIGKILL');
    await stack.worker.exited;
    const worker = stack.startWorker();
    await landedExactlyOnce(id, prefix, cents);
    expect(worker.alive(), worker.errors()).toBe(true);
    expect(stack.api.alive(), stack.api.errors()).toBe(true);
  }, 300_000);
});

describe('Redis restarted empty mid-batch', () => {
  it('loses the queue, not the batch: the worker, still running, queues it again and it lands once', async () => {
    const prefix = `redis${counter++}`;
    const { body, cents } = feed(prefix);
    const id = await pushAndCatchMidway(body);
    await redis.stop();
    redis = await startRedis({ port: redis.port }); // no persistence: every job is gone
    await landedExactlyOnce(id, prefix, cents);
    expect(stack.worker.alive(), stack.worker.errors()).toBe(true);
    expect(stack.api.alive(), stack.api.errors()).toBe(true);
    // and the API queues to the new Redis: the next batch lands too
    const next = `redisafter${counter++}`;
    const after = feed(next);
    await landedExactlyOnce(await push(after.body), next, after.cents);
  }, 300_000);
});

describe('the API killed mid-upload', () => {
  it("leaves an upload the pipeline's retry with the same Idempotency-Key takes over, and it lands once", async () => {
    const prefix = `apikill${counter++}`;
    const { body, cents } = feed(prefix);
    const key = `apikill-${Date.now()}`;
    // the first half of the body arrives, then the API dies under it
    const bytes = new TextEncoder().encode(body);
    const first = fetch(feedUrl(), {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/csv', 'idempotency-key': key },
      body: new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(bytes.subarray(0, bytes.length >> 1));
        },
      }),
      duplex: 'half',
    } as RequestInit).then(
      (response) => response.status,
      (error: unknown) => error,
    );
    const stored = () =>
      owner.db
        .select({
          id: feedBatches.id,
          status: feedBatches.status,
          chunks: sql<number>`count(${feedBatchChunks.seq})::int`,
        })
        .from(feedBatches)
        .leftJoin(feedBatchChunks, eq(feedBatchChunks.batchId, feedBatches.id))
        .where(and(eq(feedBatches.firmId, firmId), eq(feedBatches.idempotencyKey, key)))
        .groupBy(feedBatches.id);
    const [dead] = await until(async () => {
      const batches = await stored();
      return batches[0] && batches[0].chunks > 0 ? batches : undefined;
    }, 'part of the upload to be stored');
    stack.api.process.kill('SIGKILL');
    await stack.api.exited;
    expect(await first).toBeInstanceOf(Error); // the connection went with the process
    expect(dead).toMatchObject({ status: 'receiving' });
    await stack.startApi();

    // the retry, as a pipeline sends it: the whole body, the same key, again after Retry-After while told to
    const answers: number[] = [];
    let retried: Response;
    for (;;) {
      retried = await pushWithKey(body, key);
      answers.push(retried.status);
      if (retried.status !== 409) break;
      expect(((await retried.json()) as { code: string }).code).toBe('batch_in_progress');
      const wait = Number(retried.headers.get('retry-after'));
      expect(wait).toBeGreaterThanOrEqual(1);
      expect(wait).toBeLessThanOrEqual(stack.uploadStaleMs / 1000);
      await sleep(wait * 1000);
    }
    expect(retried.status, answers.join(', ')).toBe(202);
    const id = ((await retried.json()) as { id: string }).id;
    expect(id).not.toBe(dead!.id);
    await landedExactlyOnce(id, prefix, cents);
    // one batch with that key; the dead upload's chunks are gone
    expect(await stored()).toEqual([{ id, status: 'succeeded', chunks: 0 }]);
    expect(stack.worker.alive(), stack.worker.errors()).toBe(true);
  }, 300_000);
});
