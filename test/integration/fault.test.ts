// A batch is applied exactly once even when the worker is killed in the middle of it, and even when
// Redis restarts empty at the same time: the fact table then equals the input, row for row and cent
// for cent.
import { openDatabase, transactions, type DatabaseHandle } from '@accord/db';
import { createBullQueue, type JobQueue } from '@accord/jobs';
import { and, eq, sql } from 'drizzle-orm';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp, type App } from '../../apps/api/src/app.ts';
import { startRedis, type LocalService } from '../../infra/local/services.ts';
import { signIn, unique } from './harness.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ROWS = 400_000;

let redis: LocalService;
let database: DatabaseHandle;
let queue: JobQueue;
let app: App;
let headers: { authorization: string };
let firmId: string;
let networkId: string;
const workers = new Set<ChildProcess>();

function startWorker(): ChildProcess {
  const worker = spawn(process.execPath, ['--import', 'tsx', 'apps/worker/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: inject('databaseUrl'),
      REDIS_URL: redis.url,
      WORKER_LOCK_MS: '5000',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  workers.add(worker);
  worker.once('exit', () => workers.delete(worker));
  return worker;
}

function kill(worker: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    worker.once('exit', () => resolve());
    worker.kill('SIGKILL');
  });
}

/** A feed whose exact total is known: amounts in whole cents, summed as integers. */
function feed(prefix: string) {
  const lines = ['order_id,line_no,occurred_at,customer_id,sku,quantity,net_amount,currency,channel'];
  let cents = 0n;
  for (let i = 1; i <= ROWS; i++) {
    const amount = (i * 7919) % 100_000; // cents, 0.00 to 999.99
    cents += BigInt(amount);
    lines.push(
      `${prefix}-${i},1,2026-02-${String((i % 28) + 1).padStart(2, '0')},c${i % 5000}@example.net,SKU-${i % 50},1,${Math.floor(amount / 100)}.${String(amount % 100).padStart(2, '0')},EUR,web`,
    );
  }
  return { body: `${lines.join('\n')}\n`, cents };
}

async function batchOf(id: string) {
  const response = await app.inject({ url: `/v1/networks/${networkId}/batches/${id}`, headers });
  return response.json<{ status: string; rowsReceived: number; rowsAccepted: number }>();
}

async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 120_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function facts(prefix: string) {
  const [row] = await database.db
    .select({
      rows: sql<number>`count(*)::int`,
      cents: sql<string>`coalesce(sum(${transactions.netAmount} * 100), 0)::bigint::text`,
    })
    .from(transactions)
    .where(and(eq(transactions.firmId, firmId), sql`${transactions.orderId} like ${`${prefix}-%`}`));
  return { rows: row!.rows, cents: BigInt(row!.cents) };
}

/** Pushes a feed and answers once the worker is in the middle of it (rows read, not yet merged). */
async function pushAndCatchMidway(body: string) {
  const pushed = await app.inject({
    method: 'POST',
    url: `/v1/networks/${networkId}/feeds/transactions`,
    headers: { ...headers, 'content-type': 'text/csv', 'idempotency-key': unique('fault') },
    payload: body,
  });
  expect(pushed.statusCode).toBe(202);
  const id = pushed.json<{ id: string }>().id;
  const midway = await until(async () => {
    const batch = await batchOf(id);
    return batch.status === 'validating' && batch.rowsReceived > 0 ? batch : undefined;
  }, 'the worker to be midway');
  expect(midway.rowsReceived).toBeLessThan(ROWS);
  return id;
}

beforeAll(async () => {
  redis = await startRedis();
  database = openDatabase({ url: inject('databaseUrl'), max: 4 });
  queue = createBullQueue(redis.url);
  app = await buildApp({
    database,
    queue,
    jwtSecret: 'fault-test-secret',
    portalUrl: 'http://portal.test',
    loginRateLimit: 1000,
  });
  await app.ready();
  const session = await signIn(app, 'admin@adventure.example');
  headers = session.headers;
  firmId = session.firmId;
  networkId = (await app.inject({ url: '/v1/networks', headers })).json<{ items: Array<{ id: string }> }>().items[0]!
    .id;
}, 120_000);

afterAll(async () => {
  for (const worker of workers) await kill(worker);
  await app.close();
  await queue.close();
  await database.close();
  await redis.stop();
});

describe('a worker killed mid-batch', () => {
  it('is replaced, and the batch lands exactly once', async () => {
    const prefix = unique('kill');
    const { body, cents } = feed(prefix);
    const first = startWorker();
    const id = await pushAndCatchMidway(body);
    await kill(first);
    startWorker();
    const done = await until(async () => {
      const batch = await batchOf(id);
      return batch.status === 'succeeded' || batch.status === 'failed' ? batch : undefined;
    }, 'the batch to finish after the restart');
    expect(done).toMatchObject({ status: 'succeeded', rowsReceived: ROWS, rowsAccepted: ROWS });
    expect(await facts(prefix)).toEqual({ rows: ROWS, cents });
  }, 240_000);

  it('lands exactly once across a Redis restart that loses the queue', async () => {
    for (const worker of workers) await kill(worker);
    const prefix = unique('redis');
    const { body, cents } = feed(prefix);
    const first = startWorker();
    const id = await pushAndCatchMidway(body);
    await kill(first);
    await redis.stop();
    redis = await startRedis({ port: redis.port });
    // the new worker finds the unfinished batch in PostgreSQL and queues it again
    startWorker();
    const done = await until(async () => {
      const batch = await batchOf(id);
      return batch.status === 'succeeded' || batch.status === 'failed' ? batch : undefined;
    }, 'the batch to finish after Redis restarted');
    expect(done).toMatchObject({ status: 'succeeded', rowsReceived: ROWS, rowsAccepted: ROWS });
    expect(await facts(prefix)).toEqual({ rows: ROWS, cents });
  }, 240_000);
});
