// The in-process queue kind, for the embedded default without Redis: the same handlers run in the
// API process, with the same retry policy, after the enqueueing transaction has returned.
import {
  retryPolicy,
  type EnqueueOptions,
  type JobHandlers,
  type JobName,
  type JobPayloads,
  type JobQueue,
} from './jobs.ts';

export interface InProcessQueueOptions {
  onFailed?: (name: string, error: Error, attempt: number) => void;
  /** Base delay between attempts; tests shorten it. */
  backoffMs?: number;
}

export function createInProcessQueue(
  handlers: JobHandlers,
  options: InProcessQueueOptions = {},
): JobQueue & {
  /** Resolves when no job is waiting or running. */
  drain(): Promise<void>;
} {
  const running = new Set<Promise<void>>();
  const pendingIds = new Set<string>();
  let closed = false;
  const backoffMs = options.backoffMs ?? retryPolicy.backoffMs;

  async function run<N extends JobName>(name: N, payload: JobPayloads[N], delayMs: number): Promise<void> {
    if (delayMs > 0) await sleep(delayMs);
    for (let attempt = 1; attempt <= retryPolicy.attempts && !closed; attempt++) {
      try {
        await handlers[name](payload, { attempt, reportProgress: async () => {} });
        return;
      } catch (error) {
        options.onFailed?.(name, error as Error, attempt);
        if (attempt < retryPolicy.attempts) await sleep(backoffMs * 2 ** (attempt - 1));
      }
    }
  }

  return {
    kind: 'in-process',
    enqueue<N extends JobName>(name: N, payload: JobPayloads[N], enqueueOptions: EnqueueOptions = {}) {
      if (closed) return Promise.reject(new Error('queue closed'));
      const { jobId } = enqueueOptions;
      if (jobId && pendingIds.has(jobId)) return Promise.resolve();
      if (jobId) pendingIds.add(jobId);
      const job = run(name, payload, enqueueOptions.delayMs ?? 0).finally(() => {
        running.delete(job);
        if (jobId) pendingIds.delete(jobId);
      });
      running.add(job);
      return Promise.resolve();
    },
    ping: () => Promise.resolve(),
    async drain() {
      while (running.size > 0) await Promise.all(running);
    },
    async close() {
      await this.drain();
      closed = true;
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
