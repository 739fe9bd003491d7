// The queue facade's contract, held by both kinds: BullMQ on the real Redis of this tier, and the
// in-process queue of the embedded default. Handlers written against `JobQueue` must not be able to
// tell which one runs them: the same work added twice runs once, a dedupe key keeps one waiting and one
// more after a running job, a failed job is retried with the shared backoff, a schedule runs once per
// interval however often it is set, and closing waits for the work in hand.
import { randomUUID } from 'node:crypto';
import {
  createBullQueue,
  createInProcessQueue,
  retryPolicy,
  startBullWorker,
  type JobContext,
  type JobHandlers,
  type JobName,
  type JobPayloads,
  type JobQueue,
} from '@accord/jobs';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, inject, it } from 'vitest';

/** A queue with its handlers running, as the API and worker processes have it. */
interface Running {
  queue: JobQueue;
  /** Closes the queue, then whatever runs its jobs. */
  close(): Promise<void>;
}

interface Kind {
  name: JobQueue['kind'];
  start(handlers: JobHandlers): Running;
}

const kinds: Kind[] = [
  {
    name: 'bullmq',
    start(handlers) {
      // A prefix of its own: jobs other tests left in Redis are not this queue's.
      const prefix = `contract-${randomUUID()}`;
      const redisUrl = inject('redisUrl');
      const queue = createBullQueue(redisUrl, { prefix });
      const worker = startBullWorker(redisUrl, handlers, { prefix });
      return {
        queue,
        async close() {
          await queue.close();
          await worker.close();
          await removeKeys(redisUrl, prefix);
        },
      };
    },
  },
  {
    name: 'in-process',
    start(handlers) {
      const queue = createInProcessQueue(handlers);
      return { queue, close: () => queue.close() };
    },
  },
];

async function removeKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

interface Run {
  name: JobName;
  payload: unknown;
  attempt: number;
  at: number;
}

type Behaviour = (name: JobName, payload: unknown, context: JobContext) => Promise<void>;

/** Handlers for every job name that record each run, then do what the test says. */
function recording(behave: Behaviour = async () => {}): { handlers: JobHandlers; runs: Run[] } {
  const runs: Run[] = [];
  const handler =
    <N extends JobName>(name: N) =>
    async (payload: JobPayloads[N], context: JobContext) => {
      runs.push({ name, payload, attempt: context.attempt, at: Date.now() });
      await behave(name, payload, context);
    };
  const handlers: JobHandlers = {
    'deliver-email': handler('deliver-email'),
    'ingest-batch': handler('ingest-batch'),
    'recompute-network': handler('recompute-network'),
    'recompute-customer-value': handler('recompute-customer-value'),
    'recompute-scorecards': handler('recompute-scorecards'),
    'prune-expired': handler('prune-expired'),
  };
  return { handlers, runs };
}

async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs}ms`);
    await sleep(20);
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A door a handler waits at until the test opens it. */
function gate(): { wait: () => Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { wait: () => opened, open };
}

const email = (emailId: string) => ({ firmId: 'firm-1', emailId });

describe.each(kinds)('the $name queue', (kind) => {
  let running: Running | undefined;
  const start = (handlers: JobHandlers): JobQueue => {
    running = kind.start(handlers);
    return running.queue;
  };
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  it('is the kind it says, answers a ping, and hands each job to the handler of its name', async () => {
    const progress: Array<Promise<void>> = [];
    const { handlers, runs } = recording(async (_name, _payload, context) => {
      progress.push(context.reportProgress(0.5));
    });
    const queue = start(handlers);
    expect(queue.kind).toBe(kind.name);
    await queue.ping();

    await queue.enqueue('deliver-email', email('e-1'));
    await queue.enqueue('recompute-network', { firmId: 'firm-1', networkId: 'net-1' });
    await until(() => runs.length === 2);
    await Promise.all(progress);

    expect(runs.map(({ name, payload, attempt }) => ({ name, payload, attempt })).sort(byName)).toEqual([
      { name: 'deliver-email', payload: email('e-1'), attempt: 1 },
      { name: 'recompute-network', payload: { firmId: 'firm-1', networkId: 'net-1' }, attempt: 1 },
    ]);
  });

  it('runs a delayed job no sooner than its delay', async () => {
    const { handlers, runs } = recording();
    const queue = start(handlers);
    const added = Date.now();
    await queue.enqueue('deliver-email', email('e-later'), { delayMs: 700 });
    await until(() => runs.length === 1);
    expect(runs[0]!.at - added).toBeGreaterThanOrEqual(650);
  });

  it('runs the same job id once while it is pending', async () => {
    const { handlers, runs } = recording();
    const queue = start(handlers);
    // Delayed, so the second enqueue surely meets the first still pending.
    await queue.enqueue('deliver-email', email('e-2'), { jobId: 'email-e-2', delayMs: 400 });
    await queue.enqueue('deliver-email', email('e-2'), { jobId: 'email-e-2', delayMs: 400 });
    await queue.enqueue('deliver-email', email('e-3'), { jobId: 'email-e-3', delayMs: 400 });
    await until(() => runs.length >= 2);
    await sleep(800);
    expect(runs.map((r) => r.payload).sort(byEmail)).toEqual([email('e-2'), email('e-3')]);
  });

  it('refuses a job id with a colon, as BullMQ does', async () => {
    const { handlers, runs } = recording();
    const queue = start(handlers);
    await expect(queue.enqueue('deliver-email', email('e-8'), { jobId: 'email:e-8' })).rejects.toThrow(/:/);
    await sleep(200);
    expect(runs).toEqual([]);
  });

  it('with a dedupe key, adds nothing while one waits', async () => {
    const { handlers, runs } = recording();
    const queue = start(handlers);
    const job = (asOf: string) => ({ firmId: 'firm-1', networkId: 'net-1', asOf });
    await queue.enqueue('recompute-customer-value', job('a'), { dedupeKey: 'value:net-1', delayMs: 400 });
    await queue.enqueue('recompute-customer-value', job('b'), { dedupeKey: 'value:net-1', delayMs: 400 });
    await until(() => runs.length >= 1);
    await sleep(800);
    expect(runs.map((r) => r.payload)).toEqual([job('a')]);
  });

  it('with a dedupe key, keeps the last one added while one runs and runs it after', async () => {
    const door = gate();
    const { handlers, runs } = recording(async (_name, payload) => {
      if ((payload as { asOf?: string }).asOf === 'a') await door.wait();
    });
    const queue = start(handlers);
    const job = (asOf: string) => ({ firmId: 'firm-1', networkId: 'net-1', asOf });
    await queue.enqueue('recompute-customer-value', job('a'), { dedupeKey: 'value:net-1' });
    await until(() => runs.length === 1);
    await queue.enqueue('recompute-customer-value', job('b'), { dedupeKey: 'value:net-1' });
    await queue.enqueue('recompute-customer-value', job('c'), { dedupeKey: 'value:net-1' });
    door.open();
    await until(() => runs.length >= 2);
    await sleep(800);
    expect(runs.map((r) => r.payload)).toEqual([job('a'), job('c')]);
  });

  it('retries a failed job after the shared backoff, doubling, until it succeeds', async () => {
    const { handlers, runs } = recording(async (_name, _payload, { attempt }) => {
      if (attempt < 3) throw new Error('smtp down');
    });
    const queue = start(handlers);
    await queue.enqueue('deliver-email', email('e-4'));
    await until(() => runs.length === 3);
    await sleep(300);
    expect(runs.map((r) => r.attempt)).toEqual([1, 2, 3]);
    const gaps = runs.slice(1).map((r, i) => r.at - runs[i]!.at);
    // Timers may fire a little early; the waits are 1 s and 2 s, not immediate and not equal.
    expect(gaps[0]).toBeGreaterThanOrEqual(retryPolicy.backoffMs * 0.9);
    expect(gaps[1]).toBeGreaterThanOrEqual(retryPolicy.backoffMs * 2 * 0.9);
  });

  it(`gives a job up after ${retryPolicy.attempts} failed attempts`, async () => {
    const { handlers, runs } = recording(async () => {
      throw new Error('always down');
    });
    const queue = start(handlers);
    await queue.enqueue('deliver-email', email('e-5'));
    // 1 + 2 + 4 + 8 s of backoff between the five attempts
    await until(() => runs.length === retryPolicy.attempts, 40_000);
    await sleep(1500);
    expect(runs.map((r) => r.attempt)).toEqual([1, 2, 3, 4, 5]);
  });

  it('runs a schedule once per interval, the first one interval from now, however often it is set', async () => {
    const { handlers, runs } = recording();
    const queue = start(handlers);
    const set = Date.now();
    // Set twice, as two processes starting would: one schedule, not two.
    await queue.every('prune-expired', {}, 1000);
    await queue.every('prune-expired', {}, 1000);
    await until(() => runs.length >= 1);
    expect(runs[0]!.at - set).toBeGreaterThanOrEqual(900);
    await sleep(2600);
    expect(runs.every((r) => r.name === 'prune-expired')).toBe(true);
    // about three runs in about 3.6 s; two schedules would make six or more
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.length).toBeLessThanOrEqual(4);
  });

  it('closes once the job in hand is done, and takes no more work', async () => {
    const door = gate();
    let finished = false;
    const { handlers, runs } = recording(async () => {
      await door.wait();
      finished = true;
    });
    const own = kind.start(handlers);
    await own.queue.enqueue('deliver-email', email('e-6'));
    await until(() => runs.length === 1);
    const closed = own.close().then(() => finished);
    await sleep(200);
    door.open();
    expect(await closed).toBe(true);
    await expect(own.queue.enqueue('deliver-email', email('e-7'))).rejects.toThrow();
  });
});

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
const byEmail = (a: unknown, b: unknown) =>
  (a as { emailId: string }).emailId.localeCompare((b as { emailId: string }).emailId);
