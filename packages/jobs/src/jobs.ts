// The jobs Accord runs in the background: one name and one payload type each. Every payload of a firm's
// work carries the firm it runs for, so handlers do their work under that firm's row-level security.
export interface JobPayloads {
  /** Deliver one message from the email outbox. */
  'deliver-email': { firmId: string; emailId: string };
  /** Parse, check, hash, stage and merge one received feed batch. */
  'ingest-batch': { firmId: string; networkId: string; batchId: string };
  /** Recompute what is derived from a network's exchange for each of its active members. */
  'recompute-network': { firmId: string; networkId: string };
  /**
   * Recompute one firm's customer features (RFM, CLV, cost-to-serve, profit, segments) from everything
   * it may see in the network, as of a day (default: today, UTC); from every line rather than the
   * per-customer sums the database keeps when `fromLines` (a full rebuild: the same features).
   */
  'recompute-customer-value': { firmId: string; networkId: string; asOf?: string; fromLines?: boolean };
  /**
   * Score the network's scorecards as one member firm sees them: open the current periods and
   * recompute every open one (today: default today, UTC).
   */
  'recompute-scorecards': { firmId: string; networkId: string; today?: string };
  /** Housekeeping, on a schedule: remove expired sign-in secrets and long-ended sessions. */
  'prune-expired': Record<string, never>;
}

export type JobName = keyof JobPayloads;

export interface JobContext {
  /** Which attempt this is, from 1. */
  attempt: number;
  reportProgress(progress: number): Promise<void>;
  /**
   * Aborted when the process is stopping: a long handler stops at its next safe point by throwing
   * (its transaction rolls back), and the job goes back to the queue without spending an attempt.
   */
  signal: AbortSignal;
}

/**
 * Thrown by a handler whose work could not run for a reason outside the work (the database is away):
 * the job runs again after `delayMs` without spending one of its attempts.
 */
export class RetryLater extends Error {
  override name = 'RetryLater';
  constructor(
    message: string,
    readonly delayMs: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export type JobHandler<N extends JobName> = (payload: JobPayloads[N], context: JobContext) => Promise<void>;

/** Exactly one handler per job name: the type makes a missing or extra handler a compile error. */
export type JobHandlers = { [N in JobName]: JobHandler<N> };

export interface EnqueueOptions {
  /**
   * Derived from the work, so enqueueing the same work twice runs it once. No `:` in it: BullMQ keeps
   * that for its own keys and refuses such an id, so the in-process queue refuses it too.
   */
  jobId?: string;
  /**
   * Work that is redone rather than done once (a recompute): while a job with this key waits, another
   * is not added; while one runs, one more is kept to run after it, so the last change is never missed.
   */
  dedupeKey?: string;
  delayMs?: number;
}

export interface JobQueue {
  readonly kind: 'bullmq' | 'in-process';
  enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options?: EnqueueOptions): Promise<void>;
  /**
   * Runs the job every `intervalMs` (the first run one interval from now), once per interval however many
   * processes ask for it: calling this again replaces the schedule.
   */
  every<N extends JobName>(name: N, payload: JobPayloads[N], intervalMs: number): Promise<void>;
  /** Throws unless the queue's backend answers. */
  ping(): Promise<void>;
  /** Jobs waiting to run (delayed ones and those waiting out a retry included) and running, for metrics. */
  depth(): Promise<QueueDepth>;
  /**
   * Stops. The in-process kind runs its jobs itself: they may finish within `graceMs` (default: no
   * limit), then are told to stop (`JobContext.signal`) and are waited for.
   */
  close(options?: { graceMs?: number }): Promise<void>;
}

export interface QueueDepth {
  waiting: number;
  active: number;
}

export const QUEUE_NAME = 'accord';

/** Attempts and backoff shared by both queue kinds. */
export const retryPolicy = { attempts: 5, backoffMs: 1000 } as const;
