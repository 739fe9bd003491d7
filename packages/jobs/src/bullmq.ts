// The BullMQ queue kind: jobs go to Redis and any number of worker processes take them.
import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import {
  QUEUE_NAME,
  retryPolicy,
  type EnqueueOptions,
  type JobHandlers,
  type JobName,
  type JobPayloads,
  type JobQueue,
} from './jobs.ts';

export interface BullQueueOptions {
  /**
   * Namespace of the queue's Redis keys (BullMQ's default: `bull`), so that several installations, or
   * tests, can share one Redis. A worker takes jobs only from queues with its own prefix.
   */
  prefix?: string;
}

export function createBullQueue(redisUrl: string, options: BullQueueOptions = {}): JobQueue {
  // Fail fast when Redis is down so an HTTP request is not held open by a queued command.
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  // The first connection is made in the background: a ping that comes before it (a readiness check at
  // start-up) waits for it a moment instead of failing on a Redis that is up.
  const connected = new Promise<void>((resolve) => connection.once('ready', () => resolve()));
  const queue = new Queue(QUEUE_NAME, {
    connection,
    ...(options.prefix ? { prefix: options.prefix } : {}),
    defaultJobOptions: {
      attempts: retryPolicy.attempts,
      backoff: { type: 'exponential', delay: retryPolicy.backoffMs },
      removeOnComplete: { count: 1000 },
      removeOnFail: { count: 5000 },
    },
  });
  return {
    kind: 'bullmq',
    async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: EnqueueOptions = {}) {
      await queue.add(name, payload, {
        ...(options.jobId ? { jobId: options.jobId } : {}),
        ...(options.dedupeKey ? { deduplication: { id: options.dedupeKey, keepLastIfActive: true } } : {}),
        ...(options.delayMs ? { delay: options.delayMs } : {}),
      });
    },
    async every<N extends JobName>(name: N, payload: JobPayloads[N], intervalMs: number) {
      // A job scheduler (BullMQ >= 5.16): its id makes every process's call the same one schedule. Without
      // a start date a new scheduler's first job runs at once; the start date only applies when the
      // scheduler is new, so a process restarting does not push the next run back.
      await queue.upsertJobScheduler(
        `every:${name}`,
        { every: intervalMs, startDate: Date.now() + intervalMs },
        { name, data: payload },
      );
    },
    async ping() {
      await within(connected, 1000);
      await connection.ping();
    },
    async close() {
      await queue.close();
      connection.disconnect();
    },
  };
}

export interface BullWorkerOptions extends BullQueueOptions {
  concurrency?: number;
  /** How long a job stays locked without a heartbeat before another worker may take it over. */
  lockDurationMs?: number;
  onFailed?: (name: string, error: Error, attempt: number) => void;
}

export interface RunningWorker {
  /** Waits for running jobs to finish, then disconnects. */
  close(): Promise<void>;
}

export function startBullWorker(
  redisUrl: string,
  handlers: JobHandlers,
  options: BullWorkerOptions = {},
): RunningWorker {
  // Workers block on Redis: BullMQ requires maxRetriesPerRequest null for them.
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const worker = new Worker(
    QUEUE_NAME,
    async (job: Job) => {
      const name = job.name as JobName;
      const handler = handlers[name] as ((payload: unknown, context: unknown) => Promise<void>) | undefined;
      if (!handler) throw new Error(`no handler for job "${job.name}"`);
      await handler(job.data, {
        attempt: job.attemptsMade + 1,
        reportProgress: (progress: number) => job.updateProgress(progress),
      });
    },
    {
      connection,
      ...(options.prefix ? { prefix: options.prefix } : {}),
      concurrency: options.concurrency ?? 4,
      ...(options.lockDurationMs
        ? { lockDuration: options.lockDurationMs, stalledInterval: options.lockDurationMs }
        : {}),
    },
  );
  worker.on('failed', (job, error) => {
    if (job) options.onFailed?.(job.name, error, job.attemptsMade);
  });
  return {
    async close() {
      await worker.close();
      connection.disconnect();
    },
  };
}

/** Waits for `promise`, but no longer than `ms`. */
async function within(promise: Promise<void>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([promise, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
