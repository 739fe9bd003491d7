import { describe, expect, it } from 'vitest';
import { ApiError } from './problem.ts';
import { backoffDelay, isNetworkError, isTransientStatus, parseRetryAfter, withRetry } from './backoff.ts';

describe('backoffDelay', () => {
  it('doubles from one second, capped at thirty, jittered into the upper half', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((a) => backoffDelay(a, () => 1))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ]);
    expect([1, 2, 3, 4].map((a) => backoffDelay(a, () => 0))).toEqual([500, 1000, 2000, 4000]);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-03-04T10:15:00Z');
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Wed, 04 Mar 2026 10:15:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});

describe('what is transient', () => {
  it('retries 5xx, 429, 408 and 409 batch_in_progress, nothing else', () => {
    expect(isTransientStatus(503, 'unavailable')).toBe(true);
    expect(isTransientStatus(500, undefined)).toBe(true);
    expect(isTransientStatus(429, 'rate_limited')).toBe(true);
    expect(isTransientStatus(409, 'batch_in_progress')).toBe(true);
    expect(isTransientStatus(409, 'conflict')).toBe(false);
    expect(isTransientStatus(422, 'idempotency_key_reused')).toBe(false);
    expect(isTransientStatus(401, 'unauthorized')).toBe(false);
  });

  it('tells network failures from local file errors', () => {
    expect(isNetworkError(new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } }))).toBe(true);
    expect(isNetworkError(new TypeError('fetch failed', { cause: { code: 'ENOENT' } }))).toBe(false);
    expect(isNetworkError(new Error('boom'))).toBe(false);
  });
});

describe('withRetry', () => {
  const unavailable = new ApiError({ status: 503, code: 'unavailable', title: 'Unavailable' });

  it('tries up to five times with growing waits, then gives up', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const failing = withRetry(
      async () => {
        calls++;
        throw unavailable;
      },
      { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 },
    );
    await expect(failing).rejects.toBe(unavailable);
    expect(calls).toBe(5);
    expect(sleeps).toEqual([750, 1500, 3000, 6000]);
  });

  it('waits at least what Retry-After asks', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const result = await withRetry(
      async () => {
        if (calls++ === 0) throw new ApiError({ status: 429, code: 'rate_limited', title: 'Slow down' }, 9000);
        return 'ok';
      },
      { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 },
    );
    expect(result).toBe('ok');
    expect(sleeps).toEqual([9000]);
  });

  it('does not retry a refusal', async () => {
    let calls = 0;
    const refused = new ApiError({ status: 422, code: 'idempotency_key_reused', title: 'Reused' });
    await expect(
      withRetry(
        async () => {
          calls++;
          throw refused;
        },
        { sleep: async () => {} },
      ),
    ).rejects.toBe(refused);
    expect(calls).toBe(1);
  });
});
