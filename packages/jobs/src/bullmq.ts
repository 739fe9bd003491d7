// The BullMQ queue kind: jobs go to Redis and any number of worker processes take them.
import { DelayedError, Queue, WaitingError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import {
  QUEUE_NAME,
  RetryLater,
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
    async depth() {
      const counts = await queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active');
      return {
        waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0) + (counts.delayed ?? 0),
        active: counts.active ?? 0,
      };
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
  /**
   * Called each time the connection to Redis is back after it was lost. A Redis that restarted empty
   * has lost every queued job: what the database knows is unfinished can be queued again.
   */
  onReconnected?: () => void;
}

export interface RunningWorker {
  /** Takes no new jobs until `resume`; running ones go on. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  /**
   * Takes no new jobs and waits for the running ones, then disconnects. Jobs still running after
   * `graceMs` (default: no limit) are told to stop (`JobContext.signal`) and go back to the queue.
   */
  close(options?: { graceMs?: number }): Promise<void>;
}

/** Why the worker cancels its running jobs: the process is stopping and hands them back. */
const STOPPING = 'the worker is stopping';

export function startBullWorker(
  redisUrl: string,
  handlers: JobHandlers,
  options: BullWorkerOptions = {},
): RunningWorker {
  // Workers block on Redis: BullMQ requires maxRetriesPerRequest null for them.
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const worker = new Worker(
    QUEUE_NAME,
    async (job: Job, token?: string, signal?: AbortSignal) => {
      const name = job.name as JobName;
      const handler = handlers[name] as ((payload: unknown, context: unknown) => Promise<void>) | undefined;
      if (!handler) throw new Error(`no handler for job "${job.name}"`);
      const stopped = signal ?? new AbortController().signal;
      try {
        await handler(job.data, {
          attempt: job.attemptsMade + 1,
          reportProgress: (progress: number) => job.updateProgress(progress),
          signal: stopped,
        });
      } catch (error) {
        // Neither outcome spends an attempt: the job waits again (stopping) or is delayed (RetryLater).
        if (stopped.aborted) {
          await job.moveToWait(token);
          throw new WaitingError(STOPPING);
        }
        if (error instanceof RetryLater) {
          await job.moveToDelayed(Date.now() + error.delayMs, token);
          throw new DelayedError(error.message);
        }
        throw error;
      }
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
  let connectedOnce = false;
  connection.on('ready', () => {
    if (connectedOnce) options.onReconnected?.();
    connectedOnce = true;
  });
  return {
    pause: () => worker.pause(true),
    resume: () => worker.resume(),
    async close({ graceMs = Infinity } = {}) {
      const closing = worker.close();
      if (graceMs !== Infinity) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([closing, new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
        clearTimeout(timer);
        worker.cancelAllJobs(STOPPING);
      }
      await closing;
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
