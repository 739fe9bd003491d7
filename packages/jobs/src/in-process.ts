// The in-process queue kind, for the embedded default without Redis: the same handlers run in the
// API process, with the same retry policy, after the enqueueing transaction has returned.
import {
  RetryLater,
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
  let active = 0;
  const pendingIds = new Set<string>();
  let closed = false;
  const stopping = new AbortController();
  const backoffMs = options.backoffMs ?? retryPolicy.backoffMs;

  // dedupe keys: whether the job is running yet, and the payload of the one to run after it
  const deduped = new Map<string, { running: boolean; next: { payload: unknown } | null }>();
  // schedules by job name: one timer each, which does not keep the process alive
  const timers = new Map<JobName, ReturnType<typeof setInterval>>();

  async function run<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    delayMs: number,
    onStart: () => void = () => {},
  ): Promise<void> {
    if (delayMs > 0) await sleep(delayMs, stopping.signal);
    onStart();
    active++;
    try {
      await attempts(name, payload);
    } finally {
      active--;
    }
  }

  async function attempts<N extends JobName>(name: N, payload: JobPayloads[N]): Promise<void> {
    for (let attempt = 1; attempt <= retryPolicy.attempts && !stopping.signal.aborted; attempt++) {
      try {
        await handlers[name](payload, { attempt, reportProgress: async () => {}, signal: stopping.signal });
        return;
      } catch (error) {
        // work stopped by close() is dropped: what must outlive the process (a batch) is in the database
        if (stopping.signal.aborted) return;
        if (error instanceof RetryLater) {
          attempt -= 1; // not an attempt of the work
          await sleep(error.delayMs, stopping.signal);
          continue;
        }
        options.onFailed?.(name, error as Error, attempt);
        if (attempt < retryPolicy.attempts) await sleep(backoffMs * 2 ** (attempt - 1), stopping.signal);
      }
    }
  }

  function track(job: Promise<void>) {
    running.add(job);
    void job.finally(() => running.delete(job));
  }

  function startDeduped<N extends JobName>(name: N, key: string, payload: JobPayloads[N], delayMs: number) {
    const entry = { running: false, next: null as { payload: unknown } | null };
    deduped.set(key, entry);
    track(
      run(name, payload, delayMs, () => (entry.running = true)).finally(() => {
        deduped.delete(key);
        if (entry.next && !closed) startDeduped(name, key, entry.next.payload as JobPayloads[N], 0);
      }),
    );
  }

  return {
    kind: 'in-process',
    enqueue<N extends JobName>(name: N, payload: JobPayloads[N], enqueueOptions: EnqueueOptions = {}) {
      if (closed) return Promise.reject(new Error('queue closed'));
      const { jobId, dedupeKey } = enqueueOptions;
      if (jobId?.includes(':')) return Promise.reject(new Error(`job id "${jobId}" contains ":"`));
      const delayMs = enqueueOptions.delayMs ?? 0;
      if (dedupeKey) {
        const entry = deduped.get(dedupeKey);
        if (!entry) startDeduped(name, dedupeKey, payload, delayMs);
        else if (entry.running) entry.next = { payload };
        return Promise.resolve();
      }
      if (jobId && pendingIds.has(jobId)) return Promise.resolve();
      if (jobId) pendingIds.add(jobId);
      track(
        run(name, payload, delayMs).finally(() => {
          if (jobId) pendingIds.delete(jobId);
        }),
      );
      return Promise.resolve();
    },
    every<N extends JobName>(name: N, payload: JobPayloads[N], intervalMs: number) {
      clearInterval(timers.get(name));
      const timer = setInterval(() => {
        if (!closed) void this.enqueue(name, payload, { dedupeKey: `every:${name}` });
      }, intervalMs);
      timer.unref();
      timers.set(name, timer);
      return Promise.resolve();
    },
    ping: () => Promise.resolve(),
    depth: () => Promise.resolve({ waiting: running.size - active, active }),
    async drain() {
      while (running.size > 0) await Promise.all(running);
    },
    async close({ graceMs = Infinity } = {}) {
      for (const timer of timers.values()) clearInterval(timer);
      timers.clear();
      // running jobs (and the jobs they enqueue) may finish within the grace; then they are told to stop
      const grace = sleep(graceMs === Infinity ? 2 ** 31 - 1 : graceMs, stopping.signal);
      await Promise.race([this.drain(), grace]);
      closed = true;
      stopping.abort();
      await this.drain();
    },
  };
}

/** Resolves after `ms`, or at once when `signal` aborts. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
