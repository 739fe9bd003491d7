// Overload and slow clients on real PostgreSQL and Redis: feed uploads bounded per firm and in total,
// bodies that stop arriving cut off, an upload left dead by its API process taken over by the retry,
// statements bounded, and what happened counted in /metrics.
import { feedBatchChunks, feedBatches } from '@accord/db';
import { and, eq, sql } from 'drizzle-orm';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startHarness, unique, type Harness, type SignedIn } from './harness.ts';

const TX_HEADER = 'order_id,line_no,occurred_at,customer_id,sku,quantity,net_amount,currency,channel';
const IDLE_MS = 800;
const STALE_MS = 3000;
const MAX_BYTES = 100_000;

let h: Harness;
let base: string;
let tailspin: SignedIn;
let wingtip: SignedIn;
let networkId: string;

function rows(prefix: string, n: number) {
  const lines = [TX_HEADER];
  for (let i = 1; i <= n; i++) lines.push(`${prefix}-${i},1,2026-03-02,p${i}@example.net,S,1,2.50,EUR,web`);
  return `${lines.join('\n')}\n`;
}

const feedUrl = () => `${base}/v1/networks/${networkId}/feeds/transactions`;

/** An upload whose body sends its header row, then waits until `release` (or for ever). */
function slowUpload(as: SignedIn, idempotencyKey: string) {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(new TextEncoder().encode(`${TX_HEADER}\n`));
      await held;
      controller.enqueue(
        new TextEncoder().encode(`${idempotencyKey},1,2026-03-01,slow@example.net,S,1,1.00,EUR,web\n`),
      );
      controller.close();
    },
  });
  const response = fetch(feedUrl(), {
    method: 'POST',
    headers: { ...as.headers, 'content-type': 'text/csv', 'idempotency-key': idempotencyKey },
    body,
    duplex: 'half',
  } as RequestInit);
  return { response, release };
}

function push(as: SignedIn, body: string, idempotencyKey = unique('feed')) {
  return h.app.inject({
    method: 'POST',
    url: `/v1/networks/${networkId}/feeds/transactions`,
    headers: { ...as.headers, 'content-type': 'text/csv', 'idempotency-key': idempotencyKey },
    payload: body,
  });
}

async function waitBatch(id: string) {
  for (let i = 0; i < 600; i++) {
    const batch = (
      await h.app.inject({ url: `/v1/networks/${networkId}/batches/${id}`, headers: tailspin.headers })
    ).json<{ status: string; rowsAccepted: number }>();
    if (batch.status === 'succeeded' || batch.status === 'failed') return batch;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`batch ${id} did not finish`);
}

/** The value of one sample in the Prometheus text, 0 when absent. */
async function metric(sample: string): Promise<number> {
  const text = (await h.app.inject({ url: '/metrics' })).body;
  const line = text.split('\n').find((l) => l.startsWith(`${sample} `));
  return line ? Number(line.slice(sample.length + 1)) : 0;
}

async function batchesWithKey(idempotencyKey: string) {
  return h.database.db
    .select({ id: feedBatches.id, status: feedBatches.status })
    .from(feedBatches)
    .where(and(eq(feedBatches.firmId, tailspin.firmId), eq(feedBatches.idempotencyKey, idempotencyKey)));
}

beforeAll(async () => {
  h = await startHarness({
    uploads: { perFirm: 1, total: 2, idleTimeoutMs: IDLE_MS, staleAfterMs: STALE_MS, maxBytes: MAX_BYTES },
    statementTimeoutMs: 300,
  });
  base = await h.app.listen({ host: '127.0.0.1', port: 0 });
  tailspin = await signIn(h.app, 'admin@tailspin.example');
  wingtip = await signIn(h.app, 'admin@wingtip.example');
  networkId = (await h.app.inject({ url: '/v1/networks', headers: tailspin.headers })).json<{
    items: Array<{ id: string }>;
  }>().items[0]!.id;
});
afterAll(() => h.close());

describe('feed uploads at once', () => {
  it('refuses a firm beyond its bound with 429 too_many_uploads and Retry-After, not the other firms', async () => {
    const refusedBefore = await metric('accord_feed_uploads_refused_total{code="too_many_uploads"}');
    const first = slowUpload(tailspin, unique('held'));
    await expect.poll(() => metric('accord_feed_uploads_in_progress')).toBe(1);

    const key = unique('second');
    const refused = await push(tailspin, rows(key, 3), key);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('5');
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'too_many_uploads' });
    expect(refused.json<{ detail: string }>().detail).toContain('at most 1');
    expect(await batchesWithKey(key)).toEqual([]); // nothing half-made
    expect(await metric('accord_feed_uploads_refused_total{code="too_many_uploads"}')).toBe(refusedBefore + 1);

    // another firm has its own bound
    const other = await push(wingtip, rows(unique('wingtip'), 2));
    expect(other.statusCode, other.body).toBe(202);

    // once the first has arrived, the refused one goes through with the same key
    first.release();
    expect((await first.response).status).toBe(202);
    const retried = await push(tailspin, rows(key, 3), key);
    expect(retried.statusCode).toBe(202);
    expect(await waitBatch(retried.json<{ id: string }>().id)).toMatchObject({ status: 'succeeded', rowsAccepted: 3 });
    expect(await metric('accord_feed_uploads_in_progress')).toBe(0);
  });

  it('bounds the total: a third firm is refused while two uploads arrive', async () => {
    const northwind = await signIn(h.app, 'admin@northwind.example');
    const a = slowUpload(tailspin, unique('a'));
    const b = slowUpload(wingtip, unique('b'));
    await expect.poll(() => metric('accord_feed_uploads_in_progress')).toBe(2);
    const refused = await push(northwind, rows(unique('c'), 1));
    expect(refused.json()).toMatchObject({ status: 429, code: 'too_many_uploads' });
    expect(refused.json<{ detail: string }>().detail).toContain('the API is receiving 2 feed uploads');
    a.release();
    b.release();
    expect((await a.response).status).toBe(202);
    expect((await b.response).status).toBe(202);
  });
});

describe('a feed over the size limit', () => {
  it('is refused with 413 body_too_large when its declared length is over, before a byte is stored', async () => {
    const key = unique('declared');
    const response = await push(tailspin, rows(key, 2000), key); // ~150 KB, with Content-Length
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'body_too_large' });
    expect(response.json<{ detail: string }>().detail).toContain(String(MAX_BYTES));
    expect(response.headers.connection).toBe('close');
    expect(await batchesWithKey(key)).toEqual([]);
  });

  it('is refused the same way when it streams past the limit without a declared length', async () => {
    const key = unique('streamed');
    const text = new TextEncoder().encode(rows(key, 2000));
    const response = await fetch(feedUrl(), {
      method: 'POST',
      headers: { ...tailspin.headers, 'content-type': 'text/csv', 'idempotency-key': key },
      body: new ReadableStream<Uint8Array>({
        start(controller) {
          for (let at = 0; at < text.length; at += 16_384) controller.enqueue(text.subarray(at, at + 16_384));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'body_too_large' });
    expect(await batchesWithKey(key)).toEqual([]);
    expect(await metric('accord_feed_uploads_in_progress')).toBe(0);
  });

  it('refuses a gzip body that inflates past the limit (a gzip bomb) with 422 inflated_too_large', async () => {
    const key = unique('bomb');
    const bomb = gzipSync(Buffer.alloc(50 * MAX_BYTES, 'a')); // 5 MB of one letter: a few KB sent
    expect(bomb.length).toBeLessThan(MAX_BYTES);
    const response = await h.app.inject({
      method: 'POST',
      url: `/v1/networks/${networkId}/feeds/transactions`,
      headers: { ...tailspin.headers, 'content-type': 'text/csv', 'content-encoding': 'gzip', 'idempotency-key': key },
      payload: bomb,
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'inflated_too_large' });
    expect(await batchesWithKey(key)).toEqual([]);
    // one under the limit, inflated, goes through
    const small = unique('small');
    const fine = await h.app.inject({
      method: 'POST',
      url: `/v1/networks/${networkId}/feeds/transactions`,
      headers: {
        ...tailspin.headers,
        'content-type': 'text/csv',
        'content-encoding': 'gzip',
        'idempotency-key': small,
      },
      payload: gzipSync(rows(small, 100)),
    });
    expect(fine.statusCode, fine.body).toBe(202);
    expect(await waitBatch(fine.json<{ id: string }>().id)).toMatchObject({ status: 'succeeded', rowsAccepted: 100 });
  });
});

describe('a body that stops arriving', () => {
  it('is cut off with 408 body_timeout, its batch discarded so the same key can be sent again', async () => {
    const key = unique('stalled');
    const stalled = slowUpload(tailspin, key); // never released
    const started = Date.now();
    const response = await stalled.response;
    expect(response.status).toBe(408);
    expect(Date.now() - started).toBeLessThan(IDLE_MS + 5000);
    expect(await response.json()).toMatchObject({ code: 'body_timeout' });
    expect(await batchesWithKey(key)).toEqual([]);
    expect(await metric('accord_feed_uploads_in_progress')).toBe(0);

    const again = await push(tailspin, rows(key, 2), key);
    expect(again.statusCode).toBe(202);
    expect(await waitBatch(again.json<{ id: string }>().id)).toMatchObject({ status: 'succeeded', rowsAccepted: 2 });
  });

  it('is cut off the same way on a JSON endpoint', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"name": "unfinish'));
      },
    });
    const response = await fetch(`${base}/v1/firms/${tailspin.firmId}/api-keys`, {
      method: 'POST',
      headers: { ...tailspin.headers, 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(408);
    expect(await response.json()).toMatchObject({ code: 'body_timeout' });
  });
});

describe('an upload left dead by its API process', () => {
  /** A batch as a process that died mid-body leaves it: receiving, one chunk, its last beat `ageMs` ago. */
  async function leftReceiving(idempotencyKey: string, ageMs: number) {
    const [row] = await h.database.db
      .insert(feedBatches)
      .values({
        networkId,
        firmId: tailspin.firmId,
        dataset: 'transactions',
        format: 'csv',
        compressed: false,
        idempotencyKey,
        onError: 'skip',
        ignoreUnknown: false,
        submittedByUserId: tailspin.userId,
        heartbeatAt: new Date(Date.now() - ageMs),
      })
      .returning({ id: feedBatches.id });
    await h.database.db
      .insert(feedBatchChunks)
      .values({ batchId: row!.id, seq: 0, firmId: tailspin.firmId, data: Buffer.from(`${TX_HEADER}\nhalf,1,`) });
    return row!.id;
  }

  it('makes a retry wait while its heartbeat is fresh, saying how long', async () => {
    const key = unique('fresh');
    const id = await leftReceiving(key, 0);
    const retry = await push(tailspin, rows(key, 2), key);
    expect(retry.statusCode).toBe(409);
    expect(retry.json()).toMatchObject({ code: 'batch_in_progress' });
    const wait = Number(retry.headers['retry-after']);
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(STALE_MS / 1000);
    expect(await batchesWithKey(key)).toEqual([{ id, status: 'receiving' }]);
  });

  it('is taken over by the retry once its heartbeat is older than the stale bound, and lands once', async () => {
    const key = unique('dead');
    const dead = await leftReceiving(key, STALE_MS + 1000);
    const retry = await push(tailspin, rows(key, 4), key);
    expect(retry.statusCode, retry.body).toBe(202);
    const id = retry.json<{ id: string }>().id;
    expect(id).not.toBe(dead);
    expect(await waitBatch(id)).toMatchObject({ status: 'succeeded', rowsAccepted: 4 });
    expect(await batchesWithKey(key)).toEqual([{ id, status: 'succeeded' }]);
    const chunks = await h.database.db.select().from(feedBatchChunks).where(eq(feedBatchChunks.batchId, dead));
    expect(chunks).toEqual([]);
    // and a retry after that is the same batch, as ever
    const again = await push(tailspin, rows(key, 4), key);
    expect(again.json<{ id: string }>().id).toBe(id);
  });

  it('is not what a live upload looks like: one trickling in longer than the stale bound keeps beating', async () => {
    const key = unique('trickle');
    const lines = 14;
    let sent = 0;
    const encoder = new TextEncoder();
    // a line every 300 ms: under the idle bound, and 4.2 s in all, over the stale one
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((resolve) => setTimeout(resolve, 300));
        controller.enqueue(
          encoder.encode(
            sent === 0 ? `${TX_HEADER}\n` : `${key}-${sent},1,2026-03-03,t@example.net,S,1,1.00,EUR,web\n`,
          ),
        );
        if (++sent > lines) controller.close();
      },
    });
    const upload = fetch(feedUrl(), {
      method: 'POST',
      headers: { ...tailspin.headers, 'content-type': 'text/csv', 'idempotency-key': key },
      body,
      duplex: 'half',
    } as RequestInit);
    await new Promise((resolve) => setTimeout(resolve, STALE_MS + 500));
    // still the one batch, receiving, its last beat well within the bound (a retry would wait)
    const [arriving, ...others] = await h.database.db
      .select({ status: feedBatches.status, heartbeatAt: feedBatches.heartbeatAt, createdAt: feedBatches.createdAt })
      .from(feedBatches)
      .where(and(eq(feedBatches.firmId, tailspin.firmId), eq(feedBatches.idempotencyKey, key)));
    expect(others).toEqual([]);
    expect(arriving!.status).toBe('receiving');
    expect(arriving!.heartbeatAt.getTime() - arriving!.createdAt.getTime()).toBeGreaterThan(STALE_MS / 2);
    expect(Date.now() - arriving!.heartbeatAt.getTime()).toBeLessThan(STALE_MS / 2);
    const done = await upload;
    expect(done.status).toBe(202);
    expect(await waitBatch(((await done.json()) as { id: string }).id)).toMatchObject({
      status: 'succeeded',
      rowsAccepted: lines,
    });
  });
});

describe('a statement running too long', () => {
  it('is stopped by the pool bound and answered 503 query_timeout', async () => {
    // a request that waits on a lock another session holds runs into the API pool's statement_timeout
    const response = await h.database.db.transaction(async (tx) => {
      await tx.execute(sql`lock table firm_memberships in access exclusive mode`);
      return h.app.inject({ url: '/v1/networks', headers: tailspin.headers });
    });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ code: 'query_timeout' });
    expect((await h.app.inject({ url: '/v1/networks', headers: tailspin.headers })).statusCode).toBe(200);
  });
});

describe('metrics', () => {
  it('count batches received and finished, their rows, and the queue', async () => {
    const before = {
      received: await metric('accord_batches_received_total{dataset="transactions"}'),
      succeeded: await metric('accord_batches_finished_total{dataset="transactions",status="succeeded"}'),
      accepted: await metric('accord_batch_rows_total{dataset="transactions",outcome="accepted"}'),
    };
    const pushed = await push(tailspin, rows(unique('metrics'), 7));
    await waitBatch(pushed.json<{ id: string }>().id);
    await expect
      .poll(() => metric('accord_batches_finished_total{dataset="transactions",status="succeeded"}'))
      .toBe(before.succeeded + 1);
    expect(await metric('accord_batches_received_total{dataset="transactions"}')).toBe(before.received + 1);
    expect(await metric('accord_batch_rows_total{dataset="transactions",outcome="accepted"}')).toBe(
      before.accepted + 7,
    );
    const text = (await h.app.inject({ url: '/metrics' })).body;
    expect(text).toMatch(/^accord_queue_jobs\{state="waiting"\} \d+$/m);
    expect(text).toMatch(/^accord_batch_duration_seconds_count\{dataset="transactions"\} [1-9]\d*$/m);
  });
});
