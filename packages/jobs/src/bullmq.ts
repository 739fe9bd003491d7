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

export function createBullQueue(redisUrl: string): JobQueue {
  // Fail fast when Redis is down so an HTTP request is not held open by a queued command.
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  const queue = new Queue(QUEUE_NAME, {
    connection,
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
      // a job scheduler (BullMQ >= 5.16): its id makes every process's call the same one schedule
      await queue.upsertJobScheduler(`every:${name}`, { every: intervalMs }, { name, data: payload });
    },
    async ping() {
      await connection.ping();
    },
    async close() {
      await queue.close();
      connection.disconnect();
    },
  };
}

export interface BullWorkerOptions {
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
