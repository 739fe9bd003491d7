// The jobs Accord runs in the background: one name and one payload type each. Every payload
// carries the firm it runs for, so handlers do their work under that firm's row-level security.
export interface JobPayloads {
  /** Deliver one message from the email outbox. */
  'deliver-email': { firmId: string; emailId: string };
  /** Parse, check, hash, stage and merge one received feed batch. */
  'ingest-batch': { firmId: string; networkId: string; batchId: string };
}

export type JobName = keyof JobPayloads;

export interface JobContext {
  /** Which attempt this is, from 1. */
  attempt: number;
  reportProgress(progress: number): Promise<void>;
}

export type JobHandler<N extends JobName> = (payload: JobPayloads[N], context: JobContext) => Promise<void>;

/** Exactly one handler per job name: the type makes a missing or extra handler a compile error. */
export type JobHandlers = { [N in JobName]: JobHandler<N> };

export interface EnqueueOptions {
  /** Derived from the work, so enqueueing the same work twice runs it once. */
  jobId?: string;
  delayMs?: number;
}

export interface JobQueue {
  readonly kind: 'bullmq' | 'in-process';
  enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options?: EnqueueOptions): Promise<void>;
  /** Throws unless the queue's backend answers. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const QUEUE_NAME = 'accord';

/** Attempts and backoff shared by both queue kinds. */
export const retryPolicy = { attempts: 5, backoffMs: 1000 } as const;
