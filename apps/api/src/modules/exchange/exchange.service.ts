// Receiving feeds: the body streams into the database in chunks (never whole in memory), hashed on
// the way for idempotency; then the batch waits for the worker. Api and worker stay stateless.
import {
  datasetNames,
  feedBatchChunks,
  feedBatches,
  withTenant,
  type Database,
  type Dataset,
  type Transaction,
} from '@accord/db';
import { customerKey, hoursBetween, MAX_ERROR_ROWS } from '@accord/domain';
import { and, eq, sql } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { paginate, presentPage, type PageRequest } from '../../http/pagination.ts';
import { ApiProblem, forbidden, notFound } from '../../http/problems.ts';
import type { Caller } from '../../plugins/auth.ts';
import { batchById, batchErrorsOf, batchesOf, datasetHoldings, type BatchFilter } from './exchange.queries.ts';
import { networkHashingKey } from '../networks/networks.queries.ts';

/**
 * Bytes per stored chunk of a feed body. Small on purpose: bytea goes to the database as text, and
 * strings this size stay in V8's young generation, which is swept often, where megabyte-sized ones
 * would pile up in the old generation between full collections and swell the API's memory.
 */
export const CHUNK_BYTES = 32 * 1024;
/** Chunks written per statement: few, so that little is held while the database answers. */
const CHUNKS_PER_WRITE = 8;

export type BatchRow = typeof feedBatches.$inferSelect;

export function presentBatch(row: BatchRow) {
  return {
    id: row.id,
    networkId: row.networkId,
    firmId: row.firmId,
    dataset: row.dataset,
    status: row.status,
    format: row.format,
    compressed: row.compressed,
    idempotencyKey: row.idempotencyKey,
    bytes: row.bytes,
    onError: row.onError,
    ignoreUnknown: row.ignoreUnknown,
    rowsReceived: row.rowsReceived,
    rowsAccepted: row.rowsAccepted,
    rowsRejected: row.rowsRejected,
    errorRowsKept: Math.min(row.rowsRejected, MAX_ERROR_ROWS),
    progress: row.progress,
    error: row.errorCode ? { code: row.errorCode, message: row.errorMessage ?? '' } : null,
    submittedBy: row.submittedByApiKeyId ? ('api_key' as const) : ('user' as const),
    createdAt: row.createdAt.toISOString(),
    receivedAt: row.receivedAt?.toISOString() ?? null,
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export interface FeedRequest {
  networkId: string;
  dataset: Dataset;
  format: 'csv' | 'ndjson';
  compressed: boolean;
  idempotencyKey: string;
  onError: 'skip' | 'reject';
  ignoreUnknown: boolean;
  body: Readable;
}

export type FeedOutcome = { batch: BatchRow; created: boolean };

const tenant = (caller: Caller) => ({ firmId: caller.firmId, userId: caller.userId });

async function digest(body: Readable): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** How long an upload may go without a byte, and when an upload nobody beats on is taken over. */
export interface UploadTimeouts {
  /** A body that sends nothing for this long is abandoned: 408 `body_timeout`, and its batch discarded. */
  idleTimeoutMs: number;
  /**
   * A batch still `receiving` whose API process has not beaten on it for this long was left by a process
   * that died mid-upload: a retry of its Idempotency-Key takes it over. Longer than `idleTimeoutMs`, so
   * a live upload (beating at least every `heartbeatMs(staleAfterMs)`, or timed out) is never taken.
   */
  staleAfterMs: number;
}

export const defaultUploadTimeouts: UploadTimeouts = { idleTimeoutMs: 30_000, staleAfterMs: 60_000 };

/** The largest feed, in bytes as sent and, when gzip-compressed, once inflated. */
export const FEED_MAX_BYTES = 2 * 1024 * 1024 * 1024;

export function feedTooLarge(maxBytes: number): ApiProblem {
  return new ApiProblem(
    413,
    'body_too_large',
    'Content too large',
    `A feed is at most ${maxBytes} bytes; split it into several batches.`,
  );
}

function inflatedTooLarge(maxBytes: number): ApiProblem {
  return new ApiProblem(
    422,
    'inflated_too_large',
    'Unprocessable content',
    `The gzip body inflates to more than ${maxBytes} bytes, the most a feed may be; split it into several batches.`,
  );
}

/**
 * What a gzip body inflates to, counted as it arrives and thrown away: a small body that inflates past
 * the limit (a gzip bomb) is refused while it is received, before the worker spends time on it. A
 * corrupt body is left for the worker to report (`invalid_gzip`).
 */
function inflatedSize() {
  const gunzip = createGunzip();
  let bytes = 0;
  let broken = false;
  gunzip.on('data', (data: Buffer) => (bytes += data.length));
  gunzip.on('error', () => (broken = true));
  return {
    get bytes() {
      return bytes;
    },
    async write(piece: Buffer) {
      if (broken) return;
      if (!gunzip.write(piece)) await once(gunzip, 'drain').catch(() => {});
    },
    async end() {
      if (broken) return;
      gunzip.end();
      await finished(gunzip).catch(() => {});
    },
    destroy: () => gunzip.destroy(),
  };
}

/** How often a receiving upload shows it is alive. */
export const heartbeatMs = (staleAfterMs: number) => Math.min(5000, staleAfterMs / 4);

/**
 * Takes a feed body for a new batch, or recognises a retry: the same key with the same body answers
 * the batch already made; with another body (or dataset, or network) it is refused; while the first
 * upload is still arriving, the retry is told to wait, and once that upload is known dead (no heartbeat
 * for `staleAfterMs`) the retry takes its place.
 */
export async function receiveFeed(
  db: Database,
  caller: Caller,
  feed: FeedRequest,
  timeouts: UploadTimeouts = defaultUploadTimeouts,
  maxBytes = FEED_MAX_BYTES,
): Promise<FeedOutcome> {
  const created = await newBatch(db, caller, feed, timeouts);
  if (!created) return { batch: await retried(db, caller, feed, timeouts), created: false };

  const hash = createHash('sha256');
  let bytes = 0;
  let seq = 0;
  let chunks: PgInsertValue<typeof feedBatchChunks>[] = [];
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const cut = () => {
    if (pendingBytes === 0) return;
    // As base64 text: the driver would send a Buffer as hex, half again as long, after copying it.
    const text = Buffer.concat(pending, pendingBytes).toString('base64');
    chunks.push({ batchId: created.id, seq: seq++, firmId: caller.firmId, data: sql`decode(${text}, 'base64')` });
    pending = [];
    pendingBytes = 0;
  };
  const write = async () => {
    if (!chunks.length) return;
    const values = chunks;
    chunks = [];
    await withTenant(db, tenant(caller), (tx) => tx.insert(feedBatchChunks).values(values));
  };
  const beatEveryMs = heartbeatMs(timeouts.staleAfterMs);
  let beatAt = Date.now();
  const inflated = feed.compressed ? inflatedSize() : null;
  // the body is failed with the problem (not thrown past it), so the request is answered, not cut off
  const refuse = (problem: ApiProblem) => feed.body.destroy(problem);
  try {
    // Awaiting each write before reading on keeps memory flat: the socket waits meanwhile.
    for await (const piece of feed.body as AsyncIterable<Buffer>) {
      if (Date.now() - beatAt >= beatEveryMs) {
        beatAt = Date.now();
        await withTenant(db, tenant(caller), (tx) =>
          tx
            .update(feedBatches)
            .set({ heartbeatAt: sql`now()` })
            .where(eq(feedBatches.id, created.id)),
        );
      }
      hash.update(piece);
      bytes += piece.length;
      if (bytes > maxBytes) refuse(feedTooLarge(maxBytes));
      if (inflated) {
        await inflated.write(piece);
        if (inflated.bytes > maxBytes) refuse(inflatedTooLarge(maxBytes));
      }
      for (let at = 0; at < piece.length;) {
        const part = piece.subarray(at, at + CHUNK_BYTES - pendingBytes);
        pending.push(part);
        pendingBytes += part.length;
        at += part.length;
        if (pendingBytes === CHUNK_BYTES) cut();
      }
      if (chunks.length >= CHUNKS_PER_WRITE) await write();
    }
    await inflated?.end();
    if (inflated && inflated.bytes > maxBytes) throw inflatedTooLarge(maxBytes);
    cut();
    await write();
  } catch (error) {
    inflated?.destroy();
    await discard(db, caller, created.id);
    throw error;
  }
  if (bytes === 0) {
    await discard(db, caller, created.id);
    throw new ApiProblem(400, 'empty_body', 'Bad request', 'The feed is empty: send a header row and data rows.');
  }
  const [received] = await withTenant(db, tenant(caller), (tx) =>
    tx
      .update(feedBatches)
      .set({ status: 'received', bodySha256: hash.digest('hex'), bytes, receivedAt: new Date() })
      .where(eq(feedBatches.id, created.id))
      .returning(),
  );
  return { batch: received!, created: true };
}

/**
 * The batch row for a new key; none when the key is taken, unless by an upload left dead mid-body,
 * which is discarded (with its chunks) in the same transaction and replaced.
 */
async function newBatch(db: Database, caller: Caller, feed: FeedRequest, timeouts: UploadTimeouts) {
  return withTenant(db, tenant(caller), async (tx) => {
    await tx
      .delete(feedBatches)
      .where(
        and(
          eq(feedBatches.firmId, caller.firmId),
          eq(feedBatches.idempotencyKey, feed.idempotencyKey),
          eq(feedBatches.status, 'receiving'),
          sql`${feedBatches.heartbeatAt} < now() - make_interval(secs => ${timeouts.staleAfterMs / 1000})`,
        ),
      );
    const [row] = await tx
      .insert(feedBatches)
      .values({
        networkId: feed.networkId,
        firmId: caller.firmId,
        dataset: feed.dataset,
        format: feed.format,
        compressed: feed.compressed,
        idempotencyKey: feed.idempotencyKey,
        onError: feed.onError,
        ignoreUnknown: feed.ignoreUnknown,
        submittedByUserId: caller.userId,
        submittedByApiKeyId: caller.pipeline?.apiKeyId ?? null,
      })
      .onConflictDoNothing({ target: [feedBatches.firmId, feedBatches.idempotencyKey] })
      .returning();
    return row;
  });
}

/** A failed or empty upload leaves nothing behind, so the same key can be used again. */
async function discard(db: Database, caller: Caller, batchId: string) {
  await withTenant(db, tenant(caller), (tx) => tx.delete(feedBatches).where(eq(feedBatches.id, batchId)));
}

async function retried(db: Database, caller: Caller, feed: FeedRequest, timeouts: UploadTimeouts): Promise<BatchRow> {
  const [existing] = await withTenant(db, tenant(caller), (tx) =>
    tx
      .select()
      .from(feedBatches)
      .where(and(eq(feedBatches.firmId, caller.firmId), eq(feedBatches.idempotencyKey, feed.idempotencyKey))),
  );
  if (!existing || existing.status === 'receiving') {
    feed.body.resume();
    // by when the first upload has arrived, or is known dead and may be taken over
    const untilStale = existing ? existing.heartbeatAt.getTime() + timeouts.staleAfterMs - Date.now() : 0;
    throw new ApiProblem(
      409,
      'batch_in_progress',
      'Conflict',
      'A feed with this Idempotency-Key is still being received; retry after `Retry-After` seconds with ' +
        'the same key and body (an upload that stopped arriving is taken over).',
      undefined,
      { retryAfterSeconds: Math.min(30, Math.max(1, Math.ceil(untilStale / 1000))) },
    );
  }
  const { sha256 } = await digest(feed.body);
  const same =
    sha256 === existing.bodySha256 &&
    existing.dataset === feed.dataset &&
    existing.networkId === feed.networkId &&
    existing.format === feed.format &&
    existing.compressed === feed.compressed &&
    existing.onError === feed.onError &&
    existing.ignoreUnknown === feed.ignoreUnknown;
  if (!same) {
    throw new ApiProblem(
      422,
      'idempotency_key_reused',
      'Unprocessable content',
      `This Idempotency-Key was used for batch ${existing.id} with another body or options; use a new key for new data.`,
    );
  }
  return existing;
}

/** A pipeline pushes only the datasets its API key names. */
export function requireDatasetAllowed(caller: Caller, dataset: Dataset): void {
  if (caller.pipeline && !caller.pipeline.datasets.includes(dataset)) {
    throw forbidden(
      'dataset_not_allowed',
      `This API key is for ${caller.pipeline.datasets.join(', ')}, not ${dataset}.`,
    );
  }
}

export async function listBatches(tx: Transaction, filter: BatchFilter, page: PageRequest) {
  const rows = await paginate(page, (window) => batchesOf(tx, filter, window), {
    parts: 2,
    key: (b) => [b.createdAt.toISOString(), b.id],
  });
  return presentPage(rows, presentBatch);
}

export async function getBatch(tx: Transaction, networkId: string, batchId: string) {
  const batch = await batchById(tx, networkId, batchId);
  if (!batch) throw notFound('batch');
  return batch;
}

/** A batch's errors, a page at a time. */
export async function listBatchErrors(tx: Transaction, networkId: string, batchId: string, page: PageRequest) {
  const batch = await getBatch(tx, networkId, batchId);
  const request = { limit: page.limit ?? 100, cursor: page.cursor };
  return paginate(request, (window) => batchErrorsOf(tx, batch.id, window), {
    parts: 2,
    key: (e) => [String(e.rowNumber), e.column],
  });
}

/** Per dataset: rows the firm holds in the network, its last batch, and how fresh its last success is. */
export async function datasetStatuses(tx: Transaction, networkId: string, firmId: string) {
  const items = [];
  for (const name of datasetNames) {
    const held = await datasetHoldings(tx, networkId, firmId, name);
    const at = held.lastSucceededAt;
    items.push({
      dataset: name,
      rows: held.rows,
      lastBatch: held.lastBatch ? presentBatch(held.lastBatch) : null,
      lastSucceededAt: at?.toISOString() ?? null,
      freshnessHours: at ? Math.round(hoursBetween(at) * 10) / 10 : null,
    });
  }
  return { items };
}

/** How pipelines hash customer ids themselves, with a worked example. */
export async function hashingRecipe(tx: Transaction, networkId: string) {
  const key = await networkHashingKey(tx, networkId);
  if (!key) throw notFound('network');
  const identifier = ' Jane.Doe@Example.com ';
  return {
    algorithm: 'HMAC-SHA-256' as const,
    key,
    keyEncoding: 'hex' as const,
    normalisation: 'Unicode NFKC, trim surrounding white space, lower-case',
    output: 'lower-case hex, 64 characters: send it as customer_key',
    example: { identifier, customerKey: customerKey(key, identifier) },
  };
}
