// Retrying transient failures: exponential backoff with jitter, honouring Retry-After.
import { ApiError } from './problem.ts';

export const MAX_ATTEMPTS = 5;
const BASE_MS = 1000;
const CAP_MS = 30_000;

/**
 * The wait before attempt `attempt + 1`: 1 s, 2 s, 4 s, 8 s ... capped at 30 s, each scaled into
 * [50%, 100%] by `random` so that many pipelines failing together do not retry in step.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** (attempt - 1));
  return Math.round(ceiling * (0.5 + random() / 2));
}

/** Retry-After in seconds or as an HTTP date, in milliseconds from now; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** Statuses worth another try with the same idempotency key; anything else is the server's answer. */
export function isTransientStatus(status: number, code: string | undefined): boolean {
  return status >= 500 || status === 429 || status === 408 || (status === 409 && code === 'batch_in_progress');
}

// Errors from reading the local file are not the network's fault: retrying cannot help.
const localErrorCodes = new Set(['ENOENT', 'EACCES', 'EISDIR', 'EPERM', 'EMFILE']);

/** A failure of the connection (fetch's TypeError), not an answer from the server nor a local file error. */
export function isNetworkError(error: unknown): boolean {
  if (!(error instanceof TypeError)) return false;
  const cause = (error as { cause?: { code?: unknown } }).cause;
  return !(typeof cause?.code === 'string' && localErrorCodes.has(cause.code));
}

export function isTransient(error: unknown): boolean {
  if (error instanceof ApiError) return isTransientStatus(error.problem.status, error.problem.code);
  return isNetworkError(error);
}

export interface RetryOptions {
  attempts?: number;
  sleep: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  /** Told before each wait, e.g. to print why. */
  onRetry?: (info: { attempt: number; attempts: number; delayMs: number; error: unknown }) => void;
}

/** Runs `task` until it succeeds, fails for good, or `attempts` tries have failed transiently. */
export async function withRetry<T>(task: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const attempts = options.attempts ?? MAX_ATTEMPTS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await task(attempt);
    } catch (error) {
      if (attempt >= attempts || !isTransient(error)) throw error;
      const retryAfter = error instanceof ApiError ? error.retryAfterMs : null;
      const delayMs = Math.min(60_000, Math.max(backoffDelay(attempt, options.random), retryAfter ?? 0));
      options.onRetry?.({ attempt, attempts, delayMs, error });
      await options.sleep(delayMs);
    }
  }
}
