// `accord push`: hash, upload with retries under one idempotency key, then follow the batch to its end.
import { stat } from 'node:fs/promises';
import type { Dataset, OnErrorMode } from '@accord/domain/vocabulary';
import { isFinal, type ApiClient, type Batch } from './api.ts';
import { withRetry, type RetryOptions } from './backoff.ts';
import { defaultIdempotencyKey, detectFormat } from './files.ts';
import { batchLine, exitCodeFor, formatCount, formatDuration, formatSummary, uploadLine } from './format.ts';
import type { Io } from './io.ts';
import { ApiError } from './problem.ts';
import { StatusLine } from './progress.ts';

export interface PushOptions {
  file: string;
  networkId: string;
  dataset: Dataset;
  onError?: OnErrorMode;
  ignoreUnknown?: boolean;
  idempotencyKey?: string;
  wait: boolean;
  json: boolean;
  timeoutSeconds: number;
}

const FIRST_POLL_MS = 500;
const MAX_POLL_MS = 5000;

export async function push(client: ApiClient, options: PushOptions, io: Io): Promise<number> {
  const began = io.now();
  const status = new StatusLine(io.stderr, io.now);
  const retry: RetryOptions = {
    sleep: io.sleep,
    random: io.random,
    onRetry: ({ attempt, attempts, delayMs, error }) => {
      status.clear();
      io.stderr.write(
        `${describe(error)}; retrying in ${formatDuration(delayMs)} (attempt ${attempt + 1} of ${attempts})\n`,
      );
    },
  };

  let size: number;
  try {
    const info = await stat(options.file);
    if (!info.isFile()) throw new Error('not a file');
    size = info.size;
  } catch {
    io.stderr.write(`error: cannot read ${options.file}\n`);
    return 1;
  }
  const format = detectFormat(options.file);

  let key = options.idempotencyKey;
  if (!key) {
    let hashed = 0;
    key = await defaultIdempotencyKey(options.file, options, (n) => {
      hashed += n;
      status.update(() => `hashing   ${formatCount(Math.floor((hashed / Math.max(size, 1)) * 100))}%`);
    });
    status.clear();
  }

  const batch = await withRetry(async () => {
    const started = io.now();
    let sent = 0;
    try {
      return await client.upload({
        path: options.file,
        size,
        networkId: options.networkId,
        dataset: options.dataset,
        contentType: format.contentType,
        gzip: format.gzip,
        idempotencyKey: key,
        onError: options.onError,
        ignoreUnknown: options.ignoreUnknown,
        onBytes: (n) => {
          sent += n;
          status.update(() => uploadLine(sent, size, io.now() - started), sent === size);
        },
      });
    } finally {
      status.clear();
    }
  }, retry);

  const final = options.wait ? await follow(client, batch, options, io, status, retry) : batch;
  if (final === null) return 1;
  io.stdout.write(options.json ? `${JSON.stringify(final, null, 2)}\n` : formatSummary(final, io.now() - began));
  if (final.status === 'failed') {
    io.stderr.write(`error: ${final.error?.code ?? 'batch_failed'}: ${final.error?.message ?? 'the batch failed'}\n`);
  }
  if (final.status === 'succeeded' && final.rowsRejected > 0) {
    io.stderr.write(
      `${formatCount(final.rowsRejected)} ${final.rowsRejected === 1 ? 'row' : 'rows'} rejected; see ${final.rowsRejected === 1 ? 'it' : 'them'} with: accord errors --network ${options.networkId} ${final.id}\n`,
    );
  }
  return exitCodeFor(final);
}

/** Polls until the batch succeeds or fails; null when the wait times out (already reported). */
async function follow(
  client: ApiClient,
  first: Batch,
  options: PushOptions,
  io: Io,
  status: StatusLine,
  retry: RetryOptions,
): Promise<Batch | null> {
  const deadline = io.now() + options.timeoutSeconds * 1000;
  let batch = first;
  let pause = FIRST_POLL_MS;
  while (!isFinal(batch.status)) {
    status.update(() => batchLine(batch), true);
    if (io.now() >= deadline) {
      status.clear();
      io.stderr.write(
        `error: gave up waiting after ${formatDuration(options.timeoutSeconds * 1000)}; batch ${batch.id} is still ${batch.status}\n`,
      );
      return null;
    }
    await io.sleep(pause);
    pause = Math.min(MAX_POLL_MS, Math.round(pause * 1.5));
    batch = await withRetry(() => client.batch(options.networkId, batch.id), retry);
  }
  status.clear();
  return batch;
}

function describe(error: unknown): string {
  if (error instanceof ApiError) return `HTTP ${error.problem.status} ${error.problem.code}`;
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  const detail = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : '';
  return `network error${detail ? ` (${detail})` : ''}`;
}
