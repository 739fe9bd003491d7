import { describe, expect, it } from 'vitest';
import { createInProcessQueue } from './in-process.ts';
import { RetryLater } from './jobs.ts';

const idle = {
  'deliver-email': async () => {},
  'ingest-batch': async () => {},
  'recompute-network': async () => {},
  'recompute-customer-value': async () => {},
  'recompute-scorecards': async () => {},
  'prune-expired': async () => {},
};

describe('in-process queue', () => {
  it('retries a failing job and runs a job id once while pending', async () => {
    const seen: number[] = [];
    const queue = createInProcessQueue(
      {
        ...idle,
        'deliver-email': async (_payload, { attempt }) => {
          seen.push(attempt);
          if (attempt < 3) throw new Error('smtp down');
        },
      },
      { backoffMs: 1 },
    );
    await queue.enqueue('deliver-email', { firmId: 'f', emailId: 'e' }, { jobId: 'email-e' });
    await queue.enqueue('deliver-email', { firmId: 'f', emailId: 'e' }, { jobId: 'email-e' });
    await queue.drain();
    expect(seen).toEqual([1, 2, 3]);
    await queue.close();
    await expect(queue.enqueue('deliver-email', { firmId: 'f', emailId: 'e' })).rejects.toThrow(/closed/);
  });

  it('with a dedupe key, adds nothing while one waits and runs the last one added while one runs', async () => {
    const runs: string[] = [];
    let release = () => {};
    const handlers = {
      ...idle,
      'recompute-customer-value': async ({ asOf }: { asOf?: string }) => {
        runs.push(`start ${asOf}`);
        if (asOf === 'a') await new Promise<void>((resolve) => (release = resolve));
        runs.push(`end ${asOf}`);
      },
    };
    const queue = createInProcessQueue(handlers, { backoffMs: 1 });
    const enqueue = (asOf: string, delayMs = 0) =>
      queue.enqueue('recompute-customer-value', { firmId: 'f', networkId: 'n', asOf }, { dedupeKey: 'k', delayMs });
    await enqueue('a');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await enqueue('b'); // a runs: b is kept
    await enqueue('c'); // replaces b
    release();
    await queue.drain();
    expect(runs).toEqual(['start a', 'end a', 'start c', 'end c']);
    runs.length = 0;
    await enqueue('d', 20);
    await enqueue('e'); // d still waits: e is not added
    await queue.drain();
    expect(runs).toEqual(['start d', 'end d']);
    await queue.close();
  });

  it('runs a scheduled job every interval until closed, and a new schedule replaces the old', async () => {
    let runs = 0;
    const noop = async () => {};
    const queue = createInProcessQueue({
      'deliver-email': noop,
      'ingest-batch': noop,
      'recompute-network': noop,
      'recompute-customer-value': noop,
      'recompute-scorecards': noop,
      'prune-expired': async () => {
        runs += 1;
      },
    });
    await queue.every('prune-expired', {}, 1_000_000);
    await queue.every('prune-expired', {}, 20);
    await new Promise((resolve) => setTimeout(resolve, 110));
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(runs).toBeLessThanOrEqual(6);
    await queue.close();
    const atClose = runs;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(runs).toBe(atClose);
  });

  it('runs a job that asks to be retried later again without spending an attempt', async () => {
    const seen: number[] = [];
    let deferrals = 0;
    const queue = createInProcessQueue(
      {
        ...idle,
        'deliver-email': async (_payload, { attempt }) => {
          seen.push(attempt);
          if (deferrals++ < 7) throw new RetryLater('database away', 1);
        },
      },
      { backoffMs: 1 },
    );
    await queue.enqueue('deliver-email', { firmId: 'f', emailId: 'e' });
    await queue.drain();
    // more deferrals than the five attempts, and still the first attempt when it runs
    expect(seen).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    await queue.close();
  });

  it('on close, lets a running job finish within the grace, then tells it to stop', async () => {
    const stops: string[] = [];
    const queue = createInProcessQueue({
      ...idle,
      'deliver-email': async (_payload, { signal }) => {
        await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
        stops.push('told to stop');
        throw new Error('stopped');
      },
    });
    await queue.enqueue('deliver-email', { firmId: 'f', emailId: 'e' });
    const started = Date.now();
    await queue.close({ graceMs: 50 });
    expect(stops).toEqual(['told to stop']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });
});
